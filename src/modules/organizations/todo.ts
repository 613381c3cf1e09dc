import { sql } from 'drizzle-orm';
import { scopePrefixes } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { rows } from '../../platform/db/database.js';
import type { TodoProvider } from '../../platform/todo/todo.js';
import { posts } from '../people/schema.js';
import { organizations } from './schema.js';

/** Village and community organizations in the user's charge whose secretary post is vacant. */
export const vacantSecretaries: TodoProvider = async (ctx, lang) => {
  const prefixes = scopePrefixes(ctx.actor, 'org.manage');
  if (prefixes.length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const within = sql.join(prefixes.map((p) => sql`o.path like ${p + '%'}`), sql` or `);
  const vacant = await rows<{ code: string; name: string }>(ctx.db, sql`
    select o.code, o.name from ${organizations} o
    where o.county_id = ${ctx.actor.countyId} and o.status = 'active' and (${within})
      and o.unit_type in ('village', 'community') and o.type <> 'party_group'
      and not exists (select 1 from ${posts} p where p.county_id = o.county_id and p.org_id = o.id
        and p.role = 'branch_secretary' and p.started_on <= ${today} and (p.ended_on is null or p.ended_on > ${today}))
    order by o.code limit 50`);
  return vacant.map((o) => ({
    kind: 'organizations.vacant_secretary',
    title: lang === 'zh' ? `${o.name}书记空缺` : `${o.name}: secretary post vacant`,
    detail: lang === 'zh' ? '请尽快配齐党组织书记' : 'Appoint a secretary',
    link: `/organizations/${o.code}`,
  }));
};
