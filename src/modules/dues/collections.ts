/**
 * What the branches of a subtree collected, month by month: expected from the members who owed,
 * collected from their payments, remitted up. One statement for the whole subtree (a county has some
 * 300 branches), answered as JSON texts, which the embedded engine hands over far faster than rows.
 */
import { sql } from 'drizzle-orm';
import { permission } from '../../platform/access/actor.js';
import { rows } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/service.js';
import type { OrgRow } from '../organizations/queries.js';
import type { CollectionsView } from './contracts.js';
import { readableOrg } from './queries.js';
import { yearMonths } from './rules.js';

type Cell = { o: string; m: string; f: number };
/** A branch's expected amounts, January to December. */
type Owed = { o: string; f: number[] };
type Remitted = { o: string; m: string; id: string; f: number; d: string; note: string | null };
type Branch = { id: string; code: string; name: string; path: string };

/** The branches of the subtree that existed in the year, and their figures per month. */
function collectionsSql(root: OrgRow, year: number) {
  const months = yearMonths(year);
  const [first, last] = [months[0]!, months.at(-1)!];
  const prefix = root.path + '%';
  return sql`
    with br as (
      select o.id, o.code, o.name, o.path from organizations o
      where o.county_id = ${root.countyId} and o.path like ${prefix} and o.type in ('branch', 'joint_branch')
        and o.established_on <= ${`${year}-12-31`}::date and (o.dissolved_on is null or o.dissolved_on >= ${`${year}-01-01`}::date)
    ),
    -- Owed from admission or arrival, whichever is later, to the end of the relation (queries.ts stayOf): the
    -- months of the year each stay covers as a 12-bit mask, so that two stays of one person count once.
    stays as (
      select m.org_id, m.person_id,
        greatest(0, coalesce(extract(year from f.d)::int * 12 + extract(month from f.d)::int - 1 - ${year * 12}, 0)) as lo,
        least(11, coalesce(extract(year from m.ended_on)::int * 12 + extract(month from m.ended_on)::int - 1 - ${year * 12}, 11)) as hi
      from memberships m join br on br.id = m.org_id
      cross join lateral (select greatest(m.started_on, coalesce(m.joined_on, m.full_on)) as d) f
      where m.county_id = ${root.countyId} and m.category in ('full', 'probationary')
    ),
    held as (
      select org_id, person_id, bit_or(case when lo <= hi then (1 << (hi + 1)) - (1 << lo) else 0 end) as mask from stays group by 1, 2
    ),
    owed as (
      select h.org_id as o, json_build_array(${sql.join(months.map((_, i) => sql`sum(case when h.mask & ${1 << i} <> 0 then b.monthly_fen else 0 end)`), sql`, `)}) as f
      from held h join dues_bases b on b.county_id = ${root.countyId} and b.person_id = h.person_id and b.year = ${year}
      group by 1
    ),
    paid as (
      select p.org_id as o, p.month as m, sum(p.amount_fen)::int as f from dues_payments p join br on br.id = p.org_id
      where p.county_id = ${root.countyId} and p.org_path like ${prefix} and p.month between ${first} and ${last}
      group by 1, 2
    ),
    sent as (
      select r.org_id as o, r.month as m, r.id, r.amount_fen as f, r.remitted_on as d, r.note from dues_remittances r join br on br.id = r.org_id
      where r.county_id = ${root.countyId} and r.org_path like ${prefix} and r.month between ${first} and ${last}
    )
    select
      (select coalesce(json_agg(br order by br.code), '[]') from br)::text as branches,
      (select coalesce(json_agg(owed), '[]') from owed)::text as owed,
      (select coalesce(json_agg(paid), '[]') from paid)::text as paid,
      (select coalesce(json_agg(sent), '[]') from sent)::text as sent`;
}

export async function getCollections(ctx: ServiceContext, query: { org: string; year: number }): Promise<CollectionsView> {
  const root = await readableOrg(ctx, query.org);
  const [found] = await rows<Record<'branches' | 'owed' | 'paid' | 'sent', string>>(ctx.db, collectionsSql(root, query.year));
  const branches = JSON.parse(found!.branches) as Branch[];
  const byCell = <T extends { o: string; m: string }>(items: T[]) => new Map(items.map((c) => [`${c.o}|${c.m}`, c]));
  const owed = new Map((JSON.parse(found!.owed) as Owed[]).map((b) => [b.o, b.f]));
  const paid = byCell(JSON.parse(found!.paid) as Cell[]);
  const sent = byCell(JSON.parse(found!.sent) as Remitted[]);
  const months = yearMonths(query.year);
  const zero = () => ({ expectedFen: 0, collectedFen: 0, remittedFen: 0 });
  const monthTotals = months.map((month) => ({ month, ...zero() }));
  const all = zero();
  const add = (into: ReturnType<typeof zero>, c: { expectedFen: number; collectedFen: number; remittedFen: number }) => {
    into.expectedFen += c.expectedFen;
    into.collectedFen += c.collectedFen;
    into.remittedFen += c.remittedFen;
  };
  return {
    org: { code: root.code, name: root.name },
    year: query.year,
    months,
    branches: branches.map((b) => {
      const totals = zero();
      const cells = months.map((month, i) => {
        const key = `${b.id}|${month}`;
        const r = sent.get(key);
        const figures = { expectedFen: owed.get(b.id)?.[i] ?? 0, collectedFen: paid.get(key)?.f ?? 0, remittedFen: r?.f ?? 0 };
        add(totals, figures);
        add(monthTotals[i]!, figures);
        add(all, figures);
        return { month, expectedFen: figures.expectedFen, collectedFen: figures.collectedFen, remittance: r ? { id: r.id, amountFen: r.f, remittedOn: r.d, note: r.note } : null };
      });
      return { org: { code: b.code, name: b.name }, months: cells, totals, can: { remit: permission(ctx.actor, 'dues.manage', b.path) } };
    }),
    totals: { months: monthTotals, all },
  };
}
