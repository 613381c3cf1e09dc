import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId } from '../../../platform/db/columns.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';

/**
 * One step taken on a person's path to membership (发展党员工作细则: application, talk, activist,
 * development target, training, the branch's resolution, the approval, oath, full membership …),
 * with the day it was taken and who decided it. The stage dates on `memberships` say where a person
 * stands; these rows say how they got there and who answers for each step. A step recorded despite
 * a rule it breaks keeps the rules it broke and the override's reason.
 */
export const admissionSteps = pgTable(
  'admission_steps',
  {
    countyId: countyKey(),
    id: rowId(),
    personId: uuid('person_id').notNull(),
    /** The membership row open when the step was recorded. */
    membershipId: uuid('membership_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    step: text('step').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    /** The body that decided or approved, where the step is a decision (e.g. the township committee). */
    approvingOrgId: uuid('approving_org_id'),
    /** Who talked, decided or approved, as the file names them (e.g. 李明（组织委员）). */
    approver: text('approver'),
    /** Step-specific facts: votes of a meeting, names of mentors or sponsors, months of an extension. */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    note: text('note'),
    /** Rules the step breaks, recorded only when an authorized user overrode them … */
    overriddenRules: text('overridden_rules').array(),
    /** … with this reason. */
    overrideReason: text('override_reason'),
    recordedBy: uuid('recorded_by'),
    /** The membership's fields the step changed, as they were before it: what undoing the step restores. */
    membershipBefore: jsonb('membership_before').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.membershipId], foreignColumns: [memberships.countyId, memberships.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('admission_steps_person').on(t.countyId, t.personId),
    index('admission_steps_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('admission_steps_override', sql`(${t.overriddenRules} is null) = (${t.overrideReason} is null)`),
  ],
);
