/**
 * Reading screenings. A round belongs to the county; who takes part in screening (anyone with
 * 'screening.report': the county, townships, village secretaries) sees its rounds, and of a round only
 * the villages of their own subtrees: findings and cases elsewhere answer as if they did not exist.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { grantingPost, inScope, permission, postsWith, scopePrefixes, type ActorPost } from '../../../platform/access/actor.js';
import type { Ability } from '../../../platform/access/abilities.js';
import { chinaDate } from '../../../platform/clock.js';
import { rows, type Db } from '../../../platform/db/database.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { t, type Lang } from '../../../platform/i18n/index.js';
import type { ServiceContext } from '../../../platform/service.js';
import { rootOrg } from '../../organizations/county.js';
import { organizations } from '../../organizations/schema.js';
import { users } from '../../accounts/schema.js';
import { people } from '../../people/schema.js';
import { screeningSetting, type CriterionCategory } from '../criteria.js';
import { rectificationCases, screeningFindings, screeningRounds } from '../schema.js';
import type { FindingView, GridView, OrgFindingsView, RoundListView, RoundSummary } from './contracts.js';
import { screenedCondition, screeningFigures, townshipOf } from './figures.js';
import { quotaLine } from './rules.js';

export type RoundRow = typeof screeningRounds.$inferSelect;
export type FindingRow = typeof screeningFindings.$inferSelect;

export const roundSummaryOf = (r: RoundRow): RoundSummary => ({
  id: r.id, year: r.year, period: r.period as RoundSummary['period'], title: r.title, status: r.status as RoundSummary['status'], openedOn: r.openedOn, closedOn: r.closedOn,
});

/** The post on the county's root granting the ability: the county administrator's actions. */
export async function countyPost(ctx: ServiceContext, ability: Ability, db: Db = ctx.db): Promise<{ post: ActorPost | undefined; root: { id: string; path: string; name: string } }> {
  const root = (await rootOrg(db, ctx.actor.countyId))!;
  return { post: grantingPost(ctx.actor, ability, root.path), root };
}

/** Anyone taking part in screening; others are refused. */
export function requireScreening(ctx: ServiceContext): void {
  if (postsWith(ctx.actor, 'screening.report').length === 0) throw forbidden('screening.forbidden');
}

export async function listRounds(ctx: ServiceContext): Promise<RoundListView> {
  requireScreening(ctx);
  const found = await ctx.db.select().from(screeningRounds).where(eq(screeningRounds.countyId, ctx.actor.countyId))
    .orderBy(desc(screeningRounds.year), desc(screeningRounds.period));
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  return { items: found.map(roundSummaryOf), can: { open: permission(ctx.actor, 'rectification.manage', root.path) } };
}

/** A round of the actor's county, for one taking part in screening; `lock` holds it until the transaction ends. */
export async function visibleRound(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<RoundRow> {
  requireScreening(ctx);
  const query = db.select().from(screeningRounds).where(and(eq(screeningRounds.countyId, ctx.actor.countyId), eq(screeningRounds.id, id)));
  const [round] = lock ? await query.for('update') : await query;
  if (!round) throw notFound('screening.round_not_found');
  return round;
}

export type OrgRow = typeof organizations.$inferSelect;

/** An organization within the actor's screening scope, else not found (whatever exists outside it). */
export async function screeningOrg(ctx: ServiceContext, db: Db, code: string): Promise<OrgRow & { screened: boolean }> {
  const [org] = await db.select({ org: organizations, screened: sql<boolean>`${screenedCondition('organizations')}` }).from(organizations)
    .where(and(eq(organizations.code, code), inScope(ctx.actor, 'screening.report', { county: organizations.countyId, path: organizations.path })));
  if (!org) throw notFound('org.not_found', { code });
  return { ...org.org, screened: org.screened };
}

/** The screened villages under the subtrees where the actor holds the ability, with their townships. */
export async function villagesInScope(ctx: ServiceContext, db: Db, ability: Ability) {
  const prefixes = scopePrefixes(ctx.actor, ability);
  if (prefixes.length === 0) return [];
  return rows<{ id: string; code: string; name: string; path: string; establishedOn: string; townshipCode: string | null; townshipName: string | null }>(db, sql`
    select o.id, o.code, o.name, o.path, o.established_on::text as "establishedOn", tw.code as "townshipCode", tw.name as "townshipName"
    from organizations o left join lateral ${townshipOf('o')} tw on true
    where o.county_id = ${ctx.actor.countyId} and ${screenedCondition('o')}
      and (${sql.join(prefixes.map((p) => sql`o.path like ${p + '%'}`), sql` or `)})
    order by o.path`);
}

export async function findingViews(ctx: ServiceContext, db: Db, found: FindingRow[]): Promise<FindingView[]> {
  if (found.length === 0) return [];
  const orgs = await db.select({ id: organizations.id, code: organizations.code, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.id, [...new Set(found.map((f) => f.orgId))])));
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const userIds = [...new Set(found.flatMap((f) => (f.recordedBy ? [f.recordedBy] : [])))];
  const names = userIds.length === 0 ? [] : await db.select({ id: users.id, name: people.name }).from(users)
    .innerJoin(people, and(eq(people.countyId, users.countyId), eq(people.id, users.personId)))
    .where(and(eq(users.countyId, ctx.actor.countyId), inArray(users.id, userIds)));
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  return found.map((f) => {
    const org = orgOf.get(f.orgId)!;
    return {
      id: f.id, org: { code: org.code, name: org.name },
      criterion: { code: f.criterionCode, title: f.criterionTitle, category: f.category as CriterionCategory },
      channel: f.channel as FindingView['channel'], checkLevel: f.checkLevel as FindingView['checkLevel'], department: f.department,
      evidence: f.evidence, foundOn: f.foundOn, source: f.source as FindingView['source'], measured: f.measured,
      status: f.status as FindingView['status'], dismissReason: f.dismissReason, recordedBy: f.recordedBy ? (nameOf.get(f.recordedBy) ?? null) : null,
      decidedOn: f.decidedOn, can: { decide: permission(ctx.actor, 'rectification.manage', f.orgPath) },
    };
  });
}

/** The round as organizations × criteria, with its figures and the quota policy. */
export async function getGrid(ctx: ServiceContext, id: string, lang: Lang): Promise<GridView> {
  const round = await visibleRound(ctx, ctx.db, id);
  const setting = await screeningSetting.read(ctx.db, ctx.actor.countyId);
  const villages = await villagesInScope(ctx, ctx.db, 'screening.report');
  const scoped = inScope(ctx.actor, 'screening.report', { county: screeningFindings.countyId, path: screeningFindings.orgPath });
  const cells = await ctx.db.select({
    orgId: screeningFindings.orgId, code: screeningFindings.criterionCode, title: screeningFindings.criterionTitle, category: screeningFindings.category,
    status: screeningFindings.status, channels: sql<string[]>`array_agg(distinct ${screeningFindings.channel})`, n: sql<number>`count(*)::int`,
  }).from(screeningFindings)
    .where(and(eq(screeningFindings.countyId, round.countyId), eq(screeningFindings.roundId, round.id), ne(screeningFindings.status, 'dismissed'), scoped))
    .groupBy(screeningFindings.orgId, screeningFindings.criterionCode, screeningFindings.criterionTitle, screeningFindings.category, screeningFindings.status);
  const cases = await ctx.db.select({ orgId: rectificationCases.orgId, state: rectificationCases.state }).from(rectificationCases)
    .where(and(eq(rectificationCases.countyId, round.countyId), eq(rectificationCases.roundId, round.id),
      inScope(ctx.actor, 'screening.report', { county: rectificationCases.countyId, path: rectificationCases.orgPath })));
  const caseOf = new Map(cases.map((c) => [c.orgId, c.state]));

  const criteria = setting.criteria.map((c) => ({ code: c.code, title: c.title, category: c.category, active: c.active, indicator: c.indicator?.kind ?? null }));
  for (const c of cells) {
    if (!criteria.some((x) => x.code === c.code)) criteria.push({ code: c.code, title: c.title, category: c.category as CriterionCategory, active: false, indicator: null });
  }
  const townships = new Map<string, GridView['townships'][number]>();
  for (const v of villages) {
    const own = cells.filter((c) => c.orgId === v.id);
    const rowCells = [...new Set(own.map((c) => c.code))].map((code) => {
      const of = own.filter((c) => c.code === code);
      const count = (status: string) => of.filter((c) => c.status === status).reduce((s, c) => s + c.n, 0);
      return { criterion: code, confirmed: count('confirmed'), proposed: count('proposed'), channels: [...new Set(of.flatMap((c) => c.channels))].sort() as GridView['townships'][number]['rows'][number]['cells'][number]['channels'] };
    });
    const key = v.townshipCode ?? '';
    const township = townships.get(key) ?? { code: key, name: v.townshipName ?? '', rows: [] };
    townships.set(key, township);
    const state = caseOf.get(v.id) ?? null;
    township.rows.push({
      org: { code: v.code, name: v.name }, cells: rowCells,
      confirmed: rowCells.reduce((s, c) => s + c.confirmed, 0), proposed: rowCells.reduce((s, c) => s + c.proposed, 0),
      defined: state !== null, caseState: state as GridView['townships'][number]['rows'][number]['caseState'],
    });
  }
  const { root } = await countyPost(ctx, 'rectification.manage');
  const scopePaths = scopePrefixes(ctx.actor, 'screening.report');
  // The figures of every subtree the user screens: the county for its administrator, a township for its own.
  const figures = await screeningFigures(ctx.db, { countyId: round.countyId, paths: scopePaths.length > 0 ? scopePaths : [root.path] }, [round.id]);
  const closed = round.status === 'closed';
  const open = (p: ReturnType<typeof permission>) => (closed ? { allowed: false as const } : p);
  return {
    round: roundSummaryOf(round), criteria, townships: [...townships.values()], figures,
    quota: quotaLine(setting.quota, figures.screened, figures.defined, lang),
    can: {
      propose: open(postsWith(ctx.actor, 'rectification.manage').length > 0 ? { allowed: true } : { allowed: false, reason: 'no_ability' }),
      define: open(permission(ctx.actor, 'rectification.manage', root.path)),
      close: open(permission(ctx.actor, 'rectification.manage', root.path)),
      check: open(postsWith(ctx.actor, 'rectification.manage').length > 0 ? { allowed: true } : { allowed: false, reason: 'no_ability' }),
    },
  };
}

/** One organization's findings in the round (of one criterion when asked), with its case. */
export async function orgFindings(ctx: ServiceContext, id: string, query: { org: string; criterion?: string }): Promise<OrgFindingsView> {
  const round = await visibleRound(ctx, ctx.db, id);
  const org = await screeningOrg(ctx, ctx.db, query.org);
  const found = await ctx.db.select().from(screeningFindings)
    .where(and(eq(screeningFindings.countyId, round.countyId), eq(screeningFindings.roundId, round.id), eq(screeningFindings.orgId, org.id),
      query.criterion ? eq(screeningFindings.criterionCode, query.criterion) : undefined))
    .orderBy(asc(screeningFindings.criterionCode), asc(screeningFindings.foundOn), asc(screeningFindings.createdAt));
  const cases = await ctx.db.select({ c: rectificationCases, title: screeningRounds.title }).from(rectificationCases)
    .innerJoin(screeningRounds, and(eq(screeningRounds.countyId, rectificationCases.countyId), eq(screeningRounds.id, rectificationCases.roundId)))
    .where(and(eq(rectificationCases.countyId, round.countyId), eq(rectificationCases.orgId, org.id)));
  const own = cases.find((c) => c.c.roundId === round.id);
  const earlier = cases.find((c) => c.c.roundId !== round.id && c.c.state !== 'closed');
  const { root } = await countyPost(ctx, 'rectification.manage');
  const closed = round.status === 'closed';
  const open = (p: ReturnType<typeof permission>) => (closed ? { allowed: false as const } : p);
  return {
    round: roundSummaryOf(round), org: { code: org.code, name: org.name },
    findings: await findingViews(ctx, ctx.db, found),
    defined: own ? { caseId: own.c.id, definedOn: own.c.definedOn, basis: own.c.basis, state: own.c.state as NonNullable<OrgFindingsView['defined']>['state'] } : null,
    openCase: earlier ? { roundTitle: earlier.title, state: earlier.c.state as NonNullable<OrgFindingsView['openCase']>['state'] } : null,
    can: {
      self: open(permission(ctx.actor, 'screening.report', org.path)),
      check: open(permission(ctx.actor, 'rectification.manage', org.path)),
      department: open(permission(ctx.actor, 'rectification.manage', root.path)),
      define: open(permission(ctx.actor, 'rectification.manage', root.path)),
    },
  };
}

export const todayOf = (ctx: ServiceContext) => chinaDate(ctx.clock.now());
export const periodName = (lang: Lang, period: string) => t(lang, `screening.period.${period}` as Parameters<typeof t>[1]);
