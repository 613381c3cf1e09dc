import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { saveSetting, viewSetting } from '../organizations/county-setting.js';
import {
  entryParams, evaluationBody, evaluationsBody, followupBody, followupParams, followupView, gradeBody, openRoundBody, outcomeBody,
  roundListQuery, roundListView, roundParams, roundView, settingsBody, settingsView,
} from './contracts.js';
import { saveEvaluation, saveEvaluations } from './evaluations.js';
import { addFollowup, recordOutcome } from './followups.js';
import { gradeRound } from './grading.js';
import { appraisalSetting, getRound, listRounds } from './queries.js';
import { openRound } from './rounds.js';

const tags = ['appraisal'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const appraisalHttp: HttpModule = {
  name: 'appraisal',
  routes(app) {
    app.get('/api/appraisal/settings', {
      schema: { tags, summary: '本县民主评议设置：优秀比例上限、提醒月份', response: { 200: settingsView } },
    }, async (req) => viewSetting(req.ctx(), appraisalSetting));

    app.put('/api/appraisal/settings', {
      schema: { tags, summary: '设置本县民主评议（县委组织部）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveSetting(req.ctx(), appraisalSetting, req.body));

    app.get('/api/appraisal/rounds', {
      schema: { tags, summary: '某年所辖党支部的民主评议进度和等次分布（未开展的也列出）', querystring: roundListQuery, response: { 200: roundListView, ...errors } },
    }, async (req) => listRounds(req.ctx(), req.query));

    app.post('/api/appraisal/rounds', {
      schema: { tags, summary: '党支部开始某年的民主评议（当日的正式党员和预备党员参加）', body: openRoundBody, response: { 201: roundView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await openRound(req.ctx(), req.body, req.lang)));

    app.get('/api/appraisal/rounds/:id', {
      schema: { tags, summary: '一次民主评议：党员的自评、互评、群众评议、等次和不合格党员的处置', params: roundParams, response: { 200: roundView, ...errors } },
    }, async (req) => getRound(req.ctx(), req.params.id));

    app.put('/api/appraisal/rounds/:id/entries', {
      schema: { tags, summary: '批量登记测评结果（逐行检查，全部通过才保存）', params: roundParams, body: evaluationsBody, response: { 200: roundView, ...errors } },
    }, async (req) => saveEvaluations(req.ctx(), req.params.id, req.body, req.lang));

    app.put('/api/appraisal/rounds/:id/entries/:personId', {
      schema: { tags, summary: '登记一名党员的自评、互评和群众评议', params: entryParams, body: evaluationBody, response: { 200: roundView, ...errors } },
    }, async (req) => saveEvaluation(req.ctx(), req.params.id, req.params.personId, req.body, req.lang));

    app.post('/api/appraisal/rounds/:id/grade', {
      schema: { tags, summary: '确定评议等次（可重新评定，记入审计）', params: roundParams, body: gradeBody, response: { 200: roundView, ...errors } },
    }, async (req) => gradeRound(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/appraisal/rounds/:id/followups', {
      schema: { tags, summary: '登记对不合格党员的组织处置（帮助教育、限期改正、劝其退党、除名）', params: roundParams, body: followupBody, response: { 201: followupView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await addFollowup(req.ctx(), req.params.id, req.body, req.lang)));

    app.patch('/api/appraisal/rounds/:id/followups/:fid', {
      schema: { tags, summary: '登记处置结果及日期', params: followupParams, body: outcomeBody, response: { 200: followupView, ...errors } },
    }, async (req) => recordOutcome(req.ctx(), req.params.id, req.params.fid, req.body, req.lang));
  },
};
