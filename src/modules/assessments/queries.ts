/**
 * Reading letters and rounds. A letter is read by whoever manages members over the receiving
 * organization (its secretary, the township and the county above it) and written by whoever holds
 * 'assessment.manage' over its issuer; a round is read and run with 'assessment.manage' over the
 * organization that opened it. Anything else answers as if it did not exist.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { grantingPost, inScope, permission, postsWith, type ActorPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { PermissionView } from '../../platform/http/contracts.js';
import type { ServiceContext } from '../../platform/service.js';
import { keyedSetting } from '../organizations/county-setting.js';
import type { OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import { rectificationCases } from '../rectification/schema.js';
import { settingsBody, type AssessmentSettings, type LetterListView, type LetterSummary, type LetterView, type ResultView, type RoundListView, type RoundSummary, type RoundView } from './contracts.js';
import { defaultSchemes, distribution, letterTotal, needsUpgradePlan, ranks, round1, scoringOpensOn, weightSum, type Scheme } from './rules.js';
import { assessmentResults, assessmentRounds, responsibilityItems, responsibilityLetters } from './schema.js';

export const assessmentSetting = keyedSetting<AssessmentSettings>('assessments', settingsBody, { schemes: defaultSchemes }, { action: 'assessments.settings', forbidden: 'assessments.settings_forbidden' });

/** Organizations that issue letters and run rounds: the county's root and the townships (streets). */
export const isIssuer = (org: Pick<OrgRow, 'parentId' | 'unitType'>) => org.parentId === null || org.unitType === 'township' || org.unitType === 'street';
/** Organizations assessed by a round: those of villages and communities (not party groups). */
export const isVillage = (org: Pick<OrgRow, 'type' | 'unitType'>) => org.type !== 'party_group' && (org.unitType === 'village' || org.unitType === 'community');
/** The township an organization lies under: its ancestor one level below the county's root (itself at that level). */
export const townshipPath = (path: string) => path.split('.').slice(0, 2).join('.') + '.';

export type LetterRow = typeof responsibilityLetters.$inferSelect;
export type ItemRow = typeof responsibilityItems.$inferSelect;
export type RoundRow = typeof assessmentRounds.$inferSelect;

/** The post under which the actor writes a letter of `issuer`, or a refusal. */
export function letterPost(ctx: ServiceContext, issuer: Pick<OrgRow, 'name' | 'path'>): ActorPost {
  const post = grantingPost(ctx.actor, 'assessment.manage', issuer.path);
  if (!post) throw forbidden('assessments.letter_forbidden', { org: issuer.name });
  return post;
}

/** A letter the actor may read, with its issuer and receiver; `lock` holds it until the transaction ends. */
export async function visibleLetter(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ letter: LetterRow; issuer: OrgRow; org: OrgRow }> {
  const query = db.select().from(responsibilityLetters)
    .innerJoin(organizations, and(eq(organizations.countyId, responsibilityLetters.countyId), eq(organizations.id, responsibilityLetters.orgId)))
    .where(and(eq(responsibilityLetters.id, id), inScope(ctx.actor, 'member.manage', { county: responsibilityLetters.countyId, path: responsibilityLetters.orgPath })));
  const [found] = lock ? await query.for('update', { of: responsibilityLetters }) : await query;
  if (!found) throw notFound('assessments.letter_not_found');
  const [issuer] = await db.select().from(organizations).where(and(eq(organizations.countyId, found.responsibility_letters.countyId), eq(organizations.id, found.responsibility_letters.issuerOrgId)));
  return { letter: found.responsibility_letters, issuer: issuer!, org: found.organizations };
}

export async function itemsOf(db: Db, letter: LetterRow): Promise<ItemRow[]> {
  return db.select().from(responsibilityItems)
    .where(and(eq(responsibilityItems.countyId, letter.countyId), eq(responsibilityItems.letterId, letter.id)))
    .orderBy(asc(responsibilityItems.position));
}

interface LetterFacts { letter: LetterRow; issuer: Pick<OrgRow, 'code' | 'name'>; org: Pick<OrgRow, 'code' | 'name'>; items: { weight: number; score: number | null }[] }

/**
 * Ranks among all the letters of the same issuer and year, whether or not the reader sees them: a
 * village's secretary learns its place in the township's ranking (as a published notice tells it)
 * without reading the other villages' letters.
 */
async function ranksOf(db: Db, countyId: string, list: LetterFacts[]): Promise<Map<string, number | null>> {
  const found = new Map<string, number | null>();
  if (list.length === 0) return found;
  const issuers = [...new Set(list.map((l) => l.letter.issuerOrgId))];
  const years = [...new Set(list.map((l) => l.letter.year))];
  const rows = await db.select({
    id: responsibilityLetters.id, issuer: responsibilityLetters.issuerOrgId, year: responsibilityLetters.year,
    items: sql<number>`count(${responsibilityItems.id})::int`, scored: sql<number>`count(${responsibilityItems.score})::int`, sum: sql<string | null>`sum(${responsibilityItems.score})`,
  }).from(responsibilityLetters)
    .leftJoin(responsibilityItems, and(eq(responsibilityItems.countyId, responsibilityLetters.countyId), eq(responsibilityItems.letterId, responsibilityLetters.id)))
    .where(and(eq(responsibilityLetters.countyId, countyId), inArray(responsibilityLetters.issuerOrgId, issuers), inArray(responsibilityLetters.year, years)))
    .groupBy(responsibilityLetters.id, responsibilityLetters.issuerOrgId, responsibilityLetters.year);
  const groups = new Map<string, typeof rows>();
  for (const r of rows) groups.set(`${r.issuer}/${r.year}`, [...(groups.get(`${r.issuer}/${r.year}`) ?? []), r]);
  for (const group of groups.values()) {
    const totals = group.map((r) => (r.items > 0 && r.scored === r.items ? round1(Number(r.sum)) : null));
    ranks(totals).forEach((rank, i) => found.set(group[i]!.id, rank));
  }
  return found;
}

function summaries(list: LetterFacts[], rankOf: Map<string, number | null>): LetterSummary[] {
  return list.map((l) => ({
    id: l.letter.id, issuer: { code: l.issuer.code, name: l.issuer.name }, org: { code: l.org.code, name: l.org.name }, year: l.letter.year, title: l.letter.title,
    status: l.letter.status as LetterSummary['status'], signedOn: l.letter.signedOn, scoredOn: l.letter.scoredOn,
    items: l.items.length, weightSum: weightSum(l.items), total: letterTotal(l.items), rank: rankOf.get(l.letter.id) ?? null,
  }));
}

/** The letters of a year the actor may read, optionally only one issuer's, ranked per issuer. */
export async function letterFacts(ctx: ServiceContext, year: number, issuerId?: string): Promise<LetterFacts[]> {
  const letters = await ctx.db.select({ letter: responsibilityLetters, org: { code: organizations.code, name: organizations.name } }).from(responsibilityLetters)
    .innerJoin(organizations, and(eq(organizations.countyId, responsibilityLetters.countyId), eq(organizations.id, responsibilityLetters.orgId)))
    .where(and(eq(responsibilityLetters.year, year), inScope(ctx.actor, 'member.manage', { county: responsibilityLetters.countyId, path: responsibilityLetters.orgPath }),
      issuerId ? eq(responsibilityLetters.issuerOrgId, issuerId) : undefined))
    .orderBy(asc(organizations.code), asc(responsibilityLetters.title));
  if (letters.length === 0) return [];
  const issuerRows = await ctx.db.select({ id: organizations.id, code: organizations.code, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.id, [...new Set(letters.map((l) => l.letter.issuerOrgId))])));
  const issuerOf = new Map(issuerRows.map((o) => [o.id, o]));
  const items = await ctx.db.select({ letterId: responsibilityItems.letterId, weight: responsibilityItems.weight, score: responsibilityItems.score }).from(responsibilityItems)
    .where(and(eq(responsibilityItems.countyId, ctx.actor.countyId), inArray(responsibilityItems.letterId, letters.map((l) => l.letter.id))));
  const itemsOf = new Map<string, { weight: number; score: number | null }[]>();
  for (const i of items) itemsOf.set(i.letterId, [...(itemsOf.get(i.letterId) ?? []), i]);
  return letters.map((l) => ({ letter: l.letter, org: l.org, issuer: issuerOf.get(l.letter.issuerOrgId)!, items: itemsOf.get(l.letter.id) ?? [] }));
}

/** Issuers the actor may write letters for and open rounds in: the tops of their 'assessment.manage' posts that issue. */
async function issuersOf(ctx: ServiceContext): Promise<{ code: string; name: string; id: string }[]> {
  const ids = postsWith(ctx.actor, 'assessment.manage').map((p) => p.orgId);
  if (ids.length === 0) return [];
  const found = await ctx.db.select().from(organizations).where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.id, ids), eq(organizations.status, 'active')))
    .orderBy(asc(organizations.depth), asc(organizations.code));
  return found.filter(isIssuer).map((o) => ({ id: o.id, code: o.code, name: o.name }));
}

export async function listLetters(ctx: ServiceContext, query: { year: number; issuer?: string | undefined }): Promise<LetterListView> {
  let issuer: OrgRow | undefined;
  if (query.issuer) {
    [issuer] = await ctx.db.select().from(organizations).where(and(eq(organizations.code, query.issuer),
      inScope(ctx.actor, 'assessment.manage', { county: organizations.countyId, path: organizations.path })));
    if (!issuer) throw notFound('org.not_found', { code: query.issuer });
  }
  const list = await letterFacts(ctx, query.year, issuer?.id);
  return {
    year: query.year, issuer: issuer ? { code: issuer.code, name: issuer.name } : null,
    items: summaries(list, await ranksOf(ctx.db, ctx.actor.countyId, list)), issuers: (await issuersOf(ctx)).map(({ code, name }) => ({ code, name })),
  };
}

export async function getLetter(ctx: ServiceContext, id: string): Promise<LetterView> {
  const { letter, issuer, org } = await visibleLetter(ctx, ctx.db, id);
  const lines = await itemsOf(ctx.db, letter);
  const facts = [{ letter, issuer, org, items: lines }];
  const [summary] = summaries(facts, await ranksOf(ctx.db, letter.countyId, facts));
  const write = permission(ctx.actor, 'assessment.manage', issuer.path);
  const today = chinaDate(ctx.clock.now());
  // Not allowed because of the record's state, not the user's posts: no access reason (the page says why).
  const closed: PermissionView = { allowed: false };
  return {
    ...summary!,
    lines: lines.map((l) => ({ id: l.id, position: l.position, title: l.title, target: l.target, weight: l.weight, score: l.score, note: l.note })),
    scoringOpensOn: scoringOpensOn(letter.year),
    can: {
      edit: letter.status === 'draft' ? write : closed,
      sign: letter.status === 'draft' ? write : closed,
      score: letter.status !== 'draft' && today >= scoringOpensOn(letter.year) ? write : closed,
    },
  };
}

// Rounds.

/** The post under which the actor runs rounds of `org`, or a refusal. */
export function roundPost(ctx: ServiceContext, org: Pick<OrgRow, 'name' | 'path'>): ActorPost {
  const post = grantingPost(ctx.actor, 'assessment.manage', org.path);
  if (!post) throw forbidden('assessments.round_forbidden', { org: org.name });
  return post;
}

export async function visibleRound(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ round: RoundRow; org: OrgRow }> {
  const query = db.select().from(assessmentRounds)
    .innerJoin(organizations, and(eq(organizations.countyId, assessmentRounds.countyId), eq(organizations.id, assessmentRounds.orgId)))
    .where(and(eq(assessmentRounds.id, id), inScope(ctx.actor, 'assessment.manage', { county: assessmentRounds.countyId, path: assessmentRounds.orgPath })));
  const [found] = lock ? await query.for('update', { of: assessmentRounds }) : await query;
  if (!found) throw notFound('assessments.round_not_found');
  return { round: found.assessment_rounds, org: found.organizations };
}

export const schemeOf = (round: RoundRow) => ({ code: round.schemeCode, ...(round.scheme as Omit<Scheme, 'code'>) }) as Scheme;

function summaryOf(round: RoundRow, org: Pick<OrgRow, 'code' | 'name'>, results: { total: number | null; grade: string | null }[]): RoundSummary {
  const scheme = schemeOf(round);
  return {
    id: round.id, org: { code: org.code, name: org.name }, year: round.year, title: round.title, schemeCode: round.schemeCode, schemeName: scheme.name,
    subject: scheme.subject, status: round.status as RoundSummary['status'], openedOn: round.openedOn, finishedOn: round.finishedOn,
    results: results.length, complete: results.filter((r) => r.total !== null).length, grades: distribution(scheme.grades, results),
  };
}

export async function listRounds(ctx: ServiceContext, year: number): Promise<RoundListView> {
  const rounds = await ctx.db.select().from(assessmentRounds)
    .innerJoin(organizations, and(eq(organizations.countyId, assessmentRounds.countyId), eq(organizations.id, assessmentRounds.orgId)))
    .where(and(eq(assessmentRounds.year, year), inScope(ctx.actor, 'assessment.manage', { county: assessmentRounds.countyId, path: assessmentRounds.orgPath })))
    .orderBy(asc(assessmentRounds.orgPath), asc(assessmentRounds.openedOn));
  const results = rounds.length === 0 ? [] : await ctx.db.select({ roundId: assessmentResults.roundId, total: assessmentResults.total, grade: assessmentResults.grade }).from(assessmentResults)
    .where(and(eq(assessmentResults.countyId, ctx.actor.countyId), inArray(assessmentResults.roundId, rounds.map((r) => r.assessment_rounds.id))));
  const byRound = new Map<string, typeof results>();
  for (const r of results) byRound.set(r.roundId, [...(byRound.get(r.roundId) ?? []), r]);
  const { schemes } = await assessmentSetting.read(ctx.db, ctx.actor.countyId);
  return {
    year,
    items: rounds.map((r) => summaryOf(r.assessment_rounds, r.organizations, byRound.get(r.assessment_rounds.id) ?? [])),
    openers: (await issuersOf(ctx)).map(({ code, name }) => ({ code, name })),
    schemes,
  };
}

export async function getRound(ctx: ServiceContext, id: string): Promise<RoundView> {
  const { round, org } = await visibleRound(ctx, ctx.db, id);
  const scheme = schemeOf(round);
  const rows = await ctx.db.select({ result: assessmentResults, code: organizations.code, name: organizations.name, person: people.name }).from(assessmentResults)
    .innerJoin(organizations, and(eq(organizations.countyId, assessmentResults.countyId), eq(organizations.id, assessmentResults.orgId)))
    .leftJoin(people, and(eq(people.countyId, assessmentResults.countyId), eq(people.id, assessmentResults.personId)))
    .where(and(eq(assessmentResults.countyId, round.countyId), eq(assessmentResults.roundId, round.id)))
    .orderBy(asc(assessmentResults.orgPath));
  const townshipPaths = [...new Set(rows.map((r) => townshipPath(r.result.orgPath)))];
  const townships = townshipPaths.length === 0 ? [] : await ctx.db.select({ path: organizations.path, code: organizations.code, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.countyId, round.countyId), inArray(organizations.path, townshipPaths)));
  const townshipOf = new Map(townships.map((t) => [t.path, { code: t.code, name: t.name }]));
  const cases = rows.length === 0 ? [] : await ctx.db.select({ id: rectificationCases.id, orgId: rectificationCases.orgId, year: rectificationCases.year, state: rectificationCases.state })
    .from(rectificationCases)
    .where(and(eq(rectificationCases.countyId, round.countyId), inArray(rectificationCases.orgId, rows.map((r) => r.result.orgId)), inArray(rectificationCases.year, [round.year, round.year + 1])))
    .orderBy(desc(rectificationCases.year));
  const caseOf = new Map<string, { id: string; year: number; state: string }>();
  for (const c of cases) if (!caseOf.has(c.orgId)) caseOf.set(c.orgId, { id: c.id, year: c.year, state: c.state });
  const resultsList: ResultView[] = rows.map(({ result, code, name, person }) => {
    const grade = scheme.grades.find((g) => g.key === result.grade) ?? null;
    return {
      org: { code, name }, township: townshipOf.get(townshipPath(result.orgPath)) ?? { code, name },
      person: result.personId && person ? { id: result.personId, name: person } : null,
      partScores: result.partScores, total: result.total, grade: result.grade, gradeLabel: grade?.label ?? null, low: grade?.low ?? false,
      note: result.note, needsPlan: needsUpgradePlan(scheme.grades, result.grade), upgradePlan: result.upgradePlan, rectificationCase: caseOf.get(result.orgId) ?? null,
    };
  });
  const byTownship = new Map<string, ResultView[]>();
  for (const r of resultsList) byTownship.set(r.township.code, [...(byTownship.get(r.township.code) ?? []), r]);
  const manage = permission(ctx.actor, 'assessment.manage', org.path);
  // Not allowed because of the record's state, not the user's posts: no access reason (the page says why).
  const closed: PermissionView = { allowed: false };
  return {
    ...summaryOf(round, org, resultsList),
    scheme,
    resultsList,
    byTownship: [...byTownship.values()].map((list) => {
      const totals = list.map((r) => r.total).filter((t): t is number => t !== null);
      return { township: list[0]!.township, results: list.length, average: totals.length ? round1(totals.reduce((s, t) => s + t, 0) / totals.length) : null, grades: distribution(scheme.grades, list) };
    }),
    can: { enter: round.status === 'open' ? manage : closed, finish: round.status === 'open' ? manage : closed, plan: manage },
  };
}

