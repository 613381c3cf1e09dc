/**
 * A member arriving from outside the county with a transfer letter: the person (found by citizen ID
 * number when already on record, e.g. someone who once left), checked as every write of a person
 * checks them (rules/person.ts), and an open membership in the receiving organization from the day
 * they arrived.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { grantingPost } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import { conflict, forbidden, invalid } from '../../../platform/errors.js';
import type { Lang } from '../../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../../platform/service.js';
import { personPinyinKey } from '../../../platform/text/pinyin.js';
import { orgLabel, visibleOrg } from '../../organizations/queries.js';
import { people } from '../../people/schema.js';
import { checkPerson, personValuesOf, refusal, type CheckedPerson, type FieldCheck } from '../rules/person.js';
import { checkPipeline, describeViolation, type StageRecord } from '../rules/pipeline.js';
import { memberships } from '../schema.js';
import type { ArrivalInput, TransferView } from './contracts.js';
import { effectiveDay, requireHolder } from './changes.js';
import { getTransfer } from './queries.js';
import { memberTransfers } from './schema.js';

/**
 * The stage dates as the letter gives them, checked by the pipeline rules; every problem, the
 * person's and the stages', is refused at once, each on its field. Timing rules the member's file
 * may have broken pass as warnings: it is history, not a new step.
 */
function checkStages(input: ArrivalInput, person: CheckedPerson, today: string, lang: Lang): { stages: StageRecord; warnings: string[] } {
  const stages: StageRecord = {
    category: input.category, birthDate: person.values.birthDate,
    appliedOn: input.appliedOn, activistOn: input.activistOn, targetOn: input.targetOn, joinedOn: input.joinedOn, fullOn: input.fullOn,
    probationExtensionMonths: input.probationExtensionMonths,
  };
  const violations = checkPipeline(stages, today);
  const problems: FieldCheck[] = [
    ...person.problems,
    ...violations.filter((v) => v.severity === 'error').map((v) => ({ field: v.field, key: 'transfers.detail' as const, params: { detail: describeViolation(v, lang) } })),
  ];
  if (problems.length > 0) throw refusal(problems);
  return { stages, warnings: violations.filter((v) => v.severity === 'warning').map((v) => describeViolation(v, lang)) };
}

export async function registerArrival(ctx: ServiceContext, input: ArrivalInput, lang: Lang): Promise<{ transfer: TransferView; matchedPerson: boolean; warnings: string[] }> {
  const today = chinaDate(ctx.clock.now());
  const arriving = checkPerson(input, today);
  const { stages, warnings } = checkStages(input, arriving, today, lang);
  const { id, matched } = await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, input.orgCode, w.tx);
    const post = grantingPost(ctx.actor, 'member.manage', org.path);
    if (!post) throw forbidden();
    await requireHolder(w.tx, org, 'body.orgCode');
    const receivedOn = effectiveDay('body.receivedOn', input.receivedOn, today, { date: null, key: 'transfers.date_before_sent' });
    const sentOn = input.sentOn ?? receivedOn;
    if (sentOn > receivedOn) {
      const params = { date: receivedOn, earliest: sentOn };
      throw invalid('transfers.date_before_sent', params, [{ path: 'body.receivedOn', key: 'transfers.date_before_sent', params }]);
    }
    // Matched by ID number anywhere in the county: a member's file follows them back.
    const [existing] = await w.tx.select().from(people)
      .where(and(eq(people.countyId, org.countyId), eq(people.idNumber, arriving.values.idNumber!))).for('update');
    if (existing) {
      const [open] = await w.tx.select({ id: memberships.id }).from(memberships)
        .where(and(eq(memberships.countyId, org.countyId), eq(memberships.personId, existing.id), isNull(memberships.endedOn)));
      if (open) throw conflict('transfers.arrival_has_membership', {}, [{ path: 'body.idNumber', key: 'transfers.arrival_has_membership' }]);
    }
    // What the letter says overrides the file kept here, which must still agree with the ID number.
    const { values, problems } = existing ? checkPerson(input, today, personValuesOf(existing)) : arriving;
    if (problems.length > 0) throw refusal(problems);
    const fields = { ...values, pinyin: personPinyinKey(values.name), orgId: org.id, orgPath: org.path };
    const [person] = existing
      ? await w.tx.update(people).set({ ...fields, updatedAt: w.now }).where(and(eq(people.countyId, org.countyId), eq(people.id, existing.id))).returning()
      : await w.tx.insert(people).values({ countyId: org.countyId, ...fields }).returning();
    const { category, appliedOn, activistOn, targetOn, joinedOn, fullOn, probationExtensionMonths } = stages;
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
  return { transfer: await getTransfer(ctx, id), matchedPerson: matched, warnings };
}
