import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { addMember } from '../../../test/support/members.js';
import { users } from '../accounts/schema.js';
import { memberships } from '../members/schema.js';
import type { RatingList, RatingView } from './contracts.js';
import { HESHUN, MAJIA } from '../../../test/support/county.js';



const branchScores = (s: number) => ({ leadership: s, organizational_life: s, member_management: s, serving_people: s, institutions: s });
const memberScores = (s: number) => ({ political: s, discipline: s, conduct: s, role: s });

// The test county's clock stands at 2 March 2026.
describe.each(engines)('star ratings on %s', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator }, database) {
      for (const u of await database.db.select().from(users)) id[u.username] = u.personId;
      // The member's account: a full member of 马家村 (their post is a member's, not a membership).
      const { person } = await addMember(operator, MAJIA, { name: '张一' }, { category: 'full', fullOn: '2010-07-01' });
      id['张一'] = person.id;
      const { countyId, orgId, orgPath } = person;
      await database.db.insert(memberships).values({ countyId, personId: id.member!, orgId, orgPath, category: 'full', fullOn: '2015-07-01' });
    },
  });

  const { ok, refused, fieldsOf, events, send: request } = requestsOf(t);
  const send = (user: string, url: string, payload?: object, method: 'GET' | 'POST' = 'POST') => request(user, method, url, payload);
  const list = (user: string, query = `org=${MAJIA}&year=2026`) => send(user, `/api/points/ratings?${query}`, undefined, 'GET').then((r) => ok<RatingList>(r));
  const branch = { subjectType: 'branch', orgCode: MAJIA, year: 2026 };
  const ratingId: Record<string, string> = {};

  describe('of a branch: the secretary, the township, the county', () => {
    it('refuses a self-assessment that breaks a rule, naming the field', async () => {
      expect(await fieldsOf(await send('secretary', '/api/points/ratings', { ...branch, scores: { ...branchScores(18), leadership: 21, extra: 1 } }))).toEqual([
        'body.scores.leadership: “班子建设”得分 21 超过满分 20', 'body.scores.extra: 没有编号为“extra”的评定指标',
      ]);
      const { institutions: _gone, ...missing } = branchScores(18);
      expect(await fieldsOf(await send('secretary', '/api/points/ratings', { ...branch, scores: missing }))).toEqual(['body.scores.institutions: 缺少指标“制度落实”的得分']);
      expect(await fieldsOf(await send('secretary', '/api/points/ratings', { ...branch, year: 2027, scores: branchScores(18) }))).toEqual(['body.year: 2027 年尚未开始，不能评定']);
      expect(await fieldsOf(await send('secretary', '/api/points/ratings', { ...branch, personId: id['张一'], scores: branchScores(18) }))).toEqual(['body.personId: 评定党支部时不填写党员']);
      expect(await fieldsOf(await send('township', '/api/points/ratings', { ...branch, orgCode: HESHUN, scores: branchScores(18) }))).toEqual(['body.orgCode: 和顺镇党委不是党支部，不参加党支部星级评定']);
      await refused(await send('member', '/api/points/ratings', { ...branch, scores: branchScores(18) }), 403);
      await refused(await send('secretary2', '/api/points/ratings', { ...branch, scores: branchScores(18) }), 404);
    });

    it('takes the self-assessment and lets the secretary redo it until the review', async () => {
      await ok<RatingView>(await send('secretary', '/api/points/ratings', { ...branch, scores: branchScores(17) }), 201);
      const view = await ok<RatingView>(await send('secretary', '/api/points/ratings', { ...branch, scores: branchScores(18), note: '自评' }), 201);
      expect(view).toMatchObject({ subjectType: 'branch', stage: 'self_assessed', selfTotal: 90, selfNote: '自评', reviewTotal: null, stars: null });
      ratingId.branch = view.id;
      expect(await events('points.rating_self')).toHaveLength(2);
    });

    it('is reviewed by the township, not the secretary', async () => {
      const url = `/api/points/ratings/${ratingId.branch}/review`;
      await refused(await send('secretary', url, { scores: branchScores(16) }), 403);
      await refused(await send('secretary2', url, { scores: branchScores(16) }), 404);
      expect(await fieldsOf(await send('township', url, { scores: { leadership: 3 } }))).toHaveLength(4);
      const view = await ok<RatingView>(await send('township', url, { scores: { ...branchScores(16), leadership: 15.5 }, note: '班子建设需加强' }));
      expect(view).toMatchObject({ stage: 'reviewed', reviewTotal: 79.5, proposedStars: 2 });
      expect((await refused(await send('secretary', '/api/points/ratings', { ...branch, scores: branchScores(20) }), 409)).message).toContain('已审核');
      await refused(await send('township', url, { scores: branchScores(16) }), 409);
    });

    it('is approved by the county with the stars of the thresholds, or others with a reason', async () => {
      const url = `/api/points/ratings/${ratingId.branch}/approve`;
      expect((await refused(await send('township', url, {}), 403)).message).toBe('星级评定由上级审定（党员由乡镇党委、党支部由县委组织部审定）');
      expect(await fieldsOf(await send('county', url, { stars: 3 }))).toEqual(['body.reason: 审定 3 星与按得分应得的 2 星不同，须写明理由']);
      expect(await ok<RatingView>(await send('county', url, {}))).toMatchObject({ stage: 'approved', stars: 2 });
      await refused(await send('county', url, {}), 409);
    });

    it('goes back one stage at a time with a reason, and is approved again', async () => {
      const url = (action: string) => `/api/points/ratings/${ratingId.branch}/${action}`;
      await refused(await send('secretary', url('return'), { reason: '重新审定' }), 403);
      expect(await ok<RatingView>(await send('county', url('return'), { reason: '重新审定' }))).toMatchObject({ stage: 'reviewed', stars: null, returnReason: '重新审定', reviewTotal: 79.5 });
      expect(await ok<RatingView>(await send('county', url('return'), { reason: '请乡镇重新审核' }))).toMatchObject({ stage: 'self_assessed', reviewScores: null, reviewTotal: null });
      expect((await refused(await send('county', url('return'), { reason: '再退' }), 409)).message).toBe('该星级评定已进入其他环节，请刷新后重试');
      await ok(await send('township', url('review'), { scores: branchScores(17) }));
      expect(await ok<RatingView>(await send('county', url('approve'), { stars: 4, reason: '服务群众成效突出' }))).toMatchObject({ stars: 4, proposedStars: 3, returnReason: null });
      expect((await events('points.rating_approve')).at(-1)).toMatchObject({ after: { stars: 4, proposedStars: 3, reason: '服务群众成效突出' } });
      expect((await events('points.rating_return')).map((e) => (e.after as { status: string }).status)).toEqual(['reviewed', 'self_assessed']);
    });
  });

  describe('of a member: the member or the secretary, the branch, the township', () => {
    const mine = { subjectType: 'member', orgCode: MAJIA, year: 2026 };

    it('takes the member\'s own self-assessment, and refuses one for another member or a non-member', async () => {
      expect(await fieldsOf(await send('secretary', '/api/points/ratings', { ...mine, scores: memberScores(20) }))).toEqual(['body.personId: 评定党员时须选择党员']);
      expect(await fieldsOf(await send('secretary', '/api/points/ratings', { ...mine, personId: id.secretary, scores: memberScores(20) }))).toEqual(['body.personId: 该人员 2026 年不是马家村党支部的党员']);
      await refused(await send('member', '/api/points/ratings', { ...mine, personId: id['张一'], scores: memberScores(20) }), 403);
      const view = await ok<RatingView>(await send('member', '/api/points/ratings', { ...mine, personId: id.member, scores: memberScores(23) }), 201);
      expect(view).toMatchObject({ subjectType: 'member', person: { id: id.member }, selfTotal: 92 });
      ratingId.member = view.id;
    });

    it('is reviewed by the branch but never by the member themselves, approved by the township', async () => {
      await refused(await send('member', `/api/points/ratings/${ratingId.member}/review`, { scores: memberScores(25) }), 403);
      await ok(await send('secretary', `/api/points/ratings/${ratingId.member}/review`, { scores: memberScores(22) }));
      await refused(await send('secretary', `/api/points/ratings/${ratingId.member}/approve`, {}), 403);
      expect(await ok<RatingView>(await send('township', `/api/points/ratings/${ratingId.member}/approve`, {}))).toMatchObject({ stage: 'approved', stars: 3 });
    });

    it('lists the branch and its members with their stage and what each user may do', async () => {
      const secretary = await list('secretary');
      expect(secretary.items.map((i) => [i.subjectType, i.person?.name ?? i.org.name, i.rating?.stage ?? null])).toEqual([
        ['branch', '马家村党支部', 'approved'], ['member', 'member', 'approved'], ['member', '张一', null],
      ]);
      expect(secretary.items[2]!.can).toEqual({ self: { allowed: true }, review: { allowed: false }, approve: { allowed: false }, return: { allowed: false } });
      expect(secretary.indicators.branch).toHaveLength(5);
      // The member sees the branch and themselves only.
      const member = await list('member');
      expect(member.items.map((i) => i.person?.name ?? i.org.name)).toEqual(['马家村党支部', 'member']);
      expect(member.items[1]!.can.self).toEqual({ allowed: false });
      // The township sees the branches of its subtree; the county may return an approved branch rating.
      const township = await list('township', `org=${HESHUN}&year=2026`);
      expect(township.items.map((i) => i.org.name)).toEqual(['马家村党支部', '石桥村党支部']);
      expect(township.items[1]!.can.review).toEqual({ allowed: false });
      expect((await list('county', `org=${HESHUN}&year=2026&subjectType=branch`)).items[0]!.can.return).toEqual({ allowed: true });
      await refused(await send('secretary2', `/api/points/ratings?org=${MAJIA}&year=2026`, undefined, 'GET'), 404);
    });
  });
});
