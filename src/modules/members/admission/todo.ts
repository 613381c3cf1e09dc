/**
 * The path to membership's to-dos. For whoever manages a branch's members: the talk due within a
 * month of an application, activists whose year of observation is complete, probations ending.
 * For the approving committee: branch resolutions awaiting its decision. Each list is scoped with
 * inScope (the branch's to-dos to the branch's own managers) and starts from the open memberships
 * of the scope at the stage concerned.
 */
import { sql, type SQL } from 'drizzle-orm';
import { inScope, postsWith, scopePrefixes } from '../../../platform/access/actor.js';
import type { Ability } from '../../../platform/access/abilities.js';
import { chinaDate } from '../../../platform/clock.js';
import { rows } from '../../../platform/db/database.js';
import { t, type MessageKey } from '../../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../../platform/todo/todo.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { addMonths } from '../../../platform/dates.js';
import { ACTIVIST_MONTHS, PROBATION_MONTHS } from '../rules/pipeline.js';
import { memberships } from '../schema.js';
import { APPROVAL_MONTHS, TALK_MONTHS } from './rules.js';
import { admissionSteps } from './schema.js';

/** Items of one kind shown at most; a county administrator's scope could otherwise list hundreds. */
const LIMIT = 50;
/** A probation is brought up this many days before it ends, time to call the branch meeting. */
const PROBATION_NOTICE_DAYS = 30;

interface Due { personId: string; name: string; orgName: string; kind: string; date: string }
type Ctx = Parameters<TodoProvider>[0];

const item = (kind: string, key: MessageKey, today: string, lang: 'zh' | 'en', overdue: boolean, due: string, r: Due): TodoItem => ({
  kind: `admission.${kind}`, title: t(lang, key, { name: r.name, date: due }), detail: r.orgName, link: `/members/${r.personId}`,
  due, overdue: overdue && today > due,
});

const scope = (ability: Ability, ctx: Ctx) => inScope(ctx.actor, ability, { county: memberships.countyId, path: memberships.orgPath });

/**
 * Due steps are the branch's to do: they go to whoever manages the members of the organization
 * itself, not to every committee above, whose list would otherwise fill with every village's
 * applicants (approvals are the committees' own, see approvalTodos).
 */
function ownMembers(ctx: Ctx): SQL {
  const own = postsWith(ctx.actor, 'member.manage').map((p) => sql`${p.orgId}`);
  return sql`${scope('member.manage', ctx)} and memberships.org_id in (${sql.join(own, sql`, `)})`;
}

/**
 * The first LIMIT rows of `found` (county_id, person_id, org_id, kind, date) by date, with the
 * person's and the organization's names looked up row by row after the limit: a county-wide scope
 * then costs one scan of the memberships, never a join of every person.
 */
function named(ctx: Ctx, found: SQL): Promise<Due[]> {
  return rows<Due>(ctx.db, sql`
    select f.person_id as "personId", f.kind, f.date::text as date,
      (select p.name from ${people} p where p.county_id = f.county_id and p.id = f.person_id) as name,
      (select o.name from ${organizations} o where o.county_id = f.county_id and o.id = f.org_id) as "orgName"
    from (${found} order by date, person_id limit ${LIMIT}) f
    order by f.date, name`);
}

const keys = sql`memberships.county_id, memberships.person_id, memberships.org_id`;

/** Applications recorded on the platform with no talk yet; an older record's talk may simply be unrecorded. */
function talksDue(ctx: Ctx): SQL {
  return sql`
    select ${keys}, 'talk' as kind, memberships.applied_on as date
    from ${admissionSteps} a
    join ${memberships} on memberships.county_id = a.county_id and memberships.person_id = a.person_id and memberships.ended_on is null
    where a.county_id = ${ctx.actor.countyId} and ${ownMembers(ctx)}
      and a.step = 'application' and memberships.category = 'applicant' and memberships.applied_on is not null
      and not exists (select 1 from ${admissionSteps} t where t.county_id = a.county_id and t.person_id = a.person_id and t.step = 'talk')`;
}

/** Open memberships of the scope in one stage whose waiting time ends by `horizon`, with the day it ends. */
function stageDue(ctx: Ctx, category: 'activist' | 'probationary', horizon: string): SQL {
  const ends = category === 'activist'
    ? sql`(memberships.activist_on + make_interval(months => ${ACTIVIST_MONTHS}))::date`
    : sql`(memberships.joined_on + make_interval(months => ${PROBATION_MONTHS} + coalesce(memberships.probation_extension_months, 0)))::date`;
  // The branch has decided once it met on full membership (or the probation ended) since the latest extension.
  const decided = sql`exists (select 1 from ${admissionSteps} s where s.county_id = memberships.county_id and s.person_id = memberships.person_id
    and s.step in ('branch_full', 'full_approval', 'probation_cancelled')
    and s.done_on >= coalesce((select max(e.done_on) from ${admissionSteps} e
      where e.county_id = memberships.county_id and e.person_id = memberships.person_id and e.step = 'extension'), memberships.joined_on))`;
  return sql`
    select ${keys}, ${category} as kind, ${ends} as date
    from ${memberships}
    where ${ownMembers(ctx)} and memberships.ended_on is null and memberships.category = ${category}
      and ${ends} <= ${horizon}::date ${category === 'probationary' ? sql`and not ${decided}` : sql``}`;
}

/** For whoever manages the branch: talks, activists ready to become development targets, probations ending. */
export const admissionTodos: TodoProvider = async (ctx, lang) => {
  if (postsWith(ctx.actor, 'member.manage').length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const soon = chinaDate(new Date(ctx.clock.now().getTime() + PROBATION_NOTICE_DAYS * 86_400_000));
  // One statement for the three kinds: every home page asks, and each statement costs on its own.
  const found = await named(ctx, sql`(${talksDue(ctx)}) union all (${stageDue(ctx, 'activist', today)}) union all (${stageDue(ctx, 'probationary', soon)})`);
  return found.map((r) => {
    switch (r.kind) {
      case 'talk': return item('talk_due', 'admission.todo.talk_due', today, lang, true, addMonths(r.date, TALK_MONTHS), r);
      case 'activist': return item('activist_year', 'admission.todo.activist_year', today, lang, false, r.date, r);
      default: return item('probation_ending', 'admission.todo.probation_ending', today, lang, true, r.date, r);
    }
  });
};

/**
 * For the approving committee: people whose branch has resolved and who still wait for its
 * decision: a development target whose latest resolution is to admit, or a probationary member
 * whose latest is full membership (not since extended). Found from the few open memberships at
 * those two stages, each with its latest resolution, rather than from every resolution ever kept.
 */
export const approvalTodos: TodoProvider = async (ctx, lang) => {
  if (scopePrefixes(ctx.actor, 'member.approve').length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const found = await named(ctx, sql`
    select ${keys}, latest.step as kind, latest.done_on as date
    from ${memberships}
    cross join lateral (
      select a.step, a.done_on from ${admissionSteps} a
      where a.county_id = memberships.county_id and a.person_id = memberships.person_id
        and a.step in ('branch_admission', 'branch_full', 'extension')
      order by a.done_on desc, a.created_at desc limit 1
    ) latest
    where memberships.county_id = ${ctx.actor.countyId} and ${scope('member.approve', ctx)} and memberships.ended_on is null
      and memberships.category in ('development_target', 'probationary')
      and ((latest.step = 'branch_admission' and memberships.category = 'development_target')
        or (latest.step = 'branch_full' and memberships.category = 'probationary'))`);
  return found.map((r) => (r.kind === 'branch_admission'
    ? item('admission_approval', 'admission.todo.admission_approval', today, lang, true, addMonths(r.date, APPROVAL_MONTHS), r)
    : item('full_approval', 'admission.todo.full_approval', today, lang, true, addMonths(r.date, APPROVAL_MONTHS), r)));
};
