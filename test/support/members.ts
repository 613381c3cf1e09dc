/** Registry rows for the tests of transfers and ends, written the way the import would leave them. */
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../src/platform/db/database.js';
import { write, type ServiceContext } from '../../src/platform/service.js';
import { personPinyinKey } from '../../src/platform/text/pinyin.js';
import { visibleOrg } from '../../src/modules/organizations/queries.js';
import { people } from '../../src/modules/people/schema.js';
import { idCheckCharacter } from '../../src/modules/members/rules/id-number.js';
import { memberships } from '../../src/modules/members/schema.js';

/** A valid citizen ID number from its first 17 digits. */
export const idNumberOf = (first17: string) => first17 + idCheckCharacter(first17);

export type NewPerson = Partial<typeof people.$inferInsert> & { name: string };
export type NewMembership = Partial<typeof memberships.$inferInsert> & { category: string };

/** A person and their open membership in an organization, as the operator adds them. */
export async function addMember(operator: ServiceContext, orgCode: string, person: NewPerson, membership: NewMembership) {
  return write(operator, async (w) => {
    const org = await visibleOrg(operator, orgCode, w.tx);
    const countyId = operator.actor.countyId;
    const [added] = await w.tx.insert(people).values({ countyId, pinyin: personPinyinKey(person.name), orgId: org.id, orgPath: org.path, ...person }).returning();
    const [row] = await w.tx.insert(memberships).values({ countyId, personId: added!.id, orgId: org.id, orgPath: org.path, ...membership }).returning();
    return { person: added!, membership: row! };
  });
}

/**
 * The subtree breakdowns as the triggers keep them (member_breakdowns) and as a recount of the open
 * memberships gives them, side by side.
 */
export async function breakdownsAndRecount(db: Db) {
  const kept = await rows<{ key: string; n: number }>(db, sql`
    select concat_ws('|', subtree_path, category, dimension, value) as key, n from member_breakdowns where n <> 0 order by 1`);
  const recount = await rows<{ key: string; n: number }>(db, sql`
    select concat_ws('|', k.subtree_path, m.category, k.dimension, k.value) as key, count(*)::int as n
    from memberships m join people p on p.county_id = m.county_id and p.id = m.person_id
    cross join lateral member_breakdown_keys(m.org_path, m.joined_on, m.mobile, p.gender, p.ethnicity, p.education, p.occupation, p.birth_date) k
    where m.ended_on is null group by 1 order by 1`);
  return { kept, recount };
}

/** Adds members by name, noting each one's person id under that name in `ids`. */
export const memberAdder = (operator: ServiceContext, ids: Record<string, string>) =>
  async (orgCode: string, name: string, membership: NewMembership): Promise<void> => {
    ids[name] = (await addMember(operator, orgCode, { name }, membership)).person.id;
  };
