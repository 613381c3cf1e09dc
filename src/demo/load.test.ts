import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/support/databases.js';
import { ManualClock, systemClock } from '../platform/clock.js';
import { rows, type Database } from '../platform/db/database.js';
import { generateCounty } from './generate.js';
import { loadDemoCounty } from './load.js';
import { demoPoints } from './points.js';
import { demoConcerns } from './concerns.js';
import { demoContracting } from './contracting.js';
import { demoDiaries } from './diaries.js';
import { demoHouseholds } from './households.js';
import { demoPairings } from './pairing.js';
import { demoRecords } from './records.js';
import { demoAssessments } from './assessments.js';
import { demoCommitments } from './commitments.js';
import { commitmentBoard } from '../modules/commitments/board.js';
import { publicCommitments } from '../modules/commitments/public.js';
import { commitmentSetting } from '../modules/commitments/queries.js';
import { getRound, listLetters, listRounds } from '../modules/assessments/queries.js';
import { operatorFor } from '../modules/organizations/county.js';
import { counties } from '../platform/db/counties.js';
import type { ServiceContext } from '../platform/service.js';

const demo = generateCounty({ seed: 3, code: '530522', asOf: '2026-06-30', memberTarget: 600 });
const isMember = (c: string | undefined) => c === 'full' || c === 'probationary';

describe.each(engines)('loading a demo county on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadDemoCounty(database.db, systemClock, demo);
  }, 120_000);
  afterAll(async () => database?.close());

  it('writes every person with occupation and address, and every relation, open or ended', async () => {
    const [counts] = await rows(database.db, sql`select
      (select count(*) from people)::int as people,
      (select count(*) from people where occupation is not null and address is not null)::int as described,
      (select count(*) from people where phone is null)::int as without_phone,
      (select count(*) from memberships where ended_on is null)::int as open,
      (select count(*) from memberships where ended_on is not null)::int as ended,
      (select count(*) from memberships where mobile and mobile_destination is not null and mobile_since is not null)::int as mobile`);
    expect(counts).toEqual({
      people: demo.people.length,
      described: demo.people.length,
      without_phone: demo.people.filter((p) => p.phone === null).length,
      open: demo.people.filter((p) => p.membership !== null).length,
      ended: demo.people.reduce((n, p) => n + p.endedMemberships.length, 0),
      mobile: demo.people.filter((p) => p.membership?.mobile).length,
    });
  });

  it('keeps each transfer: the old branch until the day, the new one from it', async () => {
    const moved = demo.people.filter((p) => p.endedMemberships.some((m) => m.endReason === 'transferred'));
    expect(moved.length).toBeGreaterThan(0);
    const got = await rows<{ id_number: string; code: string; started_on: string | null; ended_on: string | null; end_reason: string | null }>(database.db, sql`
      select p.id_number, o.code, m.started_on::text, m.ended_on::text, m.end_reason
      from memberships m
      join people p on p.county_id = m.county_id and p.id = m.person_id
      join organizations o on o.county_id = m.county_id and o.id = m.org_id
      where m.person_id in (select person_id from memberships where end_reason = 'transferred')
      order by p.id_number, m.ended_on nulls last`);
    const expected = moved
      .toSorted((a, b) => (a.idNumber < b.idNumber ? -1 : 1))
      .flatMap((p) => [
        ...p.endedMemberships.map((m) => ({ id_number: p.idNumber, code: m.orgCode, started_on: m.startedOn, ended_on: m.endedOn, end_reason: m.endReason })),
        { id_number: p.idNumber, code: p.orgCode, started_on: p.membership!.startedOn, ended_on: null, end_reason: null },
      ]);
    expect(got).toEqual(expected);
  });

  it('records the admission steps and the transfer records, each on its membership row', async () => {
    const records = demoRecords(demo, demo.asOf);
    const [loaded] = await rows<{ steps: number; on_open_rows: number; transfers: number; waiting: number; on_sending_rows: number }>(database.db, sql`
      select (select count(*) from admission_steps)::int as steps,
        (select count(*) from admission_steps s join memberships m on m.county_id = s.county_id and m.id = s.membership_id
          where m.person_id = s.person_id and m.ended_on is null)::int as on_open_rows,
        (select count(*) from member_transfers)::int as transfers,
        (select count(*) from member_transfers t join memberships m on m.county_id = t.county_id and m.id = t.membership_id
          where t.state = 'sent' and m.ended_on is null and m.org_id = t.org_id)::int as waiting,
        (select count(*) from member_transfers t join memberships m on m.county_id = t.county_id and m.id = t.membership_id
          where t.state = 'received' and m.end_reason = 'transferred' and m.ended_on = t.decided_on and m.org_id = t.org_id)::int as on_sending_rows`);
    expect(loaded).toEqual({
      steps: records.steps.length, on_open_rows: records.steps.length, transfers: records.transfers.length, waiting: 2,
      on_sending_rows: records.transfers.length - 2,
    });
    expect(records.steps.length).toBeGreaterThan(100);
  });

  it('keeps the subtree breakdowns equal to the members generated today', async () => {
    const tallied = await rows<{ n: number }>(database.db, sql`
      select coalesce(sum(b.n), 0)::int as n from member_breakdowns b join organizations o on o.county_id = b.county_id and o.path = b.subtree_path
      where o.parent_id is null and b.dimension = 'gender' and b.category in ('full', 'probationary')`);
    expect(tallied[0]?.n).toBe(demo.people.filter((p) => isMember(p.membership?.category)).length);
  });

  it('writes the star ratings of branches and of members, each member rated under their own person', async () => {
    const expected = demoPoints(demo, demo.asOf).ratings;
    const got = await rows<{ subject_type: string; n: number; wrong: number }>(database.db, sql`
      select r.subject_type, count(*)::int as n, count(*) filter (where p.org_id is distinct from r.org_id and r.subject_type = 'member')::int as wrong
      from star_ratings r left join people p on p.county_id = r.county_id and p.id = r.person_id group by r.subject_type order by r.subject_type`);
    expect(got).toEqual([
      { subject_type: 'branch', n: expected.filter((r) => r.personKey === null).length, wrong: 0 },
      { subject_type: 'member', n: expected.filter((r) => r.personKey !== null).length, wrong: 0 },
    ]);
  });

  it('writes the contact with the masses: every generated household, visit, diary, pairing and concern, in its village', async () => {
    const [got] = await rows<Record<string, number>>(database.db, sql`
      select (select count(*) from households)::int as households, (select count(*) from visits)::int as visits,
        (select count(*) from visit_diaries)::int as diaries, (select count(*) from pairings)::int as pairings,
        (select count(*) from concerns)::int as concerns,
        (select count(*) from concerns c join organizations o on o.county_id = c.county_id and o.id = c.org_id where c.org_path <> o.path)::int as misplaced,
        (select count(*) from visit_diaries where search @@ to_tsquery('simple', '饮水'))::int as found`);
    expect(got).toMatchObject({
      households: demoHouseholds(demo, demo.asOf).length, visits: demoContracting(demo, demo.asOf).visits.length,
      diaries: demoDiaries(demo, demo.asOf).length, pairings: demoPairings(demo, demo.asOf).length,
      concerns: demoConcerns(demo, demo.asOf).length, misplaced: 0,
    });
    expect(got!.found).toBeGreaterThan(0);
  });

  // Read back through the assessments module's own queries.
  const assessed = demoAssessments(demo, demo.asOf);
  const asCounty = async (): Promise<ServiceContext> => {
    const [county] = await database.db.select().from(counties);
    // Read on the demo's own day: what is overdue is counted from it.
    return { db: database.db, clock: new ManualClock(new Date(`${demo.asOf}T02:00:00Z`)), actor: await operatorFor(database.db, county!, 'test') };
  };

  it('writes last year’s finished assessment with its grades, and this year’s debrief open with its secretaries', async () => {
    const ctx = await asCounty();
    const last = (await listRounds(ctx, 2025)).items;
    expect(last).toHaveLength(1);
    const round = await getRound(ctx, last[0]!.id);
    expect(round).toMatchObject({ status: 'finished', subject: 'organization', results: round.complete });
    const lagging = assessed.results.filter((r) => r.round === 0 && r.grade === 'lagging').map((r) => r.orgCode).sort();
    expect(round.resultsList.filter((r) => r.low).map((r) => r.org.code).sort()).toEqual(lagging);
    expect(round.resultsList.filter((r) => r.low).every((r) => r.upgradePlan !== null && r.needsPlan)).toBe(true);
    const current = (await listRounds(ctx, 2026)).items;
    const debrief = await getRound(ctx, current[0]!.id);
    expect(debrief.status).toBe('open');
    expect(debrief.resultsList.filter((r) => r.person !== null).length).toBe(assessed.results.filter((r) => r.round === 1 && r.personKey !== null).length);
  });

  it('writes the responsibility letters of both years, last year’s scored and ranked', async () => {
    const ctx = await asCounty();
    const last = await listLetters(ctx, { year: 2025 });
    expect(last.items).toHaveLength(assessed.letters.filter((l) => l.year === 2025).length);
    expect(last.items.every((l) => l.status === 'scored' && l.total !== null && l.rank !== null)).toBe(true);
    const now = await listLetters(ctx, { year: 2026 });
    expect(now.items).toHaveLength(assessed.letters.filter((l) => l.year === 2026).length);
    expect(now.items.every((l) => l.status === 'signed' && l.total === null)).toBe(true);
  });

  const promised = demoCommitments(demo, demo.asOf);
  const tops = promised.commitments.filter((c) => c.parentKey === null);

  it('writes every commitment, update and appraisal, delays as their own kind, and the county’s "421" setting', async () => {
    const [n] = await rows<Record<string, number>>(database.db, sql`select
      (select count(*) from commitments where parent_id is null)::int as tops,
      (select count(*) from commitments where parent_id is not null)::int as items,
      (select count(*) from commitment_updates)::int as updates,
      (select count(*) from commitment_appraisals)::int as appraisals,
      (select count(*) from commitment_updates where kind = 'delay' and previous_due_on is not null and value is null and progress_permille is null)::int as delays,
      (select count(*) from commitment_updates where kind = 'progress' and value is null and progress_permille is null)::int as empty`);
    const delays = promised.updates.filter((u) => u.kind === 'delay').length;
    expect(n).toEqual({
      tops: tops.length, items: promised.commitments.length - tops.length, updates: promised.updates.length, appraisals: promised.appraisals.length,
      delays, empty: 0,
    });
    expect(delays).toBeGreaterThan(0);
    const [county] = await database.db.select().from(counties);
    expect((await commitmentSetting.read(database.db, county!.id)).minimums.secretary).toBe(4);
  });

  it('gives the county’s commitment board the generator’s figures, and a village’s public page its public ones', async () => {
    const ctx = await asCounty();
    const root = demo.orgs.find((o) => o.parentCode === null)!;
    const year = tops.filter((c) => c.year === 2026);
    const board = await commitmentBoard(ctx, { org: root.code, year: 2026 });
    expect(board.total).toMatchObject({ made: year.length, published: year.filter((c) => c.state !== 'draft').length, completed: year.filter((c) => c.state === 'completed').length });
    expect(board.total.overdue).toBe(year.filter((c) => ['published', 'in_progress', 'delayed'].includes(c.state) && c.dueOn < demo.asOf).length);
    // The demo completes only commitments never delayed: on time is by the due date.
    expect(board.total.completedOnTime).toBe(year.filter((c) => c.state === 'completed' && c.completedOn! <= c.dueOn).length);
    expect((await commitmentBoard(ctx, { org: root.code, year: 2025 })).total.averageAppraisal).toBeGreaterThan(70);
    const village = demo.orgs.find((o) => o.unitType === 'village' && o.type === 'branch')!;
    const page = await publicCommitments(database.db, ctx.clock, village.code, 'zh');
    const shown = year.filter((c) => c.orgCode === village.code && c.public && c.state !== 'draft');
    expect(page.items).toHaveLength(shown.length);
    expect(page.items.some((i) => i.maker === '党支部')).toBe(shown.some((c) => c.maker === 'branch'));
  });
});
