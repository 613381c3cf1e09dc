import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.js';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { addMember, memberAdder } from '../../../test/support/members.js';
import type { CollectionsView, PublishedView, RemittancesView, RemittanceView, SheetView, UsesView, UseView } from './contracts.js';
import { memberships } from '../members/schema.js';
import { write } from '../../platform/service.js';
import { duesRemittances, duesUses } from './schema.js';
import { HESHUN, MAJIA, SHIQIAO } from '../../../test/support/county.js';



// The test county's clock stands at 2 March 2026.
describe.each(engines)('dues collections, remittances, uses and the ledger on %s', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator }) {
      const member = memberAdder(operator, id);
      await member(MAJIA, '张一', { category: 'full', joinedOn: '2009-07-01', fullOn: '2010-07-01' });
      await member(MAJIA, '王二', { category: 'full', joinedOn: '2011-07-01', fullOn: '2012-07-01' });
      await member(MAJIA, '钱五', { category: 'probationary', joinedOn: '2025-09-01' });
      await member(SHIQIAO, '李石', { category: 'full', fullOn: '1990-07-01' });
      // Left at the end of January; admitted in February; away for a few days of February and back.
      await member(SHIQIAO, '刘走', { category: 'full', fullOn: '2000-07-01', endedOn: '2026-01-31', endReason: 'transferred' });
      await member(SHIQIAO, '陈新', { category: 'probationary', joinedOn: '2026-02-10' });
      const back = await addMember(operator, SHIQIAO, { name: '赵回' }, { category: 'full', fullOn: '1995-07-01', endedOn: '2026-02-15', endReason: 'transferred' });
      id['赵回'] = back.person.id;
      await write(operator, (w) => w.tx.insert(memberships).values({ ...back.membership, id: undefined, startedOn: '2026-02-20', endedOn: null, endReason: null }));
    },
  });

  const { send, ok, fieldsOf, events } = requestsOf(t);
  const collections = (org: string, user = 'township', year = 2026) => send(user, 'GET', `/api/dues/collections?org=${org}&year=${year}`);
  const remit = (body: object, user = 'secretary', lang?: string) => send(user, 'POST', '/api/dues/remittances', { orgCode: MAJIA, ...body }, lang);

  describe('collections', () => {
    it('sums each branch month by month: expected from the bases, collected from the payments', async () => {
      await ok(await send('secretary', 'PUT', '/api/dues/bases', { orgCode: MAJIA, year: 2026, items: [
        { personId: id['张一'], kind: 'wage', baseFen: 400_000 }, { personId: id['王二'], kind: 'farmer' }, { personId: id['钱五'], kind: 'farmer' },
      ] }));
      await ok(await send('township', 'PUT', '/api/dues/bases', { orgCode: SHIQIAO, year: 2026, items: ['李石', '刘走', '陈新', '赵回'].map((name) => ({ personId: id[name], kind: 'student' })) }));
      const pay = (org: string, items: [string, string, number][]) => send('township', 'POST', '/api/dues/payments', {
        orgCode: org, items: items.map(([name, month, amountFen]) => ({ personId: id[name], month, amountFen, paidOn: '2026-03-01' })),
      });
      await ok(await pay(MAJIA, [['张一', '2026-01', 4000], ['张一', '2026-02', 4000], ['王二', '2026-01', 20], ['钱五', '2025-12', 20]]), 201);
      await ok(await pay(SHIQIAO, [['李石', '2026-02', 20]]), 201);

      const view = await ok<CollectionsView>(await collections(HESHUN, 'cadre'));
      expect(view.months).toHaveLength(12);
      expect(view.branches.map((b) => b.org.code)).toEqual([MAJIA, SHIQIAO]);
      const [majia, shiqiao] = view.branches;
      expect(majia!.months.slice(0, 3).map((m) => [m.month, m.expectedFen, m.collectedFen])).toEqual([['2026-01', 4040, 4020], ['2026-02', 4040, 4000], ['2026-03', 4040, 0]]);
      expect(majia!.totals).toEqual({ expectedFen: 4040 * 12, collectedFen: 8020, remittedFen: 0 });
      // 李石 and 赵回 (once, though twice a member in February) all year, 刘走 in January, 陈新 from February.
      expect(shiqiao!.months.map((m) => m.expectedFen)).toEqual(Array(12).fill(60));
      expect(shiqiao!.totals).toEqual({ expectedFen: 60 * 12, collectedFen: 20, remittedFen: 0 });
      expect(view.totals.months[1]).toEqual({ month: '2026-02', expectedFen: 4100, collectedFen: 4020, remittedFen: 0 });
      expect(view.totals.all).toEqual({ expectedFen: 4100 * 12, collectedFen: 8040, remittedFen: 0 });
      // Each branch's monthly sheet counts the same.
      for (const b of view.branches) {
        for (const m of b.months.slice(0, 3)) {
          const sheet = await ok<SheetView>(await send('township', 'GET', `/api/dues/sheet?org=${b.org.code}&month=${m.month}`));
          expect(sheet.totals.expectedFen, `${b.org.code} ${m.month}`).toBe(m.expectedFen);
        }
      }
      expect(majia!.can.remit).toEqual({ allowed: false, reason: 'no_ability' });
      // 2025: 钱五 paid December, before anyone had a base.
      const last = await ok<CollectionsView>(await collections(HESHUN, 'township', 2025));
      expect(last.branches[0]!.months[11]).toMatchObject({ expectedFen: 0, collectedFen: 20 });
    });

    it('shows a secretary their own branch only, and outsiders nothing', async () => {
      const own = await ok<CollectionsView>(await collections(MAJIA, 'secretary'));
      expect(own.branches.map((b) => b.org.code)).toEqual([MAJIA]);
      expect(own.branches[0]!.can.remit).toEqual({ allowed: true });
      expect((await collections(HESHUN, 'secretary')).statusCode).toBe(404);
      for (const user of ['secretary2', 'member']) expect((await collections(MAJIA, user)).statusCode, user).toBe(404);
      const county = await ok<CollectionsView>(await collections('530522', 'county'));
      expect(county.branches.map((b) => b.org.code)).toEqual([MAJIA, SHIQIAO, '530522102001']);
      expect(county.totals.all.collectedFen).toBe(8040);
    });
  });

  describe('remittances', () => {
    it('passes a month up to the nearest committee, audited', async () => {
      const saved = await ok<RemittanceView>(await remit({ month: '2026-01', amountFen: 4020, remittedOn: '2026-02-05', note: '1月党费' }), 201);
      expect(saved).toMatchObject({ from: { code: MAJIA }, to: { code: HESHUN, name: '和顺镇党委' }, month: '2026-01', amountFen: 4020 });
      expect((await events('dues.remittance')).at(-1)).toMatchObject({ entityId: saved.id, after: { month: '2026-01', amountFen: 4020, remittedOn: '2026-02-05' } });
      // From the party group, past the branch, to the township committee: but it collected nothing.
      expect(await fieldsOf(await remit({ orgCode: `${MAJIA}-1`, month: '2026-01', amountFen: 1, remittedOn: '2026-02-05' }))).toEqual([
        'body.amountFen: 上缴 0.01 元，多于 2026-01 收缴的 0.00 元',
      ]);
      // The township passes on what it received.
      const up = await ok<RemittanceView>(await remit({ orgCode: HESHUN, month: '2026-01', amountFen: 4020, remittedOn: '2026-02-10' }, 'township'), 201);
      expect(up.to).toEqual({ code: '530522', name: '测试县委' });
    });

    it('refuses a second remittance of a month, more than collected, a future date and a month not begun, naming the field', async () => {
      const before = (await t.database.db.select().from(duesRemittances)).length;
      expect(await fieldsOf(await remit({ month: '2026-01', amountFen: 20, remittedOn: '2026-02-05' }))).toEqual(['body.month: 马家村党支部 2026-01 的党费已上缴']);
      expect(await fieldsOf(await remit({ month: '2026-02', amountFen: 4001, remittedOn: '2026-03-03' }, 'secretary', 'en'))).toEqual([
        'body.remittedOn: The date 2026-03-03 is after today (2026-03-02)',
        'body.amountFen: Remitting 40.01 yuan, more than the 40.00 yuan collected in 2026-02',
      ]);
      expect(await fieldsOf(await remit({ month: '2026-04', amountFen: 1, remittedOn: '2026-03-02' }))).toEqual([
        'body.month: 2026-04 尚未开始（今天是 2026-03-02），不能上缴该月党费',
        'body.amountFen: 上缴 0.01 元，多于 2026-04 收缴的 0.00 元',
      ]);
      expect(await fieldsOf(await remit({ orgCode: '530522', month: '2026-01', amountFen: 1, remittedOn: '2026-02-05' }, 'county'))).toEqual(['body.orgCode: 测试县委没有上级党组织，无处上缴']);
      expect((await fieldsOf(await remit({ month: '2026-13', amountFen: 0, remittedOn: '2026-02-30' }))).map((f) => f.split(':')[0])).toEqual(['body.month', 'body.amountFen', 'body.remittedOn']);
      expect((await remit({ month: '2026-02', amountFen: 100, remittedOn: '2026-03-01' }, 'cadre')).statusCode).toBe(403);
      for (const user of ['secretary2', 'member']) expect((await remit({ month: '2026-02', amountFen: 100, remittedOn: '2026-03-01' }, user)).statusCode, user).toBe(404);
      expect(await t.database.db.select().from(duesRemittances)).toHaveLength(before);
    });

    it('lets the committee above see what it received and correct it, audited', async () => {
      const feb = await ok<RemittanceView>(await remit({ month: '2026-02', amountFen: 4000, remittedOn: '2026-03-01' }), 201);
      const list = await ok<RemittancesView>(await send('township', 'GET', `/api/dues/remittances?org=${HESHUN}&year=2026`));
      expect(list.items.map((i) => [i.from.code, i.month, i.amountFen, i.received])).toEqual([
        [HESHUN, '2026-01', 4020, false], [MAJIA, '2026-01', 4020, true], [MAJIA, '2026-02', 4000, true],
      ]);
      expect(list.totals).toEqual({ receivedFen: 8020, sentFen: 4020 });
      expect((await ok<RemittancesView>(await send('cadre', 'GET', `/api/dues/remittances?org=${HESHUN}&year=2026`))).items[0]!.can.edit).toEqual({ allowed: false, reason: 'no_ability' });
      expect((await send('secretary2', 'GET', `/api/dues/remittances?org=${MAJIA}&year=2026`)).statusCode).toBe(404);

      const url = `/api/dues/remittances/${feb.id}`;
      expect(await fieldsOf(await send('township', 'PATCH', url, { amountFen: 4001 }))).toEqual(['body.amountFen: 上缴 40.01 元，多于 2026-02 收缴的 40.00 元']);
      expect((await send('cadre', 'PATCH', url, { amountFen: 3000 })).statusCode).toBe(403);
      expect((await send('secretary2', 'PATCH', url, { amountFen: 3000 })).statusCode).toBe(404);
      expect(await ok<RemittanceView>(await send('township', 'PATCH', url, { amountFen: 3000, note: '更正' }))).toMatchObject({ amountFen: 3000, note: '更正' });
      const [corrected] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'dues.remittance_corrected'), eq(auditEvents.entityId, feb.id)));
      expect(corrected).toMatchObject({ before: { amountFen: 4000, note: null }, after: { amountFen: 3000, note: '更正' } });
      const view = await ok<CollectionsView>(await collections(MAJIA, 'secretary'));
      expect(view.branches[0]!.months[1]!.remittance).toMatchObject({ id: feb.id, amountFen: 3000 });
      expect(view.branches[0]!.totals.remittedFen).toBe(7020);

      expect((await send('secretary2', 'DELETE', url)).statusCode).toBe(404);
      expect((await send('township', 'DELETE', url)).statusCode).toBe(204);
      expect((await events('dues.remittance_removed')).at(-1)).toMatchObject({ entityId: feb.id, before: { amountFen: 3000 }, after: null });
      expect((await send('township', 'DELETE', url)).statusCode).toBe(404);
    });
  });

  describe('uses', () => {
    const use = (body: object, user = 'secretary') => send(user, 'POST', '/api/dues/uses', { orgCode: MAJIA, ...body });
    const visit = { purpose: 'visits', description: '七一走访慰问老党员', usedOn: '2026-02-10', amountFen: 3000 };

    it('records, corrects and removes uses, audited', async () => {
      const saved = await ok<UseView>(await use(visit), 201);
      const printing = await ok<UseView>(await use({ purpose: 'printing', description: '印制党费证', usedOn: '2026-01-05', amountFen: 500 }), 201);
      expect((await events('dues.use')).at(-1)).toMatchObject({ entityId: printing.id, after: { purpose: 'printing', amountFen: 500 } });
      expect(await ok<UseView>(await send('secretary', 'PATCH', `/api/dues/uses/${saved.id}`, { amountFen: 2500 }))).toMatchObject({ amountFen: 2500, purpose: 'visits' });
      expect((await events('dues.use_corrected')).at(-1)).toMatchObject({ before: { amountFen: 3000 }, after: { amountFen: 2500 } });
      expect((await send('secretary', 'DELETE', `/api/dues/uses/${printing.id}`)).statusCode).toBe(204);
      expect((await events('dues.use_removed')).at(-1)).toMatchObject({ entityId: printing.id, after: null });
      const list = await ok<UsesView>(await send('cadre', 'GET', `/api/dues/uses?org=${MAJIA}&year=2026`));
      expect(list.items.map((u) => [u.description, u.amountFen])).toEqual([['七一走访慰问老党员', 2500]]);
      expect(list).toMatchObject({ totalFen: 2500, can: { edit: { allowed: false, reason: 'no_ability' } } });
    });

    it('refuses a future date, an amount of zero, an unknown purpose and an empty description, naming the field', async () => {
      const before = (await t.database.db.select().from(duesUses)).length;
      expect(await fieldsOf(await use({ ...visit, usedOn: '2026-03-03' }))).toEqual(['body.usedOn: 日期 2026-03-03 晚于今天（2026-03-02）']);
      const fields = await fieldsOf(await use({ ...visit, amountFen: 0, purpose: 'banquet', description: '   ' }));
      expect(fields.map((f) => f.split(':')[0]).sort()).toEqual(['body.amountFen', 'body.description', 'body.purpose']);
      expect((await fieldsOf(await use({ ...visit, amountFen: -5 })))[0]).toMatch(/^body\.amountFen/);
      expect((await use(visit, 'cadre')).statusCode).toBe(403);
      for (const user of ['secretary2', 'member']) expect((await use(visit, user)).statusCode, user).toBe(404);
      const [existing] = await t.database.db.select().from(duesUses);
      expect(await fieldsOf(await send('secretary', 'PATCH', `/api/dues/uses/${existing!.id}`, { usedOn: '2027-01-01' }))).toEqual(['body.usedOn: 日期 2027-01-01 晚于今天（2026-03-02）']);
      expect((await send('secretary2', 'PATCH', `/api/dues/uses/${existing!.id}`, { amountFen: 1 })).statusCode).toBe(404);
      expect(await t.database.db.select().from(duesUses)).toHaveLength(before);
    });
  });

  describe('the published list and the ledger', () => {
    it('publishes the year: collected, remitted, spent, the balance carried, and who paid', async () => {
      const view = await ok<PublishedView>(await send('secretary', 'GET', `/api/dues/published?org=${MAJIA}&year=2026`));
      expect(view.months.slice(0, 3)).toEqual([
        { month: '2026-01', collectedFen: 4020, receivedFen: 0, remittedFen: 4020 },
        { month: '2026-02', collectedFen: 4000, receivedFen: 0, remittedFen: 0 },
        { month: '2026-03', collectedFen: 0, receivedFen: 0, remittedFen: 0 },
      ]);
      // 钱五's December payment opens the year.
      expect(view.totals).toEqual({ openingFen: 20, collectedFen: 8020, receivedFen: 0, remittedFen: 4020, usedFen: 2500, balanceFen: 20 + 8020 - 4020 - 2500 });
      expect(view.uses.map((u) => u.purpose)).toEqual(['visits']);
      // By pinyin: wang before zhang.
      expect(view.members).toEqual([{ name: '王二', monthsPaid: 1, totalFen: 20 }, { name: '张一', monthsPaid: 2, totalFen: 8000 }]);
      expect(JSON.stringify(view)).not.toMatch(/baseFen|monthlyFen/);
      const township = await ok<PublishedView>(await send('township', 'GET', `/api/dues/published?org=${HESHUN}&year=2026`));
      expect(township.totals).toEqual({ openingFen: 0, collectedFen: 0, receivedFen: 4020, remittedFen: 4020, usedFen: 0, balanceFen: 0 });
      // The branch publishes it to its members; another village's secretary is told it does not exist.
      expect((await ok<PublishedView>(await send('member', 'GET', `/api/dues/published?org=${MAJIA}&year=2026`))).totals).toEqual(view.totals);
      expect((await send('secretary2', 'GET', `/api/dues/published?org=${MAJIA}&year=2026`)).statusCode).toBe(404);
    });

    it('downloads the register: a row per member, a column per month, totals, and the remittances and uses', async () => {
      const response = await send('cadre', 'GET', `/api/dues/ledger.xlsx?org=${MAJIA}&year=2026`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('党费收缴台账-马家村党支部-2026.xlsx')}`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const register = book.getWorksheet('党费收缴台账')!;
      expect(register.getCell('A1').value).toBe('马家村党支部2026年党费收缴台账');
      const headers = (register.getRow(2).values as unknown[]).slice(1);
      expect(headers).toEqual(['序号', '姓名', '计缴类别', '月缴金额（元）', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '合计（元）', '连续未缴月数']);
      const rows: Record<string, unknown>[] = [];
      register.eachRow((row, n) => {
        if (n > 2) rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
      });
      const byName = Object.fromEntries(rows.map((r) => [r['姓名'], r]));
      expect(Object.keys(byName).sort()).toEqual(['合计', '张一', '王二', '钱五'].sort());
      expect(byName['张一']).toMatchObject({ 计缴类别: '在职（工资收入）', '月缴金额（元）': 40, '1月': 40, '2月': 40, '3月': null, '合计（元）': 80, 连续未缴月数: 1 });
      expect(byName['王二']).toMatchObject({ '1月': 0.2, '2月': null, '合计（元）': 0.2, 连续未缴月数: 2 });
      expect(byName['钱五']).toMatchObject({ '合计（元）': 0, 连续未缴月数: 3 });
      const published = await ok<PublishedView>(await send('cadre', 'GET', `/api/dues/published?org=${MAJIA}&year=2026`));
      const members = rows.filter((r) => r['姓名'] !== '合计');
      const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100);
      expect(cents(byName['合计']!['合计（元）'])).toBe(published.totals.collectedFen);
      expect(cents(byName['合计']!['合计（元）'])).toBe(members.reduce((sum, r) => sum + cents(r['合计（元）']), 0));
      expect(cents(byName['合计']!['1月'])).toBe(published.months[0]!.collectedFen);
      expect(cents(byName['合计']!['月缴金额（元）'])).toBe(4040);
      expect(register.getRow(3).getCell(5).numFmt).toBe('0.00');

      const flows = book.getWorksheet('上缴与使用')!;
      const lines: unknown[][] = [];
      flows.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
      expect(lines).toContainEqual(['2026-01', 40.2, '2026-02-05', '和顺镇党委', '1月党费']);
      expect(lines).toContainEqual(['2026-02-10', 25, '走访慰问老党员、困难党员', '七一走访慰问老党员']);
      expect(lines).toContainEqual(['年末结余', (20 + 8020 - 4020 - 2500) / 100]);
      for (const user of ['secretary2', 'member']) expect((await send(user, 'GET', `/api/dues/ledger.xlsx?org=${MAJIA}&year=2026`)).statusCode, user).toBe(404);
    });
  });
});
