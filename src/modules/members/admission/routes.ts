import type { FastifyReply } from 'fastify';
import type { HttpModule } from '../../../platform/http/app-types.js';
import { errorBody } from '../../../platform/http/contracts.js';
import { t, type Lang } from '../../../platform/i18n/index.js';
import { personParams } from '../contracts.js';
import { admissionView, duplicatePersonBody, newApplicationBody, reapplicationBody, recordStepBody, stepParams, undoStepBody } from './contracts.js';
import { DuplicatePerson } from './duplicate-person.js';
import { getAdmission } from './queries.js';
import { createApplication, reapply, recordStep } from './service.js';
import { undoStep } from './undo.js';

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
    }, async (req, reply) => namingDuplicate(reply, req.lang, async () => reply.status(201).send(await createApplication(req.ctx(), req.body, req.lang))));

    app.post('/api/members/:id/applications', {
      schema: { tags, summary: '为已有记录、当前无组织关系的人员登记新的入党申请（如取消预备党员资格后重新申请）', params: personParams, body: reapplicationBody, response: { 201: admissionView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await reapply(req.ctx(), req.params.id, req.body, req.lang)));

    app.post('/api/members/:id/admission-steps/:stepId/undo', {
      schema: { tags, summary: '撤销误录的最近一个发展步骤（写明理由，恢复组织关系原状）', params: stepParams, body: undoStepBody, response: { 200: admissionView, ...errors } },
    }, async (req) => undoStep(req.ctx(), req.params.id, req.params.stepId, req.body.reason, req.lang));
  },
};

/**
 * Runs a write that may find the citizen ID number taken, and answers that refusal with the person
 * on record when the caller may see them: the platform's error shape has no room for them, and
 * forms link to them. Routes using it declare `duplicatePersonBody` for 409.
 */
export async function namingDuplicate<T>(reply: FastifyReply, lang: Lang, run: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DuplicatePerson)) throw error;
    const fields = error.fields.map((f) => ({ path: f.path, message: t(lang, f.key, f.params) }));
    return reply.status(409).send({ error: { code: error.code, message: t(lang, error.key, error.params), fields, existing: error.existing } });
  }
}
