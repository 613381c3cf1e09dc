import type { HttpModule } from '../../../platform/http/app-types.js';
import { errorBody } from '../../../platform/http/contracts.js';
import { contentDisposition } from '../../../platform/http/download.js';
import { personParams } from '../contracts.js';
import { endMembership } from '../ends.js';
import { registerArrival } from './arrival.js';
import {
  arrivalBody, arrivalResult, cancelBody, endBody, endResult, letterQuery, personTransfers as personTransfersBody, receiveBody, rejectBody,
  sendTransferBody, transferListQuery, transferPage, transferParams, transferTargets as transferTargetsBody, transferView,
} from './contracts.js';
import { transferLetter } from './letter.js';
import { listTransfers, personTransfers, transferTargets } from './queries.js';
import { cancelTransfer, receiveTransfer, rejectTransfer, sendTransfer } from './service.js';

const tags = ['transfers'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Membership transfers within, out of and into the county, their letters, and the ends of membership. */
export const transfersHttp: HttpModule = {
  name: 'transfers',
  routes(app) {
    app.get('/api/member-transfers', {
      schema: { tags, summary: '组织关系转接：转入待接收、转出、县外转入（管辖范围内）', querystring: transferListQuery, response: { 200: transferPage, ...errors } },
    }, async (req) => listTransfers(req.ctx(), req.query));

    app.get('/api/member-transfers/targets', {
      schema: { tags, summary: '可接收组织关系的本县党组织', response: { 200: transferTargetsBody, ...errors } },
    }, async (req) => transferTargets(req.ctx()));

    app.post('/api/member-transfers/in', {
      schema: { tags, summary: '登记从县外转入的党员（凭介绍信）', body: arrivalBody, response: { 201: arrivalResult, ...errors } },
    }, async (req, reply) => reply.status(201).send(await registerArrival(req.ctx(), req.body, req.lang)));

    app.post('/api/member-transfers/:id/receive', {
      schema: { tags, summary: '接收（县内）或登记回执（县外转出）', params: transferParams, body: receiveBody, response: { 200: transferView, ...errors } },
    }, async (req) => receiveTransfer(req.ctx(), req.params.id, req.body));

    app.post('/api/member-transfers/:id/reject', {
      schema: { tags, summary: '退回县内转接（须说明理由）', params: transferParams, body: rejectBody, response: { 200: transferView, ...errors } },
    }, async (req) => rejectTransfer(req.ctx(), req.params.id, req.body));

    app.post('/api/member-transfers/:id/cancel', {
      schema: { tags, summary: '撤回待接收的转接', params: transferParams, body: cancelBody, response: { 200: transferView, ...errors } },
    }, async (req) => cancelTransfer(req.ctx(), req.params.id));

    app.get('/api/member-transfers/:id/letter.docx', {
      schema: { tags, summary: '党员组织关系介绍信（Word；含完整身份证号，记入审计）', params: transferParams, querystring: letterQuery },
    }, async (req, reply) => {
      const { facts, content } = await transferLetter(req.ctx(), req.params.id, req.query.duesPaidTo);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(`党员组织关系介绍信-${facts.name}-${facts.letterNo}.docx`))
        .send(content);
    });

    app.get('/api/members/:id/transfers', {
      schema: { tags, summary: '一名党员的组织关系转接记录及可办理的操作', params: personParams, response: { 200: personTransfersBody, ...errors } },
    }, async (req) => personTransfers(req.ctx(), req.params.id));

    app.post('/api/members/:id/transfers', {
      schema: { tags, summary: '转出组织关系（县内或县外）', params: personParams, body: sendTransferBody, response: { 201: transferView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await sendTransfer(req.ctx(), req.params.id, req.body)));

    app.post('/api/members/:id/end', {
      schema: { tags, summary: '终止组织关系：去世、退党、除名、开除党籍', params: personParams, body: endBody, response: { 200: endResult, ...errors } },
    }, async (req) => endMembership(req.ctx(), req.params.id, req.body));
  },
};
