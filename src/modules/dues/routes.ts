import { z } from 'zod';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { getBases, saveBases } from './bases.js';
import {
  basesBody, basesView, orgYearQuery, paymentParams, paymentPatch, paymentsBody, paymentsCreated, paymentView, settingsBody, settingsView, sheetQuery, sheetView,
} from './contracts.js';
import { correctPayment, deletePayment, getSheet, recordPayments } from './payments.js';
import { getSettings, saveSettings } from './settings.js';

const tags = ['dues'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const duesHttp: HttpModule = {
  name: 'dues',
  routes(app) {
    app.get('/api/dues/settings', {
      schema: { tags, summary: '本县党费标准：农民党员和低收入党员的月缴金额、补缴期限', response: { 200: settingsView } },
    }, async (req) => getSettings(req.ctx()));

    app.put('/api/dues/settings', {
      schema: { tags, summary: '设置本县党费标准（县委组织部）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveSettings(req.ctx(), req.body));

    app.get('/api/dues/bases', {
      schema: { tags, summary: '党支部某年党员的计缴类别、基数和月缴金额', querystring: orgYearQuery, response: { 200: basesView, ...errors } },
    }, async (req) => getBases(req.ctx(), req.query));

    app.put('/api/dues/bases', {
      schema: { tags, summary: '批量核定党员某年的计缴基数和月缴金额（全部通过才保存）', body: basesBody, response: { 200: basesView, ...errors } },
    }, async (req) => saveBases(req.ctx(), req.body, req.lang));

    app.get('/api/dues/sheet', {
      schema: { tags, summary: '党支部某月党费收缴表：应缴、实缴、连续未缴月数', querystring: sheetQuery, response: { 200: sheetView, ...errors } },
    }, async (req) => getSheet(req.ctx(), req.query));

    app.post('/api/dues/payments', {
      schema: { tags, summary: '批量登记党费缴纳（逐行检查，全部通过才保存）', body: paymentsBody, response: { 201: paymentsCreated, ...errors } },
    }, async (req, reply) => reply.status(201).send(await recordPayments(req.ctx(), req.body, req.lang)));

    app.patch('/api/dues/payments/:id', {
      schema: { tags, summary: '更正一条党费缴纳记录（记入审计）', params: paymentParams, body: paymentPatch, response: { 200: paymentView, ...errors } },
    }, async (req) => correctPayment(req.ctx(), req.params.id, req.body, req.lang));

    app.delete('/api/dues/payments/:id', {
      schema: { tags, summary: '删除一条误登的党费缴纳记录（记入审计）', params: paymentParams, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      await deletePayment(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    });
  },
};
