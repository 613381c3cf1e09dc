import { date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, tsvector, updatedAt } from '../../platform/db/columns.js';
import { visits } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A cadre's visit diary (民情日记): what they found in a village or a household, in the fields
 * local diaries keep (rules.md §1.6). Searched by any two or more characters through `search`,
 * the character pairs of all its text, written with it by the application.
 */
export const visitDiaries = pgTable(
  'visit_diaries',
  {
    countyId: countyKey(),
    id: rowId(),
    authorId: uuid('author_id').notNull(),
    /** The village written about. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    visitId: uuid('visit_id'),
    householdId: uuid('household_id'),
    writtenOn: date('written_on', { mode: 'string' }).notNull(),
    /** 家庭情况, 存在问题, 群众诉求, 下步打算, 办理结果. */
    situation: text('situation').notNull(),
    problems: text('problems'),
    demands: text('demands'),
    plan: text('plan'),
    result: text('result'),
    search: tsvector('search').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.authorId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.visitId], foreignColumns: [visits.countyId, visits.id] }).onDelete('set null'),
    foreignKey({ columns: [t.countyId, t.householdId], foreignColumns: [households.countyId, households.id] }),
    index('visit_diaries_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    index('visit_diaries_author').on(t.countyId, t.authorId, t.writtenOn),
    index('visit_diaries_search').using('gin', t.search),
    // Newest first: a frequent term is read in this order and stops after a page (bench, half a million diaries).
    index('visit_diaries_newest').on(t.countyId, t.writtenOn.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);
