import type { HttpModule } from '../../../platform/http/app-types.js';
import { errorBody } from '../../../platform/http/contracts.js';
import { viewSetting } from '../../organizations/county-setting.js';
import { screeningSetting } from '../criteria.js';
import {
  definitionBody, definitionResult, dismissBody, findingBody, findingParams, findingResult, findingView, gridView, openRoundBody, orgFindingsQuery,
  orgFindingsView, proposalsResult, roundListView, roundParams, roundSummary, settingsBody, settingsView,
} from './contracts.js';
import { getGrid, listRounds, orgFindings } from './queries.js';
import { closeRound, confirmFinding, defineOrg, dismissFinding, generateProposals, openRound, recordFinding, saveScreeningSetting } from './service.js';

const tags = ['screening'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const screeningHttp: HttpModule = {
  name: 'screening',
  routes(app) {
    app.get('/api/screening/settings', {
      schema: { tags, summary: '本县软弱涣散认定标准、各类问题的责任部门和认定比例政策', response: { 200: settingsView } },
    }, async (req) => viewSetting(req.ctx(), screeningSetting));

    app.put('/api/screening/settings', {
      schema: { tags, summary: '设置认定标准、责任部门和比例政策（县委组织部；已被引用的标准只能停用）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveScreeningSetting(req.ctx(), req.body, req.lang));

    app.get('/api/screening/rounds', {
      schema: { tags, summary: '本县的软弱涣散排查（年度或季度）', response: { 200: roundListView, ...errors } },
    }, async (req) => listRounds(req.ctx()));

    app.post('/api/screening/rounds', {
      schema: { tags, summary: '开展一次排查（县委组织部，每个年度或季度一次）', body: openRoundBody, response: { 201: roundSummary, ...errors } },
    }, async (req, reply) => reply.status(201).send(await openRound(req.ctx(), req.body, req.lang)));

    app.post('/api/screening/rounds/:id/close', {
      schema: { tags, summary: '结束排查（此后不再登记发现和认定）', params: roundParams, response: { 200: roundSummary, ...errors } },
    }, async (req) => closeRound(req.ctx(), req.params.id));

    app.get('/api/screening/rounds/:id', {
      schema: { tags, summary: '排查的村（社区）× 认定标准表、统计和比例政策（仅本人管辖范围）', params: roundParams, response: { 200: gridView, ...errors } },
    }, async (req) => getGrid(req.ctx(), req.params.id, req.lang));

    app.get('/api/screening/rounds/:id/findings', {
      schema: { tags, summary: '某村（社区）在本次排查中的发现及佐证、认定情况', params: roundParams, querystring: orgFindingsQuery, response: { 200: orgFindingsView, ...errors } },
    }, async (req) => orgFindings(req.ctx(), req.params.id, req.query));

    app.post('/api/screening/rounds/:id/findings', {
      schema: { tags, summary: '登记排查发现：村自查、群众评议、乡镇和县级检查、部门报告（须引用标准并附佐证）', params: roundParams, body: findingBody, response: { 201: findingResult, ...errors } },
    }, async (req, reply) => reply.status(201).send(await recordFinding(req.ctx(), req.params.id, req.body, req.lang)));

    app.post('/api/screening/rounds/:id/proposals', {
      schema: { tags, summary: '生成自动研判：按指标评估管辖范围内每个村（社区），新增待确认的发现', params: roundParams, response: { 200: proposalsResult, ...errors } },
    }, async (req) => generateProposals(req.ctx(), req.params.id, req.lang));

    app.post('/api/screening/findings/:id/confirm', {
      schema: { tags, summary: '确认自动研判（巩固观察期内的村视为反弹，整顿台账重新打开）', params: findingParams, response: { 200: findingResult, ...errors } },
    }, async (req) => confirmFinding(req.ctx(), req.params.id, req.lang));

    app.post('/api/screening/findings/:id/dismiss', {
      schema: { tags, summary: '排除自动研判（须说明理由）', params: findingParams, body: dismissBody, response: { 200: findingView, ...errors } },
    }, async (req) => dismissFinding(req.ctx(), req.params.id, req.body.reason, req.lang));

    app.post('/api/screening/rounds/:id/definitions', {
      schema: { tags, summary: '认定软弱涣散党组织（县委组织部，附决定依据），建立整顿台账', params: roundParams, body: definitionBody, response: { 201: definitionResult, ...errors } },
    }, async (req, reply) => reply.status(201).send(await defineOrg(req.ctx(), req.params.id, req.body, req.lang)));
  },
};
