import { z } from 'zod';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { deleteRule, saveRule } from './config.js';
import { complianceBody, complianceQuery, ruleBody, ruleParams, rulesBody } from './contracts.js';
import { ruleView, rulesInForce } from './rules.js';
import { compliance } from './service.js';

const tags = ['compliance'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const complianceHttp: HttpModule = {
  name: 'compliance',
  routes(app) {
    app.get('/api/compliance/rules', {
      schema: { tags, summary: '现行制度频次要求（全国默认及本县设置）', response: { 200: rulesBody } },
    }, async (req) => ({ items: (await rulesInForce(req.ctx().db, req.ctx().actor.countyId)).map((r) => ruleView(r, req.lang)) }));

    app.put('/api/compliance/rules/:id', {
      schema: { tags, summary: '设置本县的制度频次要求（新增本地要求，或修改、停用全国默认要求）', params: ruleParams, body: ruleBody, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      await saveRule(req.ctx(), req.params.id, req.body);
      return reply.status(204).send(null);
    });

    app.delete('/api/compliance/rules/:id', {
      schema: { tags, summary: '删除本县的要求（全国默认要求恢复原样）', params: ruleParams, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      await deleteRule(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    });

    app.get('/api/compliance', {
      schema: { tags, summary: '落实情况：各组织各周期完成、待完成、逾期', querystring: complianceQuery, response: { 200: complianceBody, ...errors } },
    }, async (req) => compliance(req.ctx(), req.query, req.lang));
  },
};
