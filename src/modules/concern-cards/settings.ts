/**
 * The platform's public web address, which the cards' QR codes lead to: set by the county
 * administrator beside the concern settings. Unset, the web app prints with the address it was
 * opened at and the command line asks for --base-url.
 */
import { keyedSetting } from '../organizations/county-setting.js';
import { cardSettingsBody, type CardSettings } from './contracts.js';

export const cardSetting = keyedSetting<CardSettings>('concern-cards', cardSettingsBody, { publicAddress: null }, {
  action: 'concern_cards.settings', forbidden: 'cards.settings_forbidden',
});
