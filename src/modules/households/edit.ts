/** Recording a household: created with its members, edited (members replaced as a whole list), moved away. */
import { and, eq } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { conflict, forbidden, invalid } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { maskIdNumber, maskPhone } from '../members/privacy.js';
import type { HouseholdCreate, HouseholdDetail, HouseholdMemberInput, HouseholdPatch } from './contracts.js';
import { getHousehold, managedVillage, membersOf, visibleHousehold } from './queries.js';
import { peopleByIdNumber, recordConflicts, storeHousehold } from './records.js';
import { checkHousehold, unmasked, type CheckedHousehold, type HouseholdDraft, type Relation } from './rules.js';
import { households } from './schema.js';
import { householdSettings, refuseProblems } from './settings.js';

/** What the audit trail keeps of a household: numbers masked, as the trail is read more widely than the register. */
const audited = (value: CheckedHousehold) => ({
  ...value, phone: maskPhone(value.phone), members: value.members.map((m) => ({ ...m, idNumber: maskIdNumber(m.idNumber), phone: maskPhone(m.phone) })),
});
const label = (orgName: string, headName: string) => `${orgName} ${headName}户`;

async function checked(ctx: ServiceContext, draft: HouseholdDraft, lang: Lang, db = ctx.db): Promise<CheckedHousehold> {
  const { tags } = await householdSettings(db, ctx.actor.countyId);
  const { value, problems } = checkHousehold(draft, new Set(tags.map((t) => t.id)), chinaDate(ctx.clock.now()));
  refuseProblems(problems, lang);
  return value;
}

export async function createHousehold(ctx: ServiceContext, input: HouseholdCreate, lang: Lang): Promise<HouseholdDetail> {
  const id = await write(ctx, async (w) => {
    const { org, post } = await managedVillage(ctx, input.org, w.tx);
    const { org: _org, ...draft } = input;
    const value = await checked(ctx, draft, lang, w.tx);
    const [clashes] = await recordConflicts(ctx.actor, w.tx, org.id, [{ value }]);
    refuseProblems(clashes!, lang);
    const created = await storeHousehold(w.tx, org, undefined, value, [], await peopleByIdNumber(w.tx, org.countyId, [value]), w.now);
    w.audit({ action: 'household.create', entityType: 'household', entityId: created, entityLabel: label(org.name, value.headName), orgPath: org.path, postId: post.postId, after: audited(value) });
    return created;
  });
  return getHousehold(ctx, id);
}

export async function updateHousehold(ctx: ServiceContext, id: string, patch: HouseholdPatch, lang: Lang): Promise<HouseholdDetail> {
  await write(ctx, async (w) => {
    const found = await visibleHousehold(ctx, id, w.tx);
    const { org, post } = await managedVillage(ctx, found.orgCode, w.tx);
    if (found.status !== 'active') throw conflict('households.moved');
    const recorded = await membersOf(w.tx, ctx.actor.countyId, id);
    const before = recordedValue(found, recorded);
    const members = patch.members?.map((m) => withRecorded(m, recorded));
    const value = await checked(ctx, {
      number: field(patch.number, found.number), villagerGroup: field(patch.villagerGroup, found.villagerGroup), headName: patch.headName ?? found.headName,
      phone: field(unmasked(patch.phone, found.phone, 'phone'), found.phone), address: field(patch.address, found.address),
      tags: patch.tags ?? found.tags, note: field(patch.note, found.note), members: members ?? before.members,
    }, lang, w.tx);
    const [clashes] = await recordConflicts(ctx.actor, w.tx, org.id, [{ id, value }]);
    refuseProblems(clashes!, lang);
    // Members keep their ids: visits and pairings may name them.
    const ids = members ? patch.members!.map((m) => (recorded.some((r) => r.id === m.id) ? m.id : undefined)) : recorded.map((m) => m.id);
    await storeHousehold(w.tx, org, id, value, ids, await peopleByIdNumber(w.tx, org.countyId, [value]), w.now);
    w.audit({ action: 'household.update', entityType: 'household', entityId: id, entityLabel: label(org.name, value.headName), orgPath: org.path, postId: post.postId, before: audited(before), after: audited(value) });
  });
  return getHousehold(ctx, id);
}

function recordedValue(found: Omit<CheckedHousehold, 'members'>, recorded: Awaited<ReturnType<typeof membersOf>>): CheckedHousehold {
  const { number, villagerGroup, headName, phone, address, tags, note } = found;
  return {
    number, villagerGroup, headName, phone, address, tags, note,
    members: recorded.map((m) => ({ name: m.name, relation: m.relation as Relation, gender: m.gender as '1' | '2' | null, birthDate: m.birthDate, idNumber: m.idNumber, phone: m.phone })),
  };
}

/** A field left out keeps the recorded value. */
const field = <T>(submitted: T | undefined, recorded: T): T => (submitted === undefined ? recorded : submitted);

/** A member's numbers as the form sent them back, masked ones standing for the recorded values. */
function withRecorded(m: HouseholdMemberInput, recorded: { id: string; idNumber: string | null; phone: string | null }[]) {
  const before = recorded.find((r) => r.id === m.id);
  return { ...m, idNumber: unmasked(m.idNumber, before?.idNumber ?? null, 'idNumber'), phone: unmasked(m.phone, before?.phone ?? null, 'phone') };
}

/** A household that left the village: kept for the visits and concerns that name it, no longer listed as active. */
export async function moveHousehold(ctx: ServiceContext, id: string, input: { movedOn: string; reason: string }): Promise<HouseholdDetail> {
  const today = chinaDate(ctx.clock.now());
  if (input.movedOn > today) {
    const params = { date: input.movedOn, today };
    throw invalid('households.moved_on_future', params, [{ path: 'body.movedOn', key: 'households.moved_on_future', params }]);
  }
  await write(ctx, async (w) => {
    const found = await visibleHousehold(ctx, id, w.tx);
    const post = grantingPost(ctx.actor, 'household.manage', found.orgPath);
    if (!post) throw forbidden('households.forbidden');
    if (found.status !== 'active') throw conflict('households.moved');
    await w.tx.update(households).set({ status: 'moved', updatedAt: w.now }).where(and(eq(households.countyId, ctx.actor.countyId), eq(households.id, id)));
    w.audit({ action: 'household.move', entityType: 'household', entityId: id, entityLabel: label(found.orgName, found.headName), orgPath: found.orgPath, postId: post.postId, before: { status: 'active' }, after: { status: 'moved', ...input } });
  });
  return getHousehold(ctx, id);
}
