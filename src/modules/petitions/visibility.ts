/**
 * Who may see a petition: THE predicate every petition query carries (register, detail, counts,
 * export, to-dos, the audit trail). Reach: the handling organization lies where the reader may
 * register petitions (handlers and the village's secretary), or the reader registered it. And never
 * the accused: not an accused person (by person id, whatever their posts), and no post in an accused
 * organization or below it. Posts above an accused organization keep sight: the township handles a
 * complaint about its village's branch. A county administrator who is personally accused is excluded
 * like anyone else. Accused people named only in free text cannot be matched to an account.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { inScope, type Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { pathAndAncestors } from './rules.js';
import { petitionAccused, petitions } from './schema.js';

export function petitionVisible(actor: Actor): SQL {
  const reach = or(
    inScope(actor, 'petition.register', { county: petitions.countyId, path: petitions.orgPath }),
    actor.userId ? and(eq(petitions.countyId, actor.countyId), eq(petitions.registeredBy, actor.userId)) : undefined,
  )!;
  const units = [...new Set(actor.posts.flatMap((p) => pathAndAncestors(p.orgPath)))];
  const accusing = or(
    actor.personId ? eq(petitionAccused.personId, actor.personId) : undefined,
    units.length > 0 ? inArray(petitionAccused.orgPath, units) : undefined,
  );
  if (!accusing) return reach;
  return and(reach, sql`not exists (select 1 from ${petitionAccused} where ${petitionAccused.countyId} = ${petitions.countyId} and ${petitionAccused.petitionId} = ${petitions.id} and ${accusing})`)!;
}

/** The ids (as text, as audit events name entities) of the petitions the actor may see. */
export function visiblePetitionIds(db: Db, actor: Actor) {
  return db.select({ id: sql<string>`${petitions.id}::text` }).from(petitions).where(petitionVisible(actor));
}
