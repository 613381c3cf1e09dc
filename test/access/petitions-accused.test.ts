import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { addUser } from '../../src/modules/accounts/users.js';
import { users } from '../../src/modules/accounts/schema.js';
import type { PetitionListView } from '../../src/modules/petitions/contracts.js';
import { requestsOf, useTestApp } from '../support/app.js';
import { HESHUN, MAJIA, PASSWORD } from '../support/county.js';
import { engines } from '../support/databases.js';

/**
 * The accused never see a petition about them (rules.md §4: complaint material and the complainant's
 * identity are never passed to the accused person or unit). Three petitions: one accusing the
 * secretary of 马家村 by person, one accusing the county administrator by person, one accusing the
 * 马家村 branch as an organization. Each accused user asks every GET route the app has, with plausible
 * parameters, and no answer may carry a petition's id, content or petitioner; and every count they
 * see is their unaccused peer's less the petitions about them alone (the peer secretary is of the
 * accused branch too, so neither of them sees the third).
 */
const secret = {
  secretary: { content: '举报马家村书记优亲厚友甲一', petitioner: '甄举报' },
  county: { content: '举报县组织部管理员乙二', petitioner: '贾实名' },
  branch: { content: '反映马家村支部账目丙三', petitioner: '郝群众' },
};

describe.each(engines)('the accused on %s', (engine) => {
  const person: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'county_peer', 'township', 'secretary', 'secretary_peer', 'member'],
    async prepare({ operator }, database) {
      // Peers in the same posts as the accused, to compare what each of them counts.
      await addUser(operator, { username: 'county_peer', password: PASSWORD, role: 'county_admin', orgCode: '530522', name: '县管理员乙' });
      await addUser(operator, { username: 'secretary_peer', password: PASSWORD, role: 'branch_secretary', orgCode: MAJIA, name: '马家村副书记' });
      for (const u of await database.db.select().from(users)) person[u.username] = u.personId;
    },
  });
  const { send, ok } = requestsOf(t);
  const ids: Record<keyof typeof secret, string> = { secretary: '', county: '', branch: '' };
  const letter = (key: keyof typeof secret, over: object) => ({
    orgCode: MAJIA, receivedOn: '2026-02-20', channel: 'letter', category: 'cadre_conduct', content: secret[key].content,
    petitioners: [{ name: secret[key].petitioner, phone: '13700002222', address: '和顺镇马家村五组' }], ...over,
  });

  it('registers and handles the three petitions', async () => {
    const made = async (body: object) => ok<{ id: string; visible: boolean }>(await send('township', 'POST', '/api/petitions', body), 201);
    ids.secretary = (await made(letter('secretary', { accusedPeople: [{ personId: person.secretary }, { name: '马会计' }] }))).id;
    ids.county = (await made(letter('county', { orgCode: HESHUN, accusedPeople: [{ personId: person.county }] }))).id;
    ids.branch = (await made(letter('branch', { accusedOrgCodes: [MAJIA] }))).id;
    // Replied, so that the feedback owed shows on the to-do lists of those who may see it.
    await ok(await send('township', 'POST', `/api/petitions/${ids.secretary}/accept`, { on: '2026-02-26' }));
    await ok(await send('township', 'POST', `/api/petitions/${ids.secretary}/reply`, { on: '2026-02-28', text: '经调查核实的答复。' }));
    for (const id of Object.values(ids)) await ok(await send('township', 'GET', `/api/petitions/${id}`));
  });

  it('the accused see none of it on any GET route', async () => {
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !r.public);
    expect(routes.length).toBeGreaterThan(50);
    const forbiddenText = (key: keyof typeof secret) => [ids[key], secret[key].content, secret[key].petitioner];
    const cases: [string, (keyof typeof secret)[]][] = [['secretary', ['secretary', 'branch']], ['county', ['county']], ['member', ['branch']]];
    for (const [user, about] of cases) {
      const urls = new Set(routes.flatMap((route) => about.map((k) => route.url
        .replace(':id', ids[k]).replace(':personId', person[user]!).replace(':code', MAJIA).replace(':orgCode', MAJIA).replace(':year', '2026')
        .replace(/:[a-zA-Z]+/g, ids[k]))));
      for (const url of urls) {
        for (const query of ['', url === '/api/audit' ? '?entityType=petition' : `?org=${MAJIA}`]) {
          const response = await send(user, 'GET', url + query);
          expect(response.statusCode, `${user} ${url}${query}`).toBeLessThan(500);
          const body = await readable(response.rawPayload);
          for (const text of about.flatMap(forbiddenText)) expect(body.includes(text), `${user} GET ${url}${query} shows ${text}`).toBe(false);
        }
      }
    }
  });

  it('count as their unaccused peers do, less the petitions about them', async () => {
    const list = async (user: string, query = '') => ok<PetitionListView>(await send(user, 'GET', `/api/petitions${query}`));
    for (const [user, peer, hidden] of [['secretary', 'secretary_peer', 1], ['county', 'county_peer', 1]] as const) {
      const [mine, theirs] = [await list(user), await list(peer)];
      expect(mine.total, user).toBe(theirs.total - hidden);
      const [mineOpen, theirsOpen] = [await list(user, '?state=open'), await list(peer, '?state=open')];
      expect(theirsOpen.total - mineOpen.total).toBe(theirs.counts.open - mine.counts.open);
    }
    const audit = async (user: string) => ok<{ total: number; items: { entityId: string }[] }>(await send(user, 'GET', '/api/audit?pageSize=200'));
    const [mine, theirs] = [await audit('county'), await audit('county_peer')];
    expect(mine.total).toBe(theirs.total - theirs.items.filter((e) => e.entityId === ids.county).length);
    expect(theirs.items.some((e) => e.entityId === ids.county)).toBe(true);
    const todos = async (user: string) => (await ok<{ items: { kind: string; title: string }[] }>(await send(user, 'GET', '/api/todos'))).items.filter((i) => i.kind.startsWith('petitions.'));
    expect((await todos('secretary_peer')).map((i) => i.kind)).toEqual(['petitions.feedback']);
    expect(await todos('secretary')).toEqual([]);
    const due = async (user: string) => (await todos(user)).find((i) => i.kind === 'petitions.due')?.title;
    expect(await due('county_peer')).toMatch(/^信访事项 2 件/);
    expect(await due('county')).toMatch(/^信访事项 1 件/);
  });
});

/** A response as text to search: zipped documents (xlsx, docx) with every part unpacked. */
async function readable(payload: Buffer): Promise<string> {
  if (payload.subarray(0, 2).toString() !== 'PK') return payload.toString('utf8');
  const zip = await JSZip.loadAsync(payload);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts.join('\n');
}
