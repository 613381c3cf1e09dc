/**
 * The household import into one village: a file of members grouped by 户号, every row checked
 * against the rules, the county's tags and the register, then written all at once or not at all.
 * A household number the village already has is that household, replaced by the file's rows.
 */
import { sql } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { openTableFile, type TableRow } from '../../platform/files/table-file.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import type { HouseholdImportReport } from './contracts.js';
import { householdColumns, householdImportHeaders, placeProblem, readHouseholds, type CellProblem, type FileHousehold } from './import-rows.js';
import { managedVillage } from './queries.js';
import { householdsByNumber, peopleByIdNumber, recordConflicts, storeHousehold, type Placed } from './records.js';
import { checkHousehold } from './rules.js';
import { householdSettings } from './settings.js';

export const HOUSEHOLD_IMPORT_MAX_ROWS = 20_000;
const columnOrder: string[] = Object.values(householdColumns);

export async function readHouseholdFile(content: Buffer, fileName: string) {
  const table = await openTableFile(content, fileName, { requiredHeaders: householdImportHeaders.required, optionalHeaders: householdImportHeaders.optional, maxRows: HOUSEHOLD_IMPORT_MAX_ROWS });
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { format: table.format, encoding: table.encoding ?? null, rows };
}

interface Plan { households: FileHousehold[]; placed: Placed[]; problems: CellProblem[] }

async function plan(ctx: ServiceContext, db: Db, org: OrgRow, rows: TableRow[]): Promise<Plan> {
  const { tags } = await householdSettings(db, ctx.actor.countyId);
  const byName = new Map(tags.map((tag) => [tag.name, tag.id]));
  const { households, problems } = readHouseholds(rows, (name) => byName.get(name), tags.map((tag) => tag.name).join('、'));
  const today = chinaDate(ctx.clock.now());
  const tagIds = new Set(tags.map((tag) => tag.id));
  const existing = new Map((await householdsByNumber(db, ctx.actor.countyId, org.id, households.map((h) => h.number))).map((h) => [h.number!, h]));
  const placed = households.map((h) => {
    const checked = checkHousehold(h.draft, tagIds, today);
    for (const p of checked.problems) {
      const found = placeProblem(h, p);
      if (found) problems.push(found);
    }
    const before = existing.get(h.number);
    if (before?.status === 'moved') problems.push({ rowNumber: h.rows[0]!.rowNumber, column: '户号', value: h.number, key: 'households.moved' });
    return { id: before?.id, value: checked.value };
  });
  markRepeatedIds(households, placed, problems);
  const clashes = await recordConflicts(ctx.actor, db, org.id, placed);
  clashes.forEach((found, i) => found.forEach((p) => problems.push(placeProblem(households[i]!, p)!)));
  return { households, placed, problems };
}

/** One person in two households of the file: the later rows are wrong. */
function markRepeatedIds(households: FileHousehold[], placed: Placed[], problems: CellProblem[]): void {
  const first = new Map<string, number>();
  placed.forEach((p, h) => p.value.members.forEach((m, i) => {
    if (m.idNumber === null) return;
    const row = households[h]!.rows[i]!;
    const seen = first.get(m.idNumber);
    if (seen === undefined) first.set(m.idNumber, row.rowNumber);
    else if (households[h]!.rows.every((r) => r.rowNumber !== seen)) {
      problems.push({ rowNumber: row.rowNumber, column: '身份证号', value: row.values['身份证号'] ?? '', key: 'member_import.duplicate_id', params: { rows: `${seen}, ${row.rowNumber}` } });
    }
  }));
}

function report(file: { format: 'csv' | 'xlsx'; encoding: string | null; rows: TableRow[] }, planned: Plan, lang: Lang, committed: boolean): HouseholdImportReport {
  const problems = [...new Map(planned.problems.map((p) => {
    const message = t(lang, p.key, p.params);
    return [`${p.rowNumber}\u0000${p.column}\u0000${message}`, { rowNumber: p.rowNumber, column: p.column, value: p.value, message }] as const;
  })).values()].sort((a, b) => a.rowNumber - b.rowNumber || columnOrder.indexOf(a.column) - columnOrder.indexOf(b.column));
  return {
    format: file.format, encoding: file.encoding, rows: file.rows.length, households: planned.households.length,
    created: planned.placed.filter((p) => !p.id).length, updated: planned.placed.filter((p) => p.id).length,
    errors: problems.length, rowsWithErrors: new Set(problems.map((p) => p.rowNumber)).size, problems, committed,
  };
}

export async function importHouseholds(ctx: ServiceContext, orgCode: string, file: Awaited<ReturnType<typeof readHouseholdFile>>, options: { commit: boolean; lang: Lang; fileName: string })
  : Promise<HouseholdImportReport> {
  const { org } = await managedVillage(ctx, orgCode);
  if (!options.commit) return report(file, await plan(ctx, ctx.db, org, file.rows), options.lang, false);
  // Checked again inside the transaction, so that what was checked is what gets written.
  const result = await write(ctx, async (w) => {
    const { post } = await managedVillage(ctx, orgCode, w.tx);
    const planned = await plan(ctx, w.tx, org, file.rows);
    if (planned.problems.length > 0) return report(file, planned, options.lang, false);
    const linked = await peopleByIdNumber(w.tx, ctx.actor.countyId, planned.placed.map((p) => p.value));
    for (const p of planned.placed) await storeHousehold(w.tx, org, p.id, p.value, [], linked, w.now);
    const done = report(file, planned, options.lang, true);
    w.audit({
      action: 'household.import', entityType: 'organization', entityId: org.id, entityLabel: orgLabel(org), orgPath: org.path, postId: post.postId,
      after: { fileName: options.fileName, rows: done.rows, households: done.households, created: done.created, updated: done.updated },
    });
    return done;
  });
  if (result.committed) await ctx.db.execute(sql`analyze households, household_members`);
  return result;
}
