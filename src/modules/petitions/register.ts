/**
 * Registering a letter, visit, call, online submission or a referral from a higher body, with its
 * petitioners and whom it accuses. A petition on the same matter as one already re-reviewed is refused:
 * after 复核 the same facts are not accepted again by any body (rules.md §4).
 */
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { conflict, forbidden, invalid, type FieldProblem } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { visibleOrg } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { RegisterInput } from './contracts.js';
import { eventsOf, historyOf } from './queries.js';
import { currentDue, factsOf, isFinal, petitionNumber } from './rules.js';
import { petitionAccused, petitionEvents, petitionPetitioners, petitions } from './schema.js';
import { petitionVisible } from './visibility.js';

export async function registerPetition(ctx: ServiceContext, input: RegisterInput): Promise<{ id: string; number: string; visible: boolean }> {
  const org = await visibleOrg(ctx, input.orgCode);
  const post = grantingPost(ctx.actor, 'petition.register', org.path);
  if (!post) throw forbidden('petitions.register_forbidden');
  const countyId = ctx.actor.countyId;
  const today = chinaDate(ctx.clock.now());
  const problems: FieldProblem[] = [];
  if (input.receivedOn > today) problems.push({ path: 'body.receivedOn', key: 'petitions.future' });
  if ((input.channel === 'referred') !== (input.referredBy !== undefined)) problems.push({ path: 'body.referredBy', key: 'petitions.referred_by' });
  const accusedPeople = input.accusedPeople ?? [];
  accusedPeople.forEach((a, i) => {
    if (!a.personId && !a.name) problems.push({ path: `body.accusedPeople.${i}`, key: 'petitions.accused_empty' });
  });
  const personIds = [...new Set(accusedPeople.map((a) => a.personId).filter((x): x is string => x !== undefined))];
  const found = personIds.length ? await ctx.db.select({ id: people.id }).from(people).where(and(eq(people.countyId, countyId), inArray(people.id, personIds))) : [];
  accusedPeople.forEach((a, i) => {
    if (a.personId && !found.some((p) => p.id === a.personId)) problems.push({ path: `body.accusedPeople.${i}.personId`, key: 'petitions.person_not_found' });
  });
  // The accused may be any organization of the county, not only one the registrant may read.
  const orgCodes = [...new Set(input.accusedOrgCodes ?? [])];
  const accusedOrgs = orgCodes.length ? await ctx.db.select().from(organizations).where(and(eq(organizations.countyId, countyId), inArray(organizations.code, orgCodes))) : [];
  (input.accusedOrgCodes ?? []).forEach((code, i) => {
    if (!accusedOrgs.some((o) => o.code === code)) problems.push({ path: `body.accusedOrgCodes.${i}`, key: 'petitions.org_not_found', params: { code } });
  });
  let sameMatterAs: string | null = null;
  if (input.sameMatterAs) {
    const [earlier] = await ctx.db.select({ id: petitions.id }).from(petitions)
      .where(and(eq(petitions.countyId, countyId), eq(petitions.number, input.sameMatterAs), petitionVisible(ctx.actor)));
    if (!earlier) problems.push({ path: 'body.sameMatterAs', key: 'petitions.same_matter_not_found', params: { number: input.sameMatterAs } });
    else {
      if (isFinal(historyOf(await eventsOf(ctx.db, countyId, earlier.id)))) {
        throw conflict('petitions.same_matter_final', { number: input.sameMatterAs }, [{ path: 'body.sameMatterAs', key: 'petitions.same_matter_final', params: { number: input.sameMatterAs } }]);
      }
      sameMatterAs = earlier.id;
    }
  }
  if (problems.length > 0) throw invalid('petitions.invalid', {}, problems);

  return write(ctx, async (w) => {
    const year = Number(input.receivedOn.slice(0, 4));
    // The county's register numbers petitions per year; the unique index settles a race.
    const [last] = await w.tx.select({ n: sql<number>`coalesce(max(split_part(${petitions.number}, '-', 2)::int), 0)` }).from(petitions)
      .where(and(eq(petitions.countyId, countyId), like(petitions.number, `${year}-%`)));
    const number = petitionNumber(year, (last?.n ?? 0) + 1);
    const [row] = await w.tx.insert(petitions).values({
      countyId, number, orgId: org.id, orgPath: org.path, registeredBy: ctx.actor.userId, receivedOn: input.receivedOn, channel: input.channel,
      referredBy: input.referredBy ?? null, content: input.content, category: input.category, sameMatterAs, state: 'registered',
      dueOn: currentDue(factsOf([{ action: 'register', on: input.receivedOn }])),
    }).returning();
    const p = row!;
    await w.tx.insert(petitionPetitioners).values(input.petitioners.map((x, i) => ({
      countyId, petitionId: p.id, position: i + 1, name: x.name, idNumber: x.idNumber ?? null, phone: x.phone ?? null, address: x.address ?? null,
    })));
    const accused = [
      ...accusedPeople.map((a) => ({ countyId, petitionId: p.id, personId: a.personId ?? null, name: a.name ?? null })),
      ...accusedOrgs.map((o) => ({ countyId, petitionId: p.id, orgId: o.id, orgPath: o.path })),
    ];
    if (accused.length > 0) await w.tx.insert(petitionAccused).values(accused);
    await w.tx.insert(petitionEvents).values({ countyId, petitionId: p.id, on: input.receivedOn, at: w.now, actorUserId: ctx.actor.userId, action: 'register', data: { channel: input.channel } });
    w.audit({ action: 'petition.register', entityType: 'petition', entityId: p.id, entityLabel: `信访 ${number}`, orgPath: org.path, postId: post.postId, after: { number, channel: input.channel, category: input.category } });
    const [seen] = await w.tx.select({ id: petitions.id }).from(petitions).where(and(eq(petitions.id, p.id), petitionVisible(ctx.actor)));
    return { id: p.id, number, visible: seen !== undefined };
  });
}
