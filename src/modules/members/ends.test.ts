import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import { auditEvents } from '../../platform/audit/schema.js';
import type { MemberProfile } from './contracts.js';
import { memberships } from './schema.js';
import { memberStatistics } from './statistics/service.js';
import type { PersonTransfers } from './transfers/contracts.js';
import { addMember, idNumberOf, breakdownsAndRecount, type NewMembership } from '../../../test/support/members.js';
import { DONGFENG, MAJIA, SHIQIAO } from '../../../test/support/county.js';


const fullMember: NewMembership = { category: 'full', appliedOn: '1999-03-01', joinedOn: '2000-07-01', fullOn: '2001-07-01' };

describe.each(engines)('ends of membership on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['township', 'cadre', 'secretary', 'member', 'secretary2'] });

  let serial = 200;
  const member = (orgCode: string, name: string, membership: NewMembership = fullMember) => {
    serial += 1;
    return addMember(t.county.operator, orgCode, { name, gender: serial % 2 ? '1' : '2', birthDate: '1970-01-01', idNumber: idNumberOf(`53052219700101${serial}`) }, membership);
  };
  const call = (user: string, method: 'GET' | 'POST', url: string, payload?: object, lang?: string) =>
    t.app.inject({ method, url, payload, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const end = (user: string, personId: string, body: object, lang?: string) => call(user, 'POST', `/api/members/${personId}/end`, body, lang);
  const total = async (orgCode: string, asOf: string) => (await memberStatistics(t.county.operator, { orgCode, asOf, lang: 'zh' })).members.total;
  const problem = (response: { statusCode: number; body: string }) => ({ status: response.statusCode, ...json<{ error: { message: string; fields?: unknown[] } }>(response as never).error });

  it('records a death on its day: counted before it, not from it, and the history stays', async () => {
    const { person, membership } = await member(SHIQIAO, '马老汉');
    expect(await total(SHIQIAO, '2026-02-14')).toBe(1);
    const ended = await end('township', person.id, { reason: 'died', endedOn: '2026-02-15', note: '因病去世' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(json(ended)).toEqual({ membershipId: membership.id, endedOn: '2026-02-15', reason: 'died' });
    expect([await total(SHIQIAO, '2026-02-14'), await total(SHIQIAO, '2026-02-15'), await total(SHIQIAO, '2026-03-02')]).toEqual([1, 0, 0]);

    const profile = json<MemberProfile>(await call('township', 'GET', `/api/members/${person.id}`));
    expect(profile.membership).toBeNull();
    expect(profile.history).toEqual([expect.objectContaining({ membershipId: membership.id, endedOn: '2026-02-15', endReason: 'died', endNote: '因病去世' })]);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'member.end'), eq(auditEvents.entityId, person.id)));
    expect(event).toMatchObject({ actorLabel: 'township', before: { category: 'full' }, after: { reason: 'died', endedOn: '2026-02-15', note: '因病去世' } });

    // Nothing more can be done with an ended relation.
    expect(problem(await end('township', person.id, { reason: 'died', endedOn: '2026-02-16', note: '重复登记' })))
      .toMatchObject({ status: 409, message: '马老汉的组织关系已于 2026-02-15 终止或转出，不能再办理' });
    expect(problem(await call('township', 'POST', `/api/members/${person.id}/transfers`, { kind: 'within', toOrgCode: MAJIA })))
      .toMatchObject({ status: 409, message: '马老汉的组织关系已于 2026-02-15 终止或转出，不能再办理' });
    expect(json<PersonTransfers>(await call('township', 'GET', `/api/members/${person.id}/transfers`)).can)
      .toEqual({ send: { allowed: false, reason: 'no_membership' }, end: { allowed: false, reason: 'no_membership' } });
  });

  it('ends a member by withdrawal, removal or expulsion, but an applicant only by death', async () => {
    for (const reason of ['withdrew', 'removed', 'expelled'] as const) {
      const { person } = await member(MAJIA, `党员${reason}`, reason === 'removed' ? { category: 'probationary', joinedOn: '2025-09-01' } : fullMember);
      const ended = await end('secretary', person.id, { reason, endedOn: '2026-03-02', note: '经支部大会讨论、上级党委批准' });
      expect(ended.statusCode, ended.body).toBe(200);
      const [row] = await t.database.db.select().from(memberships).where(eq(memberships.personId, person.id));
      expect(row).toMatchObject({ endedOn: '2026-03-02', endReason: reason });
    }
    const { person: applicant } = await member(MAJIA, '申请人甲', { category: 'activist', appliedOn: '2025-01-10', activistOn: '2025-04-01' });
    expect(problem(await end('secretary', applicant.id, { reason: 'withdrew', endedOn: '2026-03-01', note: '本人申请' })))
      .toMatchObject({ status: 400, fields: [{ path: 'reason', message: '退党、除名和开除党籍只适用于正式党员和预备党员' }] });
    expect((await end('secretary', applicant.id, { reason: 'died', endedOn: '2026-03-01', note: '意外身故' })).statusCode).toBe(200);
  });

  it('refuses a day in the future or before the relation began, a missing reason text, and an unknown reason', async () => {
    const { person } = await member(MAJIA, '赵刚');
    expect(problem(await end('secretary', person.id, { reason: 'died', endedOn: '2026-03-03', note: '去世' })))
      .toMatchObject({ status: 400, fields: [{ path: 'endedOn', message: '日期 2026-03-03 晚于今天' }] });
    expect(problem(await end('secretary', person.id, { reason: 'died', endedOn: '1999-02-28', note: '去世' })))
      .toMatchObject({ status: 400, fields: [{ path: 'endedOn', message: '日期 1999-02-28 早于本段组织关系的起始日期 1999-03-01' }] });
    expect(problem(await end('secretary', person.id, { reason: 'died', endedOn: '1999-02-28', note: 'died' }, 'en')))
      .toMatchObject({ status: 400, message: 'The date 1999-02-28 is before this membership began (1999-03-01)' });
    const noNote = problem(await end('secretary', person.id, { reason: 'died', endedOn: '2026-03-01' }));
    expect(noNote).toMatchObject({ status: 400, code: 'validation', fields: [{ path: 'body.note' }] });
    expect(problem(await end('secretary', person.id, { reason: 'retired', endedOn: '2026-03-01', note: '退休' }))).toMatchObject({ status: 400, fields: [{ path: 'body.reason' }] });
    const [row] = await t.database.db.select().from(memberships).where(eq(memberships.personId, person.id));
    expect(row!.endedOn).toBeNull();
  });

  it('waits for a pending transfer to be withdrawn first', async () => {
    const { person } = await member(MAJIA, '钱多');
    const sent = await call('secretary', 'POST', `/api/members/${person.id}/transfers`, { kind: 'within', toOrgCode: DONGFENG });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(problem(await end('secretary', person.id, { reason: 'died', endedOn: '2026-03-02', note: '去世' })))
      .toMatchObject({ status: 409, message: '钱多有一项尚待接收的组织关系转接，请先撤回再终止组织关系' });
    await call('secretary', 'POST', `/api/member-transfers/${json<{ id: string }>(sent).id}/cancel`, {});
    expect((await end('secretary', person.id, { reason: 'died', endedOn: '2026-03-02', note: '去世' })).statusCode).toBe(200);
  });

  it('is for those who manage the member: others are refused or do not see them', async () => {
    const { person } = await member(MAJIA, '孙平');
    const body = { reason: 'died', endedOn: '2026-03-01', note: '去世' };
    expect(problem(await end('secretary2', person.id, body))).toMatchObject({ status: 404, message: '未找到该人员' });
    expect(problem(await end('member', person.id, body))).toMatchObject({ status: 404 });
    expect(problem(await end('cadre', person.id, body))).toMatchObject({ status: 403, message: '没有权限执行此操作' });
    expect(json<PersonTransfers>(await call('cadre', 'GET', `/api/members/${person.id}/transfers`)).can.end).toEqual({ allowed: false, reason: 'no_ability' });
    const [row] = await t.database.db.select().from(memberships).where(eq(memberships.personId, person.id));
    expect(row!.endedOn).toBeNull();
  });

  it('keeps the subtree breakdowns equal to a recount', async () => {
    const { kept, recount } = await breakdownsAndRecount(t.database.db);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recount);
  });
});
