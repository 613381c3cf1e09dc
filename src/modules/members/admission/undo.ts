/**
 * Undoing a step recorded by mistake (a wrong step, a wrong date): the latest step of the current
 * path goes, and the membership is put back as it was before it. The step as it was, and why it
 * was undone, stay in the audit trail. A correction is an undo followed by the right step.
 */
import { and, eq } from 'drizzle-orm';
import { grantingPost } from '../../../platform/access/actor.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import type { Lang } from '../../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../../platform/service.js';
import { memberships } from '../schema.js';
import type { AdmissionView } from './contracts.js';
import { getAdmission, openMembership, recordedSteps, undoRefusal, visiblePerson } from './queries.js';
import { admissionSteps } from './schema.js';
import { steps, type StepCode } from './steps.js';

export async function undoStep(ctx: ServiceContext, personId: string, stepId: string, reason: string, lang: Lang): Promise<AdmissionView> {
  await write(ctx, async (w) => {
    const { person, orgName } = await visiblePerson(ctx, w.tx, personId);
    const manager = grantingPost(ctx.actor, 'member.manage', person.orgPath);
    if (!manager) throw forbidden('admission.manage_forbidden', { org: orgName });
    const recorded = await recordedSteps(w.tx, person);
    const step = recorded.find((s) => s.id === stepId);
    if (!step) throw notFound();
    // A committee's decision is undone by the committee, as it was recorded by it.
    const definition = steps[step.step as StepCode];
    const committee = definition.approval ? grantingPost(ctx.actor, 'member.approve', step.orgPath) : undefined;
    if (definition.approval && !committee) throw forbidden('admission.approval_forbidden', { step: definition[lang] });
    const open = await openMembership(w.tx, person, true);
    const refusal = undoRefusal(step, recorded, open);
    if (refusal) throw conflict(`admission.undo.${refusal}`);
    if (step.membershipBefore) {
      await w.tx.update(memberships).set({ ...step.membershipBefore, updatedAt: w.now })
        .where(and(eq(memberships.countyId, step.countyId), eq(memberships.id, step.membershipId)));
    }
    await w.tx.delete(admissionSteps).where(and(eq(admissionSteps.countyId, step.countyId), eq(admissionSteps.id, step.id)));
    w.audit({
      action: 'admission.undo', entityType: 'person', entityId: person.id, entityLabel: person.name, orgPath: step.orgPath,
      postId: (committee ?? manager).postId,
      before: { ...step, createdAt: step.createdAt.toISOString() },
      after: { reason, membership: step.membershipBefore },
    });
  });
  return getAdmission(ctx, personId, lang);
}
