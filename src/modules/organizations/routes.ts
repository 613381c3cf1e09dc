import { postsWith } from '../../platform/access/actor.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { readTableFile, TableFileError } from '../../platform/files/table-file.js';
import type { HttpModule } from '../../platform/http/app-types.js';
import { contentDisposition } from '../../platform/http/download.js';
import { errorBody } from '../../platform/http/contracts.js';
import {
  codeParams, createOrgBody, importBody, importReport, dissolveOrgBody, listOrgsQuery, mergeOrgBody, moveOrgBody, orgDetail, orgList, updateOrgBody, villagerGroupBody,
} from './contracts.js';
import { getOrganization, listOrganizations } from './queries.js';
import { dissolveOrganization, mergeOrganization, moveOrganization } from './restructure.js';
import { addVillagerGroup, createOrganization, updateOrganization } from './service.js';
import { rootOrg } from './county.js';
import { importOrganizations, orgImportHeaders, orgImportTemplate } from './import.js';

const tags = ['organizations'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const organizationsHttp: HttpModule = {
  name: 'organizations',
  routes(app) {
    app.get('/api/organizations/import-template', {
      schema: { tags, summary: '下载党组织导入模板（xlsx）' },
    }, async (req, reply) => {
      const ctx = req.ctx();
      if (postsWith(ctx.actor, 'org.manage').length === 0) throw forbidden();
      const root = await rootOrg(ctx.db, ctx.actor.countyId);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('党组织导入模板.xlsx'))
        .send(await orgImportTemplate(root!.code));
    });

    app.post('/api/organizations/import', {
      bodyLimit: 12 * 1024 * 1024,
      schema: { tags, summary: '导入党组织（先校验；commit 为 true 且全部通过时写入）', body: importBody, response: { 200: importReport, ...errors } },
    }, async (req) => {
      const ctx = req.ctx();
      if (postsWith(ctx.actor, 'org.manage').length === 0) throw forbidden();
      const file = await readTableFile(Buffer.from(req.body.content, 'base64'), req.body.fileName, {
        requiredHeaders: orgImportHeaders.required, optionalHeaders: orgImportHeaders.optional,
      }).catch((error: unknown) => {
        if (error instanceof TableFileError) throw new AppError(400, `file_${error.code}`, 'import.file', { detail: error.detail[req.lang] });
        throw error;
      });
      const report = await importOrganizations(ctx, file, { commit: req.body.commit, lang: req.lang });
      return { ...report, format: file.format, encoding: file.encoding ?? null };
    });

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
