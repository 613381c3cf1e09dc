import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, engines } from '../../test/support/databases.js';
import { signInAs } from '../../test/support/http.js';
import { createApp } from '../app.js';
import type { PetitionDetail, PetitionListView } from '../modules/petitions/contracts.js';
import { ManualClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import type { App } from '../platform/http/app-types.js';
import { DEMO_PASSWORD, generateCounty } from './generate.js';
import { loadDemoCounty } from './load.js';
import { demoPetitions } from './petitions.js';

const demo = generateCounty({ seed: 3, code: '530522', asOf: '2026-06-30', memberTarget: 600 });
const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
const township = demo.accounts.find((a) => a.role === 'township_admin')!;

// The demo loader loads them with the county (load.ts).
describe.each(engines)('loading the demo petitions on %s', (engine) => {
  let database: Database;
  let app: App;
  const clock = new ManualClock(new Date('2026-06-30T04:00:00Z'));
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadDemoCounty(database.db, clock, demo);
    app = await createApp(database, { web: false, clock });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  const get = async <T>(user: string, url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie: await signInAs(app, user, DEMO_PASSWORD) } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  it('answers each petition through the API as generated, and hides the one accusing the demo secretary from that account', async () => {
    const all = demoPetitions(demo, demo.asOf);
    const county = await get<PetitionListView>(demo.accounts.find((a) => a.role === 'county_admin')!.username, '/api/petitions');
    expect(county.items.map((p) => [p.number, p.state, p.dueOn]).sort()).toEqual(all.map((p) => [p.number, p.state, p.dueOn]).sort());
    const accusing = all.find((p) => p.accusedPersonKeys.includes(secretary.personKey))!;
    const seen = county.items.find((p) => p.number === accusing.number)!;
    const detail = await get<PetitionDetail>(township.username, `/api/petitions/${seen.id}`);
    expect(detail.timeline.map((e) => e.action)).toEqual(accusing.events.map((e) => e.action));
    const own = await get<PetitionListView>(secretary.username, '/api/petitions');
    expect(own.items.map((p) => p.number)).not.toContain(accusing.number);
    expect(own.items.length).toBeGreaterThan(0);
  });
});
