import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { duplicatePersonBody } from './admission/contracts.js';
import { namingDuplicate } from './admission/routes.js';
import { personParams } from './contracts.js';
import { memberEditBody, memberEditResult, memberRecord } from './edit-contracts.js';
import { editMember, getMemberRecord } from './edit.js';
import { describeViolation } from './rules/pipeline.js';

const tags = ['members'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const memberEditHttp: HttpModule = {
  name: 'member-edit',
  routes(app) {
    app.get('/api/members/:id/record', {
      schema: { tags, summary: '党员信息编辑表单：当前登记值（证件号、手机号脱敏）与修改权限', params: personParams, response: { 200: memberRecord, 404: errorBody } },
    }, async (req) => getMemberRecord(req.ctx(), req.params.id));

    app.patch('/api/members/:id', {
      schema: {
        tags,
        summary: '更正党员信息：本人信息与流动、报到、失联、离退休、需关怀等状态（只改提交的字段；记入审计）',
        params: personParams, body: memberEditBody, response: { 200: memberEditResult, ...errors, 409: duplicatePersonBody },
      },
    }, async (req, reply) => namingDuplicate(reply, req.lang, async () => {
      const { record, warnings } = await editMember(req.ctx(), req.params.id, req.body);
      return { record, warnings: warnings.map((v) => ({ path: 'body.birthDate', message: describeViolation(v, req.lang) })) };
    }));
  },
};
