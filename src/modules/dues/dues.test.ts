import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.js';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import { memberAdder } from '../../../test/support/members.js';
import type { BasesView, DuesSettingsView, PaymentView, SheetView } from './contracts.js';
import { duesBases, duesPayments } from './schema.js';
import { DONGFENG, MAJIA } from '../../../test/support/county.js';



// The test county's clock stands at 2 March 2026.
describe.each(engines)('dues on %s', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator }) {
      const member = memberAdder(operator, id);
      await member(MAJIA, '张一', { category: 'full', joinedOn: '2009-07-01', fullOn: '2010-07-01' });
      await member(MAJIA, '王二', { category: 'full', joinedOn: '2011-07-01', fullOn: '2012-07-01' });
      await member(MAJIA, '钱五', { category: 'probationary', joinedOn: '2025-09-01' });
      await member(MAJIA, '孙六', { category: 'activist', appliedOn: '2025-01-01', activistOn: '2025-06-01' });
      await member(MAJIA, '周调', { category: 'full', fullOn: '2000-07-01', endedOn: '2026-01-31', endReason: 'transferred' });
      await member(DONGFENG, '吴外', { category: 'full', fullOn: '2001-07-01' });
    },
  });

  const { send, ok, fieldsOf, events } = requestsOf(t);
  const sheet = (month: string, user = 'secretary') => send(user, 'GET', `/api/dues/sheet?org=${MAJIA}&month=${month}`).then((r) => ok<SheetView>(r));
  const row = (s: SheetView, name: string) => s.items.find((i) => i.person.name === name);

  describe('settings', () => {
    it('answers the national defaults, and only the county sets its own', async () => {
      const defaults = await ok<DuesSettingsView>(await send('secretary', 'GET', '/api/dues/settings'));
      expect(defaults).toEqual({ farmerFen: 20, lowIncomeFen: 20, backPaymentMonths: 6, can: { edit: { allowed: false, reason: 'no_ability' } } });
      const body = { farmerFen: 50, lowIncomeFen: 20, backPaymentMonths: 6 };
      expect((await send('township', 'PUT', '/api/dues/settings', body)).statusCode).toBe(403);
      expect(await fieldsOf(await send('county', 'PUT', '/api/dues/settings', { ...body, farmerFen: 101 }))).toHaveLength(1);
      const saved = await ok<DuesSettingsView>(await send('county', 'PUT', '/api/dues/settings', body));
      expect(saved).toMatchObject({ farmerFen: 50, can: { edit: { allowed: true } } });
      expect((await events('dues.settings')).at(-1)).toMatchObject({ before: { farmerFen: 20 }, after: body });
    });
  });

  describe('bases', () => {
    const bases = (year: number, items: object[], user = 'secretary') => send(user, 'PUT', '/api/dues/bases', { orgCode: MAJIA, year, items });

    it('lists the members who owe that year, without applicants', async () => {
      const view = await ok<BasesView>(await send('cadre', 'GET', `/api/dues/bases?org=${MAJIA}&year=2025`));
      expect(view.items.map((i) => i.person.name).sort()).toEqual(['周调', '张一', '王二', '钱五'].sort());
      expect(view.items.find((i) => i.person.name === '钱五')).toMatchObject({ from: '2025-09-01', to: null, base: null, ruleFen: null });
      expect(view.can.edit).toEqual({ allowed: false, reason: 'no_ability' });
      // 周调 left at the end of January: not a member of 马家村 in 2027.
      expect((await ok<BasesView>(await send('secretary', 'GET', `/api/dues/bases?org=${MAJIA}&year=2027`))).items.map((i) => i.person.name)).not.toContain('周调');
    });

    it('refuses the whole batch when a row breaks a rule, naming each row and field', async () => {
      const fields = await fieldsOf(await bases(2026, [
        { personId: id['张一'], kind: 'wage', baseFen: 400_000, monthlyFen: 3999 },
        { personId: id['王二'], kind: 'retiree' },
        { personId: id['钱五'], kind: 'student', baseFen: 1000 },
        { personId: id['吴外'], kind: 'farmer' },
        { personId: id['孙六'], kind: 'farmer' },
      ]));
      expect(fields).toEqual([
        'body.items.0.monthlyFen: 第 1 行：张一月缴 39.99 元，低于按规定应缴的 40.00 元，须说明原因（如经上级党委批准少缴）',
        'body.items.1.baseFen: 第 2 行：王二按离退休人员计缴，须填写计缴基数',
        'body.items.2.baseFen: 第 3 行：钱五按学生党员计缴，为固定金额，不填写计缴基数',
        'body.items.3.personId: 第 4 行：该人员不是马家村党支部的党员',
        'body.items.4.personId: 第 5 行：该人员不是马家村党支部的党员',
      ]);
      expect(await t.database.db.select().from(duesBases)).toEqual([]);
    });

    it('saves a year, the rule amount by default and less with a reason, and audits it', async () => {
      for (const year of [2025, 2026]) {
        const view = await ok<BasesView>(await bases(year, [
          { personId: id['张一'], kind: 'wage', baseFen: 400_000 },
          { personId: id['王二'], kind: 'farmer' },
          { personId: id['钱五'], kind: 'retiree', baseFen: 600_000, monthlyFen: 3000, reason: '生活困难，经镇党委批准' },
          { personId: id['周调'], kind: 'farmer' },
        ]));
        expect(Object.fromEntries(view.items.map((i) => [i.person.name, [i.base?.monthlyFen, i.ruleFen]]))).toEqual({ 张一: [4000, 4000], 王二: [50, 50], 钱五: [3000, 6000], 周调: [50, 50] });
      }
      expect((await events('dues.bases')).at(-1)!.after).toHaveLength(4);
      expect((await bases(2026, [{ personId: id['张一'], kind: 'farmer' }], 'cadre')).statusCode).toBe(403);
      expect((await bases(2026, [{ personId: id['张一'], kind: 'farmer' }], 'secretary2')).statusCode).toBe(404);
    });
  });

  describe('the sheet and payments', () => {
    const pay = (items: object[], user = 'secretary', lang?: string) => send(user, 'POST', '/api/dues/payments', { orgCode: MAJIA, items }, lang);
    const p = (name: string, month: string, amountFen: number, paidOn = '2026-03-01', extra: object = {}) => ({ personId: id[name], month, amountFen, paidOn, ...extra });

    it('records a batch of payments', async () => {
      const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
      const saved = await ok<{ items: PaymentView[] }>(await pay([
        ...months.map((m) => p('张一', m, 4000)),
        p('钱五', '2025-09', 3000, '2025-09-30'),
        p('周调', '2026-01', 50, '2026-01-20', { paidBy: '其子周小调' }),
      ]), 201);
      expect(saved.items).toHaveLength(7);
      expect((await events('dues.payments')).at(-1)!.after).toHaveLength(7);
    });

    it('refuses each broken row with its field, and writes nothing', async () => {
      const before = (await t.database.db.select().from(duesPayments)).length;
      const fields = await fieldsOf(await pay([
        p('张一', '2026-02', 4000), // already paid
        p('王二', '2026-02', 50), p('王二', '2026-02', 50), // twice in the batch
        p('王二', '2025-08', 50), // seven months back
        p('钱五', '2025-08', 3000, '2025-08-30'), // before admission
        p('周调', '2026-02', 50), // after the transfer
        p('王二', '2026-01', 50, '2026-03-03'), // in the future
        p('张一', '2026-03', 3999), // below the monthly amount without a reason
        p('吴外', '2026-02', 50), // not in the branch
      ], 'secretary', 'en'));
      expect(fields).toEqual([
        'body.items.0.month: Row 1: 张一 has already paid for 2026-02; correct that payment instead',
        'body.items.2.month: Row 3: 王二 has already paid for 2026-02; correct that payment instead',
        'body.items.3.month: Row 4: 2025-08 is more than 6 months before the month it is paid in, beyond the back-payment limit',
        'body.items.4.month: Row 5: 钱五 was not a member of 马家村党支部 in 2025-08',
        'body.items.5.month: Row 6: 周调 was not a member of 马家村党支部 in 2026-02',
        'body.items.6.paidOn: Row 7: the date 2026-03-03 is after today (2026-03-02)',
        'body.items.7.amountFen: Row 8: 张一 paid 39.99 yuan, less than the monthly 40.00 yuan; give the reason in the note',
        'body.items.8.personId: Row 9: the person is not a member of 马家村党支部',
      ]);
      expect(await t.database.db.select().from(duesPayments)).toHaveLength(before);
      // The back-payment limit's own edge, and less than the amount with a reason, pass.
      await ok(await pay([p('王二', '2025-09', 50), p('张一', '2026-03', 2000, '2026-03-02', { note: '本月先缴一半' })]), 201);
    });

    it('shows the month: amounts, payments, months behind and totals', async () => {
      const march = await sheet('2026-03', 'cadre');
      expect(march.items.map((i) => i.person.name).sort()).toEqual(['张一', '王二', '钱五'].sort());
      expect(row(march, '张一')).toMatchObject({ monthlyFen: 4000, payment: { amountFen: 2000, note: '本月先缴一半' }, monthsBehind: 0, flagged: false });
      // Paid September only, 2025-10 to 2026-03 unpaid: six months.
      expect(row(march, '王二')).toMatchObject({ monthlyFen: 50, payment: null, monthsBehind: 6, flagged: true });
      expect(row(march, '钱五')).toMatchObject({ monthlyFen: 3000, monthsBehind: 6, flagged: true });
      expect(march.totals).toEqual({ expectedFen: 7050, collectedFen: 2000, membersPaid: 1, members: 3, withoutBase: 0 });
      expect(march.can.edit).toEqual({ allowed: false, reason: 'no_ability' });
      const january = await sheet('2026-01');
      expect(row(january, '周调')).toMatchObject({ payment: { paidBy: '其子周小调' }, monthsBehind: 0 });
      expect(row(january, '王二')!.monthsBehind).toBe(4);
    });

    it('corrects and removes a payment, audited, under the same rules', async () => {
      const paymentId = row(await sheet('2026-03'), '张一')!.payment!.id;
      const url = `/api/dues/payments/${paymentId}`;
      expect(await fieldsOf(await send('secretary', 'PATCH', url, { note: null }))).toEqual(['body.amountFen: 第 1 行：张一缴纳 20.00 元，少于月缴 40.00 元，请在备注中说明原因']);
      expect((await send('cadre', 'PATCH', url, { amountFen: 4000 })).statusCode).toBe(403);
      expect((await send('secretary2', 'PATCH', url, { amountFen: 4000 })).statusCode).toBe(404);
      expect(await ok<PaymentView>(await send('secretary', 'PATCH', url, { amountFen: 4000, note: null }))).toMatchObject({ amountFen: 4000, note: null });
      const [corrected] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'dues.payment_corrected'), eq(auditEvents.entityId, paymentId)));
      expect(corrected).toMatchObject({ before: { amountFen: 2000, note: '本月先缴一半' }, after: { amountFen: 4000, note: null } });
      expect((await send('secretary', 'DELETE', url)).statusCode).toBe(204);
      expect(row(await sheet('2026-03'), '张一')!.payment).toBeNull();
      expect((await events('dues.payment_removed')).at(-1)).toMatchObject({ entityId: paymentId, before: { amountFen: 4000 }, after: null });
      expect((await send('secretary', 'DELETE', url)).statusCode).toBe(404);
    });

    it('answers outsiders as if the branch did not exist', async () => {
      for (const user of ['secretary2', 'member']) {
        const response = await send(user, 'GET', `/api/dues/sheet?org=${MAJIA}&month=2026-03`);
        expect(response.statusCode, user).toBe(404);
      }
    });

    it('puts members six months behind on the branch to-do list, and a count above', async () => {
      type Todos = { items: { kind: string; title: string }[] };
      const todos = async (user: string) => json<Todos>(await send(user, 'GET', '/api/todos')).items.filter((i) => i.kind.startsWith('dues.'));
      expect((await todos('secretary')).map((i) => i.title)).toEqual(['马家村党支部：2 名党员连续 6 个月及以上未交纳党费（钱五、王二），请了解情况']);
      // The township collects no branch's dues itself: the list is the branch's.
      expect(await todos('township')).toEqual([]);
      expect(await todos('secretary2')).toEqual([]);
      expect(await todos('cadre')).toEqual([]);
    });
  });
});
