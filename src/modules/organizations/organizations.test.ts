import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import type { OrgDetail, OrgSummary } from './contracts.js';

describe.each(engines)('organizations on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'secretary', 'secretary2', 'member'] });
  const as = t.cookies;

  const get = (user: string, url: string, lang?: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: as[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const send = (user: string, method: 'POST' | 'PATCH', url: string, payload: unknown, lang?: string) =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie: as[user]!, ...(lang ? { 'accept-language': lang } : {}) } });

  it('shows a branch secretary only their own village and answers "not found" for another', async () => {
    const list = json<{ items: OrgSummary[] }>(await get('secretary', '/api/organizations'));
    expect(list.items.map((o) => o.code)).toEqual(['530522101001', '530522101001-1']);
    const own = await get('secretary', '/api/organizations/530522101001');
    expect(own.statusCode).toBe(200);
    const other = await get('secretary', '/api/organizations/530522102001');
    expect(other.statusCode).toBe(404);
    expect(json(other)).toEqual({ error: { code: 'not_found', message: '党组织“530522102001”不存在' } });
    const unknown = await get('secretary', '/api/organizations/999999');
    expect(json(unknown)).toEqual(json(other) && { error: { code: 'not_found', message: '党组织“999999”不存在' } });
  });

  it('shows the county administrator the whole tree and a township administrator their township', async () => {
    const county = json<{ items: OrgSummary[] }>(await get('county', '/api/organizations'));
    expect(county.items).toHaveLength(7);
    expect(county.items[0]).toMatchObject({ code: '530522', name: '测试县委', parentCode: null, depth: 0 });
    const township = json<{ items: OrgSummary[] }>(await get('township', '/api/organizations'));
    expect(township.items.map((o) => o.code).sort()).toEqual(['530522101', '530522101001', '530522101001-1', '530522101002']);
  });

  it('finds organizations by Chinese name and by pinyin initials', async () => {
    const byName = json<{ items: OrgSummary[] }>(await get('county', '/api/organizations?q=' + encodeURIComponent('和顺')));
    expect(byName.items.map((o) => o.code)).toEqual(['530522101']);
    const byInitials = json<{ items: OrgSummary[] }>(await get('county', '/api/organizations?q=hs'));
    expect(byInitials.items.map((o) => o.code)).toContain('530522101');
    const byFull = json<{ items: OrgSummary[] }>(await get('county', '/api/organizations?q=shiqiao'));
    expect(byFull.items.map((o) => o.code)).toEqual(['530522101002']);
    // Pinyin matches from the start, as people type names: "sz" is inside 和顺镇党委's initials but finds nothing.
    const inside = json<{ items: OrgSummary[] }>(await get('county', '/api/organizations?q=sz'));
    expect(inside.items).toEqual([]);
    const outside = json<{ items: OrgSummary[] }>(await get('secretary', '/api/organizations?q=hs'));
    expect(outside.items).toEqual([]);
  });

  it('tells the user which actions they may take on an organization and why not', async () => {
    const bySecretary = json<OrgDetail>(await get('secretary', '/api/organizations/530522101001'));
    expect(bySecretary.can.update).toEqual({ allowed: false, reason: 'no_ability' });
    const byTownship = json<OrgDetail>(await get('township', '/api/organizations/530522101001'));
    expect(byTownship.can).toEqual({
      create: { allowed: true }, update: { allowed: true }, move: { allowed: true }, merge: { allowed: true },
      dissolve: { allowed: true }, addVillagerGroup: { allowed: true },
    });
    const root = json<OrgDetail>(await get('county', '/api/organizations/530522'));
    expect(root.can).toMatchObject({ create: { allowed: true }, move: { allowed: false, reason: 'root' }, addVillagerGroup: { allowed: false, reason: 'not_a_village' } });
    const group = json<OrgDetail>(await get('township', '/api/organizations/530522101001-1'));
    expect(group.can.create).toEqual({ allowed: false, reason: 'holds_nothing' });
    expect(byTownship.adminUnit).toEqual({ kind: 'village', name: '马家村', divisionCode: '530522101001', villagerGroups: [] });
  });

  it('adds villager groups to a village, refusing duplicates and non-villages', async () => {
    const added = await send('township', 'POST', '/api/organizations/530522101001/villager-groups', { name: '第一村民小组', divisionCode: '530522101001' });
    expect(added.statusCode).toBe(201);
    expect(json<OrgDetail>(added).adminUnit?.villagerGroups).toEqual([{ name: '第一村民小组', divisionCode: '530522101001' }]);
    const again = await send('township', 'POST', '/api/organizations/530522101001/villager-groups', { name: '第一村民小组' });
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ error: { fields: [{ path: 'name', message: '村民小组“第一村民小组”已存在' }] } });
    const township = await send('county', 'POST', '/api/organizations/530522101/villager-groups', { name: '第一村民小组' });
    expect(township.statusCode).toBe(400);
    expect(json(township)).toMatchObject({ error: { message: '“530522101”不是行政村党组织，不能设村民小组' } });
    const bySecretary = await send('secretary', 'POST', '/api/organizations/530522101001/villager-groups', { name: '第二村民小组' });
    expect(bySecretary.statusCode).toBe(403);
  });

  it('creates an organization with its admin unit and history, and refuses a duplicate code', async () => {
    const created = await send('township', 'POST', '/api/organizations', {
      code: '530522101003', name: '新河村党支部', type: 'branch', parentCode: '530522101', unitType: 'village', establishedOn: '2026-01-15',
    });
    expect(created.statusCode).toBe(201);
    const detail = json<OrgDetail>(created);
    expect(detail).toMatchObject({ code: '530522101003', parentCode: '530522101', depth: 2, establishedOn: '2026-01-15' });
    expect(detail.adminUnit).toMatchObject({ kind: 'village', name: '新河村' });
    expect(detail.history).toEqual([expect.objectContaining({ kind: 'created', effectiveOn: '2026-01-15' })]);

    const again = await send('township', 'POST', '/api/organizations', {
      code: '530522101003', name: '重复村党支部', type: 'branch', parentCode: '530522101',
    });
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ error: { code: 'conflict', fields: [{ path: 'code', message: '组织编码“530522101003”已存在' }] } });
  });

  it('refuses to create outside the scope, under a party group, or with bad fields, naming each field', async () => {
    const outside = await send('township', 'POST', '/api/organizations', { code: 'X1', name: '外乡村党支部', type: 'branch', parentCode: '530522102' });
    expect(outside.statusCode).toBe(404);
    const bySecretary = await send('secretary', 'POST', '/api/organizations', { code: 'X2', name: '第二党小组', type: 'party_group', parentCode: '530522101001' });
    expect(bySecretary.statusCode).toBe(403);
    const underGroup = await send('county', 'POST', '/api/organizations', { code: 'X3', name: '错误党支部', type: 'branch', parentCode: '530522101001-1' });
    expect(underGroup.statusCode).toBe(400);
    expect(json(underGroup)).toMatchObject({ error: { fields: [{ path: 'type', message: '党支部不能设在党小组之下' }] } });
    const bad = await send('county', 'POST', '/api/organizations', { code: '', name: 'x', type: 'club', parentCode: '530522', extra: 1 });
    expect(bad.statusCode).toBe(400);
    const fields = (json<{ error: { fields: { path: string; message: string }[] } }>(bad)).error.fields;
    expect(fields.map((f) => f.path).sort()).toEqual(['body', 'body.code', 'body.name', 'body.type']);
    expect(fields.find((f) => f.path === 'body')!.message).toBe('不允许的字段：extra');
    expect(fields.find((f) => f.path === 'body.name')!.message).toBe('至少 2 个字符');
    const english = await send('county', 'POST', '/api/organizations', { code: 'X4', name: '测试党支部', type: 'club', parentCode: '530522' }, 'en-US,en;q=0.9');
    expect(json(english)).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.type', message: expect.stringMatching(/^must be one of: committee/) }] } });
  });

  it('renames with dated history and renames the admin unit with it', async () => {
    const renamed = await send('township', 'PATCH', '/api/organizations/530522101002', { name: '石桥新村党支部', effectiveOn: '2026-02-01' });
    expect(renamed.statusCode).toBe(200);
    const detail = json<OrgDetail>(renamed);
    expect(detail.name).toBe('石桥新村党支部');
    expect(detail.adminUnit?.name).toBe('石桥新村');
    expect(detail.history[0]).toMatchObject({ kind: 'renamed', effectiveOn: '2026-02-01', details: { from: '石桥村党支部', to: '石桥新村党支部' } });
    const future = await send('township', 'PATCH', '/api/organizations/530522101002', { name: '未来村党支部', effectiveOn: '2030-01-01' });
    expect(future.statusCode).toBe(400);
    expect(json(future)).toMatchObject({ error: { fields: [{ path: 'effectiveOn' }] } });
  });

  it('moves a subtree, carrying paths down, and refuses a move that would make a cycle', async () => {
    const cycle = await send('county', 'POST', '/api/organizations/530522101/move', { parentCode: '530522101001' });
    expect(cycle.statusCode).toBe(400);
    expect(json(cycle)).toMatchObject({ error: { fields: [{ path: 'parentCode', message: '不能把“和顺镇党委”移到它自己或其下级“马家村党支部”之下' }] } });

    const moved = await send('county', 'POST', '/api/organizations/530522101001/move', { parentCode: '530522102', effectiveOn: '2026-02-15' });
    expect(moved.statusCode).toBe(200);
    expect(json<OrgDetail>(moved)).toMatchObject({ parentCode: '530522102', depth: 2 });
    // The party group below came along, and the township that lost the village no longer sees it.
    const group = json<OrgDetail>(await get('county', '/api/organizations/530522101001-1'));
    expect(group.depth).toBe(3);
    const township = json<{ items: OrgSummary[] }>(await get('township', '/api/organizations'));
    expect(township.items.map((o) => o.code)).not.toContain('530522101001-1');
    // Its secretary keeps access to the village where it now stands.
    const secretaryView = await get('secretary', '/api/organizations/530522101001-1');
    expect(secretaryView.statusCode).toBe(200);
    // Move it back for the tests that follow.
    await send('county', 'POST', '/api/organizations/530522101001/move', { parentCode: '530522101' });
  });

  it('merges a village into another: children follow, the merged one is dissolved with history on both', async () => {
    const merged = await send('township', 'POST', '/api/organizations/530522101001/merge', { intoCode: '530522101002', effectiveOn: '2026-02-20' });
    expect(merged.statusCode).toBe(200);
    expect(json<OrgDetail>(merged)).toMatchObject({ status: 'dissolved', dissolvedOn: '2026-02-20', mergedIntoCode: '530522101002' });
    const into = json<OrgDetail>(await get('township', '/api/organizations/530522101002'));
    expect(into.childCount).toBe(1);
    expect(into.history[0]).toMatchObject({ kind: 'absorbed', details: { fromCode: '530522101001' } });
    const group = json<OrgDetail>(await get('township', '/api/organizations/530522101001-1'));
    expect(group.parentCode).toBe('530522101002');
    // The secretary's post ended with the organization: they no longer see anything.
    const secretary = await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie: as.secretary! } });
    expect(json<{ items: OrgSummary[] }>(secretary).items).toEqual([]);
  });

  it('refuses to dissolve an organization with sub-organizations, then dissolves it once empty', async () => {
    const refused = await send('township', 'POST', '/api/organizations/530522101002/dissolve', {});
    expect(refused.statusCode).toBe(409);
    expect(json(refused)).toMatchObject({ error: { message: '“530522101002”下仍有 1 个下级组织，请先迁移或撤销' } });
    expect((await send('township', 'POST', '/api/organizations/530522101001-1/dissolve', { note: '并入村支部' })).statusCode).toBe(200);
    const dissolved = await send('township', 'POST', '/api/organizations/530522101002/dissolve', { effectiveOn: '2026-03-01' });
    expect(json<OrgDetail>(dissolved)).toMatchObject({ status: 'dissolved', dissolvedOn: '2026-03-01' });
    const list = json<{ items: OrgSummary[] }>(await get('township', '/api/organizations'));
    expect(list.items.map((o) => o.code)).not.toContain('530522101002');
    const withDissolved = json<{ items: OrgSummary[] }>(await get('township', '/api/organizations?includeDissolved=true'));
    expect(withDissolved.items.map((o) => o.code)).toContain('530522101002');
  });

  it('never lets the county root be moved or dissolved', async () => {
    const response = await send('county', 'POST', '/api/organizations/530522/dissolve', {});
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({ error: { message: '县委根组织不能移动、合并或撤销' } });
  });
});
