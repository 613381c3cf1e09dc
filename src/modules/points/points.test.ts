import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { memberAdder } from '../../../test/support/members.js';
import { write } from '../../platform/service.js';
import { users } from '../accounts/schema.js';
import { duesPayments } from '../dues/schema.js';
import { meetingAttendees, meetings } from '../meetings/schema.js';
import { memberships } from '../members/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import { defaultPointsSettings } from './catalogue.js';
import type { EntryView, LedgerView, PointsSettingsView, RankingView } from './contracts.js';
import { pointEntries } from './schema.js';
import { DONGFENG, GROUP, HESHUN, MAJIA } from '../../../test/support/county.js';



// The test county's clock stands at 2 March 2026.
describe.each(engines)('points on %s', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator, county }, database) {
      const member = memberAdder(operator, id);
      await member(MAJIA, '张一', { category: 'full', fullOn: '2010-07-01' });
      await member(MAJIA, '钱五', { category: 'probationary', joinedOn: '2025-09-01', startedOn: '2025-09-01' });
      await member(DONGFENG, '吴外', { category: 'full', fullOn: '2001-07-01' });
      for (const u of await database.db.select().from(users)) id[u.username] = u.personId;
      await write(operator, async (w) => {
        const org = async (code: string) => visibleOrg(operator, code, w.tx);
        const [majia, group, heshun] = [await org(MAJIA), await org(GROUP), await org(HESHUN)];
        // The member's account is a member of 马家村 since 2015.
        await w.tx.insert(memberships).values({ countyId: county.id, personId: id.member!, orgId: majia.id, orgPath: majia.path, category: 'full', startedOn: '2015-07-01', fullOn: '2015-07-01' });
        const held = async (o: typeof majia, kind: string, heldOn: string, attendees: [string, 'present' | 'absent' | 'excused'][]) => {
          const [m] = await w.tx.insert(meetings).values({ countyId: county.id, orgId: o.id, orgPath: o.path, kind, status: 'held', heldOn, topic: `${kind} ${heldOn}` }).returning();
          await w.tx.insert(meetingAttendees).values(attendees.map(([name, status]) => ({ countyId: county.id, meetingId: m!.id, personId: id[name]!, status, reason: status === 'excused' ? '外出' : null })));
        };
        await held(majia, 'members_meeting', '2026-01-10', [['member', 'present'], ['张一', 'absent'], ['钱五', 'present']]);
        await held(majia, 'committee_meeting', '2026-02-05', [['member', 'present'], ['张一', 'excused']]);
        await held(group, 'group_meeting', '2026-02-20', [['member', 'present']]);
        // Not the member's organization: a township meeting they sat in on counts nothing.
        await held(heshun, 'monday_meeting', '2026-02-02', [['member', 'present']]);
        await held(majia, 'members_meeting', '2025-12-01', [['member', 'present']]);
        const pay = (name: string, month: string, paidOn: string) => ({ countyId: county.id, personId: id[name]!, orgId: majia.id, orgPath: majia.path, month, amountFen: 20, paidOn });
        await w.tx.insert(duesPayments).values([pay('member', '2026-01', '2026-01-31'), pay('member', '2026-02', '2026-03-01'), pay('member', '2025-12', '2026-01-03')]);
      });
    },
  });

  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const ledger = (user: string, person: string, year = 2026) => send(user, 'GET', `/api/points/ledger?person=${id[person]}&year=${year}`);
  const claim = (user: string, body: object, lang?: string) => send(user, 'POST', '/api/points/entries', body, lang);
  const volunteer = (person: string, extra: object = {}) => ({ personId: id[person], itemId: 'volunteer', occurredOn: '2026-02-14', description: '参加村道清扫志愿服务', evidence: '村委会证明', ...extra });

  describe('settings', () => {
    it('answers the defaults to everyone, editable by the county administrator alone', async () => {
      const view = await ok<PointsSettingsView>(await send('member', 'GET', '/api/points/settings'));
      expect(view).toEqual({ ...defaultPointsSettings, can: { edit: { allowed: false, reason: 'no_ability' } } });
      expect((await ok<PointsSettingsView>(await send('county', 'GET', '/api/points/settings'))).can.edit).toEqual({ allowed: true });
      const { can: _can, ...body } = view;
      expect((await send('township', 'PUT', '/api/points/settings', body)).statusCode).toBe(403);
    });

    it('refuses settings that break a rule, naming each field, in Chinese or English', async () => {
      const items = defaultPointsSettings.items.map((i) => (i.id === 'attendance' ? { ...i, cap: 1 } : i));
      const body = { ...defaultPointsSettings, items: [...items, { ...items[4]!, name: '重复' }], memberStars: [60, 50, 80, 90, 100], branchIndicators: [{ id: 'all', name: '全部', max: 0 }] };
      expect(await fieldsOf(await send('county', 'PUT', '/api/points/settings', body))).toEqual([
        'body.items.9.id: 编号“volunteer”重复',
        'body.items.1.cap: “参加组织生活”的年度上限 1 分小于每次分值 2 分',
        'body.memberStars.1: 2 星的分数线 50 应高于上一档的 60',
        'body.branchIndicators.0.max: 指标“全部”的满分应大于 0',
        'body.ratingStars.branch.4: 5 星分数线 95 高于各项指标满分之和 0',
      ]);
      const en = await refused(await send('county', 'PUT', '/api/points/settings', body, 'en'), 400);
      expect(en.fields![0]!.message).toBe('The id "volunteer" is used twice');
      expect(await events('points.settings')).toHaveLength(0);
    });

    it('saves the county\'s own settings and audits them', async () => {
      const body = { ...defaultPointsSettings, memberStars: [50, 60, 70, 80, 90] };
      expect(await ok<PointsSettingsView>(await send('county', 'PUT', '/api/points/settings', body))).toMatchObject({ memberStars: [50, 60, 70, 80, 90] });
      expect((await events('points.settings')).at(-1)).toMatchObject({ before: { memberStars: [60, 70, 80, 90, 100] }, after: { memberStars: [50, 60, 70, 80, 90] } });
      await ok(await send('county', 'PUT', '/api/points/settings', defaultPointsSettings));
    });
  });

  describe('claims', () => {
    it('refuses each bad claim with the field and the reason', async () => {
      const cases: [object, string][] = [
        [volunteer('member', { itemId: 'flying' }), 'body.itemId: 积分项目“flying”不存在'],
        [volunteer('member', { itemId: 'attendance' }), 'body.itemId: “参加组织生活”由系统根据记录自动计分，无需申报'],
        [volunteer('member', { evidence: undefined }), 'body.evidence: 申报“参加志愿服务”须提供证明材料'],
        [volunteer('member', { occurredOn: '2026-03-03' }), 'body.occurredOn: 日期 2026-03-03 晚于今天（2026-03-02）'],
        [volunteer('member', { occurredOn: '2015-06-30' }), 'body.occurredOn: member在 2015-06-30 不是您管辖范围内党组织的党员'],
        [volunteer('钱五', { occurredOn: '2025-08-01' }), 'body.occurredOn: 钱五在 2025-08-01 不是您管辖范围内党组织的党员'],
      ];
      for (const [body, message] of cases) {
        const user = (body as { personId: string }).personId === id.member ? 'member' : 'secretary';
        expect(await fieldsOf(await claim(user, body))).toEqual([message]);
      }
      expect((await claim('member', { ...volunteer('member'), points: 50 })).statusCode).toBe(400);
      const en = await refused(await claim('member', volunteer('member', { itemId: 'attendance' }), 'en'), 400);
      expect(en.fields).toEqual([{ path: 'body.itemId', message: '"参加组织生活" is counted from the records and is not claimed' }]);
      // Another member's claim: not theirs to make, nor anyone's outside the branch's reach.
      expect((await refused(await claim('member', volunteer('张一')), 404)).message).toBe('未找到该党员');
      await refused(await claim('secretary2', volunteer('张一')), 404);
      expect((await refused(await claim('cadre', volunteer('张一')), 403)).message).toBe('您的岗位不能为马家村党支部的党员申报积分');
      expect(await t.database.db.select().from(pointEntries)).toEqual([]);
    });

    it('takes a member\'s own claim with the catalogue\'s points, pending, and audits it', async () => {
      const entry = await ok<EntryView>(await claim('member', volunteer('member')), 201);
      expect(entry).toMatchObject({ person: { id: id.member }, org: { code: MAJIA }, item: { id: 'volunteer', name: '参加志愿服务' }, points: 2, status: 'pending', mine: true, can: { decide: { allowed: false } } });
      expect((await events('points.claim')).at(-1)).toMatchObject({ entityId: entry.id, after: { points: 2, itemId: 'volunteer' } });
      // A deduction claimed by the secretary is signed.
      const sanction = await ok<EntryView>(await claim('secretary', { personId: id['张一'], itemId: 'sanction', occurredOn: '2026-01-20', description: '受到党内警告处分', evidence: '镇纪委决定书' }), 201);
      expect(sanction.points).toBe(-20);
    });

    it('lists claims in scope: the member their own, the township all of 马家村, the outsider none', async () => {
      const mine = await ok<{ items: EntryView[] }>(await send('member', 'GET', '/api/points/entries'));
      expect(mine.items.map((e) => e.person.id)).toEqual([id.member]);
      const township = await ok<{ items: EntryView[] }>(await send('township', 'GET', `/api/points/entries?org=${MAJIA}&status=pending&year=2026`));
      expect(township.items).toHaveLength(2);
      expect(township.items.every((e) => e.can.decide.allowed)).toBe(true);
      expect((await ok<{ items: EntryView[] }>(await send('township', 'GET', '/api/points/entries?year=2025'))).items).toEqual([]);
      expect((await ok<{ items: EntryView[] }>(await send('secretary2', 'GET', '/api/points/entries'))).items).toEqual([]);
      await refused(await send('secretary2', 'GET', `/api/points/entries?org=${MAJIA}`), 404);
    });

    it('puts pending claims on the township\'s to-do list, not the secretary\'s', async () => {
      const todos = async (user: string) => (await ok<{ items: { kind: string; title: string; link: string }[] }>(await send(user, 'GET', '/api/todos'))).items.filter((i) => i.kind === 'points.pending');
      expect(await todos('township')).toEqual([{ kind: 'points.pending', title: '马家村党支部：2 项积分申报待审核', link: `/points?tab=claims&org=${MAJIA}` }]);
      expect(await todos('secretary')).toEqual([]);
    });

    it('is decided by the committee above, never by the claimant, once', async () => {
      const [entry] = (await ok<{ items: EntryView[] }>(await send('township', 'GET', `/api/points/entries?status=pending`))).items.filter((e) => e.person.id === id.member);
      const url = `/api/points/entries/${entry!.id}`;
      expect((await refused(await send('secretary', 'POST', `${url}/approve`), 403)).message).toBe('积分申报由党支部的上级党委审核');
      await refused(await send('secretary2', 'POST', `${url}/approve`), 404);
      await refused(await send('member', 'POST', `${url}/approve`), 403);
      expect(await fieldsOf(await send('township', 'POST', `${url}/reject`, {}))).toEqual(['body.reason: 必填']);
      expect(await ok<EntryView>(await send('township', 'POST', `${url}/approve`))).toMatchObject({ status: 'approved', points: 2 });
      expect((await refused(await send('county', 'POST', `${url}/reject`, { reason: '证明不全' }), 409)).message).toBe('该积分申报已审核');
      expect((await events('points.approve')).at(-1)).toMatchObject({ entityId: entry!.id, before: { status: 'pending' }, after: { status: 'approved' } });
      const todos = await ok<{ items: { kind: string; title: string }[] }>(await send('township', 'GET', '/api/todos'));
      expect(todos.items.filter((i) => i.kind === 'points.pending').map((i) => i.title)).toEqual(['马家村党支部：1 项积分申报待审核']);
    });

    it('refuses the township deciding a claim it made itself; the county decides it', async () => {
      const own = await ok<EntryView>(await claim('township', volunteer('张一', { occurredOn: '2026-02-28' })), 201);
      expect(own.mine).toBe(true);
      expect((await refused(await send('township', 'POST', `/api/points/entries/${own.id}/approve`), 403)).message).toBe('不能审核本人申报或与本人有关的积分');
      const rejected = await ok<EntryView>(await send('county', 'POST', `/api/points/entries/${own.id}/reject`, { reason: '证明材料不全' }));
      expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '证明材料不全' });
      expect((await events('points.reject')).at(-1)).toMatchObject({ after: { status: 'rejected', rejectReason: '证明材料不全' } });
    });
  });

  describe('the ledger and the ranking', () => {
    it('counts the base, own meetings, dues paid by the month\'s end and approved claims, with caps', async () => {
      const view = await ok<LedgerView>(await ledger('member', 'member'));
      expect(view.lines.map((l) => [l.itemId, l.count, l.points])).toEqual([['base', 1, 60], ['attendance', 3, 6], ['dues_on_time', 1, 1], ['volunteer', 1, 2]]);
      expect(view).toMatchObject({ total: 69, stars: 1, org: { code: MAJIA }, inactive: [{ itemId: 'visit', name: '联系走访群众' }] });
      // Without a person, the user's own; an account without a member record has none.
      expect(await ok<LedgerView>(await send('member', 'GET', '/api/points/ledger?year=2026'))).toEqual(view);
      await refused(await send('township', 'GET', '/api/points/ledger?year=2026'), 404);
      const zhang = await ok<LedgerView>(await ledger('cadre', '张一'));
      expect(zhang.lines.map((l) => [l.itemId, l.count, l.points])).toEqual([['base', 1, 60], ['absent_members_meeting', 1, -2]]);
      expect(zhang.total).toBe(58);
      // The sanction is still pending: it counts once approved.
      const [sanction] = (await ok<{ items: EntryView[] }>(await send('township', 'GET', '/api/points/entries?status=pending'))).items;
      await ok(await send('township', 'POST', `/api/points/entries/${sanction!.id}/approve`));
      expect((await ok<LedgerView>(await ledger('secretary', '张一'))).total).toBe(38);
      const qian = await ok<LedgerView>(await ledger('secretary', '钱五'));
      expect(qian.lines.map((l) => [l.itemId, l.points])).toEqual([['attendance', 2]]);
      expect((await ok<LedgerView>(await ledger('member', 'member', 2025))).lines.map((l) => [l.itemId, l.count])).toEqual([['base', 1], ['attendance', 1]]);
    });

    it('shows a ledger to the member and those who read their branch only', async () => {
      await refused(await ledger('member', '张一'), 404);
      await refused(await ledger('secretary2', 'member'), 404);
      await refused(await ledger('secretary', '吴外'), 404);
      await ok(await ledger('secretary2', '吴外'));
    });

    it('ranks a branch for its administrators; members only once the county turns public display on', async () => {
      const url = `/api/points/ranking?org=${MAJIA}&year=2026`;
      const ranking = await ok<RankingView>(await send('secretary', 'GET', url));
      expect(ranking.items.map((i) => [i.rank, i.person.name, i.total])).toEqual([[1, 'member', 69], [2, '张一', 38], [3, '钱五', 2]]);
      expect(ranking.public).toBe(false);
      expect((await refused(await send('member', 'GET', url), 403)).message).toBe('县委组织部未开启积分排行公开显示，马家村党支部的排行仅本组织管理员可见');
      await refused(await send('cadre', 'GET', url), 403);
      await refused(await send('secretary2', 'GET', url), 404);
      await ok(await send('county', 'PUT', '/api/points/settings', { ...defaultPointsSettings, rankingsPublic: true }));
      expect((await ok<RankingView>(await send('member', 'GET', url))).public).toBe(true);
      // Public display is for the branch's own members: the township's cadre is none of them.
      expect((await refused(await send('cadre', 'GET', url), 403)).message).toBe('马家村党支部的积分排行仅本组织党员和管理员可见');
      await ok(await send('county', 'PUT', '/api/points/settings', defaultPointsSettings));
      await refused(await send('member', 'GET', url), 403);
    });
  });

  it('keeps every claim in the database with the points it was made with', async () => {
    const rows = await t.database.db.select().from(pointEntries).where(and(eq(pointEntries.countyId, t.county.county.id), eq(pointEntries.itemId, 'volunteer')));
    expect(rows.map((r) => r.points)).toEqual([2, 2]);
  });
});
