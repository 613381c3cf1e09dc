/**
 * A county's cadence rules: its own local practice, and its changes to the national defaults. Set
 * by the county organization department (whoever manages the county's root organization).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { grantingPost } from '../../platform/access/actor.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { rootOrg } from '../organizations/county.js';
import { meetingKinds } from '../meetings/kinds.js';
import { nationalRules } from './catalogue.js';
import type { ruleBody } from './contracts.js';
import { cadenceRules } from './schema.js';

type RuleInput = z.infer<typeof ruleBody>;

async function countyPost(ctx: ServiceContext) {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  const post = grantingPost(ctx.actor, 'org.manage', root.path);
  if (!post) throw forbidden('compliance.rules_forbidden');
  return { root, post };
}

export async function saveRule(ctx: ServiceContext, id: string, input: RuleInput): Promise<void> {
  // Only what the platform records can be counted: for now, meetings.
  if (!(meetingKinds as readonly string[]).includes(input.eventKind)) {
    const params = { value: input.eventKind };
    throw invalid('compliance.unknown_event', params, [{ path: 'body.eventKind', key: 'compliance.unknown_event', params }]);
  }
  const { root, post } = await countyPost(ctx);
  await write(ctx, async (w) => {
    const [before] = await w.tx.select().from(cadenceRules).where(and(eq(cadenceRules.countyId, ctx.actor.countyId), eq(cadenceRules.id, id)));
    const values = { ...input, updatedAt: w.now };
    await w.tx.insert(cadenceRules).values({ countyId: ctx.actor.countyId, id, ...values })
      .onConflictDoUpdate({ target: [cadenceRules.countyId, cadenceRules.id], set: values });
    w.audit({
      action: 'compliance.rule', entityType: 'cadence_rule', entityId: id, entityLabel: id, orgPath: root.path, postId: post.postId,
      before: before ? { ...before, createdAt: undefined, updatedAt: undefined } : null, after: input,
    });
  });
}

/** Removes a county's own rule, or its change to a national one (which then applies as published). */
export async function deleteRule(ctx: ServiceContext, id: string): Promise<void> {
  const { root, post } = await countyPost(ctx);
  await write(ctx, async (w) => {
    const [row] = await w.tx.delete(cadenceRules).where(and(eq(cadenceRules.countyId, ctx.actor.countyId), eq(cadenceRules.id, id))).returning();
    if (!row) throw nationalRules.some((r) => r.id === id) ? conflict('compliance.not_local', { id }) : notFound('compliance.rule_not_found', { id });
    w.audit({
      action: 'compliance.rule_removed', entityType: 'cadence_rule', entityId: id, entityLabel: id, orgPath: root.path, postId: post.postId,
      before: { ...row, createdAt: undefined, updatedAt: undefined }, after: null,
    });
  });
}
