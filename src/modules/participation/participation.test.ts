import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { write } from '../../platform/service.js';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import { addMember } from '../../../test/support/members.js';
import { duesPayments } from '../dues/schema.js';
import type { Todos } from '../home/contracts.js';
import { memberships } from '../members/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import { people, posts } from '../people/schema.js';
import { pointEntries } from '../points/schema.js';
import type { FlaggedView, ParticipationView } from './contracts.js';
import { MAJIA, SHIQIAO } from '../../../test/support/county.js';


describe.each(engines)('participation on %s (today 2026-03-02: the last complete month is February)', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['township', 'secretary', 'member', 'secretary2'],
    async prepare({ operator, county }) {
      const full = { category: 'full', fullOn: '2010-07-01' };
      for (const name of ['甲无', '乙八月交费', '丙九月交费', '丁一月参会', '戊委员', '己积分', '庚待批']) id[name] = (await addMember(operator, MAJIA, { name }, full)).person.id;
      id['辛新'] = (await addMember(operator, MAJIA, { name: '辛新' }, { category: 'probationary', joinedOn: '2025-10-15' })).person.id;
      // Paid for August in 石桥村, then transferred to 马家村 on 10 December.
      const moved = await addMember(operator, SHIQIAO, { name: '壬转入' }, { ...full, endedOn: '2025-12-10', endReason: 'transferred' });
      id['壬转入'] = moved.person.id;
      // Left 马家村 in January: no longer its member, so never its concern.
      id['癸转出'] = (await addMember(operator, MAJIA, { name: '癸转出' }, { ...full, endedOn: '2026-01-20', endReason: 'transferred' })).person.id;
      await write(operator, async (w) => {
        const majia = await visibleOrg(operator, MAJIA, w.tx);
        const shiqiao = await visibleOrg(operator, SHIQIAO, w.tx);
        await w.tx.insert(memberships).values({ countyId: county.id, personId: id['壬转入']!, orgId: majia.id, orgPath: majia.path, category: 'full', fullOn: '2010-07-01', startedOn: '2025-12-10' });
        await w.tx.update(people).set({ orgId: majia.id, orgPath: majia.path }).where(eq(people.id, id['壬转入']!));
        const paid = (name: string, month: string, org = majia) => ({ countyId: county.id, personId: id[name]!, orgId: org.id, orgPath: org.path, month, amountFen: 20, paidOn: `${month}-20` });
        await w.tx.insert(duesPayments).values([paid('乙八月交费', '2025-08'), paid('丙九月交费', '2025-09'), paid('壬转入', '2025-08', shiqiao)]);
        await w.tx.insert(posts).values({ countyId: county.id, personId: id['戊委员']!, orgId: majia.id, orgPath: majia.path, role: 'cadre', title: '组织委员', startedOn: '2021-06-01' });
        const point = (name: string, status: string) => ({
          countyId: county.id, personId: id[name]!, orgId: majia.id, orgPath: majia.path, itemId: 'volunteer', points: 5, occurredOn: '2026-02-14', description: '志愿服务', status,
        });
        await w.tx.insert(pointEntries).values([point('己积分', 'approved'), point('庚待批', 'pending')]);
      });
    },
  });
  const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: t.cookies[user]! } });
  const participation = async (name: string, months = 12) => {
    const response = await get('secretary', `/api/participation?person=${id[name]}&months=${months}`);
    expect(response.statusCode, response.body).toBe(200);
    return json<ParticipationView>(response);
  };
  const monthOf = (view: ParticipationView, month: string) => view.months.find((m) => m.month === month)!;

  it('gives a member\'s last months, ending with the current one, and their idle run', async () => {
    const none = await participation('甲无');
    expect(none.person).toEqual({ id: id['甲无'], name: '甲无' });
    expect(none.months.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(none.months.at(-1)).toEqual({ month: '2026-03', complete: false, member: true, attended: false, paid: false, duty: false });
    expect(none.months.slice(0, -1).every((m) => m.complete && m.member && !m.attended && !m.paid && !m.duty)).toBe(true);
    // Traced back 24 months: the records the platform keeps.
    expect(none).toMatchObject({ idle: { from: '2024-03', months: 24 }, flagged: true });

    const august = await participation('乙八月交费');
    expect(monthOf(august, '2025-08')).toMatchObject({ paid: true, attended: false });
    expect(august).toMatchObject({ idle: { from: '2025-09', months: 6 }, flagged: true });
    expect(await participation('丙九月交费')).toMatchObject({ idle: { from: '2025-10', months: 5 }, flagged: false });
    expect((await participation('甲无', 3)).months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('counts attendance at a held meeting, a post held and an approved point entry; not a pending one', async () => {
    const meeting = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: { cookie: t.cookies.secretary! }, payload: {
      orgCode: MAJIA, kind: 'theme_day', status: 'held', heldOn: '2026-01-15', topic: '1月主题党日',
      attendees: [{ personId: id['丁一月参会'], status: 'present' }, { personId: id['甲无'], status: 'absent' }, { personId: id['庚待批'], status: 'excused', reason: '外出' }],
    } });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const attended = await participation('丁一月参会');
    expect(monthOf(attended, '2026-01')).toMatchObject({ attended: true, paid: false, duty: false });
    expect(attended).toMatchObject({ idle: { from: '2026-02', months: 1 }, flagged: false });
    expect(monthOf(await participation('甲无'), '2026-01').attended).toBe(false);
    const officer = await participation('戊委员');
    expect(officer.months.every((m) => m.duty)).toBe(true);
    expect(officer).toMatchObject({ idle: null, flagged: false });
    expect(monthOf(await participation('己积分'), '2026-02').duty).toBe(true);
    expect(await participation('己积分')).toMatchObject({ idle: null, flagged: false });
    expect(monthOf(await participation('庚待批'), '2026-02').duty).toBe(false);
    expect(await participation('庚待批')).toMatchObject({ flagged: true });
  });

  it('asks only about months as a member: from admission, and across a transfer', async () => {
    const admitted = await participation('辛新');
    expect(admitted.months.filter((m) => m.member).map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(admitted).toMatchObject({ idle: { from: '2025-11', months: 4 }, flagged: false });
    const moved = await participation('壬转入');
    expect(moved.months.every((m) => m.member)).toBe(true);
    expect(moved).toMatchObject({ idle: { from: '2025-09', months: 6 }, flagged: true });
  });

  it('lists the branch\'s members to look into, with the run\'s first month', async () => {
    const response = await get('secretary', `/api/participation/flagged?org=${MAJIA}`);
    expect(response.statusCode, response.body).toBe(200);
    const view = json<FlaggedView>(response);
    expect(view).toMatchObject({ org: { code: MAJIA, name: '马家村党支部' }, lastMonth: '2026-02' });
    const mine = view.items.filter((i) => Object.values(id).includes(i.person.id));
    expect(mine.map((i) => [i.person.name, i.idle.from, i.idle.months]).sort()).toEqual([
      ['乙八月交费', '2025-09', 6], ['壬转入', '2025-09', 6], ['庚待批', '2024-03', 24], ['甲无', '2024-03', 24],
    ]);
  });

  it('puts them on the to-do list of the branch\'s secretary, not of others', async () => {
    const todos = async (user: string) => json<Todos>(await get(user, '/api/todos')).items.filter((i) => i.kind === 'participation.idle');
    const [item] = await todos('secretary');
    expect(item).toMatchObject({ link: `/participation?org=${MAJIA}` });
    expect(item!.title).toMatch(/^马家村党支部：\d+ 名党员连续 6 个月及以上未参加组织生活、未交纳党费、未履行职责（.*甲无.*），请了解情况$/);
    expect(item!.title).not.toContain('丙九月交费');
    expect(await todos('township')).toEqual([]);
    expect(await todos('secretary2')).toEqual([]);
    expect(await todos('member')).toEqual([]);
  });

  it('refuses months out of range, and answers "not found" outside the scope', async () => {
    expect((await get('secretary', `/api/participation?person=${id['甲无']}&months=37`)).statusCode).toBe(400);
    expect((await get('secretary', `/api/participation?person=${id['甲无']}&months=0`)).statusCode).toBe(400);
    for (const user of ['secretary2', 'member']) {
      expect((await get(user, `/api/participation?person=${id['甲无']}`)).statusCode, user).toBe(404);
      expect((await get(user, `/api/participation/flagged?org=${MAJIA}`)).statusCode, user).toBe(404);
    }
    const unknown = await get('secretary', '/api/participation?person=00000000-0000-4000-8000-000000000000');
    expect(json(unknown)).toEqual({ error: { code: 'not_found', message: '未找到该党员' } });
  });
});
