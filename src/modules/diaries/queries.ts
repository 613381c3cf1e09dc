/** Reading diaries: one diary, a page of a subtree found by any two characters, households to pick from. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { inScope, permission, postsWith, type Permission } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { searchMatches, searchQuery } from '../../platform/text/search.js';
import { visits } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { DiaryDetail, DiaryListQuery, DiaryPage } from './contracts.js';
import { diarySnippets, searchTerms } from './rules.js';
import { visitDiaries } from './schema.js';

export type DiaryRow = typeof visitDiaries.$inferSelect;

const scoped = (ctx: ServiceContext) => inScope(ctx.actor, 'visit.record', { county: visitDiaries.countyId, path: visitDiaries.orgPath });

/** A diary the actor may read (whoever records visits over its village); `lock` holds it for an edit. */
export async function visibleDiary(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ diary: DiaryRow; org: OrgRow }> {
  const query = db.select({ diary: visitDiaries, org: organizations }).from(visitDiaries)
    .innerJoin(organizations, and(eq(organizations.countyId, visitDiaries.countyId), eq(organizations.id, visitDiaries.orgId)))
    .where(and(eq(visitDiaries.id, id), scoped(ctx)));
  const [found] = lock ? await query.for('update', { of: visitDiaries }) : await query;
  if (!found) throw notFound('diaries.not_found');
  return found;
}

/** Only the author corrects a diary: it is their account of what they saw. */
export function editPermission(ctx: ServiceContext, diary: DiaryRow, orgPath: string): DiaryDetail['can']['edit'] {
  const base: Permission = permission(ctx.actor, 'visit.record', orgPath);
  if (!base.allowed) return base;
  return diary.authorId === ctx.actor.personId ? base : { allowed: false, reason: 'not_author' };
}

export async function getDiary(ctx: ServiceContext, id: string): Promise<DiaryDetail> {
  const { diary, org } = await visibleDiary(ctx, ctx.db, id);
  const [author] = await ctx.db.select({ id: people.id, name: people.name }).from(people)
    .where(and(eq(people.countyId, diary.countyId), eq(people.id, diary.authorId)));
  const [visit] = diary.visitId
    ? await ctx.db.select({ id: visits.id, visitedOn: visits.visitedOn, purpose: visits.purpose, problemsFound: visits.problemsFound, problemsSolved: visits.problemsSolved })
      .from(visits).where(and(eq(visits.countyId, diary.countyId), eq(visits.id, diary.visitId)))
    : [];
  const [household] = diary.householdId
    ? await ctx.db.select({ id: households.id, headName: households.headName, number: households.number, villagerGroup: households.villagerGroup, address: households.address })
      .from(households).where(and(eq(households.countyId, diary.countyId), eq(households.id, diary.householdId)))
    : [];
  return {
    id: diary.id, org: { code: org.code, name: org.name }, author: author!, writtenOn: diary.writtenOn,
    situation: diary.situation, problems: diary.problems, demands: diary.demands, plan: diary.plan, result: diary.result,
    visit: visit ?? null, household: household ?? null,
    createdAt: diary.createdAt.toISOString(), updatedAt: diary.updatedAt.toISOString(),
    can: { edit: editPermission(ctx, diary, org.path) },
  };
}

/** The tsquery of a search, refused when a term is a single Chinese character (pairs cannot find it). */
function queryOf(q: string): string {
  const query = searchQuery(q);
  if (query === null) throw invalid('diaries.query_too_short', { q }, [{ path: 'query.q', key: 'diaries.query_too_short', params: { q } }]);
  return query;
}

/**
 * A page of the diaries the actor reads, newest first, in one statement with a limit: the search
 * goes through the GIN index on the pairs, the scope and filters through the path index, and one
 * row more than the page says whether another page follows. The page is cut from the diaries alone
 * before the names are joined: the planner misjudges how many diaries a phrase matches, and joining
 * every match before sorting took ten times as long over half a million diaries (bench).
 */
export async function listDiaries(ctx: ServiceContext, query: DiaryListQuery): Promise<DiaryPage> {
  const org = query.org ? await visibleOrg(ctx, query.org) : undefined;
  if (query.from && query.to && query.from > query.to) {
    const params = { from: query.from, to: query.to };
    throw invalid('diaries.range_reversed', params, [{ path: 'query.to', key: 'diaries.range_reversed', params }]);
  }
  const q = query.q ? queryOf(query.q) : undefined;
  const page = ctx.db.select({
    id: visitDiaries.id, countyId: visitDiaries.countyId, orgId: visitDiaries.orgId, authorId: visitDiaries.authorId, householdId: visitDiaries.householdId,
    writtenOn: visitDiaries.writtenOn, createdAt: visitDiaries.createdAt,
    situation: visitDiaries.situation, problems: visitDiaries.problems, demands: visitDiaries.demands, plan: visitDiaries.plan, result: visitDiaries.result,
  }).from(visitDiaries)
    .where(and(
      scoped(ctx),
      org ? sql`${visitDiaries.orgPath} like ${org.path + '%'}` : undefined,
      query.author ? eq(visitDiaries.authorId, query.author) : undefined,
      query.mine ? (ctx.actor.personId ? eq(visitDiaries.authorId, ctx.actor.personId) : sql`false`) : undefined,
      query.household ? eq(visitDiaries.householdId, query.household) : undefined,
      query.from ? sql`${visitDiaries.writtenOn} >= ${query.from}::date` : undefined,
      query.to ? sql`${visitDiaries.writtenOn} <= ${query.to}::date` : undefined,
      q ? searchMatches(visitDiaries.search, q) : undefined,
    ))
    .orderBy(desc(visitDiaries.writtenOn), desc(visitDiaries.createdAt), desc(visitDiaries.id))
    .limit(query.pageSize + 1).offset((query.page - 1) * query.pageSize)
    .as('page');
  const rows = await ctx.db.select({
    id: page.id, orgCode: organizations.code, orgName: organizations.name, authorId: people.id, authorName: people.name,
    writtenOn: page.writtenOn, householdId: households.id, headName: households.headName, number: households.number,
    situation: page.situation, problems: page.problems, demands: page.demands, plan: page.plan, result: page.result,
  }).from(page)
    .innerJoin(organizations, and(eq(organizations.countyId, page.countyId), eq(organizations.id, page.orgId)))
    .innerJoin(people, and(eq(people.countyId, page.countyId), eq(people.id, page.authorId)))
    .leftJoin(households, and(eq(households.countyId, page.countyId), eq(households.id, page.householdId)))
    .orderBy(desc(page.writtenOn), desc(page.createdAt), desc(page.id));
  const terms = query.q ? searchTerms(query.q) : [];
  return {
    items: rows.slice(0, query.pageSize).map((r) => ({
      id: r.id, org: { code: r.orgCode, name: r.orgName }, author: { id: r.authorId, name: r.authorName }, writtenOn: r.writtenOn,
      household: r.householdId ? { id: r.householdId, headName: r.headName!, number: r.number } : null,
      snippets: diarySnippets(r, terms),
    })),
    page: query.page, pageSize: query.pageSize, hasMore: rows.length > query.pageSize,
    can: { write: org ? permission(ctx.actor, 'visit.record', org.path) : anyPermission(ctx) },
  };
}

/** Without an organization in view: whether the actor writes diaries anywhere. */
function anyPermission(ctx: ServiceContext): Permission {
  return postsWith(ctx.actor, 'visit.record').length > 0 ? { allowed: true } : { allowed: false, reason: 'no_ability' };
}

/** Households of a village the actor records visits in, by head name or household number, for a form's picker. */
