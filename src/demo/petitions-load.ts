/**
 * The demo county's petitions, loaded once its organizations, people and accounts are in (for the
 * integrator to call beside loadContactWithTheMasses). Rows come keyed by organization code, person
 * key and username from demoPetitions; here they get their ids and paths. Steps are entered in the
 * order of their days, as the server would have entered them.
 */
import { inArray } from 'drizzle-orm';
import { users } from '../modules/accounts/schema.js';
import { petitionAccused, petitionEvents, petitionPetitioners, petitions } from '../modules/petitions/schema.js';
import type { WriteScope } from '../platform/service.js';
import type { DemoCounty } from './generate.js';
import { insertRows } from './insert.js';
import type { Loaded } from './load-life.js';
import { demoPetitions } from './petitions.js';

/** Noon in China on a day: when a step dated that day is taken to have been entered. */
const noon = (day: string, order: number) => new Date(`${day}T12:00:${String(order % 60).padStart(2, '0')}+08:00`);

export async function loadDemoPetitions(w: WriteScope, demo: DemoCounty, { countyId, orgRows, personIds }: Loaded): Promise<number> {
  const list = demoPetitions(demo, demo.asOf);
  const org = (code: string) => orgRows.get(code)!;
  const usernames = [...new Set(list.flatMap((p) => (p.registeredByUsername ? [p.registeredByUsername] : [])))];
  const userIds = new Map(usernames.length === 0 ? [] : (await w.tx.select({ id: users.id, username: users.username }).from(users)
    .where(inArray(users.username, usernames))).map((u) => [u.username, u.id]));
  const ids = list.map(() => crypto.randomUUID());
  await insertRows(w.tx, petitions, list.map((p, i) => ({
    countyId, id: ids[i]!, number: p.number, orgId: org(p.orgCode).id, orgPath: org(p.orgCode).path,
    registeredBy: p.registeredByUsername ? userIds.get(p.registeredByUsername) ?? null : null, receivedOn: p.receivedOn, channel: p.channel,
    referredBy: p.referredBy, content: p.content, category: p.category, state: p.state, dueOn: p.dueOn, createdAt: noon(p.receivedOn, 0),
  })));
  await insertRows(w.tx, petitionPetitioners, list.flatMap((p, i) => p.petitioners.map((x, position) => ({ countyId, petitionId: ids[i]!, position: position + 1, ...x }))));
  await insertRows(w.tx, petitionAccused, list.flatMap((p, i) => [
    ...p.accusedPersonKeys.map((key) => ({ countyId, petitionId: ids[i]!, personId: personIds.get(key)! })),
    ...p.accusedNames.map((name) => ({ countyId, petitionId: ids[i]!, name })),
    ...p.accusedOrgCodes.map((code) => ({ countyId, petitionId: ids[i]!, orgId: org(code).id, orgPath: org(code).path })),
  ]));
  await insertRows(w.tx, petitionEvents, list.flatMap((p, i) => p.events.map((e, order) => ({
    countyId, petitionId: ids[i]!, on: e.on, at: noon(e.on, order), createdAt: noon(e.on, order), action: e.action, note: e.note, data: e.data,
  }))));
  return list.length;
}
