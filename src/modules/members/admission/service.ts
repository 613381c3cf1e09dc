/**
 * Recording the path to membership: a new application (a person, their membership as applicant and
 * the first step), and each step after it, checked against the rules. A step that breaks a rule is
 * refused with the rule named, unless an approving committee records it with a reason; a step the
 * rules make impossible is refused whoever asks.
 */
import { and, eq } from 'drizzle-orm';
import { grantingPost, type ActorPost } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import { AppError, conflict, forbidden, invalid, type FieldProblem } from '../../../platform/errors.js';
import { t, type Lang } from '../../../platform/i18n/index.js';
import type { Db } from '../../../platform/db/database.js';
import { write, type ServiceContext, type WriteScope } from '../../../platform/service.js';
import { personPinyinKey } from '../../../platform/text/pinyin.js';
import { orgLabel, visibleOrg, type OrgRow } from '../../organizations/queries.js';
import { people } from '../../people/schema.js';
import { checkPerson, refusal } from '../rules/person.js';
import { memberships } from '../schema.js';
import type { AdmissionView, NewApplicationInput, ReapplicationInput, RecordStepInput } from './contracts.js';
import { refuseTakenIdNumber } from './duplicate-person.js';
import { currentPath, getAdmission, openMembership, pathState, recordedSteps, visiblePerson, type PersonRow } from './queries.js';
import { checkApplication, checkStep, detailProblems, overriddenCode, stepEffect, stepViolationMessage, type StepViolation } from './rules.js';
import { admissionSteps } from './schema.js';
import { steps, type StepCode } from './steps.js';

const separator = (lang: Lang) => (lang === 'zh' ? '；' : '; ');

function fieldProblems(violations: StepViolation[], lang: Lang): FieldProblem[] {
  return violations.map((v) => ({ path: `body.${v.field}`, ...stepViolationMessage(v, lang) }));
}

function listed(problems: FieldProblem[], lang: Lang): string {
  return problems.map((p) => t(lang, p.key, p.params)).join(separator(lang));
}

interface Decision {
  overriddenRules: string[] | null;
  overrideReason: string | null;
  /** The approving post that set the rules aside, if one did. */
  overrider?: ActorPost;
}

/**
 * Lets a step through, refuses it (impossible: 422 step_impossible; against a rule: 422 rule_broken),
 * or records it over the rules it breaks when an approver gives a reason.
 */
function decide(ctx: ServiceContext, violations: StepViolation[], step: StepCode, path: string, override: { reason: string } | undefined, lang: Lang): Decision {
  const label = steps[step][lang];
  const impossible = violations.filter((v) => !v.overridable);
  if (impossible.length > 0) {
    const fields = fieldProblems(impossible, lang);
    throw new AppError(422, 'step_impossible', 'admission.impossible', { step: label, rules: listed(fields, lang) }, fields);
  }
  if (violations.length === 0) return { overriddenRules: null, overrideReason: null };
  if (!override) {
    const fields = fieldProblems(violations, lang);
    throw new AppError(422, 'rule_broken', 'admission.refused', { step: label, rules: listed(fields, lang) }, fields);
  }
  const overrider = grantingPost(ctx.actor, 'member.approve', path);
  if (!overrider) throw forbidden('admission.override_forbidden');
  return { overriddenRules: [...new Set(violations.map(overriddenCode))], overrideReason: override.reason, overrider };
}

export async function recordStep(ctx: ServiceContext, personId: string, input: RecordStepInput, lang: Lang): Promise<AdmissionView> {
  await write(ctx, async (w) => {
    const today = chinaDate(w.now);
    const { person, orgName } = await visiblePerson(ctx, w.tx, personId);
    const manager = grantingPost(ctx.actor, 'member.manage', person.orgPath);
    if (!manager) throw forbidden('admission.manage_forbidden', { org: orgName });
    const membership = await openMembership(w.tx, person, true);
    if (!membership) throw conflict('admission.no_open_membership', { name: person.name });
    const definition = steps[input.step];
    const committee = definition.approval ? grantingPost(ctx.actor, 'member.approve', membership.orgPath) : undefined;
    if (definition.approval && !committee) throw forbidden('admission.approval_forbidden', { step: definition[lang] });
    const problems = detailProblems(input.step, input.detail);
    if (problems.length > 0) {
      const fields: FieldProblem[] = problems.map((p) => ({ path: `body.detail.${p.field}`, key: `admission.detail.${p.problem}`, params: { step: definition[lang] } }));
      throw invalid('error.validation', { detail: listed(fields, lang) }, fields);
    }
    const state = pathState(person, membership, currentPath(await recordedSteps(w.tx, person)));
    const decision = decide(ctx, checkStep(state, input, today), input.step, membership.orgPath, input.override, lang);
    const effect = stepEffect(state, input);
    if (Object.keys(effect).length > 0) {
      await w.tx.update(memberships).set({ ...effect, updatedAt: w.now })
        .where(and(eq(memberships.countyId, membership.countyId), eq(memberships.id, membership.id)));
    }
    const acting = decision.overrider ?? committee ?? manager;
    const changed = Object.keys(effect) as (keyof typeof effect)[];
    const before = Object.fromEntries(changed.map((k) => [k, membership[k]]));
    const [row] = await w.tx.insert(admissionSteps).values({
      countyId: person.countyId, personId: person.id, membershipId: membership.id, orgId: membership.orgId, orgPath: membership.orgPath,
      step: input.step, doneOn: input.doneOn, approvingOrgId: committee?.orgId ?? null, approver: input.approver ?? null,
      detail: input.detail ?? null, note: input.note || null, overriddenRules: decision.overriddenRules, overrideReason: decision.overrideReason,
      recordedBy: ctx.actor.userId, membershipBefore: changed.length > 0 ? before : null,
    }).returning();
    w.audit({
      action: 'admission.step', entityType: 'person', entityId: person.id, entityLabel: person.name, orgPath: membership.orgPath, postId: acting.postId,
      before,
      after: {
        stepId: row!.id, step: input.step, doneOn: input.doneOn, approver: input.approver ?? null, detail: input.detail ?? null, note: input.note || null,
        ...effect, overriddenRules: decision.overriddenRules, overrideReason: decision.overrideReason,
      },
    });
  });
  return getAdmission(ctx, personId, lang);
}

/**
 * The organization receiving an application, with the post under which the actor manages it:
 * an active organization that holds members (a party group does not).
 */
async function receivingOrg(ctx: ServiceContext, tx: Db, orgCode: string): Promise<{ org: OrgRow; manager: ActorPost }> {
  const org = await visibleOrg(ctx, orgCode, tx);
  const manager = grantingPost(ctx.actor, 'member.manage', org.path);
  if (!manager) throw forbidden('admission.manage_forbidden', { org: org.name });
  if (org.status !== 'active') throw conflict('org.dissolved', { code: org.code });
  if (org.type === 'party_group') {
    const params = { value: org.name };
    throw invalid('member_import.org_is_group', params, [{ path: 'body.orgCode', key: 'member_import.org_is_group', params }]);
  }
  return { org, manager };
}

/** Opens a path to membership: a membership as applicant from the application date, and the application step. */
async function openPath(w: WriteScope, ctx: ServiceContext, person: PersonRow, org: OrgRow, input: ReapplicationInput, decision: Decision, manager: ActorPost, audited: Record<string, unknown>): Promise<void> {
  const [membership] = await w.tx.insert(memberships).values({
    countyId: org.countyId, personId: person.id, orgId: org.id, orgPath: org.path, category: 'applicant', appliedOn: input.appliedOn,
  }).returning();
  const [row] = await w.tx.insert(admissionSteps).values({
    countyId: org.countyId, personId: person.id, membershipId: membership!.id, orgId: org.id, orgPath: org.path, step: 'application',
    doneOn: input.appliedOn, note: input.note || null, overriddenRules: decision.overriddenRules, overrideReason: decision.overrideReason,
    recordedBy: ctx.actor.userId,
  }).returning();
  // The ID and phone numbers stay out of the trail, which readers of the audit log see whatever their post.
  w.audit({
    action: 'admission.application', entityType: 'person', entityId: person.id, entityLabel: person.name, orgPath: org.path,
    postId: (decision.overrider ?? manager).postId,
    after: { stepId: row!.id, org: orgLabel(org), ...audited, appliedOn: input.appliedOn, overriddenRules: decision.overriddenRules, overrideReason: decision.overrideReason },
  });
}

/** A new applicant: the person, and the path their application opens. */
export async function createApplication(ctx: ServiceContext, input: NewApplicationInput, lang: Lang): Promise<AdmissionView> {
  const personId = await write(ctx, async (w) => {
    const { org, manager } = await receivingOrg(ctx, w.tx, input.orgCode);
    const { values, problems } = checkPerson(input, chinaDate(w.now));
    if (problems.length > 0) throw refusal(problems);
    await refuseTakenIdNumber(ctx, w.tx, org.countyId, values.idNumber);
    const decision = decide(ctx, checkApplication(input, chinaDate(w.now)), 'application', org.path, input.override, lang);
    const [person] = await w.tx.insert(people).values({
      countyId: org.countyId, ...values, pinyin: personPinyinKey(values.name), orgId: org.id, orgPath: org.path,
    }).returning();
    await openPath(w, ctx, person!, org, input, decision, manager, { name: input.name, gender: input.gender, ethnicity: input.ethnicity, birthDate: input.birthDate });
    return person!.id;
  });
  return getAdmission(ctx, personId, lang);
}

/**
 * A person on record with no open membership applies (again): after a cancelled probation, a
 * withdrawn application, or a villager already in the records. Their earlier path stays as
 * history; they now belong to the organization that received the application.
 */
export async function reapply(ctx: ServiceContext, personId: string, input: ReapplicationInput, lang: Lang): Promise<AdmissionView> {
  await write(ctx, async (w) => {
    const { person, orgName } = await visiblePerson(ctx, w.tx, personId);
    const { org, manager } = await receivingOrg(ctx, w.tx, input.orgCode);
    if (await openMembership(w.tx, person, true)) throw conflict('admission.already_on_path', { name: person.name, org: orgName });
    if (!person.birthDate) {
      throw invalid('admission.birth_date_missing', { name: person.name }, [{ path: 'body.appliedOn', key: 'admission.birth_date_missing', params: { name: person.name } }]);
    }
    const decision = decide(ctx, checkApplication({ birthDate: person.birthDate, appliedOn: input.appliedOn }, chinaDate(w.now)), 'application', org.path, input.override, lang);
    if (person.orgId !== org.id) {
      await w.tx.update(people).set({ orgId: org.id, orgPath: org.path, updatedAt: w.now })
        .where(and(eq(people.countyId, person.countyId), eq(people.id, person.id)));
    }
    await openPath(w, ctx, person, org, input, decision, manager, { again: true, from: orgName });
  });
  return getAdmission(ctx, personId, lang);
}
