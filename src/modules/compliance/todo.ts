/**
 * Compliance on the to-do list. Whoever records an organization's meetings sees its rules due in
 * the current period and missed in the last one; whoever manages organizations below sees, per
 * rule, how many of them missed the last period (rules.md's "overdue goes to the level above"),
 * without one item per village. One statement for every rule in force.
 */
import { sql } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { periodLabel, periodOf } from '../../platform/cadence/periods.js';
import { addDays } from '../../platform/dates.js';
import { cellStatus } from '../../platform/cadence/status.js';
import { chinaDate } from '../../platform/clock.js';
import { rows } from '../../platform/db/database.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { subjectLabels } from './catalogue.js';
import { subjectCondition } from './query.js';
import { describeRule, eventLabel, rulesInForce } from './rules.js';
import { dueFrom } from './service.js';

interface OwnCounts { code: string; name: string; current: number; previous: number }
interface Found { rule: number; own: string; missed: number }

export const complianceTodos: TodoProvider = async (ctx, lang) => {
  const posts = postsWith(ctx.actor, 'meeting.manage');
  if (posts.length === 0) return [];
  const rules = await rulesInForce(ctx.db, ctx.actor.countyId);
  if (rules.length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const spans = rules.map((rule) => {
    const current = periodOf(rule.period, today);
    return { rule, current, previous: periodOf(rule.period, addDays(current.start, -1)) };
  });
  const within = sql.join(posts.map((p) => sql`o.path like ${p.orgPath + '%'}`), sql` or `);
  const own = sql.join(posts.map((p) => sql`${p.orgId}`), sql`, `);
  // Per rule one row: the user's own organizations with their counts, and how many below them
  // missed the last period. The meetings of the two periods are counted in one pass and only the
  // answer crosses over, not a row per village.
  const found = await rows<Found>(ctx.db, sql.join(spans.map(({ rule, current, previous }, i) => sql`
    (select ${i}::int as rule,
       coalesce(json_agg(json_build_object('code', o.code, 'name', o.name, 'current', coalesce(c.current, 0), 'previous', coalesce(c.previous, 0)))
         filter (where o.id in (${own})), '[]'::json)::text as own,
       (count(*) filter (where o.id not in (${own}) and coalesce(c.previous, 0) < ${rule.min}))::int as missed
     from organizations o
     left join (select m.org_id, (count(*) filter (where m.held_on >= ${current.start}::date))::int as current,
                  (count(*) filter (where m.held_on < ${current.start}::date))::int as previous
                from meetings m
                where m.county_id = ${ctx.actor.countyId} and m.kind = ${rule.eventKind} and m.status = 'held'
                  and m.held_on between ${previous.start}::date and ${current.end}::date
                group by m.org_id) c on c.org_id = o.id
     where o.county_id = ${ctx.actor.countyId} and (${within}) and ${subjectCondition(rule.subjectType)}
       and o.established_on <= ${previous.start}::date and (o.dissolved_on is null or o.dissolved_on > ${today}::date))`), sql` union all `));

  const items: TodoItem[] = [];
  spans.forEach(({ rule, current, previous }, i) => {
    const { own: ownJson, missed } = found.find((f) => f.rule === i)!;
    const params = { event: eventLabel(rule.eventKind, lang), subjects: subjectLabels[rule.subjectType][lang] };
    const link = (code: string) => `/compliance?rule=${rule.id}&org=${code}`;
    const detail = describeRule(rule, lang);
    for (const f of JSON.parse(ownJson) as OwnCounts[]) {
      if (f.previous < rule.min) {
        items.push({ kind: 'compliance.overdue', title: `${f.name}：${t(lang, 'compliance.todo.own_overdue', { ...params, period: periodLabel(previous, lang) })}`, detail, link: link(f.code), due: previous.end, overdue: true });
      }
      if (cellStatus({ period: current, held: f.current, min: rule.min, dueFrom: dueFrom(rule, current) }, today) === 'due') {
        items.push({ kind: 'compliance.due', title: `${f.name}：${t(lang, 'compliance.todo.own_due', { ...params, period: periodLabel(current, lang) })}`, detail, link: link(f.code), due: current.end, overdue: false });
      }
    }
    if (missed > 0) {
      items.push({
        kind: 'compliance.below_overdue', title: t(lang, 'compliance.todo.below_overdue', { ...params, count: missed, period: periodLabel(previous, lang) }),
        detail, link: `/compliance?rule=${rule.id}`, due: previous.end, overdue: true,
      });
    }
  });
  return items;
};
