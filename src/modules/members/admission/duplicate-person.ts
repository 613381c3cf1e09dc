/**
 * One person per citizen ID number in a county, whoever writes the number: a new applicant or a
 * corrected record. The person already holding it is named, with a link, to a caller who may read
 * people where they are; anyone else learns only that it is taken.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { inScope } from '../../../platform/access/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import type { Params } from '../../../platform/i18n/index.js';
import type { ServiceContext } from '../../../platform/service.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';

export interface ExistingPerson {
  personId: string;
  name: string;
  orgName: string;
  /** Without an open membership, the person may apply (again) as themselves. */
  reapplicable: boolean;
}

/** An ID number already on record; `existing` is set only when the caller may see that person. */
export class DuplicatePerson extends AppError {
  constructor(readonly existing?: ExistingPerson) {
    const key = existing ? 'person.id_taken' : 'person.id_taken_elsewhere';
    const params: Params = existing ? { name: existing.name, org: existing.orgName } : {};
    super(409, 'duplicate_person', key, params, [{ path: 'body.idNumber', key, params }]);
  }
}

/** Refuses `idNumber` when a person of the county other than `self` holds it; no number is never taken. */
export async function refuseTakenIdNumber(ctx: ServiceContext, db: Db, countyId: string, idNumber: string | null | undefined, self?: string): Promise<void> {
  if (!idNumber) return;
  const [holder] = await db.select({
    personId: people.id, name: people.name, orgName: organizations.name,
    visible: sql<boolean>`coalesce(${inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })}, false)`,
    member: sql<boolean>`exists (select 1 from ${memberships} m where m.county_id = ${people.countyId} and m.person_id = ${people.id} and m.ended_on is null)`,
  })
    .from(people)
    .innerJoin(organizations, and(eq(organizations.countyId, people.countyId), eq(organizations.id, people.orgId)))
    .where(and(eq(people.countyId, countyId), eq(people.idNumber, idNumber), self === undefined ? undefined : ne(people.id, self)))
    .limit(1);
  if (holder) {
    throw new DuplicatePerson(holder.visible ? { personId: holder.personId, name: holder.name, orgName: holder.orgName, reapplicable: !holder.member } : undefined);
  }
}
