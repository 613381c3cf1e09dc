import type { HttpModule } from '../../../platform/http/app-types.js';
import { errorBody } from '../../../platform/http/contracts.js';
import { t } from '../../../platform/i18n/index.js';
import { personParams } from '../contracts.js';
import { admissionView, duplicatePersonBody, newApplicationBody, recordStepBody } from './contracts.js';
import { getAdmission } from './queries.js';
import { createApplication, DuplicatePerson, recordStep } from './service.js';

const tags = ['members'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

export const admissionHttp: HttpModule = {
  name: 'admission',
  routes(app) {
    app.get('/api/members/:id/admission', {
      schema: { tags, summary: '发展党员：已办理的步骤、可办理的下一步及期限、规则提示', params: personParams, response: { 200: admissionView, 404: errorBody } },
    }, async (req) => getAdmission(req.ctx(), req.params.id, req.lang));

    app.post('/api/members/:id/admission-steps', {
      schema: {
        tags, summary: '记录发展党员步骤（违反规则的，须有审批权限并写明理由）', params: personParams, body: recordStepBody,
        response: { 201: admissionView, ...errors },
      },
    }, async (req, reply) => reply.status(201).send(await recordStep(req.ctx(), req.params.id, req.body, req.lang)));

    app.post('/api/members/applications', {
      schema: { tags, summary: '登记入党申请人（新建人员及其入党申请）', body: newApplicationBody, response: { 201: admissionView, ...errors, 409: duplicatePersonBody } },
    }, async (req, reply) => {
      try {
        return reply.status(201).send(await createApplication(req.ctx(), req.body, req.lang));
      } catch (error) {
        // The error shape has no room for the person already on record, whom the form links to.
        if (!(error instanceof DuplicatePerson)) throw error;
        const fields = error.fields.map((f) => ({ path: f.path, message: t(req.lang, f.key, f.params) }));
        return reply.status(409).send({ error: { code: error.code, message: t(req.lang, error.key, error.params), fields, existing: error.existing } });
      }
    });
  },
};
