/**
 * Whom a petition may name as accused, by person: holders of an open post anywhere in the county
 * (a complaint may be about a cadre above the registrant's own organization). Only names, titles and
 * organizations: what the county's organization pages show of its cadres anyway.
 */
import { and, asc, eq, isNull, like, or, type SQL } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { forbidden } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { escapeLike, isPinyinQuery } from '../../platform/text/pinyin.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';

const LIMIT = 20;

export async function accusedChoices(ctx: ServiceContext, q: string) {
  if (postsWith(ctx.actor, 'petition.register').length === 0) throw forbidden('petitions.refused.no_ability');
  const term = escapeLike(q.toLowerCase());
  const match: SQL = isPinyinQuery(q)
    ? or(like(people.pinyin, `${term}%`), like(people.pinyin, `% ${term}%`))!
    : like(people.name, `%${escapeLike(q)}%`);
  const rows = await ctx.db.select({ id: people.id, name: people.name, title: posts.title, org: organizations.name })
    .from(posts)
    .innerJoin(people, and(eq(people.countyId, posts.countyId), eq(people.id, posts.personId)))
    .innerJoin(organizations, and(eq(organizations.countyId, posts.countyId), eq(organizations.id, posts.orgId)))
    .where(and(eq(posts.countyId, ctx.actor.countyId), isNull(posts.endedOn), match))
    .orderBy(asc(people.pinyin), asc(organizations.code))
    .limit(LIMIT);
  return { items: rows };
}
