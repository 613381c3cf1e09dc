import { chinaDate } from '../../platform/clock.js';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { contentDisposition } from '../../platform/http/download.js';
import { memberFilters, memberListQuery, memberPage, memberProfile, personParams, sensitiveValues } from './contracts.js';
import { membersWorkbook } from './list-export.js';
import { exportMembers, listMembers, getMemberProfile, readSensitive } from './queries.js';

const tags = ['members'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody };
/** One workbook is built in memory; a county's whole register fits well under this. */
const EXPORT_LIMIT = 50_000;

export const membersHttp: HttpModule = {
  name: 'members',
  routes(app) {
    app.get('/api/members', {
      schema: { tags, summary: '党员名册（管辖范围内，可筛选、分页）', querystring: memberListQuery, response: { 200: memberPage, ...errors } },
    }, async (req) => listMembers(req.ctx(), req.query));

    app.get('/api/members/export.xlsx', {
      schema: { tags, summary: '导出党员名册（xlsx；有权限时含完整证件号和手机号，并记入审计）', querystring: memberFilters },
    }, async (req, reply) => {
      const ctx = req.ctx();
      const { org, rows } = await exportMembers(ctx, req.query, EXPORT_LIMIT);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`党员名册-${org.name}-${chinaDate(ctx.clock.now())}.xlsx`))
        .send(await membersWorkbook(rows));
    });

    app.get('/api/members/:id', {
      schema: { tags, summary: '党员档案：基本信息（脱敏）、组织关系、发展历程', params: personParams, response: { 200: memberProfile, ...errors } },
    }, async (req) => getMemberProfile(req.ctx(), req.params.id));

    app.get('/api/members/:id/sensitive', {
      schema: { tags, summary: '查看完整身份证号和手机号（记入审计）', params: personParams, response: { 200: sensitiveValues, ...errors } },
    }, async (req) => readSensitive(req.ctx(), req.params.id));
  },
};
