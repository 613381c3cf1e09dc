/**
 * A member's yearly ledger, and a branch's ranking. Rankings are the branch administrators' alone
 * unless the county turns public display on, and then also the branch's own members' (rules.md §0:
 * no compulsory public ranking of points).
 */
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { membersBetween } from '../dues/queries.js';
import { memberships } from '../members/schema.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import type { LedgerView, PointsSettings, RankingView } from './contracts.js';
import { approvedEntries, pointsSettings, readableMember, recordCounts, yearSpan } from './queries.js';
import { ledgerOf, ranked } from './rules.js';

const none = { full: false, attended: 0, absent: 0, duesOnTime: 0 };

export async function getLedger(ctx: ServiceContext, query: { person?: string; year: number }): Promise<LedgerView> {
  const personId = query.person ?? ctx.actor.personId;
  if (!personId) throw notFound('points.member_not_found');
  const { person, org } = await readableMember(ctx, personId, query.year);
  const settings = await pointsSettings(ctx.db, ctx.actor.countyId);
  const counts = await recordCounts(ctx.db, ctx.actor.countyId, [person.id], query.year);
  const entries = await approvedEntries(ctx.db, ctx.actor.countyId, [person.id], query.year);
  const ledger = ledgerOf(settings, counts.get(person.id) ?? none, entries.get(person.id) ?? []);
  return {
    person, org: { code: org.code, name: org.name }, year: query.year, ...ledger, thresholds: settings.memberStars,
    inactive: settings.items.filter((i) => i.source === 'visit').map((i) => ({ itemId: i.id, name: i.name })),
  };
}

/** Whether the actor is a member of `org` today: one of its own members, who see its ranking when the county displays it. */
async function ownMember(ctx: ServiceContext, org: OrgRow): Promise<boolean> {
  if (!ctx.actor.personId) return false;
  const today = chinaDate(ctx.clock.now());
  const [found] = await ctx.db.select({ id: memberships.id }).from(memberships)
    .where(and(eq(memberships.countyId, org.countyId), eq(memberships.orgId, org.id), eq(memberships.personId, ctx.actor.personId),
      or(isNull(memberships.endedOn), gt(memberships.endedOn, today))));
  return found !== undefined;
}

async function mayRank(ctx: ServiceContext, org: OrgRow, settings: PointsSettings): Promise<boolean> {
  if (grantingPost(ctx.actor, 'member.manage', org.path)) return true;
  return settings.rankingsPublic && ownMember(ctx, org);
}

/** The members of a branch in a year with their totals, highest first; two statements for the whole branch. */
export async function getRanking(ctx: ServiceContext, query: { org: string; year: number }): Promise<RankingView> {
  const org = await visibleOrg(ctx, query.org);
  const settings = await pointsSettings(ctx.db, org.countyId);
  if (!(await mayRank(ctx, org, settings))) throw forbidden(settings.rankingsPublic ? 'points.ranking_members_only' : 'points.ranking_private', { org: org.name });
  const members = await membersBetween(ctx.db, org, ...yearSpan(query.year));
  const ids = members.map((m) => m.id);
  const counts = await recordCounts(ctx.db, org.countyId, ids, query.year);
  const entries = await approvedEntries(ctx.db, org.countyId, ids, query.year);
  const totals = members.map((m) => {
    const { total, stars } = ledgerOf(settings, counts.get(m.id) ?? none, entries.get(m.id) ?? []);
    return { person: { id: m.id, name: m.name }, total, stars };
  });
  return { org: { code: org.code, name: org.name }, year: query.year, public: settings.rankingsPublic, items: ranked(totals) };
}
