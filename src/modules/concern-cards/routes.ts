import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { contentDisposition } from '../../platform/http/download.js';
import { saveSetting, viewSetting } from '../organizations/county-setting.js';
import { printCards } from './cards.js';
import { cardSettingsBody, cardSettingsView, cardsQuery } from './contracts.js';
import { cardSetting } from './settings.js';

const tags = ['concern-cards'];
const errors = { 400: errorBody, 403: errorBody };

export const concernCardsHttp: HttpModule = {
  name: 'concern-cards',
  routes(app) {
    app.get('/api/concern-cards/settings', {
      schema: { tags, summary: '民情联系卡二维码指向的平台公网地址', response: { 200: cardSettingsView } },
    }, async (req) => viewSetting(req.ctx(), cardSetting));

    app.put('/api/concern-cards/settings', {
      schema: { tags, summary: '设置平台公网地址（县委组织部；留空则按打开网页的地址）', body: cardSettingsBody, response: { 200: cardSettingsView, ...errors } },
    }, async (req) => saveSetting(req.ctx(), cardSetting, req.body));

    app.get('/api/concern-cards', {
      schema: {
        tags, summary: '打印一个村（社区）的民情联系卡（PDF：每页一张，或 A4 每页四张便于裁切；可只印一户）', querystring: cardsQuery,
      },
    }, async (req, reply) => {
      // Without a county address, the QR codes lead back to where this page was opened.
      const { fileName, pdf } = await printCards(req.ctx(), req.query, { fallback: `${req.protocol}://${req.host}` });
      return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName)).send(pdf);
    });
  },
};
