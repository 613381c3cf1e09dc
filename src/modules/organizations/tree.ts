import { and, eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../../platform/db/database.js';
import { organizations } from './schema.js';

let orgPathTables: Promise<string[]> | undefined;

/**
 * Tables that copy an organization's path onto their rows (for fast subtree queries). Found from
 * the catalog so that a module adding such a table needs no change here. The audit trail is left
 * out: it is append-only and keeps the path as it was when the event happened.
 */
function tablesWithOrgPath(db: Db): Promise<string[]> {
  orgPathTables ??= rows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.columns
        where column_name = 'org_path' and table_schema = current_schema() and table_name <> 'audit_events'
        order by table_name`,
  ).then((r) => r.map((x) => x.table_name));
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
  for (const table of await tablesWithOrgPath(tx)) {
    await tx.execute(sql`update ${sql.identifier(table)}
      set org_path = ${newPrefix} || substr(org_path, ${cut})
      where county_id = ${countyId} and org_path like ${oldPrefix + '%'}`);
  }
}

/** Points every row attached to one organization at another (a merge); posts are ended instead. */
export async function repoint(tx: Db, countyId: string, fromId: string, to: { id: string; path: string }): Promise<void> {
  for (const table of await tablesWithOrgPath(tx)) {
    if (table === 'posts') continue;
    await tx.execute(sql`update ${sql.identifier(table)}
      set org_id = ${to.id}, org_path = ${to.path}
      where county_id = ${countyId} and org_id = ${fromId}`);
  }
}

function depthDelta(oldPrefix: string, newPrefix: string): number {
  return newPrefix.split('.').length - oldPrefix.split('.').length;
}
