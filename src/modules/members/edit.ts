/** Correcting one person's registry record: their facts and the flags of their open membership. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { can, grantingPost, inScope, permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { personPinyinKey } from '../../platform/text/pinyin.js';
import { people } from '../people/schema.js';
import { refuseTakenIdNumber } from './admission/duplicate-person.js';
import type { MemberEditInput, MemberRecord } from './edit-contracts.js';
import { planEdit, type FlagValues } from './edit-rules.js';
import { maskIdNumber, maskPhone, shownSensitive } from './privacy.js';
import { personValuesOf, refusal } from './rules/person.js';
import { checkPipeline, stageFields, type MemberCategory, type PipelineViolation } from './rules/pipeline.js';
import { memberships } from './schema.js';

type PersonRow = typeof people.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;

/**
 * The person if the actor may read people where they belong (anyone else is "not found"), with
 * the membership open today. Inside a write the person's row is locked, so two corrections of
 * one record cannot both start from the same values.
 */
async function readRecord(ctx: ServiceContext, db: Db, id: string, lock: boolean): Promise<{ person: PersonRow; open: MembershipRow | undefined }> {
  const query = db.select().from(people)
    .where(and(eq(people.id, id), inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })));
  const [person] = await (lock ? query.for('update') : query);
  if (!person) throw notFound('members.not_found');
  const [open] = await db.select().from(memberships)
    .where(and(eq(memberships.countyId, person.countyId), eq(memberships.personId, person.id), isNull(memberships.endedOn)));
  return { person, open };
}

function recordView(ctx: ServiceContext, person: PersonRow, open: MembershipRow | undefined): MemberRecord {
  return {
    personId: person.id, name: person.name, gender: person.gender, ethnicity: person.ethnicity, birthDate: person.birthDate,
    ...shownSensitive(person, false),
    education: person.education, occupation: person.occupation, address: person.address,
    membership: open ? flagsOf(open) : null,
    can: { edit: permission(ctx.actor, 'member.manage', person.orgPath) },
  };
}

const flagsOf = (m: MembershipRow): FlagValues => ({
  mobile: m.mobile, mobileDestination: m.mobileDestination, mobileSince: m.mobileSince,
  reportingCommunity: m.reportingCommunity, outOfContact: m.outOfContact, retired: m.retired, needsCare: m.needsCare,
});

/** The record as the edit form starts from, and whether the actor may change it. */
export async function getMemberRecord(ctx: ServiceContext, id: string): Promise<MemberRecord> {
  const { person, open } = await readRecord(ctx, ctx.db, id, false);
  return recordView(ctx, person, open);
}

export interface EditOutcome {
  record: MemberRecord;
  /** Timing rules of the recorded path to membership that a corrected birth date now breaks. */
  warnings: PipelineViolation[];
}

/**
 * Applies a partial correction in one transaction with one audit event of what changed. Every
 * invalid field is reported at once; a citizen ID number registered to another person of the
 * county is refused, naming them where the actor may see them.
 */
export async function editMember(ctx: ServiceContext, id: string, input: MemberEditInput): Promise<EditOutcome> {
  return write(ctx, async (w) => {
    const { person, open } = await readRecord(ctx, w.tx, id, true);
    const post = grantingPost(ctx.actor, 'member.manage', person.orgPath);
    if (!post) throw forbidden('member_edit.forbidden');
    const today = chinaDate(w.now);
    const plan = planEdit(personValuesOf(person), open ? flagsOf(open) : null, input, today);
    if (plan.problems.length > 0) throw refusal(plan.problems);
    await refuseTakenIdNumber(ctx, w.tx, person.countyId, plan.person.idNumber, person.id);

    const personChanges = { ...plan.person, ...(plan.person.name === undefined ? {} : { pinyin: personPinyinKey(plan.person.name) }) };
    const [updated] = Object.keys(personChanges).length === 0 ? [person] : await w.tx.update(people)
      .set({ ...personChanges, updatedAt: w.now })
      .where(and(eq(people.countyId, person.countyId), eq(people.id, person.id)))
      .returning();
    const [updatedOpen] = !open || Object.keys(plan.flags).length === 0 ? [open] : await w.tx.update(memberships)
      .set({ ...plan.flags, updatedAt: w.now })
      .where(and(eq(memberships.countyId, open.countyId), eq(memberships.id, open.id)))
      .returning();

    const before = { ...pick(personValuesOf(person), plan.person), ...(open ? pick(flagsOf(open), plan.flags) : {}) };
    if (Object.keys(before).length > 0) {
      // The trail keeps full numbers only for an actor who could read them anyway.
      const full = can(ctx.actor, 'person.read_sensitive', person.orgPath);
      w.audit({
        action: 'person.update', entityType: 'person', entityId: person.id, entityLabel: updated!.name, orgPath: person.orgPath, postId: post.postId,
        before: audited(before, full), after: audited({ ...plan.person, ...plan.flags }, full),
      });
    }
    return {
      record: recordView(ctx, updated!, updatedOpen),
      warnings: plan.person.birthDate === undefined ? [] : await birthDateWarnings(w.tx, updated!, today),
    };
  });
}

function pick<T extends object>(values: T, keys: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, values[k as keyof T]])) as Partial<T>;
}

/** Changed values as the trail keeps them: ID and phone numbers masked unless the actor may read them in full. */
function audited(values: Record<string, unknown>, full: boolean): Record<string, unknown> {
  const out = { ...values };
  if (full) return out;
  if (typeof out.idNumber === 'string') out.idNumber = maskIdNumber(out.idNumber);
  if (typeof out.phone === 'string') out.phone = maskPhone(out.phone);
  return out;
}

/**
 * The age rule of the path to membership, checked again with a corrected birth date on the stage
 * dates the person's file carries (the latest membership holds them all). A historical record
 * keeps what it was; the warning tells the editor to look at the dates.
 */
async function birthDateWarnings(db: Db, person: PersonRow, today: string): Promise<PipelineViolation[]> {
  const [latest] = await db.select().from(memberships)
    .where(and(eq(memberships.countyId, person.countyId), eq(memberships.personId, person.id)))
    // The open row first (descending puts nulls first), else the one that ended last.
    .orderBy(desc(memberships.endedOn))
    .limit(1);
  if (!latest) return [];
  const stages = Object.fromEntries(stageFields.map((f) => [f, latest[f]]));
  const record = { ...stages, category: latest.category as MemberCategory, probationExtensionMonths: latest.probationExtensionMonths, birthDate: person.birthDate };
  return checkPipeline(record, today).filter((v) => v.field === 'birthDate' || v.other === 'birthDate');
}
