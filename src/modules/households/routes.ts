import { AppError, forbidden } from '../../platform/errors.js';
import { postsWith } from '../../platform/access/actor.js';
import { TableFileError } from '../../platform/files/table-file.js';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { contentDisposition } from '../../platform/http/download.js';
import { importBody } from '../organizations/contracts.js';
import { rootOrg } from '../organizations/county.js';
import {
  householdChoiceQuery, householdChoices, householdCreate, householdDetail, householdExportQuery, householdImportQuery, householdImportReport, householdListQuery, householdMove, householdPage,
  householdParams, householdPatch, householdSettingsBody, householdSettingsView,
} from './contracts.js';
import { createHousehold, moveHousehold, updateHousehold } from './edit.js';
import { exportHouseholds } from './export.js';
import { importHouseholds, readHouseholdFile } from './import.js';
import { getHousehold, householdChoices as findChoices, listHouseholds } from './queries.js';
import { getHouseholdSettings, householdSettings, saveHouseholdSettings } from './settings.js';
import { householdTemplate } from './workbooks.js';

const tags = ['households'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const householdsHttp: HttpModule = {
  name: 'households',
  routes(app) {
    app.get('/api/households/settings', {
      schema: { tags, summary: '本县农户标签', response: { 200: householdSettingsView } },
    }, async (req) => getHouseholdSettings(req.ctx()));

    app.put('/api/households/settings', {
      schema: { tags, summary: '设置本县农户标签（县委组织部；使用中的标签不能删除）', body: householdSettingsBody, response: { 200: householdSettingsView, ...errors } },
    }, async (req) => saveHouseholdSettings(req.ctx(), req.body, req.lang));

    app.get('/api/households', {
      schema: { tags, summary: '农户列表：按村（社区）、村民小组、标签筛选，按户主、家庭成员姓名或户号查找', querystring: householdListQuery, response: { 200: householdPage, ...errors } },
    }, async (req) => listHouseholds(req.ctx(), req.query));

    app.get('/api/households/choices', {
      schema: { tags, summary: '选择农户：按户主姓名、户号或村民小组查找某村的在册农户（走访、日记、结对用）', querystring: householdChoiceQuery, response: { 200: householdChoices, ...errors } },
    }, async (req) => findChoices(req.ctx(), req.query));

    app.post('/api/households', {
      schema: { tags, summary: '登记一户农户及其家庭成员', body: householdCreate, response: { 201: householdDetail, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createHousehold(req.ctx(), req.body, req.lang)));

    app.get('/api/households/template.xlsx', {
      schema: { tags, summary: '下载农户信息导入模板（xlsx）' },
    }, async (req, reply) => {
      const ctx = req.ctx();
      if (postsWith(ctx.actor, 'household.manage').length === 0) throw forbidden('households.forbidden');
      const root = await rootOrg(ctx.db, ctx.actor.countyId);
      const { tags: tagList } = await householdSettings(ctx.db, ctx.actor.countyId);
      return reply.type(xlsx).header('content-disposition', contentDisposition('农户信息导入模板.xlsx'))
        .send(await householdTemplate(root!.code, tagList.map((tag) => tag.name)));
    });

    app.post('/api/households/import', {
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags, summary: '导入一个村（社区）的农户（先校验；commit 为 true 且没有错误时全部写入）', querystring: householdImportQuery, body: importBody,
        response: { 200: householdImportReport, ...errors },
      },
    }, async (req) => {
      const ctx = req.ctx();
      const file = await readHouseholdFile(Buffer.from(req.body.content, 'base64'), req.body.fileName).catch((error: unknown) => {
        if (error instanceof TableFileError) throw new AppError(400, `file_${error.code}`, 'import.file', { detail: error.detail[req.lang] });
        throw error;
      });
      return importHouseholds(ctx, req.query.org, file, { commit: req.body.commit, lang: req.lang, fileName: req.body.fileName });
    });

    app.get('/api/households/export.xlsx', {
      schema: { tags, summary: '导出农户名册（xlsx，与导入模板同列；有权限时含完整号码并记入审计）', querystring: householdExportQuery },
    }, async (req, reply) => {
      const { org, workbook } = await exportHouseholds(req.ctx(), req.query.org);
      return reply.type(xlsx).header('content-disposition', contentDisposition(`农户名册-${org.name}.xlsx`)).send(workbook);
    });

    app.get('/api/households/:id', {
      schema: { tags, summary: '一户农户及其家庭成员（有权限时显示完整号码并记入审计）', params: householdParams, response: { 200: householdDetail, ...errors } },
    }, async (req) => getHousehold(req.ctx(), req.params.id));

    app.patch('/api/households/:id', {
      schema: { tags, summary: '修改农户信息；给出 members 时按整份名单替换家庭成员（记入审计）', params: householdParams, body: householdPatch, response: { 200: householdDetail, ...errors } },
    }, async (req) => updateHousehold(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/households/:id/move', {
      schema: { tags, summary: '登记农户迁出（日期和原因记入审计）', params: householdParams, body: householdMove, response: { 200: householdDetail, ...errors } },
    }, async (req) => moveHousehold(req.ctx(), req.params.id, req.body));
  },
};
