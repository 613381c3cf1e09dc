import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope, postsWith } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import { rows } from '../../../platform/db/database.js';
import { t as say } from '../../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../../platform/todo/todo.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';
import { receiveDue } from './rules.js';
import { memberTransfers } from './schema.js';

const LIMIT = 50;

/**
 * For those who manage members: transfers waiting for them to receive, transfers of theirs that
 * were rejected while the member is still with them and nothing newer was sent, and letters out
 * of the county whose receipt has not come back.
 */
export const transferTodos: TodoProvider = async (ctx, lang) => {
  if (postsWith(ctx.actor, 'member.manage').length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const t = alias(memberTransfers, 't');
  const r = alias(organizations, 'r');
  const held = inScope(ctx.actor, 'member.manage', { county: t.countyId, path: t.orgPath });
  const receiving = inScope(ctx.actor, 'member.manage', { county: r.countyId, path: r.path });
  const dated = (sentOn: string) => ({ due: receiveDue(sentOn), overdue: today > receiveDue(sentOn) });
  // The three kinds in one statement: on the embedded engine each statement costs a few
  // milliseconds of its own, and every home page asks for these.
  const found = await rows<{ kind: 'incoming' | 'rejected' | 'receipt'; personId: string; name: string; other: string | null; sentOn: string; reason: string | null }>(ctx.db, sql`
    select kind, person_id as "personId", (select p.name from ${people} p where p.county_id = x.county_id and p.id = x.person_id) as name,
           other, sent_on::text as "sentOn", reason
    from (
      (select 'incoming' as kind, t.county_id, t.person_id, s.name as other, t.sent_on, null as reason
       from ${memberTransfers} t
       join ${organizations} r on r.county_id = t.county_id and r.id = t.to_org_id
       join ${organizations} s on s.county_id = t.county_id and s.id = t.org_id
       where t.state = 'sent' and t.kind = 'within' and ${receiving} order by t.sent_on limit ${LIMIT})
      union all
      (select 'rejected', t.county_id, t.person_id, r.name, t.sent_on, t.reject_reason
       from ${memberTransfers} t
       join ${organizations} r on r.county_id = t.county_id and r.id = t.to_org_id
       join ${memberships} m on m.county_id = t.county_id and m.id = t.membership_id and m.ended_on is null
       where t.state = 'rejected' and ${held}
         and not exists (select 1 from ${memberTransfers} later where later.county_id = t.county_id and later.person_id = t.person_id and later.created_at > t.created_at)
       order by t.decided_on desc limit ${LIMIT})
      union all
      (select 'receipt', t.county_id, t.person_id, t.external_org, t.sent_on, null
       from ${memberTransfers} t
       where t.state = 'sent' and t.kind = 'out' and ${held} order by t.sent_on limit ${LIMIT})
    ) x`);

  return found.map((f): TodoItem => {
    const params = { name: f.name, org: f.other ?? '', date: f.sentOn, reason: f.reason ?? '' };
    const texts = { title: say(lang, `transfers.todo.${f.kind}`, params), detail: say(lang, `transfers.todo.${f.kind}_detail`, params) };
    switch (f.kind) {
      case 'incoming': return { kind: 'transfers.incoming', ...texts, link: '/transfers', ...dated(f.sentOn) };
      case 'rejected': return { kind: 'transfers.rejected', ...texts, link: `/members/${f.personId}` };
      case 'receipt': return { kind: 'transfers.receipt', ...texts, link: `/members/${f.personId}`, ...dated(f.sentOn) };
    }
  });
};
