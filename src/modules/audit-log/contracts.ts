import { z } from 'zod';
import { isoDate } from '../../platform/http/contracts.js';

export const auditQuery = z.strictObject({
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditPage = z.object({
  total: z.number().int(),
  items: z.array(z.object({
    seq: z.number().int(),
    at: z.string(),
    actorLabel: z.string(),
    onBehalfOf: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    entityLabel: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string(),
  })),
});
