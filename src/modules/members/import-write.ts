/**
 * Writing a checked member import in bulk. Each statement takes a chunk of rows as one JSON
 * document (jsonb_to_recordset): on the embedded engine binding thousands of separate parameters
 * cost four times as much as the insert itself, and updates need a row set to join anyway.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { grantingPost, type Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { WriteScope } from '../../platform/service.js';
import { personPinyinKey } from '../../platform/text/pinyin.js';
import type { Planned } from './import.js';

const CHUNK = 5000;

export interface ImportCounts { rows: number; created: number; updated: number; transferred: number; warnings: number }

/** Writes every planned row (all checked, none with an error) and records the import as one audit event. */
export async function writeImport(actor: Actor, w: WriteScope, planned: Planned[], today: string, fileName: string, counts: ImportCounts): Promise<void> {
  const countyId = actor.countyId;
  const now = w.now.toISOString();
  const personIds = new Map<Planned, string>(planned.map((p) => [p, p.person?.id ?? randomUUID()]));
  const pinyin = memo(personPinyinKey);
  const personValues = (p: Planned) => ({ id: personIds.get(p)!, ...personFields(p, pinyin) });

  await inChunks(planned.filter((p) => !p.person), (chunk) => insertRows(w.tx, 'people', personColumns, countyId, chunk.map(personValues)));
  await inChunks(planned.filter((p) => p.person), (chunk) => updateRows(w.tx, 'people', personColumns, countyId, now, chunk.map(personValues)));

  const moved = planned.filter((p) => p.open && p.open.orgId !== p.org!.id);
  await inChunks(moved, (chunk) => w.tx.execute(sql`
    update memberships set ended_on = ${today}, end_reason = 'transferred', updated_at = ${now}::timestamptz
    where county_id = ${countyId} and id in (select jsonb_array_elements_text(${JSON.stringify(chunk.map((p) => p.open!.id))}::jsonb)::uuid)`));
  const stayed = planned.filter((p) => p.open && p.open.orgId === p.org!.id);
  await inChunks(stayed, (chunk) => updateRows(w.tx, 'memberships', stageColumns, countyId, now, chunk.map((p) => ({ id: p.open!.id, ...stageValues(p) }))));
  const opened = planned.filter((p) => !p.open || p.open.orgId !== p.org!.id);
  await inChunks(opened, (chunk) => insertRows(w.tx, 'memberships', membershipColumns, countyId, chunk.map((p) => ({
    personId: personIds.get(p)!, orgId: p.org!.id, orgPath: p.org!.path,
    // A first membership runs from the first stage date; one after an earlier relation from today.
    startedOn: p.open || p.hasHistory ? today : null,
    reportingCommunity: p.open?.reportingCommunity ?? null, outOfContact: p.open?.outOfContact ?? false,
    retired: p.open?.retired ?? false, needsCare: p.open?.needsCare ?? false,
    ...stageValues(p),
  }))));

  const orgPath = commonPath(planned.map((p) => p.org!.path));
  w.audit({
    action: 'members.import', entityType: 'member_import', entityId: randomUUID(), entityLabel: fileName, orgPath,
    after: { fileName, ...counts }, postId: grantingPost(actor, 'member.manage', orgPath)?.postId ?? null,
  });
}

/** The file's values, and the recorded ones where its cells are empty. */
function personFields({ row, person, org }: Planned, pinyin: (name: string) => string) {
  return {
    // Pinyin costs ~0.03 ms a name: a re-import keeps the key of a name that did not change.
    name: row.name, pinyin: person?.name === row.name ? person.pinyin : pinyin(row.name), gender: row.gender ?? person?.gender ?? null,
    ethnicity: row.ethnicity ?? person?.ethnicity ?? '01', birthDate: row.birthDate ?? person?.birthDate ?? null,
    idNumber: row.idNumber ?? person?.idNumber ?? null, phone: row.phone ?? person?.phone ?? null,
    education: row.education ?? person?.education ?? null, occupation: row.occupation ?? person?.occupation ?? null,
    orgId: org!.id, orgPath: org!.path,
  };
}

/** Category, stage dates and the mobile flag; where and since when a member is away go with the flag. */
function stageValues(p: Planned) {
  const s = p.stages!;
  const mobile = p.row.mobile ?? p.open?.mobile ?? false;
  return {
    category: s.category, appliedOn: s.appliedOn ?? null, activistOn: s.activistOn ?? null, targetOn: s.targetOn ?? null,
    joinedOn: s.joinedOn ?? null, fullOn: s.fullOn ?? null, probationExtensionMonths: s.probationExtensionMonths ?? null,
    mobile, mobileDestination: mobile ? p.open?.mobileDestination ?? null : null, mobileSince: mobile ? p.open?.mobileSince ?? null : null,
  };
}

/** A value's key in the JSON rows, its column, and the type jsonb_to_recordset reads it as. */
type Column = [key: string, column: string, type: 'uuid' | 'text' | 'date' | 'integer' | 'boolean'];

const personColumns: Column[] = [
  ['id', 'id', 'uuid'], ['name', 'name', 'text'], ['pinyin', 'pinyin', 'text'], ['gender', 'gender', 'text'], ['ethnicity', 'ethnicity', 'text'],
  ['birthDate', 'birth_date', 'date'], ['idNumber', 'id_number', 'text'], ['phone', 'phone', 'text'], ['education', 'education', 'text'],
  ['occupation', 'occupation', 'text'], ['orgId', 'org_id', 'uuid'], ['orgPath', 'org_path', 'text'],
];
const stageColumns: Column[] = [
  ['id', 'id', 'uuid'], ['category', 'category', 'text'], ['appliedOn', 'applied_on', 'date'], ['activistOn', 'activist_on', 'date'],
  ['targetOn', 'target_on', 'date'], ['joinedOn', 'joined_on', 'date'], ['fullOn', 'full_on', 'date'],
  ['probationExtensionMonths', 'probation_extension_months', 'integer'], ['mobile', 'mobile', 'boolean'],
  ['mobileDestination', 'mobile_destination', 'text'], ['mobileSince', 'mobile_since', 'date'],
];
const membershipColumns: Column[] = [
  ...stageColumns.filter(([key]) => key !== 'id'),
  ['personId', 'person_id', 'uuid'], ['orgId', 'org_id', 'uuid'], ['orgPath', 'org_path', 'text'], ['startedOn', 'started_on', 'date'],
  ['reportingCommunity', 'reporting_community', 'text'], ['outOfContact', 'out_of_contact', 'boolean'], ['retired', 'retired', 'boolean'],
  ['needsCare', 'needs_care', 'boolean'],
];

const recordset = (columns: Column[], values: object[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(${sql.raw(columns.map(([key, , type]) => `"${key}" ${type}`).join(', '))})`;

function insertRows(tx: Db, table: 'people' | 'memberships', columns: Column[], countyId: string, values: object[]) {
  return tx.execute(sql`
    insert into ${sql.raw(table)} (county_id, ${sql.raw(columns.map(([, column]) => column).join(', '))})
    select ${countyId}::uuid, ${sql.raw(columns.map(([key]) => `v."${key}"`).join(', '))} from ${recordset(columns, values)}`);
}

function updateRows(tx: Db, table: 'people' | 'memberships', columns: Column[], countyId: string, now: string, values: object[]) {
  const assignments = columns.filter(([key]) => key !== 'id').map(([key, column]) => `${column} = v."${key}"`).join(', ');
  return tx.execute(sql`
    update ${sql.raw(table)} t set ${sql.raw(assignments)}, updated_at = ${now}::timestamptz
    from ${recordset(columns, values)} where t.county_id = ${countyId} and t.id = v."id"`);
}

/**
 * One statement per chunk, in order. drizzle's queries start when awaited, so each chunk's values
 * (pinyin, JSON) are built while the database still runs the statement before it.
 */
async function inChunks<T>(items: T[], statement: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < items.length; i += CHUNK) {
    const next = statement(items.slice(i, i + CHUNK));
    await running;
    running = Promise.resolve(next);
    // Awaited in the next round; should building that round's values throw, the transaction ends anyway.
    running.catch(() => undefined);
  }
  await running;
}

/** Common names come up again and again in a county's register. */
function memo(compute: (key: string) => string): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = compute(key)));
    return value;
  };
}

/** The deepest organization path above all of these ('1.7.42.' and '1.7.43.' give '1.7.'). */
export function commonPath(paths: string[]): string {
  if (paths.length === 0) return '';
  let common = paths[0]!;
  for (const path of paths) {
    while (!path.startsWith(common)) common = common.slice(0, common.slice(0, -1).lastIndexOf('.') + 1);
  }
  return common;
}
