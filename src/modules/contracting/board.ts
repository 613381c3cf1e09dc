/**
 * A township's contracting board for a week: each team with its villages, the leader's visits in
 * the quota period holding the week, the last visit to each village (flagged after STALE_DAYS
 * days), and the team's visits in each of the eight weeks up to it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { permission } from '../../platform/access/actor.js';
import { parsePeriodKey, periodLabel, periodOf, periodsBetween, type Period } from '../../platform/cadence/periods.js';
import { chinaDate } from '../../platform/clock.js';
import { addDays } from '../../platform/dates.js';
import { invalid } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import { visibleOrg } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import type { BoardView } from './contracts.js';
import { contractingSettings, lastVisits, teamsUnder, teamViews, visitCounts } from './queries.js';
import { isStale, quotaCell, STALE_DAYS, yearSpan } from './rules.js';

export const HISTORY_WEEKS = 8;

export async function board(ctx: ServiceContext, query: { org: string; week?: string }, lang: Lang): Promise<BoardView> {
  const org = await visibleOrg(ctx, query.org);
  const today = chinaDate(ctx.clock.now());
  const week = query.week ? parsePeriodKey(query.week) : periodOf('week', today);
  if (!week) throw invalid('contracting.week_invalid', { week: query.week! }, [{ path: 'querystring.week', key: 'contracting.week_invalid', params: { week: query.week! } }]);
  // The week belongs to the year of its Thursday, as its key says.
  const year = Number(week.key.slice(0, 4));
  const span = yearSpan(year);
  const settings = await contractingSettings(ctx.db, ctx.actor.countyId);
  const whole = periodOf(settings.period, week.start < span.start ? span.start : week.start);
  const period: Period = { ...whole, start: whole.start < span.start ? span.start : whole.start, end: whole.end > span.end ? span.end : whole.end };
  const history = periodsBetween('week', addDays(week.start, -7 * (HISTORY_WEEKS - 1)), week.end);

  const teams = await teamsUnder(ctx.db, org, year);
  const views = await teamViews(ctx.db, ctx.actor.countyId, teams);
  const counts = await visitCounts(ctx.db, ctx.actor.countyId, teams, [period, ...history], settings.memberVisitsCount);
  const codes = views.flatMap((v) => v.villages.map((o) => o.code));
  const villageIds = codes.length === 0 ? [] : await ctx.db.select({ id: organizations.id, code: organizations.code }).from(organizations)
    .where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.code, codes)));
  const asOf = week.end < today ? week.end : today;
  const last = await lastVisits(ctx.db, ctx.actor.countyId, villageIds.map((v) => v.id), asOf);
  const lastOf = (code: string) => last.get(villageIds.find((v) => v.code === code)!.id) ?? null;
  const label = (p: Period) => ({ key: p.key, label: periodLabel(p, lang), start: p.start, end: p.end });

  return {
    org: { code: org.code, name: org.name },
    week: label(week),
    period: label(period),
    quota: settings,
    staleDays: STALE_DAYS,
    teams: views.map((v) => {
      const c = counts.get(v.id)!;
      return {
        id: v.id, name: v.name, leader: v.leader, members: v.members,
        quota: quotaCell(period, c.held[0]!, settings, today),
        villages: v.villages.map((o) => ({ ...o, lastVisitedOn: lastOf(o.code), stale: isStale(lastOf(o.code), asOf) })),
        history: c.visits.slice(1),
      };
    }),
    history: history.map(label),
    can: { manage: permission(ctx.actor, 'contracting.manage', org.path), record: permission(ctx.actor, 'visit.record', org.path) },
  };
}
