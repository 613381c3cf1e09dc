import { z } from 'zod';
import { isoDate } from '../../../platform/http/contracts.js';
import { orgCode } from '../../organizations/contracts.js';
import { memberCategory } from '../contracts.js';
import { MAX_NAME_LENGTH } from '../import-rows.js';
import { endReasons, transferKinds, transferStates } from './rules.js';

/** Membership transfers (组织关系转接) and ends of membership. */

export const transferKind = z.enum(transferKinds);
export const transferState = z.enum(transferStates);

/** Like the platform's permission, with the reasons a transfer adds about its own state. */
export const transferPermission = z.object({
  allowed: z.boolean(),
  reason: z.enum([
    'no_ability', 'out_of_scope', 'not_pending', 'receiver_only', 'sender_only', 'not_applicable', 'no_membership', 'transfer_pending',
  ]).optional(),
});
export type TransferPermission = z.infer<typeof transferPermission>;

const orgRef = z.object({ code: z.string(), name: z.string() });

export const transferView = z.object({
  id: z.string(),
  kind: transferKind,
  state: transferState,
  /** Only what deciding needs: the receiver sees this before the person is theirs. */
  person: z.object({
    id: z.string(),
    name: z.string(),
    gender: z.string().nullable(),
    /** Always masked. */
    idNumber: z.string().nullable(),
    /** The stage of the membership row the transfer moves (or, for a transfer in, created). */
    category: memberCategory.nullable(),
    /** Whether the reader may open the person's profile. */
    visible: z.boolean(),
  }),
  /** The sending organization in the county; null for a transfer into the county. */
  from: orgRef.nullable(),
  /** The receiving organization in the county; null for a transfer out of it. */
  to: orgRef.nullable(),
  externalOrg: z.string().nullable(),
  sentOn: z.string(),
  decidedOn: z.string().nullable(),
  /** The last day to receive a transfer still waiting, and whether it has passed. */
  due: z.string().nullable(),
  overdue: z.boolean(),
  rejectReason: z.string().nullable(),
  letterNo: z.string().nullable(),
  note: z.string().nullable(),
  can: z.object({ receive: transferPermission, reject: transferPermission, cancel: transferPermission, letter: transferPermission }),
});
export type TransferView = z.infer<typeof transferView>;

export const transferParams = z.strictObject({ id: z.uuid() });

export const transferListQuery = z.strictObject({
  /** incoming: to organizations in the reader's scope; outgoing: from them; arrivals: into the county. */
  box: z.enum(['incoming', 'outgoing', 'arrivals']).default('incoming'),
  state: transferState.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TransferListQuery = z.infer<typeof transferListQuery>;

export const transferPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(transferView),
});

export const personTransfers = z.object({
  items: z.array(transferView),
  can: z.object({ send: transferPermission, end: transferPermission }),
});
export type PersonTransfers = z.infer<typeof personTransfers>;

/** Organizations of the county that may receive a member. */
export const transferTargets = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), pinyin: z.string(), parentName: z.string().nullable() })),
});

const note = z.string().trim().max(500);
const letterNo = z.string().trim().min(1).max(40);
const externalOrg = z.string().trim().min(2).max(100);

const sending = { sentOn: isoDate.optional(), letterNo: letterNo.optional(), note: note.optional() };
export const sendTransferBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('within'), toOrgCode: orgCode, ...sending }),
  z.strictObject({ kind: z.literal('out'), externalOrg, ...sending }),
]);
export type SendTransferInput = z.infer<typeof sendTransferBody>;

export const receiveBody = z.strictObject({ receivedOn: isoDate.optional() });
export const rejectBody = z.strictObject({ rejectedOn: isoDate.optional(), reason: z.string().trim().min(2).max(500) });
export const cancelBody = z.strictObject({});

export const letterQuery = z.strictObject({
  /** The last month of Party dues paid (YYYY-MM); left blank on the letter when not given. */
  duesPaidTo: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '党费交至月份应写成 2026-02 这样的格式').optional(),
});

/** A member arriving from outside the county with a letter: the person, their stages and the letter. */
export const arrivalBody = z.strictObject({
  orgCode,
  externalOrg,
  letterNo,
  /** The letter's date; default the day received. */
  sentOn: isoDate.optional(),
  receivedOn: isoDate.optional(),
  note: note.optional(),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  /** The person's fields are checked by the registry's rules (rules/person.ts, GB 11643 for this one), which name what is wrong. */
  idNumber: z.string().trim().min(1).max(30),
  /** Default: what the ID number says. */
  gender: z.enum(['1', '2']).optional(),
  /** GB 3304 two-digit code. */
  ethnicity: z.string().trim().optional(),
  /** Default: what the ID number says. */
  birthDate: isoDate.optional(),
  /** A GB/T 4658 code or its name. */
  education: z.string().trim().optional(),
  /** An occupation category of Party statistics, by code name or label. */
  occupation: z.string().trim().optional(),
  phone: z.string().trim().max(30).optional(),
  address: z.string().trim().max(200).optional(),
  category: memberCategory,
  appliedOn: isoDate.optional(),
  activistOn: isoDate.optional(),
  targetOn: isoDate.optional(),
  joinedOn: isoDate.optional(),
  fullOn: isoDate.optional(),
  probationExtensionMonths: z.number().int().optional(),
});
export type ArrivalInput = z.infer<typeof arrivalBody>;

export const arrivalResult = z.object({
  transfer: transferView,
  /** Whether the person was already on record (matched by ID number) rather than added. */
  matchedPerson: z.boolean(),
  /** Timing rules the member's recorded stages break; kept as history, not refused. */
  warnings: z.array(z.string()),
});

// ends of membership

export const endReason = z.enum(endReasons);

export const endBody = z.strictObject({
  reason: endReason,
  endedOn: isoDate,
  /** What happened or the decision (e.g. its document number); kept with the ended row and in the audit trail. */
  note: z.string().trim().min(2).max(500),
});
export type EndInput = z.infer<typeof endBody>;

export const endResult = z.object({ membershipId: z.string(), endedOn: z.string(), reason: endReason });
