/**
 * One petition as the reader may see it: its history, deadlines and what the reader may do, with the
 * reason when not. The petitioners are whole only for the handlers of its organization, and that read
 * is audited; everyone else sees them masked.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { grantingPost, permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { users } from '../accounts/schema.js';
import { maskIdNumber, maskPhone } from '../members/privacy.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { PetitionDetail } from './contracts.js';
import { eventsOf, historyOf, registerRows, summaryOf, visiblePetition } from './queries.js';
import { abilityFor, deadlinesOf, factsOf, feedbackOwed, isFinal, maskAddress, maskName, petitionActions, verdict } from './rules.js';
import { petitionAccused, petitionPetitioners, petitions } from './schema.js';

export async function getPetition(ctx: ServiceContext, id: string): Promise<PetitionDetail> {
  const p = await visiblePetition(ctx, id);
  const today = chinaDate(ctx.clock.now());
  const [row] = await registerRows(ctx.db, and(eq(petitions.countyId, p.countyId), eq(petitions.id, p.id)));
  const events = await eventsOf(ctx.db, p.countyId, p.id);
  const history = historyOf(events);
  const facts = factsOf(history);
  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((x): x is string => x !== null))];
  const [petitioners, accused, actors, same] = await Promise.all([
    ctx.db.select().from(petitionPetitioners).where(and(eq(petitionPetitioners.countyId, p.countyId), eq(petitionPetitioners.petitionId, p.id)))
      .orderBy(asc(petitionPetitioners.position)),
    ctx.db.select({ personId: petitionAccused.personId, name: petitionAccused.name, personName: people.name, orgName: organizations.name, orgCode: organizations.code })
      .from(petitionAccused)
      .leftJoin(people, and(eq(people.countyId, petitionAccused.countyId), eq(people.id, petitionAccused.personId)))
      .leftJoin(organizations, and(eq(organizations.countyId, petitionAccused.countyId), eq(organizations.id, petitionAccused.orgId)))
      .where(and(eq(petitionAccused.countyId, p.countyId), eq(petitionAccused.petitionId, p.id))),
    userIds.length ? ctx.db.select({ id: users.id, name: people.name }).from(users)
      .innerJoin(people, and(eq(people.countyId, users.countyId), eq(people.id, users.personId)))
      .where(and(eq(users.countyId, p.countyId), inArray(users.id, userIds))) : [],
    p.sameMatterAs ? ctx.db.select({ id: petitions.id, number: petitions.number }).from(petitions).where(and(eq(petitions.countyId, p.countyId), eq(petitions.id, p.sameMatterAs))) : [],
  ]);
  const handler = grantingPost(ctx.actor, 'petition.handle', p.orgPath);
  if (handler) {
    await write(ctx, async (w) => w.audit({ action: 'petition.read_petitioner', entityType: 'petition', entityId: p.id, entityLabel: `信访 ${p.number}`, orgPath: p.orgPath, postId: handler.postId }));
  }
  const referred = p.referredBy !== null;
  return {
    ...summaryOf(row!, today),
    referredBy: p.referredBy,
    sameMatterAs: same[0] ?? null,
    petitionerDetails: petitioners.map((x) => (handler
      ? { name: x.name, idNumber: x.idNumber, phone: x.phone, address: x.address }
      : { name: maskName(x.name), idNumber: maskIdNumber(x.idNumber), phone: maskPhone(x.phone), address: maskAddress(x.address) })),
    masked: !handler,
    accused: accused.map((a) => (a.orgName
      ? { kind: 'org' as const, name: a.orgName, code: a.orgCode }
      : { kind: 'person' as const, name: a.personName ?? a.name ?? '', code: null })),
    deadlines: deadlinesOf(facts, today),
    feedbackOwed: feedbackOwed(facts, referred),
    final: isFinal(history),
    timeline: events.map((e) => ({
      on: e.on, at: e.at.toISOString(), action: e.action, actor: actors.find((a) => a.id === e.actorUserId)?.name ?? null, note: e.note,
      data: e.data as Record<string, unknown> | null,
    })),
    can: Object.fromEntries(petitionActions.map((a) => {
      const access = permission(ctx.actor, abilityFor(a), p.orgPath);
      if (!access.allowed) return [a, access];
      const v = verdict(a, facts, today, today, referred);
      return [a, v.allowed ? { allowed: true } : { allowed: false, reason: v.reason }];
    })) as PetitionDetail['can'],
  };
}
