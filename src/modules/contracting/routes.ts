import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { saveSetting, viewSetting } from '../organizations/county-setting.js';
import { board } from './board.js';
import { teamCompliance } from './compliance.js';
import {
  boardQuery, boardView, complianceQuery, complianceView, idParams, settingsBody, settingsView, teamBody, teamPatch,
  teamsQuery, teamsView, teamView, visitBody, visitDetail, visitOptions, visitOptionsQuery, visitPage, visitPatch, visitsQuery,
} from './contracts.js';
import { contractingSetting } from './queries.js';
import { createTeam, listTeams, updateTeam } from './teams.js';
import { getVisit, listVisits, visitOptions as optionsFor } from './visit-queries.js';
import { createVisit, updateVisit } from './visits.js';

const tags = ['contracting'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const contractingHttp: HttpModule = {
  name: 'contracting',
  routes(app) {
    app.get('/api/contracting/settings', {
      schema: { tags, summary: '本县包村走访频次要求：每周期至少走访次数、周期、组员走访是否计入组长', response: { 200: settingsView } },
    }, async (req) => viewSetting(req.ctx(), contractingSetting));

    app.put('/api/contracting/settings', {
      schema: { tags, summary: '设置本县包村走访频次要求（县委组织部）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveSetting(req.ctx(), contractingSetting, req.body));

    app.get('/api/contracting/teams', {
      schema: { tags, summary: '乡镇某年的包村工作组，及可任组长、组员的干部和可包的村', querystring: teamsQuery, response: { 200: teamsView, ...errors } },
    }, async (req) => listTeams(req.ctx(), req.query));

    app.post('/api/contracting/teams', {
      schema: { tags, summary: '组建包村工作组（组长、组员、所包村一并保存）', body: teamBody, response: { 201: teamView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createTeam(req.ctx(), req.body, req.lang)));

    app.patch('/api/contracting/teams/:id', {
      schema: { tags, summary: '调整包村工作组（记入审计）', params: idParams, body: teamPatch, response: { 200: teamView, ...errors } },
    }, async (req) => updateTeam(req.ctx(), req.params.id, req.body, req.lang));

    app.get('/api/contracting/visit-options', {
      schema: { tags, summary: '走访登记可选项：本人所包的村，某村的包村工作组和可参加走访的人员', querystring: visitOptionsQuery, response: { 200: visitOptions, ...errors } },
    }, async (req) => optionsFor(req.ctx(), req.query));

    app.get('/api/contracting/visits', {
      schema: { tags, summary: '走访记录（按组织、工作组、人员、日期筛选）', querystring: visitsQuery, response: { 200: visitPage, ...errors } },
    }, async (req) => listVisits(req.ctx(), req.query));

    app.post('/api/contracting/visits', {
      schema: { tags, summary: '登记一次入村走访（参加人员、走访农户、发现和解决的问题）', body: visitBody, response: { 201: visitDetail, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createVisit(req.ctx(), req.body, req.lang)));

    app.get('/api/contracting/visits/:id', {
      schema: { tags, summary: '一次走访的记录', params: idParams, response: { 200: visitDetail, ...errors } },
    }, async (req) => getVisit(req.ctx(), req.params.id));

    app.patch('/api/contracting/visits/:id', {
      schema: { tags, summary: '更正走访记录（记入审计）', params: idParams, body: visitPatch, response: { 200: visitDetail, ...errors } },
    }, async (req) => updateVisit(req.ctx(), req.params.id, req.body, req.lang));

    app.get('/api/contracting/compliance', {
      schema: { tags, summary: '各包村工作组组长逐周期走访次数与频次要求的落实情况', querystring: complianceQuery, response: { 200: complianceView, ...errors } },
    }, async (req) => teamCompliance(req.ctx(), req.query, req.lang));

    app.get('/api/contracting/board', {
      schema: { tags, summary: '乡镇包村看板：各工作组本周走访与要求、所包村最近走访、近8周走访', querystring: boardQuery, response: { 200: boardView, ...errors } },
    }, async (req) => board(req.ctx(), req.query, req.lang));
  },
};
