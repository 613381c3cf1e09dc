/**
 * Contact with the masses at scale (issue 5 §13): one county's concerns grown to a million and its
 * visit diaries to half a million, in SQL on PostgreSQL, in minutes. Each new row is a copy of one of
 * the demo county's own rows (its text, search column and, for a concern, its whole history with the
 * times shifted), placed in another village of the county, at another time, with that village's or
 * its township's handlers: so the words, states and histories are the demo generators', and the
 * indexes see the spread of a real county. Most copies are of closed cases spread over three years;
 * one in `ACTIVE_EVERY` is of a case still open, new or paused at the demo's date, shifted to the same
 * distance from today, so every handler's inbox holds a realistic number of open cases. A rare term
 * (`RARE_TERM`) is added to one row in `RARE_EVERY`, for a search that finds few.
 *
 * The secondary indexes of the three tables are dropped before the copy and built again from their
 * own definitions after it, and foreign keys stay silent (session_replication_role = replica) as in
 * clone-county.ts: the copies are consistent by construction, and building an index once is many
 * times faster than maintaining it row by row.
 */
import { chinaDate } from '../src/platform/clock.js';
import { searchTokens } from '../src/platform/text/search.js';
import { DEMO_AS_OF } from './demo-data.js';
import type { Raw } from './engines.js';

export const RARE_TERM = '滑坡';
const RARE_TEXT = '山体滑坡隐患需要排查';
const RARE_EVERY = 20_000;
const ACTIVE_EVERY = 50;
/** Concerns and diaries are written this many at a time, so progress shows and no statement runs for minutes. */
const BATCH = 250_000;
const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface MassesSize {
  concerns: number;
  diaries: number;
}

export interface Filled {
  ms: number;
  concerns: number;
  events: number;
  diaries: number;
  /** Concerns in the types a handler still works on (new, open, paused). */
  active: number;
  indexMs: number;
}

const TABLES = ['concerns', 'concern_events', 'visit_diaries'];

/** Villages with their township and who handles concerns at each, numbered for the copies to pick from. */
async function villages(raw: Raw, countyId: string): Promise<number> {
  await raw.query(`create temporary table mass_villages as
    select (row_number() over (order by v.code) - 1)::int as i, v.id as org_id, v.path as org_path, t.id as town_id, t.path as town_path,
      array(select p.person_id from posts p where p.county_id = v.county_id and p.org_id = v.id and p.ended_on is null
        and p.role = 'branch_secretary' order by p.person_id) as v_handlers,
      array(select p.person_id from posts p where p.county_id = t.county_id and p.org_id = t.id and p.ended_on is null
        and p.role in ('cadre', 'township_admin') order by p.person_id) as t_handlers,
      array(select p.person_id from posts p where p.county_id = t.county_id and p.org_id = t.id and p.ended_on is null
        and p.role <> 'member' order by p.person_id) as authors,
      array(select h.id from households h where h.county_id = v.county_id and h.org_id = v.id order by h.id) as households
    from organizations v join organizations t on t.county_id = v.county_id and t.id = v.parent_id
    where v.county_id = $1 and v.status = 'active' and v.type in ('branch', 'joint_branch', 'general_branch')
      and v.unit_type in ('village', 'community') and t.unit_type in ('township', 'street')`, [countyId]);
  const [{ n } = { n: 0 }] = await raw.query<{ n: number }>('select count(*)::int as n from mass_villages');
  if (n === 0) throw new Error('no villages under townships to spread the concerns over');
  return n;
}

/** The demo concerns to copy, numbered separately among those closed and those still being handled. */
async function concernTemplates(raw: Raw, countyId: string): Promise<{ closed: number; active: number }> {
  await raw.query(`create temporary table mass_templates as
    select c.*, (c.state_type in ('new', 'open', 'paused', 'resolved')) as live,
      (row_number() over (partition by c.state_type in ('new', 'open', 'paused', 'resolved') order by c.tracking_code) - 1)::int as k,
      v.parent_id as town_id
    from concerns c join organizations v on v.county_id = c.county_id and v.id = c.org_id where c.county_id = $1`, [countyId]);
  // Apart from the growing table, whose index on concern_id is dropped while the copies go in.
  await raw.query('create temporary table mass_template_events as select * from concern_events where county_id = $1', [countyId]);
  await raw.query('create index on mass_template_events (concern_id)');
  const [row] = await raw.query<{ closed: number; active: number }>(
    'select count(*) filter (where not live)::int as closed, count(*) filter (where live)::int as active from mass_templates');
  if (!row || row.closed === 0 || row.active === 0) throw new Error('the demo county has no closed or no open concerns to copy');
  return row;
}

/** A tracking code from a number: 'Z' and nine base-31 digits, apart from the random codes the app draws. */
const trackingCodeSql = (n: string) => ["'Z'", ...Array.from({ length: 9 }, (_, p) =>
  `substr('${TRACKING_ALPHABET}', ((${n} / ${31 ** (8 - p)}::bigint) % 31)::int + 1, 1)`)].join(' || ');

async function copyConcerns(raw: Raw, countyId: string, from: number, to: number, v: number, t: { closed: number; active: number }, now: string): Promise<void> {
  // The shift keeps an open case as far from today as it was from the demo's date; a closed one
  // lands up to three years earlier.
  await raw.query(`create temporary table mass_new as
    select n, gen_random_uuid() as id, tpl.id as template_id, tpl.org_id as template_org, tpl.town_id as template_town, mv.*,
      ($3::timestamptz - $4::timestamptz) - make_interval(days => (case when tpl.live then (n / ${ACTIVE_EVERY}) % 3 else (n * 7919) % 1095 end)::int, mins => ((n * 131) % 600)::int) as shift,
      n % ${RARE_EVERY} = 17 as rare
    from generate_series($1::bigint, $2::bigint) n
    join mass_templates tpl on tpl.live = (n % ${ACTIVE_EVERY} = 0)
      and tpl.k = case when n % ${ACTIVE_EVERY} = 0 then (n / ${ACTIVE_EVERY}) % ${t.active} else n % ${t.closed} end
    join mass_villages mv on mv.i = ((n * 37) + n / ${t.closed}) % ${v}`, [from, to - 1, now, `${DEMO_AS_OF}T12:00:00+08:00`]);
  const handlerOrg = (org: string) => `case when ${org} = m.template_org then m.org_id else m.town_id end`;
  const handler = (org: string, person: string) => `case when ${person} is null then null when ${org} = m.template_org
    then coalesce(m.v_handlers[(1 + m.n % greatest(cardinality(m.v_handlers), 1))::int], m.t_handlers[(1 + m.n % greatest(cardinality(m.t_handlers), 1))::int])
    else m.t_handlers[(1 + m.n % greatest(cardinality(m.t_handlers), 1))::int] end`;
  await raw.query(`insert into concerns (county_id, id, tracking_code, org_id, org_path, channel, submitter_name, submitter_phone, anonymous,
      reply_channel, content, category, priority, state, state_type, handler_org_id, handler_org_path, handler_id, received_at, due_on,
      answer_draft, reply, replied_at, rating, rating_comment, rated_at, rated_handler_id, reject_reason, reopen_count, closed_at, search,
      created_at, updated_at)
    select c.county_id, m.id, ${trackingCodeSql('m.n')}, m.org_id, m.org_path, c.channel, c.submitter_name, c.submitter_phone, c.anonymous,
      c.reply_channel, c.content || case when m.rare then '，${RARE_TEXT}' else '' end, c.category, c.priority, c.state, c.state_type,
      ${handlerOrg('c.handler_org_id')}, case when c.handler_org_id = m.template_org then m.org_path else m.town_path end, ${handler('c.handler_org_id', 'c.handler_id')},
      c.received_at + m.shift, (c.due_on + m.shift)::date, c.answer_draft, c.reply, c.replied_at + m.shift, c.rating, c.rating_comment,
      c.rated_at + m.shift, ${handler('c.handler_org_id', 'c.rated_handler_id')}, c.reject_reason, c.reopen_count, c.closed_at + m.shift,
      c.search || case when m.rare then to_tsvector('simple', $1) else ''::tsvector end, c.received_at + m.shift, c.received_at + m.shift
    from mass_new m join mass_templates c on c.id = m.template_id where c.county_id = $2`, [searchTokens(RARE_TEXT), countyId]);
  await raw.query(`insert into concern_events (county_id, concern_id, at, action, from_state, to_state, to_state_type, handler_org_id, handler_id, note, data, created_at)
    select e.county_id, m.id, e.at + m.shift, e.action, e.from_state, e.to_state, e.to_state_type, ${handlerOrg('e.handler_org_id')},
      ${handler('e.handler_org_id', 'e.handler_id')}, e.note, e.data, e.created_at + m.shift
    from mass_new m join mass_template_events e on e.concern_id = m.template_id`);
  await raw.query('drop table mass_new');
}

async function copyDiaries(raw: Raw, countyId: string, from: number, to: number, v: number, templates: number, today: string): Promise<void> {
  await raw.query(`insert into visit_diaries (county_id, author_id, org_id, org_path, household_id, written_on, situation, problems, demands, plan, result, search, created_at, updated_at)
    select d.county_id, m.authors[(1 + n % cardinality(m.authors))::int], m.org_id, m.org_path,
      case when d.household_id is not null then m.households[(1 + n % greatest(cardinality(m.households), 1))::int] end,
      $3::date - ((n * 7919) % 1095)::int, d.situation, d.problems, d.demands, d.plan,
      case when n % ${RARE_EVERY} = 29 then coalesce(d.result, '') || '${RARE_TEXT}。' else d.result end,
      d.search || case when n % ${RARE_EVERY} = 29 then to_tsvector('simple', $4) else ''::tsvector end,
      ($3::date - ((n * 7919) % 1095)::int)::timestamptz, ($3::date - ((n * 7919) % 1095)::int)::timestamptz
    from generate_series($1::bigint, $2::bigint) n
    join mass_diaries d on d.k = n % ${templates}
    join mass_villages m on m.i = ((n * 53) + n / ${templates}) % ${v}
    where cardinality(m.authors) > 0`, [from, to - 1, today, searchTokens(RARE_TEXT)]);
}

/** Grows the county's concerns and diaries to `size`, then analyzes. PostgreSQL only (the scale is a server's). */
export async function fillMasses(raw: Raw, countyId: string, size: MassesSize, log: (line: string) => void): Promise<Filled> {
  const started = performance.now();
  const now = new Date().toISOString();
  const today = chinaDate(new Date());
  const indexes = await raw.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition from pg_index x join pg_class i on i.oid = x.indexrelid
     join pg_class t on t.oid = x.indrelid where t.relname = any($1) and not x.indisprimary`, [TABLES]);
  const v = await villages(raw, countyId);
  const templates = await concernTemplates(raw, countyId);
  await raw.query(`create temporary table mass_diaries as
    select *, (row_number() over (order by id) - 1)::int as k from visit_diaries where county_id = $1`, [countyId]);
  const [{ n: diaryTemplates } = { n: 0 }] = await raw.query<{ n: number }>('select count(*)::int as n from mass_diaries');
  const [before] = await raw.query<{ concerns: number; diaries: number }>(
    'select (select count(*)::int from concerns) as concerns, (select count(*)::int from visit_diaries) as diaries');
  log(`    ${v} villages; copying ${templates.closed} closed and ${templates.active} open demo concerns, ${diaryTemplates} diaries`);
  for (const { name } of indexes) await raw.query(`drop index "${name}"`);
  await raw.query('set session_replication_role = replica');
  try {
    for (let from = 0; from < size.concerns; from += BATCH) {
      const t0 = performance.now();
      await copyConcerns(raw, countyId, from, Math.min(size.concerns, from + BATCH), v, templates, now);
      log(`    concerns ${Math.min(size.concerns, from + BATCH).toLocaleString('en')}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (diaryTemplates > 0) {
      for (let from = 0; from < size.diaries; from += BATCH) {
        const t0 = performance.now();
        await copyDiaries(raw, countyId, from, Math.min(size.diaries, from + BATCH), v, diaryTemplates, today);
        log(`    diaries ${Math.min(size.diaries, from + BATCH).toLocaleString('en')}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    await raw.query('set session_replication_role = origin');
  }
  const t0 = performance.now();
  // A GIN index over millions of rows builds in memory when it may; the default 64 MB spills to disk.
  await raw.query(`set maintenance_work_mem = '512MB'`);
  for (const { name, definition } of indexes) {
    const t1 = performance.now();
    await raw.query(definition);
    log(`    index ${name}: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
  const indexMs = performance.now() - t0;
  await raw.query('analyze concerns, concern_events, visit_diaries');
  await raw.query('drop table mass_villages, mass_templates, mass_template_events, mass_diaries');
  const [after] = await raw.query<{ concerns: number; events: number; diaries: number; active: number }>(`select
    (select count(*)::int from concerns) as concerns, (select count(*)::int from concern_events) as events,
    (select count(*)::int from visit_diaries) as diaries,
    (select count(*)::int from concerns where state_type in ('new', 'open', 'paused')) as active`);
  log(`    ${after!.concerns - before!.concerns} concerns and ${after!.diaries - before!.diaries} diaries added`);
  return { ms: performance.now() - started, ...after!, indexMs };
}
