/**
 * The quota table of an organization (a township, or the county): each cadre posted there, and
 * anyone helping a household in its subtree, with their rank from their current titles, the rank's
 * quota and their open pairings anywhere. Flagged over or under, never enforced.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { grantingPost, permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { forbidden } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { visibleOrg } from '../organizations/queries.js';
import { people, posts } from '../people/schema.js';
import type { QuotasView } from './contracts.js';
import { pairingSettings } from './queries.js';
import { quotaFlag, rankOf } from './rules.js';
import { pairings } from './schema.js';

export async function getQuotas(ctx: ServiceContext, code: string): Promise<QuotasView> {
  const org = await visibleOrg(ctx, code);
  if (!grantingPost(ctx.actor, 'person.read', org.path)) throw forbidden('pairing.read_forbidden', { org: org.name });
  const today = chinaDate(ctx.clock.now());
  const current = sql`(${posts.endedOn} is null or ${posts.endedOn} >= ${today}::date)`;
  const cadres = await ctx.db.selectDistinct({ id: people.id, name: people.name, pinyin: people.pinyin }).from(people)
    .where(and(eq(people.countyId, org.countyId), sql`(
      exists (select 1 from ${posts} where ${posts.countyId} = ${people.countyId} and ${posts.personId} = ${people.id}
        and ${posts.orgId} = ${org.id} and ${posts.role} <> 'member' and ${current})
      or exists (select 1 from ${pairings} where ${pairings.countyId} = ${people.countyId} and ${pairings.cadreId} = ${people.id}
        and ${pairings.endedOn} is null and ${pairings.orgPath} like ${org.path + '%'}))`))
    .orderBy(people.pinyin, people.name);
  const ids = cadres.map((c) => c.id);
  const titles = ids.length === 0 ? [] : await ctx.db.select({ personId: posts.personId, title: posts.title }).from(posts)
    .where(and(eq(posts.countyId, org.countyId), inArray(posts.personId, ids), sql`${posts.role} <> 'member'`, current))
    .orderBy(posts.startedOn);
  const paired = ids.length === 0 ? [] : await ctx.db.select({ cadreId: pairings.cadreId, n: sql<number>`count(*)::int` }).from(pairings)
    .where(and(eq(pairings.countyId, org.countyId), inArray(pairings.cadreId, ids), isNull(pairings.endedOn)))
    .groupBy(pairings.cadreId);
  const settings = await pairingSettings(ctx.db, org.countyId);
  return {
    org: { code: org.code, name: org.name },
    items: cadres.map((c) => {
      const own = [...new Set(titles.filter((t) => t.personId === c.id).map((t) => t.title))];
      const rank = rankOf(own, settings.ranks);
      const n = paired.find((p) => p.cadreId === c.id)?.n ?? 0;
      const quota = rank?.households ?? null;
      return { cadre: { id: c.id, name: c.name }, titles: own, rank: rank ? { id: rank.id, name: rank.name } : null, quota, paired: n, flag: quotaFlag(n, quota) };
    }),
    can: { pair: permission(ctx.actor, 'contracting.manage', org.path) },
  };
}
