/**
 * The handler's side of a concern: accepting, referring, marking a duplicate or rejecting it,
 * assigning a handler, working it (start, pause, resume), drafting the answer and publishing it.
 * Each is checked against the transition table (rules.ts) and applied by lifecycle.transition.
 */
import { and, eq } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import { conflict, forbidden, invalid, type FieldProblem } from '../../platform/errors.js';
import { enqueue } from '../../platform/outbox/outbox.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { organizations } from '../organizations/schema.js';
import type { ActionBody, ConcernDetail, ConcernSettings } from './contracts.js';
import { getConcern } from './detail.js';
import { transition, type Step } from './lifecycle.js';
import { concernScope, handlersOf, standing, visibleConcern, type ConcernRow } from './queries.js';
import { verdict, type ConcernState, type HandlerAction } from './rules.js';
import { concerns } from './schema.js';
import { categoryOf, concernSettings } from './settings.js';

/** The outbox channel replies by SMS go through: the log until a county plugs in a gateway under this name. */
export const REPLY_CHANNEL = 'log';

const refuse = (path: string, key: FieldProblem['key'], params?: FieldProblem['params']) => invalid('concerns.invalid', {}, [{ path, key, params }]);

/** What each action changes beyond the state, after checking what its body names. */
async function stepFor(ctx: ServiceContext, c: ConcernRow, action: HandlerAction, body: ActionBody, settings: ConcernSettings, to: ConcernState): Promise<Step> {
  const base = { action, to, note: body.note ?? null };
  switch (action) {
    case 'accept': {
      const category = body.category ?? c.category;
      if (!category) throw refuse('body.category', 'concerns.category_required');
      if (!categoryOf(settings, category)) throw refuse('body.category', 'concerns.unknown_category', { category });
      return { ...base, set: { category, priority: body.priority ?? c.priority } };
    }
    case 'refer': {
      const [org] = await ctx.db.select().from(organizations)
        .where(and(eq(organizations.countyId, c.countyId), eq(organizations.code, body.orgCode!), eq(organizations.status, 'active')));
      if (!org) throw refuse('body.orgCode', 'concerns.refer_unknown', { code: body.orgCode! });
      if (org.id === c.handlerOrgId) throw refuse('body.orgCode', 'concerns.refer_same');
      return { ...base, set: { handlerOrgId: org.id, handlerOrgPath: org.path, handlerId: null }, data: { toOrg: org.code } };
    }
    case 'duplicate': {
      const [original] = await ctx.db.select({ id: concerns.id }).from(concerns)
        .where(and(eq(concerns.trackingCode, body.of!.toUpperCase()), concernScope(ctx.actor)));
      if (!original || original.id === c.id) throw refuse('body.of', 'concerns.duplicate_unknown', { code: body.of! });
      return { ...base, set: { duplicateOf: original.id, closedAt: ctx.clock.now() } };
    }
    case 'reject':
      return { ...base, note: body.reason!, set: { rejectReason: body.reason!, closedAt: ctx.clock.now() } };
    case 'assign': {
      if (!(await handlersOf(ctx.db, c)).some((h) => h.id === body.handlerId)) throw refuse('body.handlerId', 'concerns.not_a_handler');
      return { ...base, set: { handlerId: body.handlerId! } };
    }
    case 'pause':
      return { ...base, data: { reason: body.reason } };
    case 'answer':
      return { ...base, set: { answerDraft: body.answer! } };
    case 'reply':
      return { ...base, set: { reply: body.reply ?? c.answerDraft, repliedAt: ctx.clock.now() } };
    default:
      return base;
  }
}

export async function act(ctx: ServiceContext, id: string, action: HandlerAction, body: ActionBody): Promise<ConcernDetail> {
  const c = await visibleConcern(ctx, id);
  const settings = await concernSettings(ctx.db, ctx.actor.countyId);
  const v = verdict(action, { state: c.state as ConcernState, handlerId: c.handlerId }, standing(ctx.actor, c));
  if (!v.allowed) {
    if (v.reason === 'wrong_state') throw conflict('concerns.wrong_state', { state: settings.stateLabels[c.state as ConcernState] });
    throw forbidden(`concerns.refused.${v.reason}`);
  }
  const step = await stepFor(ctx, c, action, body, settings, v.to);
  const post = grantingPost(ctx.actor, 'concern.dispatch', c.handlerOrgPath) ?? grantingPost(ctx.actor, 'concern.handle', c.handlerOrgPath);
  await write(ctx, async (w) => {
    const updated = await transition(w, ctx.actor, c, { ...step, postId: post?.postId ?? null }, settings);
    if (action === 'reply' && updated.replyChannel === 'sms' && updated.submitterPhone) {
      await enqueue(w.tx, {
        countyId: c.countyId, entityType: 'concern', entityId: c.id, channel: REPLY_CHANNEL, recipient: updated.submitterPhone,
        body: `您反映的诉求（查询码 ${c.trackingCode}）已答复：${updated.reply ?? ''}`,
      }, w.now);
    }
  });
  return getConcern(ctx, id);
}
