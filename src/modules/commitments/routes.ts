import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { RateLimiter, throttle } from '../../platform/http/rate-limit.js';
import { viewSetting } from '../organizations/county-setting.js';
import { PUBLIC_LIMITS } from '../concerns/public-routes.js';
import { villageParams } from '../concerns/contracts.js';
import { appraiseCommitment } from './appraise.js';
import { commitmentBoard } from './board.js';
import {
  abandonBody, appraisalBody, boardView, commitmentBody, commitmentView, completeBody, delayBody, editBody, idParams, listQuery, listView,
  publicCommitments as publicView, publishBody, settingsBody, settingsView, updateBody,
} from './contracts.js';
import { abandonCommitment, addUpdate, completeCommitment, delayCommitment } from './keep.js';
import { editCommitment, makeCommitment, publishCommitment } from './make.js';
import { publicCommitments } from './public.js';
import { commitmentSetting, getCommitment, listCommitments } from './queries.js';
import { saveCommitmentSettings } from './settings.js';

const tags = ['commitments'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const commitmentsHttp: HttpModule = {
  name: 'commitments',
  routes(app, deps) {
    app.get('/api/commitments/settings', {
      schema: { tags, summary: '本县承诺践诺评诺设置：承诺类别、评诺权重、每人最少承诺数、公开承诺月份', response: { 200: settingsView } },
    }, async (req) => viewSetting(req.ctx(), commitmentSetting));

    app.put('/api/commitments/settings', {
      schema: { tags, summary: '设置本县承诺践诺评诺（县委组织部）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveCommitmentSettings(req.ctx(), req.body, req.lang));

    app.get('/api/commitments', {
      schema: { tags, summary: '某党支部某年的承诺，按承诺主体（党支部、书记、党员）分组', querystring: listQuery, response: { 200: listView, ...errors } },
    }, async (req) => listCommitments(req.ctx(), req.query));

    app.get('/api/commitments/board', {
      schema: { tags, summary: '乡镇或全县各党支部某年的承诺完成情况（完成率、按期完成、逾期、评诺平均分）', querystring: listQuery, response: { 200: boardView, ...errors } },
    }, async (req) => commitmentBoard(req.ctx(), req.query));

    app.post('/api/commitments', {
      schema: { tags, summary: '作出承诺（党支部、书记或党员，可含分项），保存为草稿', body: commitmentBody, response: { 201: commitmentView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await makeCommitment(req.ctx(), req.body, req.lang)));

    app.get('/api/commitments/:id', {
      schema: { tags, summary: '一项承诺：分项、践诺记录和评诺', params: idParams, response: { 200: commitmentView, ...errors } },
    }, async (req) => getCommitment(req.ctx(), req.params.id));

    app.put('/api/commitments/:id', {
      schema: { tags, summary: '修改草稿承诺（分项整体替换）', params: idParams, body: editBody, response: { 200: commitmentView, ...errors } },
    }, async (req) => editCommitment(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/commitments/:id/publish', {
      schema: { tags, summary: '公开承诺', params: idParams, body: publishBody, response: { 200: commitmentView, ...errors } },
    }, async (req) => publishCommitment(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/commitments/:id/updates', {
      schema: { tags, summary: '登记践诺情况和佐证（在没有分项的承诺或分项上）', params: idParams, body: updateBody, response: { 200: commitmentView, ...errors } },
    }, async (req) => addUpdate(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/commitments/:id/complete', {
      schema: { tags, summary: '承诺已兑现', params: idParams, body: completeBody, response: { 200: commitmentView, ...errors } },
    }, async (req) => completeCommitment(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/commitments/:id/delay', {
      schema: { tags, summary: '承诺延期：新的完成日期和原因', params: idParams, body: delayBody, response: { 200: commitmentView, ...errors } },
    }, async (req) => delayCommitment(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/commitments/:id/abandon', {
      schema: { tags, summary: '放弃承诺（须说明原因）', params: idParams, body: abandonBody, response: { 200: commitmentView, ...errors } },
    }, async (req) => abandonCommitment(req.ctx(), req.params.id, req.body));

    app.put('/api/commitments/:id/appraisal', {
      schema: { tags, summary: '年终评诺：自评、群众评（可附满意度测评票数）、上级评，按本县权重计总分（上级党组织登记）', params: idParams, body: appraisalBody, response: { 200: commitmentView, ...errors } },
    }, async (req) => appraiseCommitment(req.ctx(), req.params.id, req.body, req.lang));

    // The village's public page: no account, so the same per-client read limit as the page's other reads.
    const reads = new RateLimiter(PUBLIC_LIMITS.readPerClient);
    app.get('/api/public/villages/:orgCode/commitments', {
      config: { public: true },
      schema: { tags: ['public'], summary: '村（社区）公开的本年度承诺：内容、目标、完成时限、进度和状态', params: villageParams, response: { 200: publicView, 404: errorBody, 429: errorBody } },
    }, async (req, reply) => {
      throttle([[reads, req.ip]], Date.now(), (name, value) => reply.header(name, value));
      return publicCommitments(deps.database.db, deps.clock, req.params.orgCode, req.lang);
    });
  },
};
