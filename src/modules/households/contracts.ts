import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';
import { relations } from './rules.js';

/** Households of a village, their members and the county's tag list; imported by the web app too. */

const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: a blank string clears it. */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const householdTag = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '编号只能用小写字母、数字和下划线，以字母开头'),
  name: text(20),
});
export const householdSettingsBody = z.strictObject({ tags: z.array(householdTag).max(60) });
export type HouseholdSettings = z.infer<typeof householdSettingsBody>;
export const householdSettingsView = householdSettingsBody.extend({ can: z.object({ edit: permission }) });
export type HouseholdSettingsView = z.infer<typeof householdSettingsView>;

export const relation = z.enum(relations);

export const householdMemberInput = z.strictObject({
  /** A member already recorded keeps their id; one without is added. */
  id: z.uuid().optional(),
  name: text(50),
  relation,
  gender: z.enum(['1', '2']).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  /** A masked value as the form showed it stands for the recorded number, unchanged. */
  idNumber: optionalText(18),
  phone: optionalText(20),
});
export type HouseholdMemberInput = z.infer<typeof householdMemberInput>;

const householdFields = {
  number: optionalText(30),
  villagerGroup: optionalText(30),
  headName: text(50),
  phone: optionalText(20),
  address: optionalText(200),
  tags: z.array(z.string().max(40)).max(20).optional(),
  note: optionalText(500),
};

export const householdCreate = z.strictObject({ org: orgCode, ...householdFields, members: z.array(householdMemberInput).min(1).max(40) });
export type HouseholdCreate = z.infer<typeof householdCreate>;

/** Fields left out keep their values; `members`, when given, is the whole new list. */
export const householdPatch = z.strictObject({ ...householdFields, headName: text(50).optional(), members: z.array(householdMemberInput).min(1).max(40).optional() });
export type HouseholdPatch = z.infer<typeof householdPatch>;

export const householdMove = z.strictObject({ movedOn: isoDate, reason: text(200) });
export const householdParams = z.strictObject({ id: z.uuid() });

export const householdListQuery = z.strictObject({
  /** A village, or a subtree; default the widest the caller may read people in. */
  org: orgCode.optional(),
  /** Head's or any member's name, or the household number. */
  q: z.string().trim().max(40).optional(),
  tag: z.string().trim().max(40).optional(),
  group: z.string().trim().max(30).optional(),
  status: z.enum(['active', 'moved']).default('active'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

export const householdItem = z.object({
  id: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  number: z.string().nullable(),
  villagerGroup: z.string().nullable(),
  headName: z.string(),
  /** Full only for a reader with 'person.read_sensitive' (and that read audited); masked otherwise. */
  phone: z.string().nullable(),
  address: z.string().nullable(),
  tags: z.array(z.string()),
  memberCount: z.number().int(),
  status: z.enum(['active', 'moved']),
});
export type HouseholdItem = z.infer<typeof householdItem>;

export const householdPage = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(householdItem),
  fullValues: z.boolean(),
  can: z.object({ create: permission }),
});
export type HouseholdPage = z.infer<typeof householdPage>;

export const householdMemberView = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  relation,
  gender: z.enum(['1', '2']).nullable(),
  birthDate: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
});

export const householdDetail = householdItem.extend({
  note: z.string().nullable(),
  members: z.array(householdMemberView),
  fullValues: z.boolean(),
  can: z.object({ edit: permission }),
});
export type HouseholdDetail = z.infer<typeof householdDetail>;

/** A picker's search: a few households of one village by head, number or villager group, nothing sensitive. */
export const householdChoiceQuery = z.strictObject({ org: orgCode, q: z.string().trim().max(50).optional() });
export const householdChoices = z.object({
  items: z.array(z.object({ id: z.string(), headName: z.string(), number: z.string().nullable(), villagerGroup: z.string().nullable(), address: z.string().nullable() })),
});
export type HouseholdChoices = z.infer<typeof householdChoices>;

export const householdImportQuery = z.strictObject({ org: orgCode });
export const householdExportQuery = z.strictObject({ org: orgCode.optional() });

export const householdImportReport = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  households: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.number().int(),
  rowsWithErrors: z.number().int(),
  problems: z.array(z.object({ rowNumber: z.number().int(), column: z.string(), value: z.string(), message: z.string() })),
  committed: z.boolean(),
});
export type HouseholdImportReport = z.infer<typeof householdImportReport>;
