/** Reading a person's path to membership: where they stand, the steps recorded, what may come next. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope, permission } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors.js';
import type { Lang } from '../../../platform/i18n/index.js';
import type { ServiceContext } from '../../../platform/service.js';
import { users } from '../../accounts/schema.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { checkPipeline, describeViolation, type MemberCategory } from '../rules/pipeline.js';
import { memberships } from '../schema.js';
import type { AdmissionView } from './contracts.js';
import { nextSteps, overriddenLabel, type PathState } from './rules.js';
import { admissionSteps } from './schema.js';
import type { StepCode, StepDetail } from './steps.js';

export type PersonRow = typeof people.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

/** A person the actor may read, with their organization; anyone else answers as if they did not exist. */
export async function visiblePerson(ctx: ServiceContext, db: Db, id: string): Promise<{ person: PersonRow; orgCode: string; orgName: string }> {
  const [found] = await db.select({ person: people, orgCode: organizations.code, orgName: organizations.name })
    .from(people)
    .innerJoin(organizations, and(eq(organizations.countyId, people.countyId), eq(organizations.id, people.orgId)))
    .where(and(eq(people.id, id), inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })));
  if (!found) throw notFound('members.not_found');
  return found;
}

/** The person's open membership; `lock` holds it until the transaction ends, so two steps never race on one path. */
export async function openMembership(db: Db, person: PersonRow, lock = false): Promise<MembershipRow | undefined> {
  const query = db.select().from(memberships)
    .where(and(eq(memberships.countyId, person.countyId), eq(memberships.personId, person.id), isNull(memberships.endedOn)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/**
 * The steps of the person's current path, oldest first: from their latest application on. A
 * transfer starts a new membership row and the path goes on; a new application (after a cancelled
 * probation, say) starts a new path, and the earlier one stays as history.
 */
export function currentPath<T extends { step: string }>(recorded: T[]): T[] {
  const start = recorded.findLastIndex((s) => s.step === 'application');
  return start < 0 ? recorded : recorded.slice(start);
}

/** Every step recorded for a person, oldest first. */
export function recordedSteps(db: Db, person: PersonRow): Promise<(typeof admissionSteps.$inferSelect)[]> {
  return db.select().from(admissionSteps)
    .where(and(eq(admissionSteps.countyId, person.countyId), eq(admissionSteps.personId, person.id)))
    .orderBy(asc(admissionSteps.doneOn), asc(admissionSteps.createdAt));
}

/**
 * Why the step cannot be undone, or null when it can: only the latest step of the current path,
 * never the application that opened it, and only while the membership it changed is still the
 * person's (a cancelled probation: still the last one, with none open since).
 */
export function undoRefusal(step: typeof admissionSteps.$inferSelect, recorded: { id: string }[], open: MembershipRow | undefined): 'not_latest' | 'application' | 'membership_changed' | 'no_record' | null {
  if (recorded.at(-1)?.id !== step.id) return 'not_latest';
  if (step.step === 'application') return 'application';
  if (step.step === 'probation_cancelled' ? open !== undefined : open?.id !== step.membershipId) return 'membership_changed';
  // Recorded before the platform kept what a step changed: nothing to restore from.
  if (step.membershipBefore === null && changesMembership(step.step as StepCode)) return 'no_record';
  return null;
}

const changingSteps: ReadonlySet<StepCode> = new Set(['activist', 'development_target', 'admission_approval', 'full_approval', 'extension', 'probation_cancelled']);
export const changesMembership = (step: StepCode) => changingSteps.has(step);

export function pathState(person: PersonRow, membership: MembershipRow, recorded: { step: string; doneOn: string }[]): PathState {
  return {
    category: membership.category as MemberCategory,
    birthDate: person.birthDate,
    appliedOn: membership.appliedOn,
    activistOn: membership.activistOn,
    targetOn: membership.targetOn,
    joinedOn: membership.joinedOn,
    fullOn: membership.fullOn,
    probationExtensionMonths: membership.probationExtensionMonths,
    steps: recorded.map((s) => ({ step: s.step as StepCode, doneOn: s.doneOn })),
  };
}

const approving = alias(organizations, 'approving');
const recorder = alias(people, 'recorder');

export async function getAdmission(ctx: ServiceContext, personId: string, lang: Lang): Promise<AdmissionView> {
  const { person, orgCode, orgName } = await visiblePerson(ctx, ctx.db, personId);
  const today = chinaDate(ctx.clock.now());
  const open = await openMembership(ctx.db, person);
  const rows = await ctx.db.select({ s: admissionSteps, approvingCode: approving.code, approvingName: approving.name, recordedBy: recorder.name })
    .from(admissionSteps)
    .leftJoin(approving, and(eq(approving.countyId, admissionSteps.countyId), eq(approving.id, admissionSteps.approvingOrgId)))
    .leftJoin(users, and(eq(users.countyId, admissionSteps.countyId), eq(users.id, admissionSteps.recordedBy)))
    .leftJoin(recorder, and(eq(recorder.countyId, users.countyId), eq(recorder.id, users.personId)))
    .where(and(eq(admissionSteps.countyId, person.countyId), eq(admissionSteps.personId, person.id)))
    .orderBy(asc(admissionSteps.doneOn), asc(admissionSteps.createdAt));
  const state = open ? pathState(person, open, currentPath(rows.map(({ s }) => s))) : undefined;
  const last = rows.at(-1)?.s;
  const undoable = last && permission(ctx.actor, 'member.manage', person.orgPath) && undoRefusal(last, rows.map(({ s }) => s), open) === null ? last.id : null;
  return {
    person: { id: person.id, name: person.name, orgCode, orgName },
    category: (open?.category as MemberCategory | undefined) ?? null,
    steps: rows.map(({ s, approvingCode, approvingName, recordedBy }) => ({
      id: s.id, step: s.step as StepCode, doneOn: s.doneOn, approver: s.approver,
      approvingOrg: approvingCode && approvingName ? { code: approvingCode, name: approvingName } : null,
      detail: (s.detail as StepDetail | null) ?? null, note: s.note,
      overridden: (s.overriddenRules ?? []).map((code) => ({ code, label: overriddenLabel(code, lang) })),
      overrideReason: s.overrideReason, recordedBy, recordedAt: s.createdAt.toISOString(), undoable: s.id === undoable,
    })),
    next: state ? nextSteps(state, today) : [],
    warnings: state ? checkPipeline(state, today).map((v) => ({ rule: v.rule, message: describeViolation(v, lang) })) : [],
    can: {
      record: permission(ctx.actor, 'member.manage', person.orgPath),
      approve: permission(ctx.actor, 'member.approve', open?.orgPath ?? person.orgPath),
    },
  };
}
