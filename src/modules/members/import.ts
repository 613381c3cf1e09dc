/**
 * The member import: a table of people and their stage in the path to membership, checked row by
 * row against the file, the rules and the registry, then written all at once or not at all.
 * Re-importing updates the people it finds (by ID number, else by name, birth date and
 * organization) instead of adding them twice, and moves a member whose organization changed.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { can, postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden } from '../../platform/errors.js';
import { openTableFile } from '../../platform/files/table-file.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import { memberColumns, memberImportHeaders, problem, readMemberRow, type MemberRow } from './import-rows.js';
import { writeImport } from './import-write.js';
import { checkPipeline, describeViolation, memberCategories, recordFieldLabels, stageFields, type RecordField, type StageRecord } from './rules/pipeline.js';
import { memberships } from './schema.js';

export const MEMBER_IMPORT_MAX_ROWS = 100_000;
const CHUNK = 1000;
/** Keys sent to the database as one JSON array per query: no parameter limit, one scan per lookup. */
const LOOKUP_CHUNK = 20_000;

/** A member file's rows, each read into typed values with the problems of its own cells. */
export interface MemberFile {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'gb18030';
  rows: MemberRow[];
}

/**
 * Checks a member file's format, encoding and header; `read()` then parses its rows one at a
 * time, so that a large file is never held as table cells, only as the values the import needs.
 */
export async function openMemberFile(content: Buffer, fileName: string): Promise<{ read(): Promise<MemberFile> }> {
  const table = await openTableFile(content, fileName, {
    requiredHeaders: memberImportHeaders.required, optionalHeaders: memberImportHeaders.optional, maxRows: MEMBER_IMPORT_MAX_ROWS,
  });
  return {
    async read() {
      const rows: MemberRow[] = [];
      for await (const row of table.rows) rows.push(readMemberRow(row));
      return { format: table.format, encoding: table.encoding, rows };
    },
  };
}

export async function readMemberFile(content: Buffer, fileName: string): Promise<MemberFile> {
  return (await openMemberFile(content, fileName)).read();
}

export interface MemberImportProblem {
  rowNumber: number;
  /** The file's column, or the name of the recorded value a rule is about. */
  column: string;
  value: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface MemberImportReport {
  rows: number;
  /** Rows without errors that add a person, update one, and (of those) move a member to another organization. */
  created: number;
  updated: number;
  transferred: number;
  errors: number;
  warnings: number;
  rowsWithErrors: number;
  problems: MemberImportProblem[];
  /** True only when there was no error and every row was written. */
  committed: boolean;
}

interface OrgRef { id: string; code: string; path: string; type: string; status: string }
type PersonRow = typeof people.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;

export interface Planned {
  row: MemberRow;
  org?: OrgRef;
  person?: PersonRow;
  open?: MembershipRow;
  /** Whether the person has any membership, ended ones included. */
  hasHistory: boolean;
  stages?: StageRecord;
}

/** Imports the rows of a file read once for this purpose: their problems are completed in place. */
export async function importMembers(ctx: ServiceContext, file: MemberFile, options: { commit: boolean; lang: Lang; fileName: string }): Promise<MemberImportReport> {
  if (postsWith(ctx.actor, 'member.manage').length === 0) throw forbidden();
  const { rows } = file;
  markDuplicateRows(rows);
  const today = chinaDate(ctx.clock.now());
  if (!options.commit) return report(await plan(ctx, ctx.db, rows, today), options.lang, false);

  // The checks run inside the transaction, so what was checked is what gets written.
  const result = await write(ctx, async (w) => {
    const planned = await plan(ctx, w.tx, rows, today);
    if (planned.some((p) => hasError(p.row))) return report(planned, options.lang, false);
    const done = report(planned, options.lang, true);
    const { rows: total, created, updated, transferred, warnings } = done;
    await writeImport(ctx.actor, w, planned, today, options.fileName, { rows: total, created, updated, transferred, warnings });
    return done;
  });
  // Statistics for the planner after a bulk write: the embedded engine gathers none by itself.
  if (result.committed) await ctx.db.execute(sql`analyze people, memberships`);
  return result;
}

const hasError = (row: MemberRow) => row.problems.some((p) => p.severity === 'error');

/** Two rows for one person: the same ID number, or the same name, birth date and organization where either lacks an ID. */
function markDuplicateRows(rows: MemberRow[]): void {
  const groups = (key: (r: MemberRow) => string | undefined) => {
    const found = new Map<string, MemberRow[]>();
    for (const r of rows) {
      const k = key(r);
      if (k !== undefined) found.set(k, [...(found.get(k) ?? []), r]);
    }
    return [...found.values()].filter((g) => g.length > 1);
  };
  const rowList = (group: MemberRow[]) => group.map((r) => r.rowNumber).join(', ');
  for (const group of groups((r) => r.idNumber)) {
    for (const r of group) r.problems.push(problem(memberColumns.idNumber, r.idNumber!, 'member_import.duplicate_id', { rows: rowList(group) }));
  }
  for (const group of groups((r) => (r.name && r.birthDate && r.orgCode ? `${r.name}\u0000${r.birthDate}\u0000${r.orgCode}` : undefined))) {
    for (const r of group) {
      const same = group.filter((o) => o === r || !(o.idNumber && r.idNumber));
      if (same.length > 1) r.problems.push(problem(memberColumns.name, r.name, 'member_import.duplicate_person', { rows: rowList(same) }));
    }
  }
}

/** Resolves every row against the registry with a few bulk queries and checks it against the rules. */
async function plan(ctx: ServiceContext, db: Db, rows: MemberRow[], today: string): Promise<Planned[]> {
  const orgs = await orgsByCode(ctx, db, [...new Set(rows.map((r) => r.orgCode).filter(Boolean))]);
  const planned: Planned[] = rows.map((row) => ({ row, org: placeRow(ctx, row, orgs.get(row.orgCode)), hasHistory: false }));
  await matchPeople(ctx, db, planned);
  await attachMemberships(ctx, db, planned);
  for (const p of planned) checkStages(p, today);
  return planned;
}

async function orgsByCode(ctx: ServiceContext, db: Db, codes: string[]): Promise<Map<string, OrgRef>> {
  const found = new Map<string, OrgRef>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const batch = await db
      .select({ id: organizations.id, code: organizations.code, path: organizations.path, type: organizations.type, status: organizations.status })
      .from(organizations)
      .where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.code, codes.slice(i, i + CHUNK))));
    for (const org of batch) found.set(org.code, org);
  }
  return found;
}

/** The row's organization if the importer manages it; one outside the scope is "unknown", as if it did not exist. */
function placeRow(ctx: ServiceContext, row: MemberRow, org: OrgRef | undefined): OrgRef | undefined {
  if (!row.orgCode) return undefined;
  const column = memberColumns.orgCode;
  const fail = (key: 'member_import.unknown_org' | 'member_import.org_dissolved' | 'member_import.org_is_group') => {
    row.problems.push(problem(column, row.orgCode, key, { value: row.orgCode }));
    return undefined;
  };
  if (!org || !can(ctx.actor, 'member.manage', org.path)) return fail('member_import.unknown_org');
  if (org.status !== 'active') return fail('member_import.org_dissolved');
  if (org.type === 'party_group') return fail('member_import.org_is_group');
  return org;
}

/** Rows of a query per chunk of keys, the keys passed as one JSON array. */
async function lookup<T>(keys: string[], query: (json: string) => Promise<T[]>): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) found.push(...(await query(JSON.stringify(keys.slice(i, i + LOOKUP_CHUNK)))));
  return found;
}
const inJson = (json: string, type: 'text' | 'uuid') => (type === 'uuid'
  ? sql`(select jsonb_array_elements_text(${json}::jsonb)::uuid)`
  : sql`(select jsonb_array_elements_text(${json}::jsonb))`);

/**
 * Finds the person each row is about: by ID number anywhere in the county (someone registered
 * outside the importer's scope is refused, not duplicated), else by name and birth date in the
 * row's organization among people recorded without an ID number.
 */
async function matchPeople(ctx: ServiceContext, db: Db, planned: Planned[]): Promise<void> {
  const county = ctx.actor.countyId;
  const byId = groupBy(await lookup([...new Set(planned.map((p) => p.row.idNumber).filter((id) => id !== undefined))], (json) =>
    db.select().from(people).where(and(eq(people.countyId, county), sql`${people.idNumber} in ${inJson(json, 'text')}`))), (p) => p.idNumber!);
  const unmatched = planned.filter((p) => p.org && p.row.birthDate && !(p.row.idNumber && byId.has(p.row.idNumber)));
  const orgIds = [...new Set(unmatched.map((p) => p.org!.id))];
  const names = [...new Set(unmatched.map((p) => p.row.name))];
  const byName = groupBy(orgIds.length === 0 ? [] : await lookup(names, (json) =>
    db.select().from(people).where(and(
      eq(people.countyId, county), inArray(people.orgId, orgIds), sql`${people.name} in ${inJson(json, 'text')}`,
    ))), (p) => `${p.name}\u0000${p.birthDate}\u0000${p.orgId}`);

  for (const p of planned) {
    const { row } = p;
    const sameId = row.idNumber ? byId.get(row.idNumber) : undefined;
    const candidates = sameId ?? (p.org && row.birthDate
      ? (byName.get(`${row.name}\u0000${row.birthDate}\u0000${p.org.id}`) ?? []).filter((person) => !row.idNumber || !person.idNumber)
      : []);
    const column = sameId ? memberColumns.idNumber : memberColumns.name;
    const value = sameId ? row.idNumber! : row.name;
    if (candidates.length > 1) row.problems.push(problem(column, value, 'member_import.ambiguous_person', { count: candidates.length }));
    else if (candidates[0] && !can(ctx.actor, 'member.manage', candidates[0].orgPath)) row.problems.push(problem(column, value, 'member_import.person_out_of_scope'));
    else p.person = candidates[0];
  }

  const rowsByPerson = groupBy(planned.filter((p) => p.person), (p) => p.person!.id);
  for (const same of rowsByPerson.values()) {
    if (same.length < 2) continue;
    const rows = same.map((p) => p.row.rowNumber).join(', ');
    for (const p of same) p.row.problems.push(problem(memberColumns.name, p.row.name, 'member_import.duplicate_person', { rows }));
  }
}

async function attachMemberships(ctx: ServiceContext, db: Db, planned: Planned[]): Promise<void> {
  const ids = [...new Set(planned.filter((p) => p.person).map((p) => p.person!.id))];
  const found = groupBy(await lookup(ids, (json) => db.select().from(memberships).where(and(
    eq(memberships.countyId, ctx.actor.countyId), sql`${memberships.personId} in ${inJson(json, 'uuid')}`,
  ))), (m) => m.personId);
  for (const p of planned) {
    const history = p.person ? found.get(p.person.id) ?? [] : [];
    p.hasHistory = history.length > 0;
    p.open = history.find((m) => m.endedOn === null);
    if (p.open && !can(ctx.actor, 'member.manage', p.open.orgPath)) {
      p.row.problems.push(problem(memberColumns.idNumber, p.row.idNumber ?? '', 'member_import.person_out_of_scope'));
      p.person = undefined;
      p.open = undefined;
    }
  }
}

const columnOfField: Partial<Record<RecordField, string>> = {
  birthDate: memberColumns.birthDate, appliedOn: memberColumns.appliedOn, joinedOn: memberColumns.joinedOn, fullOn: memberColumns.fullOn,
};

/**
 * The stage dates the membership will have: the file's, and for a person already registered the
 * recorded ones the file leaves empty, except those of stages beyond the file's category (a
 * category set back drops them). They are checked against the rules, leaving out what involves
 * a cell already reported as unreadable or contradicted.
 */
function checkStages(p: Planned, today: string): void {
  const { row, open } = p;
  if (!row.category) return;
  const broken = new Set(row.problems.filter((q) => q.severity === 'error').map((q) => q.column));
  const reached = memberCategories.indexOf(row.category);
  const fromFile: Partial<StageRecord> = { appliedOn: row.appliedOn, joinedOn: row.joinedOn, fullOn: row.fullOn };
  const stages: StageRecord = { category: row.category, birthDate: row.birthDate ?? p.person?.birthDate };
  stageFields.forEach((field, stage) => {
    stages[field] = fromFile[field] ?? (stage <= reached ? open?.[field] ?? null : null);
  });
  stages.probationExtensionMonths = reached >= memberCategories.indexOf('probationary') ? open?.probationExtensionMonths ?? null : null;
  p.stages = stages;
  const involvesBroken = (field: RecordField | undefined) => field !== undefined && broken.has(columnOfField[field] ?? '');
  for (const v of checkPipeline(stages, today)) {
    if (involvesBroken(v.field) || involvesBroken(v.other)) continue;
    const value = String(stages[v.field] ?? '');
    row.problems.push({ column: columnOfField[v.field] ?? recordFieldLabels[v.field].zh, value, severity: v.severity, describe: (lang) => describeViolation(v, lang) });
  }
}

function report(planned: Planned[], lang: Lang, committed: boolean): MemberImportReport {
  const problems = planned.flatMap((p) => p.row.problems.map((q) => ({
    rowNumber: p.row.rowNumber, column: q.column, value: q.value, severity: q.severity, message: q.describe(lang),
  })));
  const valid = planned.filter((p) => !hasError(p.row));
  return {
    rows: planned.length,
    created: valid.filter((p) => !p.person).length,
    updated: valid.filter((p) => p.person).length,
    transferred: valid.filter((p) => p.open && p.open.orgId !== p.org!.id).length,
    errors: problems.filter((q) => q.severity === 'error').length,
    warnings: problems.filter((q) => q.severity === 'warning').length,
    rowsWithErrors: planned.length - valid.length,
    problems,
    committed,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
