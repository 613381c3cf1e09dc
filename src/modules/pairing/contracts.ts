import { z } from 'zod';
import { cellStatuses } from '../../platform/cadence/status.js';
import { periodUnits } from '../../platform/cadence/periods.js';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';

/** Pairing (结对帮扶): the county's quotas and help types, cadres paired with households, their contacts. */

const text = (max: number) => z.string().trim().min(1).max(max);
const settingId = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, '小写字母开头，只含小写字母、数字和下划线');

export const pairingRank = z.strictObject({
  id: settingId,
  name: text(50),
  /** Post titles in this rank, as parts of a title are written (党委副书记、镇长 has two). */
  titles: z.array(text(50)).max(100),
  /** Households a cadre of this rank helps. */
  households: z.number().int().min(0).max(50),
});

export const helpType = z.strictObject({ id: settingId, name: text(50) });

export const pairingSettingsBody = z.strictObject({
  /** In precedence: a cadre whose titles fall in two ranks takes the first. */
  ranks: z.array(pairingRank).min(1).max(20),
  helpTypes: z.array(helpType).min(1).max(50),
  /** At least `min` contacts per `unit` for each pairing. */
  frequency: z.strictObject({ min: z.number().int().min(1).max(31), unit: z.enum(periodUnits) }),
});
export type PairingSettings = z.infer<typeof pairingSettingsBody>;

export const pairingSettingsView = pairingSettingsBody.extend({ can: z.object({ edit: permission }) });
export type PairingSettingsView = z.infer<typeof pairingSettingsView>;

export const pairingBody = z.strictObject({
  cadreId: z.uuid(),
  householdId: z.uuid(),
  helpTypes: z.array(settingId).min(1).max(20),
  startedOn: isoDate,
  note: text(1000).optional(),
});
export type PairingInput = z.infer<typeof pairingBody>;

export const endPairingBody = z.strictObject({ endedOn: isoDate, reason: text(500) });
export type EndPairingInput = z.infer<typeof endPairingBody>;

export const pairingParams = z.strictObject({ id: z.uuid() });

export const contactModes = ['visit', 'phone', 'other'] as const;
export const contactMode = z.enum(contactModes);

export const contactBody = z.strictObject({
  contactedOn: isoDate,
  mode: contactMode,
  visitId: z.uuid().optional(),
  note: text(1000).optional(),
});
export type ContactInput = z.infer<typeof contactBody>;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const pairingListQuery = z.strictObject({
  /** The subtree (default: all the user may read). */
  org: z.string().trim().max(40).optional(),
  cadre: z.uuid().optional(),
  household: z.uuid().optional(),
  /** The acting user's own pairings as the cadre. */
  mine: boolParam.optional(),
  /** Open pairings only (true), ended only (false), or both. */
  active: boolParam.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type PairingListQuery = z.infer<typeof pairingListQuery>;

const ref = z.object({ id: z.string(), name: z.string() });
const cellStatus = z.enum(cellStatuses);

export const pairingView = z.object({
  id: z.string(),
  org: z.object({ code: z.string(), name: z.string() }),
  cadre: ref,
  household: z.object({ id: z.string(), headName: z.string(), number: z.string().nullable(), status: z.string() }),
  helpTypes: z.array(z.object({ id: z.string(), name: z.string() })),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  note: z.string().nullable(),
  lastContactOn: z.string().nullable(),
  /** The contact frequency in the current period (null when the pairing has ended). */
  current: z.object({ period: z.string(), held: z.number().int(), min: z.number().int(), status: cellStatus }).nullable(),
  can: z.object({ end: permission, contact: permission }),
});
export type PairingView = z.infer<typeof pairingView>;

export const pairingPage = z.object({
  items: z.array(pairingView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PairingPage = z.infer<typeof pairingPage>;

export const contactView = z.object({
  id: z.string(),
  contactedOn: z.string(),
  mode: contactMode,
  visit: z.object({ id: z.string(), visitedOn: z.string(), purpose: z.string() }).nullable(),
  note: z.string().nullable(),
});
export type ContactView = z.infer<typeof contactView>;

export const pairingDetail = pairingView.extend({ contacts: z.array(contactView) });
export type PairingDetail = z.infer<typeof pairingDetail>;

export const quotasQuery = z.strictObject({ org: orgCode });

export const quotaFlags = ['met', 'over', 'under', 'unranked'] as const;

export const quotasView = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  items: z.array(z.object({
    cadre: ref,
    titles: z.array(z.string()),
    rank: z.object({ id: z.string(), name: z.string() }).nullable(),
    quota: z.number().int().nullable(),
    /** Open pairings of the cadre, wherever the households are. */
    paired: z.number().int(),
    flag: z.enum(quotaFlags),
  })),
  can: z.object({ pair: permission }),
});
export type QuotasView = z.infer<typeof quotasView>;

export const complianceQuery = z.strictObject({
  org: z.string().trim().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const pairingCompliance = z.object({
  frequency: z.object({ min: z.number().int(), unit: z.enum(periodUnits) }),
  periods: z.array(z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() })),
  items: z.array(z.object({
    id: z.string(),
    org: z.object({ code: z.string(), name: z.string() }),
    cadre: ref,
    household: z.object({ id: z.string(), headName: z.string() }),
    /** One per period: null where the pairing was not open. */
    cells: z.array(z.object({ held: z.number().int(), status: cellStatus }).nullable()),
  })),
  totals: z.object({ done: z.number().int(), due: z.number().int(), overdue: z.number().int(), not_due: z.number().int() }),
});
export type PairingCompliance = z.infer<typeof pairingCompliance>;
