import { z } from 'zod';
import { periodUnits } from '../../platform/cadence/periods.js';
import { cellStatuses } from '../../platform/cadence/status.js';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';

/**
 * Village contracting (包村, issue 5 §2): a township's yearly teams and the villages assigned to
 * them, visits to villages, and the visit quota of each team leader per period.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
export const year = z.coerce.number().int().min(2000).max(2100);
const personRef = z.object({ id: z.string(), name: z.string() });
const orgRef = z.object({ code: z.string(), name: z.string() });
const periodView = z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() });

// Settings: local practice (seed 000: three visits a week), the county administrator's to set.

export const settingsBody = z.strictObject({
  /** At least this many visits per period by each team leader. */
  visitsPerPeriod: z.number().int().min(1).max(50),
  period: z.enum(periodUnits),
  /** Whether a visit by members of the team without the leader counts for the leader. */
  memberVisitsCount: z.boolean(),
});
export type ContractingSettings = z.infer<typeof settingsBody>;
export const settingsView = settingsBody.extend({ can: z.object({ edit: permission }) });
export type ContractingSettingsView = z.infer<typeof settingsView>;

// Teams: per township and year, with their members and villages, written together.

export const teamBody = z.strictObject({
  /** The township's committee. */
  orgCode,
  year: z.number().int().min(2000).max(2100),
  name: text(60),
  leaderId: z.uuid(),
  memberIds: z.array(z.uuid()).max(50).default([]),
  villageCodes: z.array(orgCode).max(100).default([]),
  note: text(500).optional(),
});
export type TeamInput = z.infer<typeof teamBody>;

/** What a correction may change; the township and year stay. `note: null` clears the note. */
export const teamPatch = z.strictObject({
  name: text(60).optional(),
  leaderId: z.uuid().optional(),
  memberIds: z.array(z.uuid()).max(50).optional(),
  villageCodes: z.array(orgCode).max(100).optional(),
  note: text(500).nullable().optional(),
});
export type TeamPatch = z.infer<typeof teamPatch>;

export const idParams = z.strictObject({ id: z.uuid() });

export const teamView = z.object({
  id: z.string(),
  org: orgRef,
  year: z.number().int(),
  name: z.string(),
  leader: personRef,
  members: z.array(personRef),
  villages: z.array(orgRef),
  note: z.string().nullable(),
});
export type TeamView = z.infer<typeof teamView>;

export const teamsQuery = z.strictObject({ org: z.string().trim().min(1).max(40), year });

/** A person who may lead or serve in a team of the township that year, with the titles of their posts there. */
const candidate = personRef.extend({ titles: z.array(z.string()) });

export const teamsView = z.object({
  org: orgRef,
  year: z.number().int(),
  teams: z.array(teamView),
  /** Leaders: the committee's members; members: cadres of the township; villages: its villages and communities. */
  candidates: z.object({ leaders: z.array(candidate), members: z.array(candidate), villages: z.array(orgRef) }),
  can: z.object({ manage: permission }),
});
export type TeamsView = z.infer<typeof teamsView>;

// Visits.

export const visitBody = z.strictObject({
  /** The village (or community) visited. */
  orgCode,
  /** The team the visit is made for; when left out, the village's team of the year if a participant serves in it. */
  teamId: z.uuid().optional(),
  visitedOn: isoDate,
  purpose: text(200),
  /** Who went; the user alone when left out. */
  participantIds: z.array(z.uuid()).min(1).max(30).optional(),
  householdIds: z.array(z.uuid()).max(200).default([]),
  problemsFound: text(4000).optional(),
  problemsSolved: text(4000).optional(),
});
export type VisitInput = z.infer<typeof visitBody>;

/** A correction; the village stays. `null` clears an optional text or the team. */
export const visitPatch = z.strictObject({
  teamId: z.uuid().nullable().optional(),
  visitedOn: isoDate.optional(),
  purpose: text(200).optional(),
  participantIds: z.array(z.uuid()).min(1).max(30).optional(),
  householdIds: z.array(z.uuid()).max(200).optional(),
  problemsFound: text(4000).nullable().optional(),
  problemsSolved: text(4000).nullable().optional(),
});
export type VisitPatch = z.infer<typeof visitPatch>;

export const visitSummary = z.object({
  id: z.string(),
  village: orgRef,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  visitedOn: z.string(),
  purpose: z.string(),
  participants: z.array(personRef),
  households: z.number().int(),
  problemsFound: z.string().nullable(),
  problemsSolved: z.string().nullable(),
});
export type VisitSummary = z.infer<typeof visitSummary>;

export const visitDetail = visitSummary.extend({
  households: z.array(z.object({ id: z.string(), headName: z.string(), villagerGroup: z.string().nullable() })),
  createdAt: z.string(),
  can: z.object({ edit: permission }),
});
export type VisitDetail = z.infer<typeof visitDetail>;

export const visitsQuery = z.strictObject({
  /** A subtree (village, township, county); default the whole of the user's reach. */
  org: z.string().trim().max(40).optional(),
  team: z.uuid().optional(),
  person: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type VisitsQuery = z.infer<typeof visitsQuery>;

export const visitPage = z.object({ items: z.array(visitSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type VisitPage = z.infer<typeof visitPage>;

/** What the visit form offers: the user's contracted villages, and for a chosen village its team and who may go. */
export const visitOptionsQuery = z.strictObject({ org: z.string().trim().max(40).optional(), on: isoDate.optional() });
export const visitOptions = z.object({
  villages: z.array(orgRef.extend({ team: z.object({ id: z.string(), name: z.string() }) })),
  village: orgRef.nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  participants: z.array(candidate),
  /** The user, who goes by default. */
  self: personRef.nullable(),
  can: z.object({ record: permission }),
});
export type VisitOptions = z.infer<typeof visitOptions>;


// Compliance and the board.

export const complianceQuery = z.strictObject({ org: z.string().trim().min(1).max(40), year, from: isoDate.optional(), to: isoDate.optional() });

export const quotaCell = z.object({ held: z.number().int(), required: z.number().int(), status: z.enum(cellStatuses) });
export type QuotaCellView = z.infer<typeof quotaCell>;

export const complianceView = z.object({
  org: orgRef,
  year: z.number().int(),
  quota: settingsBody,
  periods: z.array(periodView),
  teams: z.array(z.object({
    id: z.string(),
    name: z.string(),
    township: orgRef,
    leader: personRef,
    villages: z.array(orgRef),
    /** One per period. */
    cells: z.array(quotaCell),
  })),
});
export type ComplianceView = z.infer<typeof complianceView>;

export const boardQuery = z.strictObject({ org: z.string().trim().min(1).max(40), week: z.string().regex(/^\d{4}-W\d{2}$/, 'YYYY-Www').optional() });

export const boardView = z.object({
  org: orgRef,
  week: periodView,
  /** The quota period holding the week (the week itself unless the county counts by month or longer). */
  period: periodView,
  quota: settingsBody,
  /** A village unvisited this many days is flagged. */
  staleDays: z.number().int(),
  teams: z.array(z.object({
    id: z.string(),
    name: z.string(),
    leader: personRef,
    members: z.array(personRef),
    quota: quotaCell,
    villages: z.array(orgRef.extend({ lastVisitedOn: z.string().nullable(), stale: z.boolean() })),
    /** Visits of the team in each of the `history` weeks. */
    history: z.array(z.number().int()),
  })),
  history: z.array(periodView),
  can: z.object({ manage: permission, record: permission }),
});
export type BoardView = z.infer<typeof boardView>;
