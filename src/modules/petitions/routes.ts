import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { contentDisposition } from '../../platform/http/download.js';
import { accusedChoices } from './accused-choices.js';
import { act } from './actions.js';
import { accusedChoicesView, accusedQuery, actionBodies, idParams, listQuery, listView, petitionDetail, registerBody, registered, type ActionInput } from './contracts.js';
import { getPetition } from './detail.js';
import { registerPetition } from './register.js';
import { exportRegister, listPetitions } from './register-book.js';
import { petitionActions, type PetitionAction } from './rules.js';

const tags = ['petitions'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const summaries: Record<PetitionAction, string> = {
  accept: '决定受理（自收到之日起 15 日内）',
  not_accept: '决定不予受理（说明理由，书面告知日期）',
  assign: '交办承办单位或承办人',
  extend: '延长办理期限（仅一次，不超过 30 日，经批准并告知信访人）',
  reply: '出具书面答复意见（受理之日起 60 日内）',
  review_request: '登记复查请求（答复之日起 30 日内）',
  review_decide: '出具复查意见（请求之日起 30 日内）',
  re_review_request: '登记复核请求（复查意见之日起 30 日内）',
  re_review_decide: '出具复核意见（终结，同一事实和理由不再受理）',
  feedback_petitioner: '记录向信访人反馈结果（何人、何时、何种方式）',
  feedback_body: '记录向交办机关报告办理结果',
  close: '办结归档',
};

export const petitionsHttp: HttpModule = {
  name: 'petitions',
  routes(app) {
    app.get('/api/petitions', {
      schema: { tags, summary: '信访登记簿：按状态、是否超期、来源筛选（被反映人看不到反映其本人或本单位的事项）', querystring: listQuery, response: { 200: listView, ...errors } },
    }, async (req) => listPetitions(req.ctx(), req.query));

    app.get('/api/petitions/export.xlsx', {
      schema: { tags, summary: '导出信访登记簿（xlsx，信访人姓名脱敏）', querystring: listQuery },
    }, async (req, reply) => reply.type(xlsx).header('content-disposition', contentDisposition('信访登记簿.xlsx')).send(await exportRegister(req.ctx(), req.query)));

    app.get('/api/petitions/accused-choices', {
      schema: { tags, summary: '可列为被反映人的在职干部（按姓名或拼音查找）', querystring: accusedQuery, response: { 200: accusedChoicesView, ...errors } },
    }, async (req) => accusedChoices(req.ctx(), req.query.q));

    app.post('/api/petitions', {
      schema: { tags, summary: '登记信访事项（来信、来访、来电、网上信访、上级转交办）', body: registerBody, response: { 201: registered, ...errors } },
    }, async (req, reply) => reply.status(201).send(await registerPetition(req.ctx(), req.body)));

    app.get('/api/petitions/:id', {
      schema: { tags, summary: '信访事项详情：办理过程、法定期限、可执行的操作；信访人信息仅承办人可见全文（记入审计）', params: idParams, response: { 200: petitionDetail, ...errors } },
    }, async (req) => getPetition(req.ctx(), req.params.id));

    for (const action of petitionActions) {
      app.post(`/api/petitions/:id/${action}`, {
        schema: { tags, summary: summaries[action], params: idParams, body: actionBodies[action], response: { 200: petitionDetail, ...errors } },
      }, async (req) => act(req.ctx(), (req.params as { id: string }).id, action, req.body as ActionInput));
    }
  },
};
