/**
 * Pairing a cadre with a household and ending it. The quota is not checked here: a cadre over or
 * under their rank's quota is shown on the quota table (quotas.ts), since local practice varies.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { grantingPost, inScope } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { conflict, forbidden, notFound, type FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { households } from '../households/schema.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';
import type { EndPairingInput, PairingDetail, PairingInput } from './contracts.js';
import { refuseFields } from './problems.js';
import { getPairing, pairingSettings, visiblePairing } from './queries.js';
import { unknownHelpTypes } from './rules.js';
import { pairings } from './schema.js';

export async function createPairing(ctx: ServiceContext, input: PairingInput, lang: Lang): Promise<PairingDetail> {
  const id = await write(ctx, async (w) => {
    const [found] = await w.tx.select({ household: households, org: organizations }).from(households)
      .innerJoin(organizations, and(eq(organizations.countyId, households.countyId), eq(organizations.id, households.orgId)))
      .where(and(eq(households.id, input.householdId), inScope(ctx.actor, 'org.read', { county: households.countyId, path: households.orgPath })));
    if (!found) throw notFound('pairing.household_not_found');
    const { household, org } = found;
    const post = grantingPost(ctx.actor, 'contracting.manage', household.orgPath);
    if (!post) throw forbidden('pairing.manage_forbidden', { org: org.name });
    const fields: FieldProblem[] = [];
    const today = chinaDate(w.now);
    if (input.startedOn > today) fields.push({ path: 'body.startedOn', key: 'pairing.rule.future_date', params: { date: input.startedOn } });
    if (household.status !== 'active') fields.push({ path: 'body.householdId', key: 'pairing.rule.household_inactive', params: { household: household.headName } });
    const settings = await pairingSettings(w.tx, org.countyId);
    for (const { index, id: typeId } of unknownHelpTypes(input.helpTypes, settings)) {
      fields.push({ path: `body.helpTypes.${index}`, key: 'pairing.rule.help_type_unknown', params: { id: typeId, options: settings.helpTypes.map((h) => h.name).join('、') } });
    }
    // A cadre in post today in the township or county above the village (a village's own cadres are not paired with its households here).
    const [cadre] = await w.tx.select({ name: people.name }).from(people).where(and(eq(people.countyId, org.countyId), eq(people.id, input.cadreId)));
    const [posted] = await w.tx.select({ id: posts.id }).from(posts)
      .where(and(eq(posts.countyId, org.countyId), eq(posts.personId, input.cadreId), sql`${posts.role} <> 'member'`,
        sql`(${posts.endedOn} is null or ${posts.endedOn} >= ${today}::date)`,
        sql`${household.orgPath} like ${posts.orgPath} || '%'`, sql`${posts.orgPath} <> ${household.orgPath}`))
      .limit(1);
    if (!cadre) fields.push({ path: 'body.cadreId', key: 'pairing.rule.cadre_unknown', params: {} });
    else if (!posted) fields.push({ path: 'body.cadreId', key: 'pairing.rule.cadre_not_posted', params: { cadre: cadre.name, village: org.name } });
    refuseFields(fields, lang);
    const [open] = await w.tx.select({ id: pairings.id }).from(pairings)
      .where(and(eq(pairings.countyId, org.countyId), eq(pairings.cadreId, input.cadreId), eq(pairings.householdId, household.id), isNull(pairings.endedOn)));
    if (open) throw conflict('pairing.already_open', { cadre: cadre!.name, household: household.headName });
    const helpTypes = [...new Set(input.helpTypes)];
    const [row] = await w.tx.insert(pairings).values({
      countyId: org.countyId, cadreId: input.cadreId, householdId: household.id, orgId: org.id, orgPath: household.orgPath,
      helpTypes, startedOn: input.startedOn, note: input.note ?? null, createdBy: ctx.actor.userId,
    }).returning({ id: pairings.id });
    w.audit({
      action: 'pairing.create', entityType: 'pairing', entityId: row!.id, entityLabel: `${cadre!.name} 结对 ${household.headName}户`, orgPath: household.orgPath, postId: post.postId,
      after: { cadreId: input.cadreId, householdId: household.id, helpTypes, startedOn: input.startedOn, note: input.note ?? null },
    });
    return row!.id;
  });
  return getPairing(ctx, id);
}

export async function endPairing(ctx: ServiceContext, id: string, input: EndPairingInput, lang: Lang): Promise<PairingDetail> {
  await write(ctx, async (w) => {
    const { pairing, org } = await visiblePairing(ctx, w.tx, id, true);
    const post = grantingPost(ctx.actor, 'contracting.manage', pairing.orgPath);
    if (!post) throw forbidden('pairing.manage_forbidden', { org: org.name });
    if (pairing.endedOn !== null) throw conflict('pairing.already_ended', { date: pairing.endedOn });
    const fields: FieldProblem[] = [];
    if (input.endedOn > chinaDate(w.now)) fields.push({ path: 'body.endedOn', key: 'pairing.rule.future_date', params: { date: input.endedOn } });
    if (input.endedOn < pairing.startedOn) fields.push({ path: 'body.endedOn', key: 'pairing.rule.end_before_start', params: { date: input.endedOn, startedOn: pairing.startedOn } });
    refuseFields(fields, lang);
    await w.tx.update(pairings).set({ endedOn: input.endedOn, endReason: input.reason })
      .where(and(eq(pairings.countyId, pairing.countyId), eq(pairings.id, pairing.id)));
    w.audit({
      action: 'pairing.end', entityType: 'pairing', entityId: pairing.id, entityLabel: `结对 ${org.name}`, orgPath: pairing.orgPath, postId: post.postId,
      before: { endedOn: null, endReason: null }, after: { endedOn: input.endedOn, endReason: input.reason },
    });
  });
  return getPairing(ctx, id);
}
