import { z } from 'zod';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { contentDisposition } from '../../platform/http/download.js';
import { viewSetting } from '../organizations/county-setting.js';
import {
  createLetterBody, editLetterBody, finishBody, letterListQuery, letterListView, letterParams, letterView, openRoundBody, planBody, resultParams,
  resultsBody, roundListQuery, roundListView, roundParams, roundView, scoresBody, settingsBody, settingsView, signBody,
} from './contracts.js';
import { createLetter, deleteLetter, editLetter, exportLetters, scoreLetter, signLetter } from './letters.js';
import { assessmentSetting, getLetter, getRound, listLetters, listRounds } from './queries.js';
import { finishRound, openRound, savePlan, saveResults } from './rounds.js';
import { saveSchemes } from './settings.js';

const tags = ['assessments'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const assessmentsHttp: HttpModule = {
  name: 'assessments',
  routes(app) {
    app.get('/api/assessments/settings', {
      schema: { tags, summary: '本县考核方案：考核对象、评价项目及权重、等次及分数线', response: { 200: settingsView } },
    }, async (req) => viewSetting(req.ctx(), assessmentSetting));

    app.put('/api/assessments/settings', {
      schema: { tags, summary: '设置本县考核方案（县委组织部；权重合计100，等次分数线由高到低，最后一档为0）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveSchemes(req.ctx(), req.body, req.lang));

    app.get('/api/assessments/letters', {
      schema: { tags, summary: '某年的目标责任书及得分、排名（按签订单位，或本人可见的全部）', querystring: letterListQuery, response: { 200: letterListView, ...errors } },
    }, async (req) => listLetters(req.ctx(), req.query));

    app.get('/api/assessments/letters/export.xlsx', {
      schema: { tags, summary: '导出目标责任书得分排名（xlsx）', querystring: letterListQuery },
    }, async (req, reply) => reply.type(xlsx).header('content-disposition', contentDisposition(`${req.query.year}年度目标责任书.xlsx`)).send(await exportLetters(req.ctx(), req.query)));

    app.post('/api/assessments/letters', {
      schema: { tags, summary: '乡镇或县起草下级党组织的目标责任书（带权重的目标项目）', body: createLetterBody, response: { 201: letterView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createLetter(req.ctx(), req.body, req.lang)));

    app.get('/api/assessments/letters/:id', {
      schema: { tags, summary: '一份目标责任书：目标项目、权重、得分', params: letterParams, response: { 200: letterView, ...errors } },
    }, async (req) => getLetter(req.ctx(), req.params.id));

    app.put('/api/assessments/letters/:id', {
      schema: { tags, summary: '修改草稿的名称和目标项目（整体替换）', params: letterParams, body: editLetterBody, response: { 200: letterView, ...errors } },
    }, async (req) => editLetter(req.ctx(), req.params.id, req.body, req.lang));

    app.delete('/api/assessments/letters/:id', {
      schema: { tags, summary: '删除未签订的目标责任书草稿（记入审计）', params: letterParams, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      await deleteLetter(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    });

    app.post('/api/assessments/letters/:id/sign', {
      schema: { tags, summary: '签订目标责任书（签订后目标项目不再修改）', params: letterParams, body: signBody, response: { 200: letterView, ...errors } },
    }, async (req) => signLetter(req.ctx(), req.params.id, req.body, req.lang));

    app.put('/api/assessments/letters/:id/scores', {
      schema: { tags, summary: '年终逐项评分（0至该项权重；每年12月1日起）', params: letterParams, body: scoresBody, response: { 200: letterView, ...errors } },
    }, async (req) => scoreLetter(req.ctx(), req.params.id, req.body, req.lang));

    app.get('/api/assessments/rounds', {
      schema: { tags, summary: '某年的考核评定（三方评价、述职评议）及进度、等次分布', querystring: roundListQuery, response: { 200: roundListView, ...errors } },
    }, async (req) => listRounds(req.ctx(), req.query.year));

    app.post('/api/assessments/rounds', {
      schema: { tags, summary: '乡镇或县开展考核评定（所辖村级党组织，述职评议为当日在任书记）', body: openRoundBody, response: { 201: roundView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await openRound(req.ctx(), req.body, req.lang)));

    app.get('/api/assessments/rounds/:id', {
      schema: { tags, summary: '一次考核评定：各村得分、等次、按乡镇统计、提升计划', params: roundParams, response: { 200: roundView, ...errors } },
    }, async (req) => getRound(req.ctx(), req.params.id));

    app.put('/api/assessments/rounds/:id/results', {
      schema: { tags, summary: '批量登记各村分项得分（逐行检查，全部通过才保存）', params: roundParams, body: resultsBody, response: { 200: roundView, ...errors } },
    }, async (req) => saveResults(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/assessments/rounds/:id/finish', {
      schema: { tags, summary: '完成考核评定（全部得分齐全后）', params: roundParams, body: finishBody, response: { 200: roundView, ...errors } },
    }, async (req) => finishRound(req.ctx(), req.params.id, req.body, req.lang));

    app.put('/api/assessments/rounds/:id/results/:orgCode/plan', {
      schema: { tags, summary: '填写后进、一般等次村的提升计划（一村一策）', params: resultParams, body: planBody, response: { 200: roundView, ...errors } },
    }, async (req) => savePlan(req.ctx(), req.params.id, req.params.orgCode, req.body, req.lang));
  },
};
