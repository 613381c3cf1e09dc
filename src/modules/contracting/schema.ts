import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { households } from '../households/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A township's contracting team (包村工作组) for a year: a committee member leads it, cadres serve
 * in it, and it is assigned villages. The visit quota is checked per leader and week.
 */
export const contractingTeams = pgTable(
  'contracting_teams',
  {
    countyId: countyKey(),
    id: rowId(),
    /** The township committee's organization. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    leaderId: uuid('leader_id').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.leaderId], foreignColumns: [people.countyId, people.id] }),
    unique('contracting_teams_name').on(t.countyId, t.orgId, t.year, t.name),
    index('contracting_teams_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('contracting_teams_year', sql`${t.year} between 2000 and 2100`),
  ],
);

/** A cadre serving in a team (the leader is on the team itself). */
export const contractingTeamMembers = pgTable(
  'contracting_team_members',
  {
    countyId: countyKey(),
    teamId: uuid('team_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.teamId, t.personId] }),
    foreignKey({ columns: [t.countyId, t.teamId], foreignColumns: [contractingTeams.countyId, contractingTeams.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    index('contracting_team_members_person').on(t.countyId, t.personId),
  ],
);

/** A village assigned to a team; one team per village and year. */
export const contractingVillages = pgTable(
  'contracting_villages',
  {
    countyId: countyKey(),
    teamId: uuid('team_id').notNull(),
    year: integer('year').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.teamId, t.orgId] }),
    foreignKey({ columns: [t.countyId, t.teamId], foreignColumns: [contractingTeams.countyId, contractingTeams.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    uniqueIndex('contracting_villages_once').on(t.countyId, t.year, t.orgId),
  ],
);

/**
 * A recorded visit to a village (入村走访): by a team or by any cadre. Problems found may each
 * become a concern (concerns.visit_id points back here).
 */
export const visits = pgTable(
  'visits',
  {
    countyId: countyKey(),
    id: rowId(),
    /** The village visited. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The team the visit counts for, when it is a contracting visit. */
    teamId: uuid('team_id'),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    purpose: text('purpose').notNull(),
    problemsFound: text('problems_found'),
    problemsSolved: text('problems_solved'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.teamId], foreignColumns: [contractingTeams.countyId, contractingTeams.id] }),
    index('visits_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    // The quota: a team's visits over a span of weeks.
    index('visits_team').on(t.countyId, t.teamId, t.visitedOn),
  ],
);

/** Who went on a visit (the quota counts the leader's). */
export const visitParticipants = pgTable(
  'visit_participants',
  {
    countyId: countyKey(),
    visitId: uuid('visit_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.visitId, t.personId] }),
    foreignKey({ columns: [t.countyId, t.visitId], foreignColumns: [visits.countyId, visits.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    index('visit_participants_person').on(t.countyId, t.personId),
  ],
);

/** A household met on a visit. */
export const visitHouseholds = pgTable(
  'visit_households',
  {
    countyId: countyKey(),
    visitId: uuid('visit_id').notNull(),
    householdId: uuid('household_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.visitId, t.householdId] }),
    foreignKey({ columns: [t.countyId, t.visitId], foreignColumns: [visits.countyId, visits.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.householdId], foreignColumns: [households.countyId, households.id] }),
    index('visit_households_household').on(t.countyId, t.householdId),
  ],
);
