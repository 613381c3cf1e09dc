/**
 * The completion board of a subtree for a year: for every branch, commitments made, published, completed,
 * completed on time, overdue, the completion rate and the average appraisal, and what the branch and its
 * secretaries made against the county's minimum. Figures come from rules.ts; the SQL only fetches rows.
 */
import { and, asc, eq, gt, isNull, min, or, sql } from 'drizzle-orm';
import { inScope } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { ServiceContext } from '../../platform/service.js';
import type { OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { posts } from '../people/schema.js';
import type { BoardView } from './contracts.js';
import { isCommitting, readableOrg, settingsOf, type CommitmentRow } from './queries.js';
import { completedOnTime, completionRate, isOverdue, originalDueOn, type CommitmentState } from './rules.js';
import { commitmentAppraisals, commitments, commitmentUpdates } from './schema.js';

type Figures = Omit<BoardView['total'], never>;

/** `firstDue`: the due date a commitment's first delay replaced, for those ever delayed ("on time" is against it). */
function figuresOf(rows: CommitmentRow[], firstDue: Map<string, string>, totals: Map<string, number>, today: string): Figures {
  const published = rows.filter((r) => r.state !== 'draft');
  const completed = rows.filter((r) => r.state === 'completed');
  const scores = rows.map((r) => totals.get(r.id)).filter((t): t is number => t !== undefined);
  return {
    made: rows.length,
    published: published.length,
    completed: completed.length,
    completedOnTime: completed.filter((r) => completedOnTime(r as { state: CommitmentState; completedOn: string | null }, originalDueOn(r.dueOn, [{ previousDueOn: firstDue.get(r.id) ?? null }]))).length,
    overdue: rows.filter((r) => isOverdue({ state: r.state as CommitmentState, dueOn: r.dueOn }, today)).length,
    ratePermille: completionRate(published.length, completed.length),
    averageAppraisal: scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
  };
}

export async function commitmentBoard(ctx: ServiceContext, query: { org: string; year: number }): Promise<BoardView> {
  const top = await readableOrg(ctx, query.org);
  const today = chinaDate(ctx.clock.now());
  const settings = await settingsOf(ctx.db, top.countyId);
  const under = top.path + '%';
  const subtree = await ctx.db.select().from(organizations)
    .where(and(sql`${organizations.path} like ${under}`, eq(organizations.status, 'active'),
      inScope(ctx.actor, 'org.read', { county: organizations.countyId, path: organizations.path })))
    .orderBy(asc(organizations.path));
  const orgs = subtree.filter((o) => isCommitting(o.type));
  const rows = await ctx.db.select().from(commitments)
    .where(and(eq(commitments.year, query.year), isNull(commitments.parentId), sql`${commitments.orgPath} like ${under}`,
      inScope(ctx.actor, 'org.read', { county: commitments.countyId, path: commitments.orgPath })));
  const firstDue = new Map((await ctx.db.select({ id: commitmentUpdates.commitmentId, due: min(commitmentUpdates.previousDueOn) }).from(commitmentUpdates)
    .innerJoin(commitments, and(eq(commitments.countyId, commitmentUpdates.countyId), eq(commitments.id, commitmentUpdates.commitmentId)))
    .where(and(eq(commitments.countyId, top.countyId), eq(commitments.year, query.year), sql`${commitments.orgPath} like ${under}`,
      eq(commitmentUpdates.kind, 'delay')))
    .groupBy(commitmentUpdates.commitmentId)).flatMap((r) => (r.due === null ? [] : [[r.id, r.due] as const])));
  const totals = new Map((await ctx.db.select({ id: commitmentAppraisals.commitmentId, total: commitmentAppraisals.total }).from(commitmentAppraisals)
    .innerJoin(commitments, and(eq(commitments.countyId, commitmentAppraisals.countyId), eq(commitments.id, commitmentAppraisals.commitmentId)))
    .where(and(eq(commitments.countyId, top.countyId), eq(commitments.year, query.year), sql`${commitments.orgPath} like ${under}`))).map((r) => [r.id, r.total]));
  const secretaries = await ctx.db.selectDistinct({ orgId: posts.orgId, personId: posts.personId }).from(posts)
    .where(and(eq(posts.countyId, top.countyId), eq(posts.role, 'branch_secretary'), sql`${posts.orgPath} like ${under}`,
      sql`${posts.startedOn} <= ${today}::date`, or(isNull(posts.endedOn), gt(posts.endedOn, today))));
  const byOrg = new Map<string, CommitmentRow[]>();
  for (const r of rows) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
  const byPath = new Map(subtree.map((o) => [o.path, o]));
  /** The child of the asked organization a branch lies under (the township in a county). */
  const underOf = (o: OrgRow) => (o.path === top.path ? o : byPath.get(`${top.path}${o.path.slice(top.path.length).split('.')[0]}.`) ?? o);
  const { minimums } = settings;
  return {
    org: { code: top.code, name: top.name },
    year: query.year,
    minimums,
    total: figuresOf(rows, firstDue, totals, today),
    rows: orgs.map((o) => {
      const own = byOrg.get(o.id) ?? [];
      const branchMade = own.filter((r) => r.maker === 'branch').length;
      const secretaryCounts = secretaries.filter((s) => s.orgId === o.id).map((s) => own.filter((r) => r.maker === 'secretary' && r.personId === s.personId).length);
      const short = (minimums.branch !== null && branchMade < minimums.branch ? 1 : 0)
        + (minimums.secretary === null ? 0 : secretaryCounts.filter((n) => n < minimums.secretary!).length);
      const u = underOf(o);
      return {
        org: { code: o.code, name: o.name },
        under: { code: u.code, name: u.name },
        ...figuresOf(own, firstDue, totals, today),
        branchMade,
        secretaryFewest: secretaryCounts.length === 0 ? null : Math.min(...secretaryCounts),
        short,
      };
    }),
  };
}
