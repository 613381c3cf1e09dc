import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { getCompliance } from './compliance.js';
import { recordContact } from './contacts.js';
import {
  complianceQuery, contactBody, endPairingBody, pairingBody, pairingCompliance, pairingDetail, pairingListQuery, pairingPage, pairingParams,
  pairingSettingsBody, pairingSettingsView, quotasQuery, quotasView,
} from './contracts.js';
import { createPairing, endPairing } from './pairings.js';
import { getPairing, listPairings } from './queries.js';
import { getQuotas } from './quotas.js';
import { getSettings, saveSettings } from './settings.js';

const tags = ['pairing'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const pairingHttp: HttpModule = {
  name: 'pairing',
  routes(app) {
    app.get('/api/pairing/settings', {
      schema: { tags, summary: '本县结对帮扶设置：各职级结对户数、帮扶类型、联系频次', response: { 200: pairingSettingsView } },
    }, async (req) => getSettings(req.ctx()));

    app.put('/api/pairing/settings', {
      schema: { tags, summary: '设置本县结对帮扶职级户数、帮扶类型和联系频次（县委组织部）', body: pairingSettingsBody, response: { 200: pairingSettingsView, ...errors } },
    }, async (req) => saveSettings(req.ctx(), req.body, req.lang));

    app.get('/api/pairing/pairings', {
      schema: { tags, summary: '结对帮扶名单：按村、干部、是否在帮筛选，含最近联系和本期联系情况', querystring: pairingListQuery, response: { 200: pairingPage, ...errors } },
    }, async (req) => listPairings(req.ctx(), req.query));

    app.post('/api/pairing/pairings', {
      schema: { tags, summary: '干部与农户结对（包村管理）', body: pairingBody, response: { 201: pairingDetail, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createPairing(req.ctx(), req.body, req.lang)));

    app.get('/api/pairing/pairings/:id', {
      schema: { tags, summary: '一对结对帮扶及其联系记录', params: pairingParams, response: { 200: pairingDetail, ...errors } },
    }, async (req) => getPairing(req.ctx(), req.params.id));

    app.post('/api/pairing/pairings/:id/end', {
      schema: { tags, summary: '结束结对帮扶（注明原因）', params: pairingParams, body: endPairingBody, response: { 200: pairingDetail, ...errors } },
    }, async (req) => endPairing(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/pairing/pairings/:id/contacts', {
      schema: { tags, summary: '登记一次结对联系（走访、电话等）', params: pairingParams, body: contactBody, response: { 201: pairingDetail, ...errors } },
    }, async (req, reply) => reply.status(201).send(await recordContact(req.ctx(), req.params.id, req.body, req.lang)));

    app.get('/api/pairing/quotas', {
      schema: { tags, summary: '乡镇干部结对户数与职级应结对户数对照（超出、不足标注）', querystring: quotasQuery, response: { 200: quotasView, ...errors } },
    }, async (req) => getQuotas(req.ctx(), req.query.org));

    app.get('/api/pairing/compliance', {
      schema: { tags, summary: '结对联系频次落实情况：逐对逐期联系次数与状态', querystring: complianceQuery, response: { 200: pairingCompliance, ...errors } },
    }, async (req) => getCompliance(req.ctx(), req.query));
  },
};
