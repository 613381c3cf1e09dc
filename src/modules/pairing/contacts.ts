/** Recording a contact of a pairing: by its cadre, or by whoever manages contracting over the village. */
import { and, eq } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { conflict, forbidden, type FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { visits } from '../contracting/schema.js';
import type { ContactInput, PairingDetail } from './contracts.js';
import { refuseFields } from './problems.js';
import { getPairing, visiblePairing } from './queries.js';
import { pairingContacts } from './schema.js';

export async function recordContact(ctx: ServiceContext, id: string, input: ContactInput, lang: Lang): Promise<PairingDetail> {
  await write(ctx, async (w) => {
    const { pairing, org } = await visiblePairing(ctx, w.tx, id, true);
    const own = ctx.actor.personId === pairing.cadreId;
    const post = grantingPost(ctx.actor, 'contracting.manage', pairing.orgPath);
    if (!own && !post) throw forbidden('pairing.contact_forbidden', { org: org.name });
    if (pairing.endedOn !== null) throw conflict('pairing.already_ended', { date: pairing.endedOn });
    const fields: FieldProblem[] = [];
    if (input.contactedOn > chinaDate(w.now)) fields.push({ path: 'body.contactedOn', key: 'pairing.rule.future_date', params: { date: input.contactedOn } });
    if (input.contactedOn < pairing.startedOn) {
      fields.push({ path: 'body.contactedOn', key: 'pairing.rule.contact_before_start', params: { date: input.contactedOn, startedOn: pairing.startedOn } });
    }
    if (input.visitId) {
      const [visit] = await w.tx.select({ orgId: visits.orgId }).from(visits).where(and(eq(visits.countyId, pairing.countyId), eq(visits.id, input.visitId)));
      if (!visit || visit.orgId !== pairing.orgId) fields.push({ path: 'body.visitId', key: 'pairing.rule.visit_elsewhere', params: { village: org.name } });
    }
    refuseFields(fields, lang);
    const [row] = await w.tx.insert(pairingContacts).values({
      countyId: pairing.countyId, pairingId: pairing.id, contactedOn: input.contactedOn, mode: input.mode,
      visitId: input.visitId ?? null, note: input.note ?? null, createdBy: ctx.actor.userId,
    }).returning({ id: pairingContacts.id });
    w.audit({
      action: 'pairing.contact', entityType: 'pairing_contact', entityId: row!.id, entityLabel: `结对联系 ${org.name} ${input.contactedOn}`,
      orgPath: pairing.orgPath, postId: post?.postId ?? null, after: { pairingId: pairing.id, ...input },
    });
  });
  return getPairing(ctx, id);
}
