import { z } from 'zod';
import { contentDisposition } from '../../platform/http/download.js';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { saveSetting, viewSetting } from '../organizations/county-setting.js';
import { getBases, saveBases } from './bases.js';
import {
  basesBody, basesView, collectionsView, orgYearQuery, paymentParams, paymentPatch, paymentsBody, paymentsCreated, paymentView, publishedView, remittanceInput,
  remittanceParams, remittancePatch, remittancesView, remittanceView, settingsBody, settingsView, sheetQuery, sheetView, useInput, useParams, usePatch, usesView, useView,
} from './contracts.js';
import { getCollections } from './collections.js';
import { duesLedger } from './ledger.js';
import { getPublished } from './published.js';
import { duesSetting } from './queries.js';
import { correctRemittance, deleteRemittance, listRemittances, recordRemittance } from './remittances.js';
import { correctUse, deleteUse, listUses, recordUse } from './uses.js';
import { correctPayment, deletePayment, getSheet, recordPayments } from './payments.js';

const tags = ['dues'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const duesHttp: HttpModule = {
  name: 'dues',
  routes(app) {
    app.get('/api/dues/settings', {
      schema: { tags, summary: '本县党费标准：农民党员和低收入党员的月缴金额、补缴期限', response: { 200: settingsView } },
    }, async (req) => viewSetting(req.ctx(), duesSetting));

    app.put('/api/dues/settings', {
      schema: { tags, summary: '设置本县党费标准（县委组织部）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveSetting(req.ctx(), duesSetting, req.body));

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

    app.get('/api/dues/collections', {
      schema: { tags, summary: '下辖各党支部逐月党费收缴汇总：应缴、实缴、上缴', querystring: orgYearQuery, response: { 200: collectionsView, ...errors } },
    }, async (req) => getCollections(req.ctx(), req.query));

    app.get('/api/dues/remittances', {
      schema: { tags, summary: '本组织及下级某年的党费上缴记录（含本组织收到的）', querystring: orgYearQuery, response: { 200: remittancesView, ...errors } },
    }, async (req) => listRemittances(req.ctx(), req.query));

    app.post('/api/dues/remittances', {
      schema: { tags, summary: '登记某月党费上缴至上级党委（每月一次，不超过当月收缴）', body: remittanceInput, response: { 201: remittanceView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await recordRemittance(req.ctx(), req.body, req.lang)));

    app.patch('/api/dues/remittances/:id', {
      schema: { tags, summary: '更正一条党费上缴记录（记入审计）', params: remittanceParams, body: remittancePatch, response: { 200: remittanceView, ...errors } },
    }, async (req) => correctRemittance(req.ctx(), req.params.id, req.body, req.lang));

    app.delete('/api/dues/remittances/:id', {
      schema: { tags, summary: '删除一条误登的党费上缴记录（记入审计）', params: remittanceParams, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      await deleteRemittance(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    });

    app.get('/api/dues/uses', {
      schema: { tags, summary: '某组织某年的党费使用记录', querystring: orgYearQuery, response: { 200: usesView, ...errors } },
    }, async (req) => listUses(req.ctx(), req.query));

    app.post('/api/dues/uses', {
      schema: { tags, summary: '登记一笔党费使用（用途、说明、日期、金额）', body: useInput, response: { 201: useView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await recordUse(req.ctx(), req.body, req.lang)));

    app.patch('/api/dues/uses/:id', {
      schema: { tags, summary: '更正一笔党费使用（记入审计）', params: useParams, body: usePatch, response: { 200: useView, ...errors } },
    }, async (req) => correctUse(req.ctx(), req.params.id, req.body, req.lang));

    app.delete('/api/dues/uses/:id', {
      schema: { tags, summary: '删除一笔误登的党费使用（记入审计）', params: useParams, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      await deleteUse(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    });

    app.get('/api/dues/published', {
      schema: { tags, summary: '党支部年度党费收缴、上缴、使用情况公示（缴纳党员名单及合计，不含计缴基数）', querystring: orgYearQuery, response: { 200: publishedView, ...errors } },
    }, async (req) => getPublished(req.ctx(), req.query));

    app.get('/api/dues/ledger.xlsx', {
      schema: { tags, summary: '下载党支部年度党费收缴台账（xlsx：逐人逐月缴纳、合计；上缴与使用）', querystring: orgYearQuery },
    }, async (req, reply) => {
      const ctx = req.ctx();
      const { org, workbook } = await duesLedger(ctx, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`党费收缴台账-${org.name}-${req.query.year}.xlsx`))
        .send(workbook);
    });
  },
};
