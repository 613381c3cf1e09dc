/**
 * One step of the procedure on a petition: checked against the state machine and the deadlines
 * (rules.ts) on the history as it stands under a row lock, then recorded with the state and the
 * due day it leads to.
 */
import { and, eq } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { conflict, forbidden, invalid } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import type { ActionInput, PetitionDetail } from './contracts.js';
import { getPetition } from './detail.js';
import { eventsOf, historyOf, visiblePetition } from './queries.js';
import { abilityFor, currentDue, factsOf, stateAfter, verdict, type PetitionAction } from './rules.js';
import { petitionEvents, petitions } from './schema.js';

/** Refusals about the day given: the form's date field is wrong, not the case's state. */
const dateRefusals = new Set(['future', 'before_previous']);

export async function act(ctx: ServiceContext, id: string, action: PetitionAction, input: ActionInput): Promise<PetitionDetail> {
  const today = chinaDate(ctx.clock.now());
  const on = input.on ?? today;
  await write(ctx, async (w) => {
    const p = await visiblePetition(ctx, id, w.tx, true);
    const post = grantingPost(ctx.actor, abilityFor(action), p.orgPath);
    if (!post) throw forbidden('petitions.refused.no_ability');
    const history = historyOf(await eventsOf(w.tx, p.countyId, p.id));
    const facts = factsOf(history);
    const v = verdict(action, facts, on, today, p.referredBy !== null);
    if (!v.allowed) {
      if (dateRefusals.has(v.reason)) throw invalid('petitions.invalid', {}, [{ path: 'body.on', key: `petitions.refused.${v.reason}` }]);
      throw conflict(`petitions.refused.${v.reason}`, { state: p.state });
    }
    const later = (field: 'noticeOn' | 'petitionerToldOn') => {
      const day = input[field];
      if (day !== undefined && (day < on || day > today)) throw invalid('petitions.invalid', {}, [{ path: `body.${field}`, key: 'petitions.told_between', params: { from: on, to: today } }]);
    };
    later('noticeOn');
    later('petitionerToldOn');
    const { on: _on, note, ...data } = input;
    await w.tx.insert(petitionEvents).values({ countyId: p.countyId, petitionId: p.id, on, at: w.now, actorUserId: ctx.actor.userId, action, note: note ?? null, data });
    const after = factsOf([...history, { action, on, extensionDays: input.days }]);
    const state = stateAfter(action, facts.state);
    await w.tx.update(petitions).set({ state, dueOn: currentDue(after), updatedAt: w.now }).where(and(eq(petitions.countyId, p.countyId), eq(petitions.id, p.id)));
    // The event names the register number only: what it says stays in the petition's own history.
    w.audit({ action: `petition.${action}`, entityType: 'petition', entityId: p.id, entityLabel: `信访 ${p.number}`, orgPath: p.orgPath, postId: post.postId, before: { state: p.state }, after: { state, on } });
  });
  return getPetition(ctx, id);
}
