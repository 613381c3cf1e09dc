import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { diaryBody, diaryDetail, diaryListQuery, diaryPage, diaryParams, diaryPatch } from './contracts.js';
import { getDiary, listDiaries } from './queries.js';
import { createDiary, editDiary } from './write.js';

const tags = ['diaries'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const diariesHttp: HttpModule = {
  name: 'diaries',
  routes(app) {
    app.get('/api/diaries', {
      schema: { tags, summary: '民情日记：按村、作者、日期筛选，任意两个以上连续字符全文检索（含命中片段）', querystring: diaryListQuery, response: { 200: diaryPage, ...errors } },
    }, async (req) => listDiaries(req.ctx(), req.query));

    app.post('/api/diaries', {
      schema: { tags, summary: '写一篇民情日记（家庭情况、存在问题、群众诉求、下步打算、办理结果）', body: diaryBody, response: { 201: diaryDetail, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createDiary(req.ctx(), req.body, req.lang)));

    app.get('/api/diaries/:id', {
      schema: { tags, summary: '一篇民情日记及其关联的走访和农户', params: diaryParams, response: { 200: diaryDetail, ...errors } },
    }, async (req) => getDiary(req.ctx(), req.params.id));

    app.patch('/api/diaries/:id', {
      schema: { tags, summary: '修改自己写的民情日记（记入审计）', params: diaryParams, body: diaryPatch, response: { 200: diaryDetail, ...errors } },
    }, async (req) => editDiary(req.ctx(), req.params.id, req.body, req.lang));
  },
};
