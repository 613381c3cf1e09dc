/** The households of a subtree as a workbook, one row per member: numbers masked unless the reader may see them, and then the export audited. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { invalid } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { maskIdNumber, maskPhone } from '../members/privacy.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { listedSubtree, householdFilter } from './queries.js';
import { householdMembers, households } from './schema.js';
import { householdSettings } from './settings.js';
import { householdsWorkbook, type ExportedMember } from './workbooks.js';

export const HOUSEHOLD_EXPORT_LIMIT = 50_000;

async function exportRows(ctx: ServiceContext, db: Db, org: OrgRow): Promise<ExportedMember[]> {
  const { tags } = await householdSettings(db, ctx.actor.countyId);
  const names = new Map(tags.map((tag) => [tag.id, tag.name]));
  const found = await db.select({
    orgName: organizations.name, number: households.number, villagerGroup: households.villagerGroup, name: householdMembers.name, relation: householdMembers.relation,
    gender: householdMembers.gender, birthDate: householdMembers.birthDate, idNumber: householdMembers.idNumber,
    phone: sql<string | null>`coalesce(${householdMembers.phone}, case when ${householdMembers.relation} = 'head' then ${households.phone} end)`,
    address: households.address, tags: households.tags,
  })
    .from(householdMembers)
    .innerJoin(households, and(eq(households.countyId, householdMembers.countyId), eq(households.id, householdMembers.householdId)))
    .innerJoin(organizations, and(eq(organizations.countyId, households.countyId), eq(organizations.id, households.orgId)))
    .where(householdFilter(ctx, org, { status: 'active' }))
    .orderBy(asc(organizations.code), sql`${households.number} asc nulls last`, asc(households.id), asc(householdMembers.position))
    .limit(HOUSEHOLD_EXPORT_LIMIT + 1);
  if (found.length > HOUSEHOLD_EXPORT_LIMIT) throw invalid('households.export_too_large', { limit: HOUSEHOLD_EXPORT_LIMIT });
  return found.map((r) => ({ ...r, tags: r.tags.map((id) => names.get(id) ?? id).join('、') }));
}

export async function exportHouseholds(ctx: ServiceContext, code: string | undefined): Promise<{ org: OrgRow; workbook: Buffer }> {
  const org = await listedSubtree(ctx, code);
  const post = grantingPost(ctx.actor, 'person.read_sensitive', org.path);
  if (!post) {
    const rows = await exportRows(ctx, ctx.db, org);
    return { org, workbook: await householdsWorkbook(rows.map((r) => ({ ...r, idNumber: maskIdNumber(r.idNumber), phone: maskPhone(r.phone) }))) };
  }
  // The read and its audit event commit together: no full values leave without a record.
  const rows = await write(ctx, async (w) => {
    const found = await exportRows(ctx, w.tx, org);
    w.audit({ action: 'household.sensitive_export', entityType: 'organization', entityId: org.id, entityLabel: orgLabel(org), orgPath: org.path, postId: post.postId, after: { rows: found.length } });
    return found;
  });
  return { org, workbook: await householdsWorkbook(rows) };
}
