import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import {
  codeParams, createOrgBody, dissolveOrgBody, listOrgsQuery, mergeOrgBody, moveOrgBody, orgDetail, orgList, updateOrgBody, villagerGroupBody,
} from './contracts.js';
import {
  addVillagerGroup, createOrganization, dissolveOrganization, getOrganization, listOrganizations, mergeOrganization, moveOrganization, updateOrganization,
} from './service.js';

const tags = ['organizations'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const organizationsHttp: HttpModule = {
  name: 'organizations',
  routes(app) {
    app.get('/api/organizations', {
      schema: { tags, summary: '党组织列表（管辖范围内）', querystring: listOrgsQuery, response: { 200: orgList } },
    }, async (req) => ({
      items: await listOrganizations(req.ctx(), { q: req.query.q, includeDissolved: req.query.includeDissolved === 'true' }),
    }));

    app.get('/api/organizations/:code', {
      schema: { tags, summary: '党组织详情与沿革', params: codeParams, response: { 200: orgDetail, 404: errorBody } },
    }, async (req) => getOrganization(req.ctx(), req.params.code));

    app.post('/api/organizations', {
      schema: { tags, summary: '新建党组织', body: createOrgBody, response: { 201: orgDetail, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createOrganization(req.ctx(), req.body)));

    app.patch('/api/organizations/:code', {
      schema: { tags, summary: '更名或修改党组织', params: codeParams, body: updateOrgBody, response: { 200: orgDetail, ...errors } },
    }, async (req) => updateOrganization(req.ctx(), req.params.code, req.body));

    app.post('/api/organizations/:code/move', {
      schema: { tags, summary: '调整隶属关系', params: codeParams, body: moveOrgBody, response: { 200: orgDetail, ...errors } },
    }, async (req) => moveOrganization(req.ctx(), req.params.code, req.body));

    app.post('/api/organizations/:code/merge', {
      schema: { tags, summary: '合并到另一党组织', params: codeParams, body: mergeOrgBody, response: { 200: orgDetail, ...errors } },
    }, async (req) => mergeOrganization(req.ctx(), req.params.code, req.body));

    app.post('/api/organizations/:code/dissolve', {
      schema: { tags, summary: '撤销党组织', params: codeParams, body: dissolveOrgBody, response: { 200: orgDetail, ...errors } },
    }, async (req) => dissolveOrganization(req.ctx(), req.params.code, req.body));

    app.post('/api/organizations/:code/villager-groups', {
      schema: { tags, summary: '新增村民小组', params: codeParams, body: villagerGroupBody, response: { 201: orgDetail, ...errors } },
    }, async (req, reply) => reply.status(201).send(await addVillagerGroup(req.ctx(), req.params.code, req.body)));
  },
};
