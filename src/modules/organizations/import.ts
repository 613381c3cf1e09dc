import { and, eq, inArray, sql } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { parseDate } from '../../platform/files/cells.js';
import { t, type Lang, type MessageKey, type Params } from '../../platform/i18n/index.js';
import type { TableFile } from '../../platform/files/table-file.js';
import { importTemplate } from '../../platform/files/xlsx-template.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { rootOrg } from './county.js';
import { mayContain, orgCodePattern, orgTypeLabels, orgTypes, unitTypeLabels, unitTypes, type OrgType, type UnitType } from './rules.js';
import { organizations } from './schema.js';
import type { OrgRow } from './queries.js';
import { insertOrganization } from './service.js';

export const orgImportHeaders = {
  required: ['组织编码', '组织名称', '上级组织编码', '组织类型'],
  optional: ['单位类型', '行政区划代码', '成立日期'],
};

const typeByLabel = new Map<string, OrgType>(orgTypes.map((k) => [orgTypeLabels[k].zh, k]));
const unitByLabel = new Map<string, UnitType>(unitTypes.map((k) => [unitTypeLabels[k].zh, k]));

export interface ImportProblem { field: string; message: string }
export interface ImportRowReport {
  rowNumber: number;
  code: string;
  name: string;
  parentCode: string;
  problems: ImportProblem[];
}
export interface ImportReport {
  rows: ImportRowReport[];
  valid: number;
  invalid: number;
  /** True only when every row was valid and all were written. */
  committed: boolean;
}

interface Candidate {
  report: ImportRowReport;
  type?: OrgType;
  unitType: UnitType | null;
  divisionCode: string | null;
  parentCode: string;
  /** As the file gives it; a row without one is established on the day of the import. */
  establishedOn: string | null;
}

/**
 * Imports organizations from a table: every row is checked against the file and the system first;
 * only when all are valid, and only with `commit`, are they written, all in one transaction.
 */
export async function importOrganizations(ctx: ServiceContext, file: TableFile, options: { commit: boolean; lang: Lang }): Promise<ImportReport> {
  const say = (key: MessageKey, params?: Params) => t(options.lang, key, params);
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  const today = chinaDate(ctx.clock.now());
  const candidates = file.rows.map((row) => checkRow(row.rowNumber, row.values, { rootCode: root.code, today }, say));
  const byCode = new Map<string, Candidate[]>();
  for (const c of candidates) if (c.report.code) byCode.set(c.report.code, [...(byCode.get(c.report.code) ?? []), c]);

  for (const [code, same] of byCode) {
    if (same.length < 2) continue;
    const rows = same.map((c) => c.report.rowNumber).join(', ');
    for (const c of same) c.report.problems.push({ field: '组织编码', message: say('import.duplicate_in_file', { value: code, rows }) });
  }
  const existing = await existingOrgs(ctx, [...byCode.keys(), ...candidates.map((c) => c.parentCode)]);
  for (const c of candidates) {
    if (existing.has(c.report.code)) c.report.problems.push({ field: '组织编码', message: say('import.code_exists', { value: c.report.code }) });
  }
  const order = placeInTree(candidates, byCode, existing, ctx, say, today);

  const invalid = candidates.filter((c) => c.report.problems.length > 0).length;
  const report = { rows: candidates.map((c) => c.report), valid: candidates.length - invalid, invalid, committed: false };
  if (!options.commit || invalid > 0) return report;

  await write(ctx, async (w) => {
    const written = new Map<string, OrgRow>();
    for (const c of order) {
      const parent = written.get(c.parentCode) ?? existing.get(c.parentCode)!;
      const postId = grantingPost(ctx.actor, 'org.manage', parent.path)?.postId ?? null;
      const org = await insertOrganization(w, parent, {
        code: c.report.code, name: c.report.name, type: c.type!, unitType: c.unitType, divisionCode: c.divisionCode,
        establishedOn: c.establishedOn ?? today,
      }, ctx.actor.countyId, postId);
      written.set(org.code, org);
    }
  });
  // Statistics for the planner after a bulk write: the embedded engine gathers none by itself.
  await ctx.db.execute(sql`analyze organizations, admin_units, org_events`);
  return { ...report, committed: true };
}

function checkRow(rowNumber: number, values: Record<string, string>, on: { rootCode: string; today: string }, say: (k: MessageKey, p?: Params) => string): Candidate {
  const rootCode = on.rootCode;
  const code = values['组织编码'] ?? '';
  const name = values['组织名称'] ?? '';
  const parentCode = values['上级组织编码'] || rootCode;
  const problems: ImportProblem[] = [];
  const problem = (field: string, key: MessageKey, params?: Params) => problems.push({ field, message: say(key, params) });
  if (!code) problem('组织编码', 'import.required');
  else if (!orgCodePattern.test(code)) problem('组织编码', 'import.bad_code', { value: code });
  if (!name) problem('组织名称', 'import.required');
  else if (name.length < 2 || name.length > 60) problem('组织名称', 'import.bad_name');
  if (values['上级组织编码'] && !orgCodePattern.test(parentCode)) problem('上级组织编码', 'import.bad_code', { value: parentCode });
  const typeLabel = values['组织类型'] ?? '';
  const type = typeByLabel.get(typeLabel);
  if (!typeLabel) problem('组织类型', 'import.required');
  else if (!type) problem('组织类型', 'import.unknown_type', { value: typeLabel, options: [...typeByLabel.keys()].join('/') });
  const unitLabel = values['单位类型'] ?? '';
  const unitType = unitLabel ? unitByLabel.get(unitLabel) ?? null : null;
  if (unitLabel && !unitType) problem('单位类型', 'import.unknown_unit_type', { value: unitLabel, options: [...unitByLabel.keys()].join('/') });
  const divisionCode = values['行政区划代码'] || null;
  if (divisionCode && !/^[0-9]{12}$/.test(divisionCode)) problem('行政区划代码', 'import.bad_division_code', { value: divisionCode });
  const dateCell = values['成立日期'] ?? '';
  const date = dateCell ? parseDate(dateCell) : null;
  if (date && !date.ok) problem('成立日期', date.reason === 'format' ? 'import.bad_date' : 'import.impossible_date', { value: dateCell });
  else if (date?.ok && date.value > on.today) problem('成立日期', 'import.date_in_future', { value: date.value });
  const establishedOn = date?.ok ? date.value : null;
  return { report: { rowNumber, code, name, parentCode, problems }, type, unitType, divisionCode, parentCode, establishedOn };
}

/** Organizations of the county with these codes; the county's uniqueness is what matters, scope is checked on parents. */
async function existingOrgs(ctx: ServiceContext, codes: string[]): Promise<Map<string, OrgRow>> {
  const unique = [...new Set(codes.filter(Boolean))];
  const found = new Map<string, OrgRow>();
  for (let i = 0; i < unique.length; i += 1000) {
    const batch = await ctx.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.code, unique.slice(i, i + 1000))));
    for (const org of batch) found.set(org.code, org);
  }
  return found;
}

/**
 * Resolves each row's parent (another row or an existing organization the user manages), checks what
 * may sit under what, and returns the rows parents-first. Rows on a cycle or under a bad row fail.
 */
function placeInTree(
  candidates: Candidate[], byCode: Map<string, Candidate[]>, existing: Map<string, OrgRow>, ctx: ServiceContext,
  say: (k: MessageKey, p?: Params) => string, today: string,
): Candidate[] {
  const order: Candidate[] = [];
  const state = new Map<Candidate, 'visiting' | 'done'>();
  const visit = (c: Candidate, trail: Candidate[]): void => {
    if (state.get(c) === 'done') return;
    if (state.get(c) === 'visiting') {
      const cycle = trail.slice(trail.indexOf(c));
      for (const member of cycle) {
        member.report.problems.push({ field: '上级组织编码', message: say('import.cycle', { codes: cycle.map((x) => x.report.code).join(' → ') }) });
      }
      return;
    }
    state.set(c, 'visiting');
    const inFile = byCode.get(c.parentCode);
    const parentRow = inFile?.length === 1 ? inFile[0] : undefined;
    if (parentRow) {
      visit(parentRow, [...trail, c]);
      if (parentRow.report.problems.length > 0 && c.report.problems.length === 0) {
        c.report.problems.push({ field: '上级组织编码', message: say('import.parent_row_invalid', { row: parentRow.report.rowNumber }) });
      }
      checkPlacement(c, parentRow.type, say);
      checkEstablished(c, parentRow.establishedOn ?? today, say);
    } else {
      const parent = existing.get(c.parentCode);
      const visible = parent && grantingPost(ctx.actor, 'org.read', parent.path) && parent.status === 'active';
      if (!visible) c.report.problems.push({ field: '上级组织编码', message: say('import.parent_unknown', { value: c.parentCode }) });
      else if (!grantingPost(ctx.actor, 'org.manage', parent.path)) {
        c.report.problems.push({ field: '上级组织编码', message: say('import.parent_not_managed', { value: c.parentCode }) });
      } else {
        checkPlacement(c, parent.type as OrgType, say);
        checkEstablished(c, parent.establishedOn, say);
      }
    }
    state.set(c, 'done');
    order.push(c);
  };
  for (const c of candidates) visit(c, []);
  return order;
}

function checkPlacement(c: Candidate, parentType: OrgType | undefined, say: (k: MessageKey, p?: Params) => string): void {
  if (!c.type || !parentType || mayContain(parentType, c.type)) return;
  c.report.problems.push({
    field: '组织类型',
    message: say('org.type_not_allowed_under', { type: orgTypeLabels[c.type].zh, parentType: orgTypeLabels[parentType].zh }),
  });
}

/** An organization exists no earlier than the one it belongs to (statistics of past days count it from then). */
function checkEstablished(c: Candidate, parentOn: string, say: (k: MessageKey, p?: Params) => string): void {
  if (c.establishedOn && c.establishedOn < parentOn) {
    c.report.problems.push({ field: '成立日期', message: say('import.before_parent', { value: c.establishedOn, parent: parentOn }) });
  }
}

/** The organization import template (xlsx), with the allowed types as drop-down lists. */
export function orgImportTemplate(rootCode: string): Promise<Buffer> {
  return importTemplate('党组织', [
    { header: '组织编码', required: true, width: 18, note: '县内唯一' },
    { header: '组织名称', required: true, width: 24 },
    { header: '上级组织编码', required: true, width: 18, note: '留空表示直属县委' },
    { header: '组织类型', required: true, choices: [...typeByLabel.keys()] },
    { header: '单位类型', choices: [...unitByLabel.keys()] },
    { header: '行政区划代码', width: 18, note: '12 位统计用区划代码，可空' },
    { header: '成立日期', width: 14, note: '如 1985-07-01，可空（空则为导入当日）' },
  ], [
    [`${rootCode}101`, '和顺镇党委', '', '党委', '乡镇', `${rootCode}101000`, '1984-03-01'],
    [`${rootCode}101001`, '马家村党支部', `${rootCode}101`, '党支部', '行政村', `${rootCode}101001`, '1985-07-01'],
  ], [
    '党组织导入说明',
    '1. 第一行为表头，请勿修改；带红色底纹的列为必填。',
    '2. 组织编码在全县唯一；上级组织编码可以是本表中的组织，也可以是系统中已有的组织，留空表示直属县委。',
    `3. 组织类型：${[...typeByLabel.keys()].join('、')}；单位类型：${[...unitByLabel.keys()].join('、')}。`,
    '4. 成立日期可写作 1985-07-01、1985/7/1、1985.07.01 或 19850701；不得早于上级组织的成立日期，留空则为导入当日。按历史日期统计时，组织自成立日期起计入。',
    '5. 导入时先逐行校验，全部通过才会写入；任何一行有误都不会写入任何数据。',
    '6. 也可另存为 CSV（UTF-8 或 GB18030 编码）后导入。',
  ]);
}
