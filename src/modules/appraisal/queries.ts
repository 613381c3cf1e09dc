/**
 * Reading appraisals. Evaluations and grades are personal: reading needs 'person.read' over the
 * branch (anyone else is told the round does not exist); writing needs 'member.manage' (the branch
 * secretary, or the committees above).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { grantingPost, inScope, permission, type ActorPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { meetings } from '../meetings/schema.js';
import { keyedSetting } from '../organizations/county-setting.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { AppraisalSettings, FollowupView, RoundListView, RoundSummary, RoundView } from './contracts.js';
import {
  correctionOverdue, DEFAULT_CAP_PERMILLE, excellentCap, grades, isEvaluated, mutualVotesAllowed, readmissionFrom, suggestGrades,
  type EntryCategory, type FollowupAction, type FollowupOutcome, type Grade,
} from './rules.js';
import { appraisalEntries, appraisalFollowups, appraisalRounds } from './schema.js';

export const SETTINGS_KEY = 'appraisal';
const settingsSchema = z.object({
  excellentCapPermille: z.number().int().min(0).max(1000),
  remindFromMonth: z.number().int().min(1).max(12).default(10),
});
export const defaultSettings: AppraisalSettings = { excellentCapPermille: DEFAULT_CAP_PERMILLE, remindFromMonth: 10 };

export const appraisalSetting = keyedSetting<AppraisalSettings>(SETTINGS_KEY, settingsSchema, defaultSettings, { action: 'appraisal.settings', forbidden: 'appraisal.settings_forbidden' });
export const settingsOf = appraisalSetting.read;

/** Organizations that appraise their members: branches, joint branches included. */
export const appraisingTypes = ['branch', 'joint_branch'] as const;
export const isAppraising = (type: string) => (appraisingTypes as readonly string[]).includes(type);

/** An organization whose appraisals the actor reads; anyone without 'person.read' over it is told it does not exist. */
export async function readableOrg(ctx: ServiceContext, code: string, db: Db = ctx.db): Promise<OrgRow> {
  const org = await visibleOrg(ctx, code, db);
  if (!grantingPost(ctx.actor, 'person.read', org.path)) throw notFound('org.not_found', { code });
  return org;
}

/** The post under which the actor runs the appraisal of `org`. */
export function appraisalPost(ctx: ServiceContext, org: { name: string; path: string }): ActorPost {
  const post = grantingPost(ctx.actor, 'member.manage', org.path);
  if (!post) throw forbidden('appraisal.manage_forbidden', { org: org.name });
  return post;
}

export type RoundRow = typeof appraisalRounds.$inferSelect;
export type EntryRow = typeof appraisalEntries.$inferSelect;
export type FollowupRow = typeof appraisalFollowups.$inferSelect;

/** A round the actor may read, with its branch; `lock` holds the round until the transaction ends. */
export async function visibleRound(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ round: RoundRow; org: OrgRow }> {
  const query = db.select({ round: appraisalRounds, org: organizations }).from(appraisalRounds)
    .innerJoin(organizations, and(eq(organizations.countyId, appraisalRounds.countyId), eq(organizations.id, appraisalRounds.orgId)))
    .where(and(eq(appraisalRounds.id, id), inScope(ctx.actor, 'person.read', { county: appraisalRounds.countyId, path: appraisalRounds.orgPath })));
  const [found] = lock ? await query.for('update', { of: appraisalRounds }) : await query;
  if (!found) throw notFound('appraisal.round_not_found');
  return found;
}

/** A round's entries with the members' names, by name. */
export async function entriesOf(db: Db, round: RoundRow): Promise<(EntryRow & { name: string })[]> {
  const found = await db.select({ entry: appraisalEntries, name: people.name }).from(appraisalEntries)
    .innerJoin(people, and(eq(people.countyId, appraisalEntries.countyId), eq(people.id, appraisalEntries.personId)))
    .where(and(eq(appraisalEntries.countyId, round.countyId), eq(appraisalEntries.roundId, round.id)))
    .orderBy(asc(people.pinyin), asc(people.name), asc(people.id));
  return found.map(({ entry, name }) => ({ ...entry, name }));
}

export function followupViewOf(f: FollowupRow, name: string, today: string): FollowupView {
  return {
    id: f.id, person: { id: f.personId, name }, action: f.action as FollowupAction, decidedOn: f.decidedOn, deadline: f.deadline,
    responsible: f.responsible, note: f.note, outcome: f.outcome as FollowupOutcome | null, outcomeOn: f.outcomeOn,
    overdue: correctionOverdue(f, today), readmissionFrom: readmissionFrom(f.outcome as FollowupOutcome | null, f.outcomeOn),
  };
}

function summaryOf(round: RoundRow, entries: (EntryRow & { name?: string })[]): RoundSummary {
  const counts = Object.fromEntries(grades.map((g) => [g, entries.filter((e) => e.grade === g).length])) as Record<Grade, number>;
  const full = entries.filter((e) => e.category === 'full').length;
  return {
    id: round.id, status: round.status as RoundSummary['status'], openedOn: round.openedOn, gradedOn: round.gradedOn,
    members: entries.length, full, evaluated: entries.filter(isEvaluated).length, graded: entries.filter((e) => e.grade !== null).length,
    grades: counts, excellentCap: excellentCap(full, round.excellentCapPermille),
  };
}

export async function getRound(ctx: ServiceContext, id: string): Promise<RoundView> {
  const { round, org } = await visibleRound(ctx, ctx.db, id);
  const entries = await entriesOf(ctx.db, round);
  const names = new Map(entries.map((e) => [e.personId, e.name]));
  const followups = await ctx.db.select().from(appraisalFollowups)
    .where(and(eq(appraisalFollowups.countyId, round.countyId), eq(appraisalFollowups.roundId, round.id)))
    .orderBy(asc(appraisalFollowups.decidedOn), asc(appraisalFollowups.createdAt));
  const [meeting] = round.meetingId === null ? [] : await ctx.db.select({ id: meetings.id, topic: meetings.topic, kind: meetings.kind, heldOn: meetings.heldOn })
    .from(meetings).where(and(eq(meetings.countyId, round.countyId), eq(meetings.id, round.meetingId)));
  const suggested = suggestGrades(entries.map((e) => ({ ...e, category: e.category as EntryCategory })), round.excellentCapPermille);
  const today = chinaDate(ctx.clock.now());
  const manage = permission(ctx.actor, 'member.manage', org.path);
  return {
    ...summaryOf(round, entries),
    org: { code: org.code, name: org.name },
    year: round.year,
    excellentCapPermille: round.excellentCapPermille,
    meeting: meeting ?? null,
    mutualVotesAllowed: mutualVotesAllowed(entries.length),
    entries: entries.map((e) => ({
      person: { id: e.personId, name: e.name }, category: e.category as EntryCategory, selfAssessment: e.selfAssessment,
      mutualExcellent: e.mutualExcellent, mutualQualified: e.mutualQualified, mutualBasic: e.mutualBasic, mutualUnqualified: e.mutualUnqualified,
      massesSatisfied: e.massesSatisfied, massesBasic: e.massesBasic, massesUnsatisfied: e.massesUnsatisfied, massesOpinion: e.massesOpinion,
      grade: e.grade as Grade | null, gradeNote: e.gradeNote, suggestedGrade: suggested.get(e.personId) ?? null,
    })),
    followups: followups.map((f) => followupViewOf(f, names.get(f.personId) ?? '', today)),
    can: {
      evaluate: round.status === 'open' || !manage.allowed ? manage : { allowed: false },
      grade: manage,
    },
  };
}

/** Every branch of a subtree with its round of the year (null: not started) and its progress. */
export async function listRounds(ctx: ServiceContext, query: { org: string; year: number }): Promise<RoundListView> {
  const top = await readableOrg(ctx, query.org);
  const inSubtree = sql`${organizations.path} like ${top.path + '%'}`;
  const orgs = await ctx.db.select().from(organizations)
    .where(and(inSubtree, eq(organizations.status, 'active'), inScope(ctx.actor, 'person.read', { county: organizations.countyId, path: organizations.path })))
    .orderBy(asc(organizations.path));
  const rounds = await ctx.db.select().from(appraisalRounds)
    .where(and(eq(appraisalRounds.year, query.year), sql`${appraisalRounds.orgPath} like ${top.path + '%'}`,
      inScope(ctx.actor, 'person.read', { county: appraisalRounds.countyId, path: appraisalRounds.orgPath })));
  const entries = rounds.length === 0 ? [] : await ctx.db.select().from(appraisalEntries)
    .innerJoin(appraisalRounds, and(eq(appraisalRounds.countyId, appraisalEntries.countyId), eq(appraisalRounds.id, appraisalEntries.roundId)))
    .where(and(eq(appraisalRounds.year, query.year), sql`${appraisalRounds.orgPath} like ${top.path + '%'}`, eq(appraisalRounds.countyId, top.countyId)));
  const byRound = new Map<string, EntryRow[]>();
  for (const { appraisal_entries: e } of entries) byRound.set(e.roundId, [...(byRound.get(e.roundId) ?? []), e]);
  const roundOf = new Map(rounds.map((r) => [r.orgId, r]));
  const byPath = new Map(orgs.map((o) => [o.path, o]));
  const childOf = (o: OrgRow) => {
    if (o.path === top.path) return o;
    const seqs = o.path.slice(top.path.length).split('.');
    return byPath.get(`${top.path}${seqs[0]}.`) ?? o;
  };
  return {
    org: { code: top.code, name: top.name },
    year: query.year,
    items: orgs.filter((o) => isAppraising(o.type)).map((o) => {
      const round = roundOf.get(o.id);
      const under = childOf(o);
      return {
        org: { code: o.code, name: o.name },
        under: { code: under.code, name: under.name },
        round: round ? summaryOf(round, byRound.get(round.id) ?? []) : null,
        can: { open: permission(ctx.actor, 'member.manage', o.path) },
      };
    }),
  };
}
