import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.js';
import { write } from '../../platform/service.js';
import { personPinyinKey } from '../../platform/text/pinyin.js';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { type ErrorBody, json } from '../../../test/support/http.js';
import { memberAdder } from '../../../test/support/members.js';
import { users } from '../accounts/schema.js';
import { memberships } from '../members/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import { people, posts } from '../people/schema.js';
import type { MeetingDetail, MeetingSummary, RosterView } from './contracts.js';
import { meetingAttendees, meetingResolutions } from './schema.js';
import { DONGFENG, GROUP, HESHUN, MAJIA, SHIQIAO } from '../../../test/support/county.js';


type Page = { items: MeetingSummary[]; total: number; page: number; pageSize: number };

describe.each(engines)('meetings on %s', (engine) => {
  /** Person ids by name: 马家村's members, the township committee, the users' own records. */
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator, county }, database) {
      const member = memberAdder(operator, id);
      await member(MAJIA, '张一', { category: 'full', fullOn: '2010-07-01' });
      await member(MAJIA, '王二', { category: 'full', fullOn: '2012-07-01' });
      await member(MAJIA, '李三', { category: 'full', fullOn: '2015-07-01' });
      await member(MAJIA, '赵四', { category: 'full', fullOn: '2018-07-01' });
      // Full since 15 January: probationary, without a vote, at a meeting before that.
      await member(MAJIA, '郑转正', { category: 'full', joinedOn: '2025-01-15', fullOn: '2026-01-15' });
      await member(MAJIA, '钱五', { category: 'probationary', joinedOn: '2025-09-01' });
      await member(MAJIA, '孙六', { category: 'activist', appliedOn: '2025-01-01', activistOn: '2025-06-01' });
      // Transferred to 石桥村 at the end of January.
      await member(MAJIA, '周调', { category: 'full', fullOn: '2000-07-01', endedOn: '2026-01-31', endReason: 'transferred' });
      await member(DONGFENG, '吴外', { category: 'full', fullOn: '2001-07-01' });
      await write(operator, async (w) => {
        const shiqiao = await visibleOrg(operator, SHIQIAO, w.tx);
        await w.tx.insert(memberships).values({ countyId: county.id, personId: id['周调']!, orgId: shiqiao.id, orgPath: shiqiao.path, category: 'full', fullOn: '2000-07-01', startedOn: '2026-01-31' });
        const majia = await visibleOrg(operator, MAJIA, w.tx);
        await w.tx.insert(posts).values({ countyId: county.id, personId: id['张一']!, orgId: majia.id, orgPath: majia.path, role: 'cadre', title: '组织委员', startedOn: '2021-06-01' });
        // The township committee: besides the township's two accounts, a member in office and one whose term is over.
        const heshun = await visibleOrg(operator, HESHUN, w.tx);
        for (const [name, endedOn] of [['陈委员', null], ['旧委员', '2025-12-31']] as const) {
          const [person] = await w.tx.insert(people).values({ countyId: county.id, name, pinyin: personPinyinKey(name), orgId: heshun.id, orgPath: heshun.path }).returning();
          await w.tx.insert(posts).values({ countyId: county.id, personId: person!.id, orgId: heshun.id, orgPath: heshun.path, role: 'cadre', title: '组织委员', startedOn: '2021-06-01', endedOn });
          id[name] = person!.id;
        }
      });
      for (const u of await database.db.select().from(users)) id[u.username] = u.personId;
    },
  });

  const send = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang?: string) =>
    t.app.inject({ method, url, payload, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const create = async (user: string, body: object) => {
    const response = await send(user, 'POST', '/api/meetings', body);
    expect(response.statusCode, response.body).toBe(201);
    return json<MeetingDetail>(response);
  };
  const detail = async (user: string, meetingId: string) => {
    const response = await send(user, 'GET', `/api/meetings/${meetingId}`);
    expect(response.statusCode, response.body).toBe(200);
    return json<MeetingDetail>(response);
  };
  const page = async (user: string, query: string) => {
    const response = await send(user, 'GET', `/api/meetings?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return json<Page>(response);
  };
  const events = (action: string, entityId: string) => t.database.db.select().from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))).orderBy(auditEvents.seq);
  /** The fields a refusal names, with their messages. */
  const refusal = async (response: Awaited<ReturnType<typeof send>>, status = 400) => {
    expect(response.statusCode, response.body).toBe(status);
    return json<ErrorBody>(response).error;
  };
  const fieldsOf = async (response: Awaited<ReturnType<typeof send>>) => (await refusal(response)).fields!.map((f) => `${f.path}: ${f.message}`);

  const present = (name: string) => ({ personId: id[name]!, status: 'present' });
  /** 马家村's members' meeting in February: five full members (郑转正 since January), 赵四 excused. */
  const membersMeeting = () => ({
    orgCode: MAJIA, kind: 'members_meeting', status: 'held', heldOn: '2026-02-20', startsAt: '09:00', place: '村党群服务中心',
    topic: '讨论确定发展对象', agenda: '一、学习；二、讨论', hostId: id.secretary, recorderId: id['张一'],
    attendees: [present('张一'), present('王二'), present('李三'), { personId: id['赵四'], status: 'excused', reason: '外出务工' }, present('郑转正'), present('钱五')],
    minutes: '会议讨论了孙六同志列为发展对象的事项。',
    resolutions: [{ title: '孙六列为发展对象', shouldAttend: 5, present: 4, yes: 4, passed: true }],
  });

  describe('planning, holding, correcting and cancelling', () => {
    let held = '';
    let plannedId = '';

    it('records a held members\' meeting with attendance, minutes and votes', async () => {
      const meeting = await create('secretary', membersMeeting());
      held = meeting.id;
      expect(meeting).toMatchObject({
        org: { code: MAJIA, name: '马家村党支部' }, kind: 'members_meeting', status: 'held', heldOn: '2026-02-20', plannedOn: null,
        startsAt: '09:00', place: '村党群服务中心', topic: '讨论确定发展对象', present: 5, expected: 6,
        host: { id: id.secretary, name: 'secretary' }, recorder: { id: id['张一'], name: '张一' }, lecturer: null, lecturerName: null, cancelReason: null,
        resolutions: [{ title: '孙六列为发展对象', shouldAttend: 5, present: 4, yes: 4, no: 0, abstain: 0, passed: true }],
        can: { edit: { allowed: true } },
      });
      expect(meeting.attendees).toHaveLength(6);
      expect(meeting.attendees.find((a) => a.person.name === '赵四')).toEqual({ person: { id: id['赵四'], name: '赵四' }, status: 'excused', reason: '外出务工', leftOut: null });
      const [event] = await events('meeting.create', held);
      expect(event).toMatchObject({ entityType: 'meeting', entityLabel: '党员大会“讨论确定发展对象”', actorLabel: 'secretary' });
      expect(event!.actorPostId).not.toBeNull();
      expect(event!.after).toMatchObject({ org: '马家村党支部（530522101001）', status: 'held', heldOn: '2026-02-20', resolutions: [{ yes: 4, passed: true }] });
      expect((event!.after as { attendees: unknown[] }).attendees).toContainEqual({ personId: id['赵四'], status: 'excused', reason: '外出务工', leftOut: null });
    });

    it('plans a meeting, also for a day already past (recorded late), and records it as held later', async () => {
      const planned = await create('secretary', { orgCode: MAJIA, kind: 'theme_day', status: 'planned', plannedOn: '2026-02-27', topic: '2月主题党日' });
      plannedId = planned.id;
      expect(planned).toMatchObject({ status: 'planned', plannedOn: '2026-02-27', heldOn: null, present: 0, expected: 0, attendees: [], resolutions: [] });
      const response = await send('secretary', 'PUT', `/api/meetings/${plannedId}`, {
        kind: 'theme_day', status: 'held', plannedOn: '2026-02-27', heldOn: '2026-02-28', topic: '2月主题党日：清扫村道', attendees: [present('张一'), present('孙六')],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(json<MeetingDetail>(response)).toMatchObject({ status: 'held', plannedOn: '2026-02-27', heldOn: '2026-02-28', present: 2, expected: 2 });
    });

    it('replaces a record as a whole on correction, and audits it as it was and as it became', async () => {
      const before = await t.database.db.select().from(meetingResolutions).where(eq(meetingResolutions.meetingId, held));
      const corrected = { ...membersMeeting(), orgCode: undefined, minutes: '更正后的记录',
        attendees: [present('张一'), present('王二'), present('李三'), present('赵四'), present('郑转正')],
        resolutions: [{ title: '孙六列为发展对象', shouldAttend: 5, present: 5, yes: 4, no: 1, passed: true }, { title: '第二项', shouldAttend: 5, present: 5, yes: 2, no: 3, passed: false }] };
      const response = await send('secretary', 'PUT', `/api/meetings/${held}`, corrected);
      expect(response.statusCode, response.body).toBe(200);
      const meeting = json<MeetingDetail>(response);
      expect(meeting).toMatchObject({ minutes: '更正后的记录', present: 5, expected: 5, resolutions: [{ present: 5, no: 1 }, { title: '第二项', passed: false }] });
      expect(await t.database.db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, held))).toHaveLength(5);
      const after = await t.database.db.select().from(meetingResolutions).where(eq(meetingResolutions.meetingId, held));
      expect(after.map((r) => r.position).sort()).toEqual([0, 1]);
      expect(after.map((r) => r.id)).not.toContain(before[0]!.id);
      const [event] = await events('meeting.update', held);
      expect(event!.before).toMatchObject({ minutes: '会议讨论了孙六同志列为发展对象的事项。', resolutions: [{ present: 4 }] });
      expect((event!.before as { attendees: unknown[] }).attendees).toHaveLength(6);
      expect(event!.after).toMatchObject({ minutes: '更正后的记录', resolutions: [{ present: 5 }, { title: '第二项' }] });
      expect(event!.orgPath).toBe((await visibleOrg(t.county.operator, MAJIA)).path);
    });

    it('cancels a planned meeting with the reason, and then refuses to edit or cancel it again', async () => {
      const planned = await create('secretary', { orgCode: MAJIA, kind: 'committee_meeting', status: 'planned', plannedOn: '2026-03-10', topic: '3月支委会' });
      const cancelled = await send('secretary', 'POST', `/api/meetings/${planned.id}/cancel`, { reason: '与乡镇集中培训冲突' });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(json<MeetingDetail>(cancelled)).toMatchObject({ status: 'cancelled', cancelReason: '与乡镇集中培训冲突', plannedOn: '2026-03-10' });
      const [event] = await events('meeting.cancel', planned.id);
      expect(event).toMatchObject({ before: { status: 'planned' }, after: { status: 'cancelled', cancelReason: '与乡镇集中培训冲突' } });
      const edit = await send('secretary', 'PUT', `/api/meetings/${planned.id}`, { kind: 'committee_meeting', status: 'planned', plannedOn: '2026-03-11', topic: '3月支委会' });
      expect(await refusal(edit, 409)).toEqual({ code: 'conflict', message: '会议“3月支委会”已取消，不能修改' });
      expect((await refusal(await send('secretary', 'POST', `/api/meetings/${planned.id}/cancel`, { reason: '再取消' }), 409)).message).toBe('会议“3月支委会”已取消');
      const heldCancel = await send('secretary', 'POST', `/api/meetings/${held}/cancel`, { reason: '取消' }, 'en');
      expect((await refusal(heldCancel, 409)).message).toBe('The meeting "讨论确定发展对象" was held and cannot be cancelled; correct its record instead');
      expect((await refusal(await send('secretary', 'POST', `/api/meetings/${plannedId}/cancel`, { reason: ' ' }))).fields![0]!.path).toBe('body.reason');
    });

    it('lets members read, refuses writes to those who may not record, and hides meetings outside the scope', async () => {
      expect((await detail('member', held)).can.edit).toEqual({ allowed: false, reason: 'no_ability' });
      expect((await detail('cadre', held)).can.edit).toEqual({ allowed: false, reason: 'no_ability' });
      expect((await refusal(await send('secretary2', 'GET', `/api/meetings/${held}`), 404)).message).toBe('未找到该会议');
      const update = { ...membersMeeting(), orgCode: undefined };
      expect(await refusal(await send('cadre', 'PUT', `/api/meetings/${held}`, update), 403)).toEqual({ code: 'forbidden', message: '您的岗位不能记录马家村党支部的会议' });
      expect((await refusal(await send('cadre', 'POST', '/api/meetings', membersMeeting()), 403)).message).toBe('您的岗位不能记录马家村党支部的会议');
      expect((await refusal(await send('member', 'POST', `/api/meetings/${held}/cancel`, { reason: '越权' }), 403)).code).toBe('forbidden');
      expect((await refusal(await send('secretary2', 'PUT', `/api/meetings/${held}`, update), 404)).code).toBe('not_found');
      expect((await refusal(await send('secretary2', 'POST', '/api/meetings', membersMeeting()), 404)).message).toBe('党组织“530522101001”不存在');
      expect((await refusal(await send('secretary2', 'POST', `/api/meetings/${held}/cancel`, { reason: '越权' }), 404)).code).toBe('not_found');
      // The township above records for its villages.
      expect((await detail('township', held)).can.edit).toEqual({ allowed: true });
    });
  });

  describe('listing', () => {
    const ids: Record<string, string> = {};

    it('pages a subtree newest first, by the day held or planned, filtered by kind, status and days', async () => {
      const shiqiao = (kind: string, status: string, day: string, topic: string) =>
        create('township', { orgCode: SHIQIAO, kind, status, topic, ...(status === 'held' ? { heldOn: day } : { plannedOn: day }) });
      ids.jan = (await shiqiao('committee_meeting', 'held', '2026-01-10', '1月支委会')).id;
      ids.feb = (await shiqiao('theme_day', 'held', '2026-02-15', '2月主题党日')).id;
      ids.mar = (await shiqiao('theme_day', 'planned', '2026-03-20', '3月主题党日')).id;
      ids.off = (await shiqiao('theme_day', 'planned', '2026-03-25', '取消的主题党日')).id;
      expect((await send('township', 'POST', `/api/meetings/${ids.off}/cancel`, { reason: '天气原因' })).statusCode).toBe(200);

      const all = await page('township', `org=${SHIQIAO}`);
      expect(all).toMatchObject({ total: 4, page: 1, pageSize: 50 });
      expect(all.items.map((m) => m.id)).toEqual([ids.off, ids.mar, ids.feb, ids.jan]);
      expect(all.items[2]).toEqual({
        id: ids.feb, org: { code: SHIQIAO, name: '石桥村党支部' }, kind: 'theme_day', status: 'held', plannedOn: null, heldOn: '2026-02-15',
        startsAt: null, place: null, topic: '2月主题党日', present: 0, expected: 0,
      });
      const second = await page('township', `org=${SHIQIAO}&page=2&pageSize=3`);
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(second.items.map((m) => m.id)).toEqual([ids.jan]);
      expect((await page('township', `org=${SHIQIAO}&kind=theme_day`)).items.map((m) => m.id)).toEqual([ids.off, ids.mar, ids.feb]);
      expect((await page('township', `org=${SHIQIAO}&status=held`)).items.map((m) => m.id)).toEqual([ids.feb, ids.jan]);
      expect((await page('township', `org=${SHIQIAO}&from=2026-02-15&to=2026-03-20`)).items.map((m) => m.id)).toEqual([ids.mar, ids.feb]);
      expect((await page('township', `org=${SHIQIAO}&from=2026-02-16&to=2026-03-19`)).total).toBe(0);
    });

    it('counts attendance in the list, and reaches the whole subtree the user reads', async () => {
      const majia = await page('secretary', `org=${MAJIA}&kind=members_meeting`);
      expect(majia.items.map((m) => [m.topic, m.present, m.expected])).toEqual([['讨论确定发展对象', 5, 5]]);
      const township = await page('township', 'pageSize=500');
      expect(township.items.map((m) => m.id)).toEqual(expect.arrayContaining(Object.values(ids)));
      expect(township.items.map((m) => m.org.code)).toContain(MAJIA);
      // A village's secretary and member see their village only, none of 石桥村's.
      for (const user of ['secretary', 'member']) {
        const own = await page(user, 'pageSize=500');
        expect(own.total).toBeGreaterThan(0);
        expect(own.items.every((m) => m.org.code === MAJIA), user).toBe(true);
      }
      expect((await page('secretary2', 'pageSize=500')).total).toBe(0);
      expect((await page('county', `org=${HESHUN}&pageSize=500`)).total).toBe(township.total);
    });

    it('refuses an organization outside the scope and a reversed span', async () => {
      expect((await refusal(await send('secretary2', 'GET', `/api/meetings?org=${MAJIA}`), 404)).message).toBe('党组织“530522101001”不存在');
      const reversed = await refusal(await send('township', 'GET', '/api/meetings?from=2026-03-01&to=2026-02-01', undefined, 'en'));
      expect(reversed.fields).toEqual([{ path: 'query.to', message: 'The end date 2026-02-01 is before the start date 2026-03-01' }]);
      expect((await refusal(await send('township', 'GET', '/api/meetings?status=done'))).fields![0]!.path).toBe('querystring.status');
    });
  });

  describe('bad input', () => {
    const post = (body: object, lang?: string) => send('secretary', 'POST', '/api/meetings', body, lang);
    const held = membersMeeting;

    it('dates a held meeting by a day not in the future, and a planned one by its planned day', async () => {
      expect(await fieldsOf(await post({ ...held(), heldOn: '2026-03-03' })))
        .toEqual(['body.heldOn: 召开日期 2026-03-03 晚于今天（2026-03-02），尚未召开的会议请登记为计划']);
      expect(await fieldsOf(await post({ ...held(), heldOn: undefined }))).toEqual(['body.heldOn: 已召开的会议须填写召开日期']);
      expect(await fieldsOf(await post({ orgCode: MAJIA, kind: 'theme_day', status: 'planned', topic: '计划' }))).toEqual(['body.plannedOn: 计划中的会议须填写计划日期']);
      expect(await fieldsOf(await post({ orgCode: MAJIA, kind: 'theme_day', status: 'planned', plannedOn: '2026-03-05', heldOn: '2026-03-01', topic: '计划' })))
        .toEqual(['body.heldOn: 计划中的会议不填写召开日期']);
      expect(await fieldsOf(await post({ ...held(), status: 'planned', plannedOn: '2026-03-05', heldOn: undefined }))).toEqual([
        'body.attendees: 会议召开后才填写出席情况、会议记录和表决结果', 'body.minutes: 会议召开后才填写出席情况、会议记录和表决结果',
        'body.resolutions: 会议召开后才填写出席情况、会议记录和表决结果',
      ]);
      expect(await fieldsOf(await post({ orgCode: MAJIA, kind: 'theme_day', status: 'held', heldOn: '1950-01-01', topic: '建立前' })))
        .toEqual(['body.heldOn: 马家村党支部在 1950-01-01 尚未成立或已撤销']);
      const cancelled = await refusal(await post({ ...held(), status: 'cancelled' }));
      expect(cancelled.fields![0]!.path).toBe('body.status');
    });

    it('takes attendees from the roster of the meeting\'s day, once each, naming the person', async () => {
      // 周调 belonged to 马家村 until 31 January: at a January meeting, not at a February one.
      const january = await post({ ...held(), heldOn: '2026-01-20', attendees: [...held().attendees, present('周调')], resolutions: [] });
      expect(january.statusCode, january.body).toBe(201);
      expect(await fieldsOf(await post({ ...held(), attendees: [...held().attendees, present('周调')] })))
        .toEqual(['body.attendees.6.personId: 周调不是马家村党支部当日的党员或班子成员']);
      // Someone the secretary may not read is named by id only, and a person who does not exist is refused the same way.
      const nobody = '00000000-0000-4000-8000-000000000000';
      expect(await fieldsOf(await post({ ...held(), attendees: [...held().attendees, present('吴外'), { personId: nobody, status: 'absent' }] }))).toEqual([
        `body.attendees.6.personId: ${id['吴外']}不是马家村党支部当日的党员或班子成员`, `body.attendees.7.personId: ${nobody}不是马家村党支部当日的党员或班子成员`,
      ]);
      expect(await fieldsOf(await post({ ...held(), attendees: [...held().attendees, { personId: id['王二'], status: 'absent' }] })))
        .toEqual(['body.attendees.6.personId: 王二在参会人员中重复出现']);
      const excused = held().attendees.map((a) => (a.personId === id['赵四'] ? { personId: a.personId, status: 'excused' } : a));
      expect(await fieldsOf(await post({ ...held(), attendees: excused }))).toEqual(['body.attendees.3.reason: 赵四请假，须填写请假事由']);
      const english = await refusal(await post({ ...held(), attendees: excused }, 'en'));
      expect(english).toEqual({
        code: 'invalid', message: 'The meeting record has problems: 赵四 is excused: give the reason',
        fields: [{ path: 'body.attendees.3.reason', message: '赵四 is excused: give the reason' }],
      });
    });

    it('takes the host, recorder and lecturer from the roster or the office holders, an outside lecturer by name', async () => {
      expect(await fieldsOf(await post({ ...held(), hostId: id['陈委员'], recorderId: id['周调'] }))).toEqual([
        `body.hostId: ${id['陈委员']}不是马家村党支部当日的党员或班子成员`, 'body.recorderId: 周调不是马家村党支部当日的党员或班子成员',
      ]);
      const lecture = { orgCode: MAJIA, kind: 'party_lecture', status: 'held', heldOn: '2026-02-25', topic: '党课：学习党章' };
      expect(await fieldsOf(await post({ ...lecture, lecturerId: id['张一'], lecturerName: '县委党校王老师' })))
        .toEqual(['body.lecturerName: 主讲人请选择本组织人员或填写外来主讲人姓名，二者选一']);
      expect((await create('secretary', { ...lecture, lecturerName: '县委党校王老师' })).lecturerName).toBe('县委党校王老师');
      expect((await create('secretary', { ...lecture, lecturerId: id.secretary })).lecturer).toEqual({ id: id.secretary, name: 'secretary' });
    });

    it('checks the votes: counts that add up, voters listed, and the outcome both ways', async () => {
      const vote = (r: object, attendees: object[] = held().attendees) => post({ ...held(), attendees, resolutions: [{ ...held().resolutions[0], ...r }] });
      expect(await fieldsOf(await vote({ yes: 3, no: 1, abstain: 1 }))).toEqual(['body.resolutions.0.yes: “孙六列为发展对象”：赞成、反对、弃权合计 5 票，多于实到 4 人']);
      expect(await fieldsOf(await vote({ shouldAttend: 4, present: 5, yes: 5 }, []))).toEqual(['body.resolutions.0.present: “孙六列为发展对象”：实到 5 人，多于应到 4 人']);
      expect(await fieldsOf(await vote({ shouldAttend: 6 })))
        .toEqual(['body.resolutions.0.shouldAttend: “孙六列为发展对象”：应到 6 人，多于参会名单中有表决权的正式党员 5 人（不含经批准不计入应到人数的）']);
      expect(await fieldsOf(await vote({ present: 5, yes: 5 }))).toEqual(['body.resolutions.0.present: “孙六列为发展对象”：实到 5 人，多于参会名单中出席的有表决权党员 4 人']);
      // 赵四, abroad, left out of those who should attend: four should attend, and all four came.
      const leftOut = held().attendees.map((a) => (a.personId === id['赵四'] ? { personId: a.personId, status: 'absent', leftOut: 'abroad' } : a));
      expect((await vote({ shouldAttend: 4, present: 4, yes: 3, no: 1 }, leftOut)).statusCode).toBe(201);
      const probationLeftOut = held().attendees.map((a) => (a.personId === id['钱五'] ? { ...a, leftOut: 'illness' } : a));
      expect(await fieldsOf(await vote({}, probationLeftOut))).toEqual(['body.attendees.5.leftOut: 钱五没有表决权，无需从应到会人数中除去（只涉及党员大会和支委会的正式党员）']);
      // Exactly half is no quorum and no majority.
      expect(await fieldsOf(await vote({ shouldAttend: 8, present: 4, yes: 4, passed: true }, [])))
        .toEqual(['body.resolutions.0.passed: “孙六列为发展对象”：到会人数未超过应到会人数的半数（应到 8 人，实到 4 人），不能作出决定，不能记为通过']);
      expect(await fieldsOf(await vote({ shouldAttend: 8, present: 6, yes: 4, no: 2, passed: true }, [])))
        .toEqual(['body.resolutions.0.passed: “孙六列为发展对象”：赞成票未超过应到会人数的半数（应到 8 人，赞成 4 人），不能记为通过']);
      expect(await fieldsOf(await vote({ shouldAttend: 8, present: 6, yes: 5, no: 1, passed: false }, [])))
        .toEqual(['body.resolutions.0.passed: “孙六列为发展对象”：实到 6 人、赞成 5 人，均超过应到 8 人的半数，按表决结果应为通过']);
      expect((await vote({ shouldAttend: 8, present: 6, yes: 4, no: 2, passed: false }, [])).statusCode).toBe(201);
    });

    it('records votes at members\' and committee meetings only', async () => {
      const { attendees: _a, ...rest } = held();
      expect(await fieldsOf(await post({ ...rest, kind: 'theme_day' }))).toEqual(['body.resolutions: 主题党日不进行表决，不填写表决结果（只有党员大会和支委会表决）']);
      const english = await refusal(await post({ ...rest, kind: 'party_lecture' }, 'en'));
      expect(english.fields).toEqual([{ path: 'body.resolutions', message: 'A Party lecture takes no votes (only members\' meetings and committee meetings do)' }]);
      const committee = await post({ ...rest, kind: 'committee_meeting', resolutions: [{ title: '研究3月工作', shouldAttend: 3, present: 3, yes: 3, passed: true }] });
      expect(committee.statusCode, committee.body).toBe(201);
    });

    it('refuses unknown fields and shapes by their contract, never with a server error', async () => {
      expect((await refusal(await post({ ...held(), colour: 'red' }))).code).toBe('validation');
      expect((await refusal(await post({ ...held(), startsAt: '25:00' }))).fields![0]!.path).toBe('body.startsAt');
      expect((await refusal(await post({ ...held(), attendees: [{ personId: 'abc', status: 'present' }] }))).fields![0]!.path).toBe('body.attendees.0.personId');
      expect((await refusal(await send('secretary', 'PUT', '/api/meetings/not-a-uuid', { ...held(), orgCode: undefined }))).fields![0]!.path).toBe('params.id');
      expect((await refusal(await send('secretary', 'GET', '/api/meetings/00000000-0000-4000-8000-000000000000'), 404)).code).toBe('not_found');
    });
  });

  describe('the roster', () => {
    const roster = async (user: string, query: string) => {
      const response = await send(user, 'GET', `/api/meetings/roster?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return json<RosterView>(response).items;
    };

    it('offers the members first by name, then the others, with the stage and vote of the day', async () => {
      const today = await roster('secretary', `org=${MAJIA}`);
      expect(today.map((p) => p.name)).toEqual(['李三', '钱五', '王二', '赵四', '张一', '郑转正', 'member', 'secretary', '孙六']);
      expect(today.find((p) => p.name === '张一')).toEqual({ id: id['张一'], name: '张一', category: 'full', votes: true, post: '组织委员' });
      expect(today.find((p) => p.name === '钱五')).toMatchObject({ category: 'probationary', votes: false });
      expect(today.find((p) => p.name === '孙六')).toMatchObject({ category: 'activist', votes: false });
      // The secretary's record has no membership; a member's account is no office.
      expect(today.find((p) => p.name === 'secretary')).toEqual({ id: id.secretary, name: 'secretary', category: null, votes: false, post: '村（社区）党组织书记' });
      expect(today.find((p) => p.name === 'member')).toEqual({ id: id.member, name: 'member', category: null, votes: false });
      const january = await roster('secretary', `org=${MAJIA}&on=2026-01-10`);
      expect(january.find((p) => p.name === '郑转正')).toMatchObject({ category: 'probationary', votes: false });
      expect(january.find((p) => p.name === '周调')).toMatchObject({ category: 'full', votes: true });
      expect(today.map((p) => p.name)).not.toContain('周调');
      expect((await roster('township', `org=${SHIQIAO}`)).map((p) => p.name)).toEqual(['周调']);
    });

    it('gives a party group its branch\'s members, and a committee its office holders with their vote', async () => {
      const group = await roster('secretary', `org=${GROUP}`);
      expect(group.filter((p) => p.votes).map((p) => p.name)).toEqual(['李三', '王二', '赵四', '张一', '郑转正']);
      const committee = await roster('township', `org=${HESHUN}`);
      expect(committee.map((p) => p.name).sort()).toEqual(['cadre', 'township', '陈委员'].sort());
      expect(committee.find((p) => p.name === '陈委员')).toMatchObject({ category: null, post: '组织委员' });
    });

    it('is for those who record the meetings, within their scope', async () => {
      expect((await refusal(await send('member', 'GET', `/api/meetings/roster?org=${MAJIA}`), 403)).message).toBe('您的岗位不能记录马家村党支部的会议');
      expect((await refusal(await send('secretary2', 'GET', `/api/meetings/roster?org=${MAJIA}`), 404)).code).toBe('not_found');
      expect((await refusal(await send('secretary', 'GET', `/api/meetings/roster?org=${MAJIA}&on=2026-02-30`))).fields![0]!.path).toBe('querystring.on');
    });
  });

  describe('the Friday study lecturer', () => {
    const suggested = async (user = 'township') => {
      const response = await send(user, 'GET', `/api/meetings/lecturer-suggestion?org=${HESHUN}`);
      expect(response.statusCode, response.body).toBe(200);
      return json<{ person: { id: string; name: string } | null }>(response).person?.name ?? null;
    };
    const study = (heldOn: string, lecturer: string) => create('township', {
      orgCode: HESHUN, kind: 'friday_study', status: 'held', heldOn, topic: `周五学习 ${heldOn}`, lecturerId: id[lecturer],
    });

    it('rotates among the committee in office: never lectured first, then the longest without a turn, ties by name', async () => {
      // By pinyin: cadre, chenweiyuan (陈委员), township; 旧委员's term is over.
      expect(await suggested()).toBe('cadre');
      await study('2026-02-06', 'cadre');
      expect(await suggested()).toBe('陈委员');
      await study('2026-02-13', '陈委员');
      expect(await suggested()).toBe('township');
      await study('2026-02-20', 'township');
      expect(await suggested()).toBe('cadre');
      // A lecture only planned, a lecture of another kind, and one elsewhere are no turn.
      await create('township', { orgCode: HESHUN, kind: 'friday_study', status: 'planned', plannedOn: '2026-03-06', topic: '周五学习', lecturerId: id.cadre });
      await create('township', { orgCode: HESHUN, kind: 'party_lecture', status: 'held', heldOn: '2026-02-27', topic: '党课', lecturerId: id.cadre });
      expect(await suggested()).toBe('cadre');
      await study('2026-02-27', 'cadre');
      expect(await suggested()).toBe('陈委员');
    });

    it('is for those who record the meetings, within their scope', async () => {
      expect((await refusal(await send('cadre', 'GET', `/api/meetings/lecturer-suggestion?org=${HESHUN}`), 403)).code).toBe('forbidden');
      expect((await refusal(await send('secretary2', 'GET', `/api/meetings/lecturer-suggestion?org=${HESHUN}`), 404)).code).toBe('not_found');
      // An organization without office holders has nobody to suggest.
      expect(await send('township', 'GET', `/api/meetings/lecturer-suggestion?org=${SHIQIAO}`).then((r) => json(r))).toEqual({ person: null });
    });
  });
});
