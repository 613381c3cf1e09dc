/**
 * The handler's inbox: concerns in the actor's scope, open ones first by due day, filtered by
 * organization, state type, category, overdue, "mine" and a Chinese text search, one page at a time
 * in one statement. "Mine" is a handler's own open cases, which the partial index concerns_handler
 * answers in due order; other filters ride the path indexes. No total: a count over a county's
 * million concerns would cost more than the page.
 */
import { and, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { escapeLike } from '../../platform/text/pinyin.js';
import { searchMatches, searchQuery } from '../../platform/text/search.js';
import { visibleOrg } from '../organizations/queries.js';
import type { InboxQuery, InboxView } from './contracts.js';
import { concernScope, inboxOrder, summaries, summaryOf } from './queries.js';
import { activeTypes } from './rules.js';
import { concerns } from './schema.js';
import { concernSettings } from './settings.js';

export const PAGE_SIZE = 30;

export async function inbox(ctx: ServiceContext, query: InboxQuery): Promise<InboxView> {
  const today = chinaDate(ctx.clock.now());
  const page = query.page ?? 1;
  const conditions: (SQL | undefined)[] = [concernScope(ctx.actor)];
  if (query.org) {
    const org = await visibleOrg(ctx, query.org);
    const under = escapeLike(org.path) + '%';
    conditions.push(or(sql`${concerns.handlerOrgPath} like ${under}`, sql`${concerns.orgPath} like ${under}`));
  }
  if (query.state === 'active') conditions.push(inArray(concerns.stateType, [...activeTypes]));
  else if (query.state === 'open') conditions.push(inArray(concerns.stateType, ['open', 'paused']));
  else if (query.state) conditions.push(eq(concerns.stateType, query.state));
  if (query.category) conditions.push(eq(concerns.category, query.category));
  if (query.overdue === 'true') conditions.push(eq(concerns.stateType, 'open'), lt(concerns.dueOn, today));
  if (query.mine === 'true') {
    conditions.push(ctx.actor.personId ? and(eq(concerns.countyId, ctx.actor.countyId), eq(concerns.handlerId, ctx.actor.personId)) : sql`false`);
    if (!query.state) conditions.push(inArray(concerns.stateType, [...activeTypes]));
  }
  if (query.q) {
    const tsquery = searchQuery(query.q);
    if (tsquery === null) throw invalid('concerns.invalid', {}, [{ path: 'querystring.q', key: 'concerns.search_too_short' }]);
    conditions.push(searchMatches(concerns.search, tsquery));
  }
  const rows = await summaries(ctx.db).where(and(...conditions)).orderBy(...inboxOrder).limit(PAGE_SIZE + 1).offset((page - 1) * PAGE_SIZE);
  const settings = await concernSettings(ctx.db, ctx.actor.countyId);
  return {
    items: rows.slice(0, PAGE_SIZE).map((r) => summaryOf(r, settings, today)),
    page,
    pageSize: PAGE_SIZE,
    hasMore: rows.length > PAGE_SIZE,
  };
}
