import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCodePattern, orgTypes, unitTypes } from './rules.js';

export const orgCode = z.string().trim().regex(orgCodePattern, '组织编码只能包含字母、数字和连字符，最长 40 位');
export const orgType = z.enum(orgTypes);
export const unitType = z.enum(unitTypes);
export const divisionCode = z.string().trim().regex(/^[0-9]{12}$/, '行政区划代码应为 12 位数字');
const orgName = z.string().trim().min(2).max(60);

export const orgSummary = z.object({
  code: z.string(),
  name: z.string(),
  type: orgType,
  unitType: unitType.nullable(),
  divisionCode: z.string().nullable(),
  parentCode: z.string().nullable(),
  status: z.enum(['active', 'dissolved']),
  depth: z.number().int(),
  pinyin: z.string(),
});
export type OrgSummary = z.infer<typeof orgSummary>;

export const orgEvent = z.object({
  kind: z.enum(['created', 'renamed', 'moved', 'merged', 'absorbed', 'dissolved', 'updated']),
  effectiveOn: z.string(),
  details: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
});

export const orgDetail = orgSummary.extend({
  parentName: z.string().nullable(),
  establishedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  mergedIntoCode: z.string().nullable(),
  adminUnit: z.object({
    kind: z.string(),
    name: z.string(),
    divisionCode: z.string().nullable(),
    villagerGroups: z.array(z.object({ name: z.string(), divisionCode: z.string().nullable() })),
  }).nullable(),
  childCount: z.number().int(),
  history: z.array(orgEvent),
  /** Each action on the organization, allowed or with the reason it is not. */
  can: z.object({
    create: permission,
    update: permission,
    move: permission,
    merge: permission,
    dissolve: permission,
    addVillagerGroup: permission,
  }),
});
export type OrgDetail = z.infer<typeof orgDetail>;

export const listOrgsQuery = z.strictObject({
  q: z.string().trim().max(40).optional(),
  includeDissolved: z.enum(['true', 'false']).optional(),
});

export const orgList = z.object({ items: z.array(orgSummary) });

export const codeParams = z.strictObject({ code: orgCode });

export const createOrgBody = z.strictObject({
  code: orgCode,
  name: orgName,
  type: orgType,
  parentCode: orgCode,
  unitType: unitType.nullable().optional(),
  divisionCode: divisionCode.nullable().optional(),
  establishedOn: isoDate.optional(),
});
export type CreateOrgInput = z.infer<typeof createOrgBody>;

export const updateOrgBody = z.strictObject({
  name: orgName.optional(),
  type: orgType.optional(),
  unitType: unitType.nullable().optional(),
  divisionCode: divisionCode.nullable().optional(),
  effectiveOn: isoDate.optional(),
  note: z.string().trim().max(500).optional(),
});
export type UpdateOrgInput = z.infer<typeof updateOrgBody>;

export const moveOrgBody = z.strictObject({
  parentCode: orgCode,
  effectiveOn: isoDate.optional(),
  note: z.string().trim().max(500).optional(),
});

export const mergeOrgBody = z.strictObject({
  intoCode: orgCode,
  effectiveOn: isoDate.optional(),
  note: z.string().trim().max(500).optional(),
});

export const dissolveOrgBody = z.strictObject({
  effectiveOn: isoDate.optional(),
  note: z.string().trim().max(500).optional(),
});

export const villagerGroupBody = z.strictObject({
  name: z.string().trim().min(2).max(30),
  divisionCode: divisionCode.nullable().optional(),
});

export const importBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200).regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 文件'),
  /** The file's bytes, base64-encoded: up to 8 MiB of file. */
  content: z.string().min(1).max(Math.ceil((8 * 1024 * 1024) / 3) * 4),
  commit: z.boolean().default(false),
});

export const importReport = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  rows: z.array(z.object({
    rowNumber: z.number().int(),
    code: z.string(),
    name: z.string(),
    parentCode: z.string(),
    problems: z.array(z.object({ field: z.string(), message: z.string() })),
  })),
  valid: z.number().int(),
  invalid: z.number().int(),
  committed: z.boolean(),
});
export type ImportReportView = z.infer<typeof importReport>;
