/** Types of the edit API, inferred from the server's contracts (type-only: nothing of the server is bundled). */
import type { z } from 'zod';
import type { memberEditBody, memberEditResult, memberRecord } from '../../../../../src/modules/members/edit-contracts.js';

export type MemberRecord = z.infer<typeof memberRecord>;
export type MemberEditBody = z.input<typeof memberEditBody>;
export type MemberEditResult = z.infer<typeof memberEditResult>;
