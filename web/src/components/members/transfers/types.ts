/** Types of the transfer API, inferred from the server's contracts (type-only: nothing of the server is bundled). */
import type { z } from 'zod';
import type {
  arrivalBody, arrivalResult, endBody, personTransfers, sendTransferBody, transferPage, transferPermission, transferTargets, transferView,
} from '../../../../../src/modules/members/transfers/contracts.js';

export type TransferView = z.infer<typeof transferView>;
export type TransferPermission = z.infer<typeof transferPermission>;
export type TransferPage = z.infer<typeof transferPage>;
export type PersonTransfers = z.infer<typeof personTransfers>;
export type TransferTarget = z.infer<typeof transferTargets>['items'][number];
export type SendTransferBody = z.input<typeof sendTransferBody>;
export type EndBody = z.input<typeof endBody>;
export type ArrivalBody = z.input<typeof arrivalBody>;
export type ArrivalResult = z.infer<typeof arrivalResult>;
