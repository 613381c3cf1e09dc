/**
 * A province in minutes: the first county is generated and loaded like any demo county (about 40 s
 * for 50,000 members), the others are copies of its rows under their own county id and code.
 * Loading 100 generated counties through the demo loader takes over an hour on PostgreSQL; what
 * the benchmark measures depends on the sizes of the tables and of each county, not on which
 * villages the generator invented, so copies serve as well.
 *
 * Every county-owned table keys its rows by (county_id, id), so a copy needs no new ids. Organization
 * numbers (seq) come from one sequence for the whole database, so real counties never share a path;
 * a copy shifts its seqs past every number in use and rewrites each path with them, or every
 * county's subtree would answer the same path prefix and the indexes on paths would lie. The copy
 * runs with session_replication_role = replica: foreign keys and triggers stay silent, which is
 * right because the copied rows (maintained breakdowns included) are already consistent.
 */
import type { Raw } from './engines.js';

/** Kept per county by the application itself, or per login: nothing the measurements read. */
const NOT_COPIED = new Set(['counties', 'sessions', 'audit_events', 'audit_heads', 'login_failures']);

/**
 * Columns that must differ from the source county's: codes, user names and tracking codes. The
 * values are spelt into the SQL (a statement's parameters must all be used): six digits and a uuid
 * read back from the database.
 */
const PATH_COLUMNS = new Set(['path', 'org_path', 'subtree_path']);

function valueOf(table: string, column: string, to: { id: string; fromCode: string; code: string; shift: number }): string {
  if (column === 'county_id') return `'${to.id}'::uuid`;
  if (table === 'organizations' && column === 'seq') return `seq + ${to.shift}`;
  if (PATH_COLUMNS.has(column)) return `(select new from clone_paths where old = "${column}")`;
  if (table === 'organizations' && column === 'code') return `case when left(code, 6) = '${to.fromCode}' then '${to.code}' || substr(code, 7) else code end`;
  if (table === 'users' && column === 'username') return `username || '${to.code}'`;
  // Tracking codes are unique across the database: villagers type them in without a county.
  // Suffixed with the county's code, so unique by construction (a hash of 40 bits collided at 52 copies).
  if (table === 'concerns' && column === 'tracking_code') return `tracking_code || '${to.code}'`;
  return `"${column}"`;
}

export async function cloneCounty(raw: Raw, fromCode: string, toCode: string): Promise<void> {
  if (!/^\d{6}$/.test(fromCode) || !/^\d{6}$/.test(toCode)) throw new RangeError(`county codes are six digits: ${fromCode}, ${toCode}`);
  const [from] = await raw.query<{ id: string; name: string }>('select id, name from counties where code = $1', [fromCode]);
  if (!from) throw new Error(`county ${fromCode} not loaded`);
  const tables = await raw.query<{ table_name: string; columns: string[] }>(`
    select c.table_name, array_agg(c.column_name::text order by c.ordinal_position) as columns
    from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and exists (select 1 from information_schema.columns k where k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = 'county_id')
      and c.is_generated = 'NEVER'
    group by c.table_name order by c.table_name`);
  await raw.query('begin');
  try {
    await raw.query('set local session_replication_role = replica');
    const [to] = await raw.query<{ id: string }>('insert into counties (code, name) values ($1, $2) returning id', [toCode, `${from.name}（${toCode}）`]);
    const [seqs] = await raw.query<{ shift: number }>('select (select max(seq) from organizations) - min(seq) + 1 as shift from organizations where county_id = $1', [from.id]);
    // Every path column holds an organization's path: each is rewritten once here, then looked up
    // (spelling it out per row made a copy six times slower).
    await raw.query('create temporary table clone_paths (old text primary key, new text not null) on commit drop');
    await raw.query(`insert into clone_paths select path, (select string_agg((x::int + ${Number(seqs!.shift)})::text || '.', '' order by n)
      from unnest(string_to_array(rtrim(path, '.'), '.')) with ordinality u(x, n)) from organizations where county_id = $1`, [from.id]);
    for (const { table_name: table, columns } of tables.filter((t) => !NOT_COPIED.has(t.table_name))) {
      const list = columns.map((c) => `"${c}"`).join(', ');
      const values = columns.map((c) => valueOf(table, c, { id: to!.id, fromCode, code: toCode, shift: Number(seqs!.shift) })).join(', ');
      await raw.query(`insert into "${table}" (${list}) select ${values} from "${table}" where county_id = $1`, [from.id]);
    }
    // Organizations created after the copies (the benchmark's writes) must not reuse their numbers.
    await raw.query(`select setval(pg_get_serial_sequence('organizations', 'seq'), (select max(seq) from organizations))`);
    await raw.query('commit');
  } catch (error) {
    await raw.query('rollback');
    throw error;
  }
}
