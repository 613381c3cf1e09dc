/**
 * A member arriving from outside the county with a transfer letter: the person (found by citizen ID
 * number when already on record, e.g. someone who once left), checked as the import checks a row,
 * and an open membership in the receiving organization from the day they arrived.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { grantingPost } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import { forbidden, invalid, conflict, type FieldProblem } from '../../../platform/errors.js';
import { t, type Lang } from '../../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../../platform/service.js';
import { personPinyinKey } from '../../../platform/text/pinyin.js';
import { orgLabel, visibleOrg } from '../../organizations/queries.js';
import { people } from '../../people/schema.js';
import { genderLabels } from '../import-rows.js';
import { parsePhone } from '../rules/cells.js';
import { educationCodes } from '../rules/education.js';
import { ethnicityByCode } from '../rules/ethnicity.js';
import { idNumberDisagreements, parseIdNumber, type IdNumberFacts } from '../rules/id-number.js';
import { checkPipeline, describeViolation, type StageRecord } from '../rules/pipeline.js';
import { memberships } from '../schema.js';
import type { ArrivalInput, TransferView } from './contracts.js';
import { effectiveDay, requireHolder } from './changes.js';
import { getTransfer } from './queries.js';
import { memberTransfers } from './schema.js';

const idKeys = {
  length: 'member_import.id_length', characters: 'member_import.id_characters', check_digit: 'member_import.id_check_digit', birth_date: 'member_import.id_birth_date',
} as const;

interface Checked {
  id: IdNumberFacts;
  phone: string | null;
  stages: StageRecord;
  warnings: string[];
}

/** Every problem of the person's data and stage dates at once, each on its field; the warnings pass. */
function checkArrival(input: ArrivalInput, today: string, lang: Lang): Checked {
  const problems: FieldProblem[] = [];
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) problems.push({ path: 'idNumber', key: idKeys[parsed.reason] });
  for (const d of parsed.ok ? idNumberDisagreements(parsed.value, input) : []) {
    if (d.field === 'birthDate') problems.push({ path: 'birthDate', key: 'member_import.id_birth_mismatch', params: { expected: d.expected } });
    else problems.push({ path: 'gender', key: 'member_import.id_gender_mismatch', params: { expected: genderLabels[d.expected][lang] } });
  }
  if (input.ethnicity && !ethnicityByCode(input.ethnicity)) problems.push({ path: 'ethnicity', key: 'member_import.bad_ethnicity' });
  if (input.education && !educationCodes[input.education]) problems.push({ path: 'education', key: 'member_import.bad_education' });
  const phone = input.phone ? parsePhone(input.phone) : undefined;
  if (phone && !phone.ok) problems.push({ path: 'phone', key: 'member_import.bad_phone' });
  const stages: StageRecord = {
    category: input.category, birthDate: parsed.ok ? parsed.value.birthDate : input.birthDate,
    appliedOn: input.appliedOn, activistOn: input.activistOn, targetOn: input.targetOn, joinedOn: input.joinedOn, fullOn: input.fullOn,
    probationExtensionMonths: input.probationExtensionMonths,
  };
  const violations = checkPipeline(stages, today);
  for (const v of violations.filter((x) => x.severity === 'error')) {
    problems.push({ path: v.field, key: 'transfers.detail', params: { detail: describeViolation(v, lang) } });
  }
  if (problems.length > 0 || !parsed.ok) {
    const detail = problems.map((p) => t(lang, p.key, p.params)).join(lang === 'zh' ? '；' : '; ');
    throw invalid('transfers.arrival_invalid', { detail }, problems);
  }
  return {
    id: parsed.value, phone: phone?.ok ? phone.value : null, stages,
    warnings: violations.filter((x) => x.severity === 'warning').map((v) => describeViolation(v, lang)),
  };
}

export async function registerArrival(ctx: ServiceContext, input: ArrivalInput, lang: Lang): Promise<{ transfer: TransferView; matchedPerson: boolean; warnings: string[] }> {
  const today = chinaDate(ctx.clock.now());
  const checked = checkArrival(input, today, lang);
  const { id, matched } = await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, input.orgCode, w.tx);
    const post = grantingPost(ctx.actor, 'member.manage', org.path);
    if (!post) throw forbidden();
    await requireHolder(w.tx, org, 'orgCode');
    const receivedOn = effectiveDay('receivedOn', input.receivedOn, today, { date: null, key: 'transfers.date_before_sent' });
    const sentOn = input.sentOn ?? receivedOn;
    if (sentOn > receivedOn) {
      const params = { date: receivedOn, earliest: sentOn };
      throw invalid('transfers.date_before_sent', params, [{ path: 'receivedOn', key: 'transfers.date_before_sent', params }]);
    }
    // Matched by ID number anywhere in the county: a member's file follows them back.
    const [existing] = await w.tx.select().from(people)
      .where(and(eq(people.countyId, org.countyId), eq(people.idNumber, checked.id.idNumber))).for('update');
    if (existing) {
      const [open] = await w.tx.select({ id: memberships.id }).from(memberships)
        .where(and(eq(memberships.countyId, org.countyId), eq(memberships.personId, existing.id), isNull(memberships.endedOn)));
      if (open) throw conflict('transfers.arrival_has_membership', {}, [{ path: 'idNumber', key: 'transfers.arrival_has_membership' }]);
    }
    const fields = {
      name: input.name, pinyin: personPinyinKey(input.name), gender: checked.id.gender, birthDate: checked.id.birthDate, idNumber: checked.id.idNumber,
      ethnicity: input.ethnicity ?? existing?.ethnicity ?? '01', education: input.education ?? existing?.education ?? null,
      occupation: input.occupation ?? existing?.occupation ?? null, phone: checked.phone ?? existing?.phone ?? null,
      address: input.address ?? existing?.address ?? null, orgId: org.id, orgPath: org.path,
    };
    const [person] = existing
      ? await w.tx.update(people).set({ ...fields, updatedAt: w.now }).where(and(eq(people.countyId, org.countyId), eq(people.id, existing.id))).returning()
      : await w.tx.insert(people).values({ countyId: org.countyId, ...fields }).returning();
    const { category, appliedOn, activistOn, targetOn, joinedOn, fullOn, probationExtensionMonths } = checked.stages;
    const [membership] = await w.tx.insert(memberships).values({
      countyId: org.countyId, personId: person!.id, orgId: org.id, orgPath: org.path, category, startedOn: receivedOn,
      appliedOn: appliedOn ?? null, activistOn: activistOn ?? null, targetOn: targetOn ?? null, joinedOn: joinedOn ?? null, fullOn: fullOn ?? null,
      probationExtensionMonths: probationExtensionMonths ?? null,
    }).returning();
    const [transfer] = await w.tx.insert(memberTransfers).values({
      countyId: org.countyId, personId: person!.id, kind: 'in', orgId: org.id, orgPath: org.path, membershipId: membership!.id,
      externalOrg: input.externalOrg, state: 'received', sentOn, decidedOn: receivedOn, letterNo: input.letterNo, note: input.note || null,
      decidedBy: ctx.actor.userId,
    }).returning();
    w.audit({
      action: 'member.transfer_in', entityType: 'person', entityId: person!.id, entityLabel: person!.name, orgPath: org.path, postId: post.postId,
      after: { transferId: transfer!.id, from: input.externalOrg, to: orgLabel(org), letterNo: input.letterNo, receivedOn, category, matchedPerson: Boolean(existing) },
    });
    return { id: transfer!.id, matched: Boolean(existing) };
  });
  return { transfer: await getTransfer(ctx, id), matchedPerson: matched, warnings: checked.warnings };
}
