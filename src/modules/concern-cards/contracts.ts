import { z } from 'zod';
import { permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';
import { layouts } from './rules.js';

/** Concern cards (民情联系卡, issue 5 §5): the printed batch of a village, and the address its QR codes lead to. */

export const cardsQuery = z.strictObject({
  village: orgCode,
  layout: z.enum(layouts).default('card'),
  /** One household's card instead of the village's batch. */
  household: z.uuid().optional(),
});
export type CardsQuery = z.infer<typeof cardsQuery>;

/** An address villagers' phones reach: http(s), no query or fragment, since the page path is added to it. */
export const publicAddress = z.string().trim().max(200)
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, '应为以 http:// 或 https:// 开头的网址，如 https://dangjian.xx.gov.cn');

export const cardSettingsBody = z.strictObject({
  /** The platform's public web address (e.g. https://dangjian.xx.gov.cn); null: the address the web app was opened at. */
  publicAddress: publicAddress.nullable(),
});
export type CardSettings = z.infer<typeof cardSettingsBody>;
export const cardSettingsView = cardSettingsBody.extend({ can: z.object({ edit: permission }) });
export type CardSettingsView = z.infer<typeof cardSettingsView>;
