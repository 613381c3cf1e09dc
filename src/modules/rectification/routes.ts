import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { invalid } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/http/download.js';
import { saveSetting, viewSetting } from '../organizations/county-setting.js';
import { approvePlan, closeCase, fileReport, markItemDone, recordAcceptance, requestAcceptance, saveGroup, savePlan, startRectifying } from './cases/actions.js';
import {
  acceptanceBody, accountabilityView, approveBody, boardQuery, boardView, caseParams, caseView, dayBody, groupBody, itemDoneBody, itemParams, planBody,
  reportBody, settingsBody, settingsView, subtreeQuery, summaryView,
} from './cases/contracts.js';
import { getCase, listAccountability, listBoard } from './cases/queries.js';
import { accountabilityWorkbook } from './accountability-workbook.js';
import { rectificationSetting } from './settings.js';
import { getSummary } from './summary.js';

const tags = ['rectification'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const rectificationHttp: HttpModule = {
  name: 'rectification',
  routes(app) {
    app.get('/api/rectification/settings', {
      schema: { tags, summary: '本县整顿设置：进展报送频次、巩固观察期、验收合格分和评分表', response: { 200: settingsView } },
    }, async (req) => viewSetting(req.ctx(), rectificationSetting));

    app.put('/api/rectification/settings', {
      schema: { tags, summary: '设置本县整顿工作（县委组织部）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveSetting(req.ctx(), rectificationSetting, req.body, () => {
      const total = Math.round(req.body.scoreSheet.reduce((sum, s) => sum + s.max, 0) * 10) / 10;
      if (total !== 100) throw invalid('rectification.score_sheet_sum', { total }, [{ path: 'body.scoreSheet', key: 'rectification.score_sheet_sum', params: { total } }]);
    }));

    app.get('/api/rectification/cases', {
      schema: { tags, summary: '整顿台账：某年所辖被认定党组织的整顿状态、期限、最近报告和逾期情况', querystring: boardQuery, response: { 200: boardView, ...errors } },
    }, async (req) => listBoard(req.ctx(), req.query));

    app.get('/api/rectification/cases/:id', {
      schema: { tags, summary: '一个整顿台账：问题、方案、工作组、进展报告、验收和时间轴', params: caseParams, response: { 200: caseView, ...errors } },
    }, async (req) => getCase(req.ctx(), req.params.id, req.lang));

    app.put('/api/rectification/cases/:id/plan', {
      schema: { tags, summary: '制定整顿方案（一村一策：问题、措施、责任人、时限，整体保存）', params: caseParams, body: planBody, response: { 200: caseView, ...errors } },
    }, async (req) => savePlan(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/rectification/cases/:id/approve', {
      schema: { tags, summary: '批准整顿方案并确定整顿期限', params: caseParams, body: approveBody, response: { 200: caseView, ...errors } },
    }, async (req) => approvePlan(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/rectification/cases/:id/start', {
      schema: { tags, summary: '开始整顿', params: caseParams, body: dayBody, response: { 200: caseView, ...errors } },
    }, async (req) => startRectifying(req.ctx(), req.params.id, req.body, req.lang));

    app.put('/api/rectification/cases/:id/group', {
      schema: { tags, summary: '登记工作组、第一书记和包村县级领导', params: caseParams, body: groupBody, response: { 200: caseView, ...errors } },
    }, async (req) => saveGroup(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/rectification/cases/:id/items/:itemId/done', {
      schema: { tags, summary: '整改事项完成（附佐证材料）', params: itemParams, body: itemDoneBody, response: { 200: caseView, ...errors } },
    }, async (req) => markItemDone(req.ctx(), req.params.id, req.params.itemId, req.body, req.lang));

    app.post('/api/rectification/cases/:id/reports', {
      schema: { tags, summary: '报送整顿进展（逾期报送的保留并标记）', params: caseParams, body: reportBody, response: { 200: caseView, ...errors } },
    }, async (req) => fileReport(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/rectification/cases/:id/request-acceptance', {
      schema: { tags, summary: '申请验收（整改事项须全部完成并有佐证）', params: caseParams, body: dayBody, response: { 200: caseView, ...errors } },
    }, async (req) => requestAcceptance(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/rectification/cases/:id/acceptances', {
      schema: { tags, summary: '县委组织部验收：评分表、结论和理由，不通过的确定新期限', params: caseParams, body: acceptanceBody, response: { 200: caseView, ...errors } },
    }, async (req) => recordAcceptance(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/rectification/cases/:id/close', {
      schema: { tags, summary: '销号（验收通过且巩固观察期内无反弹）', params: caseParams, body: dayBody, response: { 200: caseView, ...errors } },
    }, async (req) => closeCase(req.ctx(), req.params.id, req.body, req.lang));

    app.get('/api/rectification/accountability', {
      schema: { tags, summary: '问责事项：未按期报送进展、逾期未完成，按乡镇统计', querystring: subtreeQuery, response: { 200: accountabilityView, ...errors } },
    }, async (req) => listAccountability(req.ctx(), req.query));

    app.get('/api/rectification/accountability.xlsx', {
      schema: { tags, summary: '导出问责事项（xlsx，按乡镇统计和逐项清单，用于通报）', querystring: subtreeQuery },
    }, async (req, reply) => {
      const view = await listAccountability(req.ctx(), req.query);
      return reply.type(XLSX).header('content-disposition', contentDisposition(`${view.org.name}${view.year}年软弱涣散整顿问责事项.xlsx`)).send(await accountabilityWorkbook(view));
    });

    app.get('/api/rectification/summary', {
      schema: { tags, summary: '某年软弱涣散整顿汇总：排查、认定、整顿、验收、观察、销号、反弹', querystring: subtreeQuery, response: { 200: summaryView, ...errors } },
    }, async (req) => getSummary(req.ctx(), req.query));
  },
};
