import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.js';
import { write } from '../../../platform/service.js';
import { personPinyinKey } from '../../../platform/text/pinyin.js';
import { useTestApp } from '../../../../test/support/app.js';
import { engines } from '../../../../test/support/databases.js';
import { json, signInAs } from '../../../../test/support/http.js';
import type { Todos } from '../../home/contracts.js';
import { visibleOrg } from '../../organizations/queries.js';
import { people } from '../../people/schema.js';
import { idCheckCharacter } from '../rules/id-number.js';
import { memberships } from '../schema.js';
import type { StatisticsView } from '../statistics/contracts.js';
import type { AdmissionView } from './contracts.js';
import { DONGFENG, GROUP, MAJIA } from '../../../../test/support/county.js';


/** A valid citizen ID number of the test county for a birth date (YYYYMMDD) and a sequence whose parity is the gender. */
const idFor = (birth: string, seq: string) => `530522${birth}${seq}${idCheckCharacter(`530522${birth}${seq}`)}`;

const applicant = {
  orgCode: MAJIA, name: '李小红', gender: '2', ethnicity: '01', birthDate: '2000-03-15', idNumber: idFor('20000315', '002'),
  education: '21', occupation: 'farmer', phone: '138 1234 5678', address: '马家村三组', appliedOn: '2024-06-01',
};
const votes = { shouldAttend: 20, present: 18, yes: 17 };

describe.each(engines)('the path to membership on %s', (engine) => {
  /** A probationary member recorded before the platform kept steps: admitted 2025-01-10, probation ending 2026-01-10. */
  const imported = { id: '' };
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator, county }) {
      await write(operator, async (w) => {
        const org = await visibleOrg(operator, MAJIA, w.tx);
        const [person] = await w.tx.insert(people).values({
          countyId: county.id, name: '赵预备', pinyin: personPinyinKey('赵预备'), gender: '1', birthDate: '1995-01-01', orgId: org.id, orgPath: org.path,
        }).returning();
        await w.tx.insert(memberships).values({ countyId: county.id, personId: person!.id, orgId: org.id, orgPath: org.path, category: 'probationary', joinedOn: '2025-01-10' });
        imported.id = person!.id;
      });
    },
  });

  const send = (user: string, method: 'GET' | 'POST', url: string, payload?: object, lang?: string) =>
    t.app.inject({ method, url, payload, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const view = async (user: string, id: string) => {
    const response = await send(user, 'GET', `/api/members/${id}/admission`);
    expect(response.statusCode, response.body).toBe(200);
    return json<AdmissionView>(response);
  };
  const step = (user: string, id: string, body: object, lang?: string) => send(user, 'POST', `/api/members/${id}/admission-steps`, body, lang);
  const recorded = async (user: string, id: string, body: object) => {
    const response = await step(user, id, body);
    expect(response.statusCode, response.body).toBe(201);
    return json<AdmissionView>(response);
  };
  const apply = (user: string, body: object, lang?: string) => send(user, 'POST', '/api/members/applications', body, lang);
  const todos = async (user: string) => json<Todos>(await send(user, 'GET', '/api/todos')).items.filter((todo) => todo.kind.startsWith('admission.'));
  const probationary = async () => json<StatisticsView>(await send('township', 'GET', `/api/statistics/members?org=${MAJIA}`)).members.probationary;
  const events = (action: string, entityId: string) => t.database.db.select().from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))).orderBy(auditEvents.seq);
  /** Moves the county's clock and signs everyone in again (sessions last a week). */
  const moveTo = async (day: string) => {
    t.county.clock.set(new Date(`${day}T02:00:00Z`));
    for (const user of Object.keys(t.cookies)) t.cookies[user] = await signInAs(t.app, user);
  };

  describe('a new applicant', () => {
    it('creates the person, the membership as applicant and the application step', async () => {
      const response = await apply('secretary', applicant);
      expect(response.statusCode, response.body).toBe(201);
      const created = json<AdmissionView>(response);
      expect(created).toMatchObject({
        person: { name: '李小红', orgCode: MAJIA, orgName: '马家村党支部' }, category: 'applicant',
        steps: [{ step: 'application', doneOn: '2024-06-01', overridden: [], overrideReason: null, recordedBy: 'secretary' }],
        warnings: [], can: { record: { allowed: true }, approve: { allowed: false, reason: 'no_ability' } },
      });
      expect(created.next.map((n) => n.step)).toEqual(['talk', 'activist']);
      expect(created.next[0]).toMatchObject({ latest: '2024-07-01', overdue: true });
      const [person] = await t.database.db.select().from(people).where(eq(people.id, created.person.id));
      expect(person).toMatchObject({ idNumber: applicant.idNumber, phone: '13812345678', gender: '2', education: '21', occupation: 'farmer', pinyin: 'lxh lixiaohong' });
      const [event] = await events('admission.application', created.person.id);
      expect(event!.after).toMatchObject({ name: '李小红', appliedOn: '2024-06-01', overriddenRules: null });
      expect(JSON.stringify(event!.after)).not.toContain(applicant.idNumber);
    });

    it('refuses the same ID number again, linking to the person for a reader who may see them', async () => {
      const [existing] = await t.database.db.select().from(people).where(eq(people.idNumber, applicant.idNumber));
      const again = await apply('secretary', { ...applicant, name: '李晓红' });
      expect(again.statusCode).toBe(409);
      expect(json(again)).toMatchObject({
        error: { code: 'duplicate_person', message: '公民身份号码已登记在马家村党支部的“李小红”名下，同一人不能登记两次', existing: { personId: existing!.id, name: '李小红', reapplicable: false } },
      });
      const elsewhere = await apply('secretary2', { ...applicant, orgCode: DONGFENG });
      expect(elsewhere.statusCode).toBe(409);
      expect(json<{ error: object }>(elsewhere).error).not.toHaveProperty('existing');
      expect(JSON.stringify(json(elsewhere))).not.toContain('李小红');
    });

    it('checks the ID number and its agreement with birth date and gender, naming each field', async () => {
      const wrong = await apply('secretary', { ...applicant, idNumber: applicant.idNumber.slice(0, 17) + (applicant.idNumber.endsWith('1') ? '2' : '1') });
      expect(wrong.statusCode).toBe(400);
      expect(json(wrong)).toMatchObject({ error: { fields: [{ path: 'body.idNumber', message: '公民身份号码的校验码不对，号码可能有录入错误' }] } });
      const mismatch = await apply('secretary', { ...applicant, idNumber: idFor('20000316', '001') }, 'en');
      expect(json<{ error: { fields: { path: string }[] } }>(mismatch).error.fields.map((f) => f.path)).toEqual(['body.birthDate', 'body.gender']);
      const codes = await apply('secretary', { ...applicant, idNumber: idFor('20000315', '004'), ethnicity: '60', education: '99', phone: '12345' });
      expect(json<{ error: { fields: { path: string }[] } }>(codes).error.fields.map((f) => f.path)).toEqual(['body.ethnicity', 'body.phone', 'body.education']);
      const unborn = await apply('secretary', { ...applicant, gender: '1', birthDate: '2027-01-01', idNumber: idFor('20270101', '001') });
      expect(json(unborn)).toMatchObject({ error: { code: 'invalid', fields: [{ path: 'body.birthDate', message: '出生日期 2027-01-01 晚于今天（2026-03-02）' }] } });
      const group = await apply('secretary', { ...applicant, idNumber: idFor('20000315', '004'), orgCode: GROUP });
      expect(group.statusCode).toBe(400);
      expect(json(group)).toMatchObject({ error: { fields: [{ path: 'body.orgCode' }] } });
    });

    it('refuses an applicant under 18 unless the committee records it with a reason', async () => {
      const young = { ...applicant, name: '王小军', gender: '1', birthDate: '2008-03-03', idNumber: idFor('20080303', '011'), appliedOn: '2026-03-02' };
      const refused = await apply('secretary', young);
      expect(refused.statusCode).toBe(422);
      expect(json(refused)).toMatchObject({ error: { code: 'rule_broken', fields: [{ path: 'body.appliedOn', message: expect.stringContaining('年龄为 17 岁') }] } });
      expect((await apply('secretary', { ...young, override: { reason: '特殊情况' } })).statusCode).toBe(403);
      const overridden = await apply('township', { ...young, override: { reason: '县委组织部同意按特殊情况办理' } });
      expect(overridden.statusCode, overridden.body).toBe(201);
      expect(json<AdmissionView>(overridden).steps[0]).toMatchObject({
        overridden: [{ code: 'applicant_age', label: '年满十八周岁' }], overrideReason: '县委组织部同意按特殊情况办理', recordedBy: 'township',
      });
      const future = await apply('township', { ...young, idNumber: idFor('20080303', '031'), appliedOn: '2026-03-03', override: { reason: '理由' } });
      expect(json(future)).toMatchObject({ error: { code: 'step_impossible', fields: [{ path: 'body.appliedOn' }] } });
    });

    it('answers an organization outside the scope as not found, and a cadre as not allowed', async () => {
      const other = { ...applicant, idNumber: idFor('20000315', '006') };
      expect((await apply('secretary2', other)).statusCode).toBe(404);
      expect((await apply('cadre', other)).statusCode).toBe(403);
      expect((await apply('member', other)).statusCode).toBe(403);
    });
  });

  describe('the journey to full membership', () => {
    let id = '';

    it('takes the talk and, once talked, the activist; the talk to-do comes and goes', async () => {
      id = (await t.database.db.select().from(people).where(eq(people.idNumber, applicant.idNumber)))[0]!.id;
      expect(await todos('secretary')).toContainEqual(expect.objectContaining({
        kind: 'admission.talk_due', title: '李小红：收到入党申请书后一个月内应派人谈话', link: `/members/${id}`, due: '2024-07-01', overdue: true,
      }));
      expect((await todos('secretary2')).map((todo) => todo.link)).not.toContain(`/members/${id}`);
      // The branch's due steps are the branch's: the township and the county above are not flooded with them.
      expect((await todos('township')).map((todo) => todo.link)).not.toContain(`/members/${id}`);
      expect((await todos('county')).map((todo) => todo.link)).not.toContain(`/members/${id}`);
      await recorded('secretary', id, { step: 'talk', doneOn: '2024-06-20', approver: '马书记' });
      expect((await todos('secretary')).filter((todo) => todo.link === `/members/${id}`)).toEqual([]);
      const activist = await recorded('secretary', id, { step: 'activist', doneOn: '2024-09-01' });
      expect(activist.category).toBe('activist');
      expect(await todos('secretary')).toContainEqual(expect.objectContaining({ kind: 'admission.activist_year', link: `/members/${id}`, due: '2025-09-01', overdue: false }));
    });

    it('refuses a development target before the mentors, and a name given twice, naming the rule or the field', async () => {
      const early = await step('secretary', id, { step: 'development_target', doneOn: '2025-09-01' });
      expect(early.statusCode).toBe(422);
      expect(json(early)).toEqual({ error: {
        code: 'rule_broken',
        message: '“确定为发展对象”不符合发展党员规则：办理“确定为发展对象”前须先完成“指定培养联系人”。有审批权限的上级党委可写明理由后办理',
        fields: [{ path: 'body.step', message: '办理“确定为发展对象”前须先完成“指定培养联系人”' }],
      } });
      const english = await step('secretary', id, { step: 'development_target', doneOn: '2025-09-01' }, 'en');
      expect(json<{ error: { message: string } }>(english).error.message).toBe('"accepted as development target" breaks the admission rules: "mentors assigned" must come before "accepted as development target". An approving committee may record it with a written reason');
      const twice = await step('secretary', id, { step: 'mentors', doneOn: '2024-09-05', detail: { mentors: ['王芳', '王芳'] } });
      expect(twice.statusCode).toBe(400);
      expect(json(twice)).toMatchObject({ error: { fields: [{ path: 'body.detail.mentors', message: '同一姓名填写了两次' }] } });
      const none = await step('secretary', id, { step: 'mentors', doneOn: '2024-09-05' });
      expect(json(none)).toMatchObject({ error: { fields: [{ path: 'body.detail.mentors', message: '“指定培养联系人”须填写此项' }] } });
    });

    it('becomes a development target after mentors and a year, then gathers what the admission needs', async () => {
      await recorded('secretary', id, { step: 'mentors', doneOn: '2024-09-05', detail: { mentors: ['王芳', '张强'] } });
      const target = await recorded('secretary', id, { step: 'development_target', doneOn: '2025-09-01' });
      expect(target.category).toBe('development_target');
      expect((await todos('secretary')).filter((todo) => todo.link === `/members/${id}`)).toEqual([]);
      await recorded('secretary', id, { step: 'sponsors', doneOn: '2025-09-10', detail: { sponsors: ['王芳', '马明'] } });
      await recorded('secretary', id, { step: 'political_review', doneOn: '2025-09-20', approver: '和顺镇党委组织委员' });
      await recorded('secretary', id, { step: 'training', doneOn: '2025-10-10', detail: { days: 3 }, note: '县委党校发展对象培训班' });
      await recorded('secretary', id, { step: 'pre_review', doneOn: '2025-10-20' });
      const resolved = await recorded('secretary', id, { step: 'branch_admission', doneOn: '2025-11-01', detail: votes });
      expect(resolved.next.find((n) => n.step === 'admission_approval')).toEqual({
        step: 'admission_approval', earliest: '2025-11-01', latest: '2026-02-01', overdue: true, missing: [], approval: true,
      });
    });

    it('leaves the approval to the township committee: the branch secretary is refused', async () => {
      const refused = await step('secretary', id, { step: 'admission_approval', doneOn: '2025-12-01' });
      expect(refused.statusCode).toBe(403);
      expect(json(refused)).toEqual({ error: { code: 'forbidden', message: '“上级党委审批”须由有审批权限的上级党委（乡镇党委）办理' } });
      expect(await todos('township')).toContainEqual(expect.objectContaining({
        kind: 'admission.admission_approval', title: '李小红：支部大会已讨论接收为预备党员，待上级党委审批', link: `/members/${id}`, due: '2026-02-01', overdue: true,
      }));
      expect((await todos('secretary')).filter((todo) => todo.kind === 'admission.admission_approval')).toEqual([]);
    });

    it('admits a probationary member from the branch resolution, counted in the statistics', async () => {
      const before = await probationary();
      const approved = await recorded('township', id, { step: 'admission_approval', doneOn: '2025-12-01', approver: '和顺镇党委' });
      expect(approved.category).toBe('probationary');
      expect(approved.steps.at(-1)).toMatchObject({ step: 'admission_approval', approvingOrg: { code: '530522101', name: '和顺镇党委' }, recordedBy: 'township' });
      const [membership] = await t.database.db.select().from(memberships).where(eq(memberships.personId, id));
      expect(membership).toMatchObject({ category: 'probationary', joinedOn: '2025-11-01', appliedOn: '2024-06-01', activistOn: '2024-09-01', targetOn: '2025-09-01' });
      expect(await probationary()).toBe(before + 1);
      expect((await todos('township')).filter((todo) => todo.link === `/members/${id}`)).toEqual([]);
      const [event] = (await events('admission.step', id)).slice(-1);
      expect(event).toMatchObject({ before: { category: 'development_target', joinedOn: null }, after: { step: 'admission_approval', category: 'probationary', joinedOn: '2025-11-01' } });
    });

    it('brings up the probation a month before it ends, and the branch meeting hands it to the committee', async () => {
      await recorded('secretary', id, { step: 'oath', doneOn: '2025-12-10' });
      expect((await todos('secretary')).filter((todo) => todo.link === `/members/${id}`)).toEqual([]);
      await moveTo('2026-10-05');
      expect(await todos('secretary')).toContainEqual(expect.objectContaining({
        kind: 'admission.probation_ending', title: '李小红：预备期于 2026-11-01 期满，应及时召开支部大会讨论转正', due: '2026-11-01', overdue: false,
      }));
      await recorded('secretary', id, { step: 'full_application', doneOn: '2026-10-01' });
      await recorded('secretary', id, { step: 'branch_full', doneOn: '2026-10-05', detail: votes });
      expect((await todos('secretary')).filter((todo) => todo.link === `/members/${id}`)).toEqual([]);
      expect(await todos('township')).toContainEqual(expect.objectContaining({ kind: 'admission.full_approval', link: `/members/${id}`, due: '2027-01-05', overdue: false }));
    });

    it('refuses full membership before probation ends, and dates it from the end of probation', async () => {
      const early = await step('township', id, { step: 'full_approval', doneOn: '2026-10-05' });
      expect(early.statusCode).toBe(422);
      expect(json(early)).toMatchObject({ error: { code: 'rule_broken', fields: [{ path: 'body.doneOn', message: expect.stringContaining('转正日期不应早于 2026-11-01') }] } });
      await moveTo('2026-11-20');
      const full = await recorded('township', id, { step: 'full_approval', doneOn: '2026-11-15' });
      expect(full).toMatchObject({ category: 'full', next: [] });
      const [membership] = await t.database.db.select().from(memberships).where(eq(memberships.personId, id));
      expect(membership).toMatchObject({ category: 'full', fullOn: '2026-11-01', joinedOn: '2025-11-01' });
      expect((await todos('township')).filter((todo) => todo.link === `/members/${id}`)).toEqual([]);
      expect(full.steps.map((s) => s.step)).toEqual([
        'application', 'talk', 'activist', 'mentors', 'development_target', 'sponsors', 'political_review', 'training', 'pre_review',
        'branch_admission', 'admission_approval', 'oath', 'full_application', 'branch_full', 'full_approval',
      ]);
      await moveTo('2026-03-02');
    });
  });

  describe('refusals and overrides', () => {
    let id = '';

    it('refuses a late talk to the secretary and records it for the committee with the reason, in the audit trail too', async () => {
      const created = await apply('secretary', { ...applicant, name: '陈东', gender: '1', birthDate: '1998-07-07', idNumber: idFor('19980707', '013'), appliedOn: '2025-10-01' });
      id = json<AdmissionView>(created).person.id;
      const late = await step('secretary', id, { step: 'talk', doneOn: '2025-11-05' });
      expect(late.statusCode).toBe(422);
      expect(json(late)).toMatchObject({ error: { code: 'rule_broken', fields: [{ path: 'body.doneOn', message: '党组织应在收到入党申请书后一个月内派人谈话（发展党员工作细则）：申请日期 2025-10-01，谈话应不晚于 2025-11-01，现为 2025-11-05' }] } });
      const refusedOverride = await step('secretary', id, { step: 'talk', doneOn: '2025-11-05', override: { reason: '书记外出' } });
      expect(refusedOverride.statusCode).toBe(403);
      expect(json(refusedOverride)).toMatchObject({ error: { message: '只有有审批权限的上级党委才能写明理由后越过发展党员规则' } });
      const done = await recorded('township', id, { step: 'talk', doneOn: '2025-11-05', override: { reason: '申请人外出务工，返乡后即谈话' } });
      expect(done.steps.at(-1)).toMatchObject({ step: 'talk', overridden: [{ code: 'talk_late', label: '申请后一个月内谈话' }], overrideReason: '申请人外出务工，返乡后即谈话' });
      const [event] = (await events('admission.step', id)).slice(-1);
      expect(event!.after).toMatchObject({ step: 'talk', overriddenRules: ['talk_late'], overrideReason: '申请人外出务工，返乡后即谈话' });
      const post = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.id, event!.id)))[0]!.actorPostId;
      expect(post).not.toBeNull();
    });

    it('never overrides what cannot be: a date not yet come, a step out of its stage, a second talk', async () => {
      const reason = { reason: '理由' };
      const future = await step('township', id, { step: 'activist', doneOn: '2026-03-03', override: reason });
      expect(future.statusCode).toBe(422);
      expect(json(future)).toMatchObject({ error: { code: 'step_impossible', fields: [{ path: 'body.doneOn', message: '“确定为入党积极分子”的日期 2026-03-03 晚于今天（2026-03-02）' }] } });
      const oath = await step('county', id, { step: 'oath', doneOn: '2026-01-01', override: reason }, 'en');
      expect(json(oath)).toEqual({ error: { code: 'step_impossible', message: 'Cannot record "oath": Someone at the stage of applicant cannot take the step "oath"', fields: [{ path: 'body.step', message: 'Someone at the stage of applicant cannot take the step "oath"' }] } });
      expect(json(await step('township', id, { step: 'talk', doneOn: '2025-11-06', override: reason }))).toMatchObject({ error: { code: 'step_impossible' } });
    });

    it('refuses what the contract does not allow: an unknown step, the application as a step, unknown fields', async () => {
      for (const body of [{ step: 'picnic', doneOn: '2025-11-06' }, { step: 'application', doneOn: '2025-11-06' }, { step: 'activist', doneOn: '2025-11-06', extra: 1 }, { step: 'activist', doneOn: '2025-13-01' }]) {
        const response = await step('secretary', id, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(json(response)).toMatchObject({ error: { code: 'validation' } });
      }
    });
  });

  describe('a record kept before the platform', () => {
    it('warns of nothing a by-the-book record breaks, and brings up the probation that ended', async () => {
      const before = await view('secretary', imported.id);
      expect(before).toMatchObject({ category: 'probationary', steps: [], warnings: [] });
      expect(before.next.map((n) => n.step)).toEqual(['oath', 'extension', 'full_application', 'branch_full', 'full_approval', 'probation_cancelled']);
      expect(before.next.find((n) => n.step === 'branch_full')).toMatchObject({ latest: '2026-01-10', overdue: true });
      expect(await todos('secretary')).toContainEqual(expect.objectContaining({ kind: 'admission.probation_ending', link: `/members/${imported.id}`, due: '2026-01-10', overdue: true }));
    });

    it('cancels a probation on the committee\'s decision: the membership ends', async () => {
      await recorded('secretary', imported.id, { step: 'full_application', doneOn: '2026-01-05' });
      await recorded('secretary', imported.id, { step: 'branch_full', doneOn: '2026-01-15', detail: votes, note: '支部大会议定取消其预备党员资格' });
      expect((await todos('secretary')).filter((todo) => todo.link === `/members/${imported.id}`)).toEqual([]);
      expect((await step('secretary', imported.id, { step: 'probation_cancelled', doneOn: '2026-02-01' })).statusCode).toBe(403);
      const cancelled = await recorded('township', imported.id, { step: 'probation_cancelled', doneOn: '2026-02-01' });
      expect(cancelled).toMatchObject({ category: null, next: [] });
      const [membership] = await t.database.db.select().from(memberships).where(eq(memberships.personId, imported.id));
      expect(membership).toMatchObject({ endedOn: '2026-02-01', endReason: 'probation_cancelled', category: 'probationary' });
      const after = await step('township', imported.id, { step: 'oath', doneOn: '2026-02-02' });
      expect(after.statusCode).toBe(409);
    });

    it('undoes a cancellation recorded by mistake, by the committee only, and the probation is open again', async () => {
      const cancelled = await view('township', imported.id);
      const last = cancelled.steps.at(-1)!;
      expect(last).toMatchObject({ step: 'probation_cancelled', undoable: true });
      expect(cancelled.steps.slice(0, -1).every((s) => !s.undoable)).toBe(true);
      const undo = (user: string, id: string, reason = '误录：支部大会未作取消决定') => send(user, 'POST', `/api/members/${imported.id}/admission-steps/${id}/undo`, { reason });
      expect((await undo('secretary', last.id)).statusCode).toBe(403);
      expect((await undo('township', last.id, '')).statusCode).toBe(400);
      expect(json(await undo('township', cancelled.steps[0]!.id))).toMatchObject({ error: { code: 'conflict', message: '只能撤销最近记录的一个步骤' } });
      const undone = json<AdmissionView>(await undo('township', last.id));
      expect(undone).toMatchObject({ category: 'probationary' });
      expect(undone.steps.map((s) => s.step)).toEqual(['full_application', 'branch_full']);
      const [membership] = await t.database.db.select().from(memberships).where(eq(memberships.personId, imported.id));
      expect(membership).toMatchObject({ endedOn: null, endReason: null, category: 'probationary' });
      const [event] = await events('admission.undo', imported.id);
      expect(event).toMatchObject({ before: { step: 'probation_cancelled', doneOn: '2026-02-01' }, after: { reason: '误录：支部大会未作取消决定' } });
      // Recorded again, as it should have been.
      expect((await recorded('township', imported.id, { step: 'probation_cancelled', doneOn: '2026-02-01' })).category).toBeNull();
    });

    it('takes a new application from the person whose probation was cancelled; the earlier path stays as history', async () => {
      const reapply = (user: string, body: object) => send(user, 'POST', `/api/members/${imported.id}/applications`, body);
      expect((await reapply('secretary2', { orgCode: MAJIA, appliedOn: '2026-02-20' })).statusCode).toBe(404);
      expect((await reapply('cadre', { orgCode: MAJIA, appliedOn: '2026-02-20' })).statusCode).toBe(403);
      const response = await reapply('secretary', { orgCode: MAJIA, appliedOn: '2026-02-20', note: '重新递交入党申请书' });
      expect(response.statusCode, response.body).toBe(201);
      const again = json<AdmissionView>(response);
      expect(again.category).toBe('applicant');
      expect(again.steps.map((s) => s.step)).toEqual(['full_application', 'branch_full', 'probation_cancelled', 'application']);
      // The new path starts over: the talk is next, whatever the earlier path held.
      expect(again.next.map((n) => n.step)).toContain('talk');
      expect(again.steps.at(-1)).toMatchObject({ step: 'application', undoable: false });
      expect(json(await reapply('secretary', { orgCode: MAJIA, appliedOn: '2026-02-21' }))).toMatchObject({
        error: { code: 'conflict', message: '赵预备已在马家村党支部有组织关系，不能再次登记入党申请' },
      });
      const rows = await t.database.db.select().from(memberships).where(eq(memberships.personId, imported.id)).orderBy(memberships.createdAt);
      expect(rows.map((r) => [r.category, r.endReason])).toEqual([['probationary', 'probation_cancelled'], ['applicant', null]]);
      const [event] = await events('admission.application', imported.id);
      expect(event!.after).toMatchObject({ again: true, appliedOn: '2026-02-20' });
    });

    it('offers a new application for the holder of an ID number who has no membership, and records it', async () => {
      const idNumber = idFor('19980101', '031');
      const villager = await write(t.county.operator, async (w) => {
        const org = await visibleOrg(t.county.operator, MAJIA, w.tx);
        const [person] = await w.tx.insert(people).values({
          countyId: t.county.county.id, name: '马村民', pinyin: personPinyinKey('马村民'), gender: '1', birthDate: '1998-01-01', idNumber, orgId: org.id, orgPath: org.path,
        }).returning();
        return person!;
      });
      const duplicate = await apply('secretary', { ...applicant, name: '马村民', gender: '1', birthDate: '1998-01-01', idNumber });
      expect(json(duplicate)).toMatchObject({ error: { code: 'duplicate_person', existing: { personId: villager.id, name: '马村民', reapplicable: true } } });
      const response = await send('secretary', 'POST', `/api/members/${villager.id}/applications`, { orgCode: MAJIA, appliedOn: '2026-03-01' });
      expect(response.statusCode, response.body).toBe(201);
      expect(json<AdmissionView>(response)).toMatchObject({ category: 'applicant', steps: [{ step: 'application', doneOn: '2026-03-01' }] });
    });

    it('refuses a new application it cannot check: an impossible date, or a person without a birth date', async () => {
      const undated = await write(t.county.operator, async (w) => {
        const org = await visibleOrg(t.county.operator, MAJIA, w.tx);
        const [person] = await w.tx.insert(people).values({ countyId: t.county.county.id, name: '马无期', pinyin: personPinyinKey('马无期'), orgId: org.id, orgPath: org.path }).returning();
        return person!;
      });
      const reapply = (body: object) => send('secretary', 'POST', `/api/members/${undated.id}/applications`, body);
      expect(json(await reapply({ orgCode: MAJIA, appliedOn: '2026-02-30' }))).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.appliedOn' }] } });
      expect(json(await reapply({ orgCode: MAJIA, appliedOn: '2026-02-20' }))).toMatchObject({
        error: { fields: [{ path: 'body.appliedOn', message: '马无期的出生日期未登记，无法核对申请年龄，请先在人员信息中补全' }] },
      });
      expect((await t.database.db.select().from(memberships).where(eq(memberships.personId, undated.id)))).toEqual([]);
    });
  });

  describe('undoing a step recorded by mistake', () => {
    it('puts the membership back as it was, and keeps the step and the reason in the audit trail', async () => {
      const created = json<AdmissionView>(await apply('secretary', { ...applicant, name: '周误录', idNumber: idFor('20000315', '022'), appliedOn: '2024-07-01' }));
      const id = created.person.id;
      await recorded('secretary', id, { step: 'talk', doneOn: '2024-07-10' });
      const activist = await recorded('secretary', id, { step: 'activist', doneOn: '2024-09-01' });
      expect(activist).toMatchObject({ category: 'activist' });
      expect(activist.steps.map((s) => [s.step, s.undoable])).toEqual([['application', false], ['talk', false], ['activist', true]]);
      const undone = json<AdmissionView>(await send('secretary', 'POST', `/api/members/${id}/admission-steps/${activist.steps[2]!.id}/undo`, { reason: '日期录错' }));
      expect(undone).toMatchObject({ category: 'applicant' });
      expect(undone.steps.map((s) => [s.step, s.undoable])).toEqual([['application', false], ['talk', true]]);
      const [membership] = await t.database.db.select().from(memberships).where(eq(memberships.personId, id));
      expect(membership).toMatchObject({ category: 'applicant', activistOn: null });
      // The right date, recorded after the undo.
      expect(await recorded('secretary', id, { step: 'activist', doneOn: '2024-10-01' })).toMatchObject({ category: 'activist' });
      const [event] = await events('admission.undo', id);
      expect(event).toMatchObject({ before: { step: 'activist', doneOn: '2024-09-01' }, after: { reason: '日期录错', membership: { category: 'applicant', activistOn: null } } });
    });

    it('refuses the application that opened the path, and an unknown step', async () => {
      const created = json<AdmissionView>(await apply('secretary', { ...applicant, name: '吴申请', idNumber: idFor('20000315', '042') }));
      const undo = (stepId: string) => send('secretary', 'POST', `/api/members/${created.person.id}/admission-steps/${stepId}/undo`, { reason: '误录' });
      expect(json(await undo(created.steps[0]!.id))).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('入党申请开启了发展流程，不能撤销') } });
      expect((await undo('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });
  });

  describe('scope', () => {
    it('answers another village\'s secretary and a plain member as if the person did not exist', async () => {
      for (const user of ['secretary2', 'member']) {
        expect((await send(user, 'GET', `/api/members/${imported.id}/admission`)).statusCode, user).toBe(404);
        expect((await step(user, imported.id, { step: 'oath', doneOn: '2026-01-01' })).statusCode, user).toBe(404);
      }
    });

    it('lets a cadre read the path but not record on it, and says why', async () => {
      const read = await view('cadre', imported.id);
      expect(read.can).toEqual({ record: { allowed: false, reason: 'no_ability' }, approve: { allowed: false, reason: 'no_ability' } });
      expect((await step('cadre', imported.id, { step: 'oath', doneOn: '2026-01-01' })).statusCode).toBe(403);
      expect((await view('township', imported.id)).can).toEqual({ record: { allowed: true }, approve: { allowed: true } });
    });
  });
});
