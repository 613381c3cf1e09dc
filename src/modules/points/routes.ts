import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { approveEntry, createEntry, listEntries, rejectEntry } from './claims.js';
import {
  approveBody, entryBody, entryListQuery, entryPage, entryParams, entryView, ledgerQuery, ledgerView, rankingQuery, rankingView, ratingBody, ratingList,
  ratingListQuery, ratingParams, ratingView, rejectBody, returnBody, reviewBody, settingsBody, settingsView,
} from './contracts.js';
import { getLedger, getRanking } from './ledger.js';
import { approveRating, listRatings, returnRating, reviewRating, selfAssess } from './ratings.js';
import { getSettings, saveSettings } from './settings.js';

const tags = ['points'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const pointsHttp: HttpModule = {
  name: 'points',
  routes(app) {
    app.get('/api/points/settings', {
      schema: { tags, summary: '本县积分项目、星级标准、评定指标和排行公开设置', response: { 200: settingsView } },
    }, async (req) => getSettings(req.ctx()));

    app.put('/api/points/settings', {
      schema: { tags, summary: '设置本县积分项目、星级标准和评定指标（县委组织部）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveSettings(req.ctx(), req.body, req.lang));

    app.get('/api/points/entries', {
      schema: { tags, summary: '积分申报列表（管辖范围内及本人的，可按组织、状态、年度筛选）', querystring: entryListQuery, response: { 200: entryPage, ...errors } },
    }, async (req) => listEntries(req.ctx(), req.query));

    app.post('/api/points/entries', {
      schema: { tags, summary: '申报一项积分（本人或支部代为申报，分值按积分项目计）', body: entryBody, response: { 201: entryView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createEntry(req.ctx(), req.body)));

    app.post('/api/points/entries/:id/approve', {
      schema: { tags, summary: '审核通过积分申报（上级党委，不能审核本人的）', params: entryParams, response: { 200: entryView, ...errors } },
    }, async (req) => approveEntry(req.ctx(), req.params.id));

    app.post('/api/points/entries/:id/reject', {
      schema: { tags, summary: '退回积分申报（写明理由）', params: entryParams, body: rejectBody, response: { 200: entryView, ...errors } },
    }, async (req) => rejectEntry(req.ctx(), req.params.id, req.body.reason));

    app.get('/api/points/ledger', {
      schema: { tags, summary: '党员年度积分台账：基础分、自动计分、审核通过的申报、合计和星级', querystring: ledgerQuery, response: { 200: ledgerView, ...errors } },
    }, async (req) => getLedger(req.ctx(), req.query));

    app.get('/api/points/ranking', {
      schema: { tags, summary: '党支部年度积分排行（仅本组织管理员；县里开启公开后本支部党员也可查看）', querystring: rankingQuery, response: { 200: rankingView, ...errors } },
    }, async (req) => getRanking(req.ctx(), req.query));

    app.get('/api/points/ratings', {
      schema: { tags, summary: '星级评定：党支部及其党员某年的评定和所处环节', querystring: ratingListQuery, response: { 200: ratingList, ...errors } },
    }, async (req) => listRatings(req.ctx(), req.query));

    app.post('/api/points/ratings', {
      schema: { tags, summary: '星级评定自评（党员本人或支部书记代填；党支部由书记填）', body: ratingBody, response: { 201: ratingView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await selfAssess(req.ctx(), req.body, req.lang)));

    app.post('/api/points/ratings/:id/review', {
      schema: { tags, summary: '星级评定审核（上一级评分）', params: ratingParams, body: reviewBody, response: { 200: ratingView, ...errors } },
    }, async (req) => reviewRating(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/points/ratings/:id/approve', {
      schema: { tags, summary: '星级评定审定（默认按审核得分定星，改定需写明理由）', params: ratingParams, body: approveBody, response: { 200: ratingView, ...errors } },
    }, async (req) => approveRating(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/points/ratings/:id/return', {
      schema: { tags, summary: '星级评定退回上一环节（写明理由）', params: ratingParams, body: returnBody, response: { 200: ratingView, ...errors } },
    }, async (req) => returnRating(req.ctx(), req.params.id, req.body.reason));
  },
};
