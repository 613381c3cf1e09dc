import { and, eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../../platform/db/database.js';
import { organizations } from './schema.js';

let orgPathTables: Promise<{ table: string; columns: string[] }[]> | undefined;

/**
 * Tables that copy an organization's path onto their rows (for fast subtree queries), with their
 * columns. Found from the catalog so that a module adding such a table needs no change here. The
 * audit trail is left out: it is append-only and keeps the path as it was when the event happened.
 */
function tablesWithOrgPath(db: Db): Promise<{ table: string; columns: string[] }[]> {
  orgPathTables ??= rows<{ table: string; columns: string[] }>(
    db,
    sql`select table_name as "table", array_agg(column_name::text order by ordinal_position) as columns
        from information_schema.columns
        where table_schema = current_schema() and table_name <> 'audit_events'
        group by table_name having bool_or(column_name = 'org_path')
        order by table_name`,
  );
  return orgPathTables;
}

/** Rewrites the path prefix of a subtree on the tree and on every row hanging off it. */
export async function repath(tx: Db, countyId: string, oldPrefix: string, newPrefix: string): Promise<void> {
  const cut = oldPrefix.length + 1;
  await tx
    .update(organizations)
    .set({
      path: sql`${newPrefix} || substr(${organizations.path}, ${cut})`,
      depth: sql`${organizations.depth} + ${depthDelta(oldPrefix, newPrefix)}`,
    })
    .where(and(eq(organizations.countyId, countyId), sql`${organizations.path} like ${oldPrefix + '%'}`));
  for (const { table } of await tablesWithOrgPath(tx)) {
    await tx.execute(sql`update ${sql.identifier(table)}
      set org_path = ${newPrefix} || substr(org_path, ${cut})
      where county_id = ${countyId} and org_path like ${oldPrefix + '%'}`);
  }
}

/**
 * Points every row attached to one organization at another (a merge) as of a date. Rows of a
 * period table (started_on, ended_on, end_reason: memberships) are ended there with the reason
 * 'merged' and continue in a copy that starts that day, so that a past date still finds them in
 * the organization they were in; posts are ended by the caller instead; other rows move.
 */
export async function repoint(tx: Db, countyId: string, fromId: string, to: { id: string; path: string }, on: string): Promise<void> {
  for (const { table, columns } of await tablesWithOrgPath(tx)) {
    if (table === 'posts') continue;
    if (!['started_on', 'ended_on', 'end_reason'].every((c) => columns.includes(c))) {
      await tx.execute(sql`update ${sql.identifier(table)}
        set org_id = ${to.id}, org_path = ${to.path}
        where county_id = ${countyId} and org_id = ${fromId}`);
      continue;
    }
    const replaced: Record<string, unknown> = { org_id: to.id, org_path: to.path, started_on: on, ended_on: null, end_reason: null };
    const copied = columns.filter((c) => !['id', 'created_at', 'updated_at'].includes(c));
    const values = copied.map((c) => (c in replaced ? sql`${replaced[c]}` : sql.identifier(c)));
    const open = sql`county_id = ${countyId} and org_id = ${fromId} and ended_on is null`;
    const moving = await rows<{ id: string }>(tx, sql`select id from ${sql.identifier(table)} where ${open}`);
    if (moving.length === 0) continue;
    const ids = sql`(${sql.join(moving.map((m) => sql`${m.id}`), sql`, `)})`;
    // End first: a person may hold only one open row at a time.
    await tx.execute(sql`update ${sql.identifier(table)} set ended_on = ${on}, end_reason = 'merged'
      where county_id = ${countyId} and id in ${ids}`);
    await tx.execute(sql`insert into ${sql.identifier(table)} (${sql.join(copied.map((c) => sql.identifier(c)), sql`, `)})
      select ${sql.join(values, sql`, `)} from ${sql.identifier(table)}
      where county_id = ${countyId} and id in ${ids}`);
  }
}

function depthDelta(oldPrefix: string, newPrefix: string): number {
  return newPrefix.split('.').length - oldPrefix.split('.').length;
}
