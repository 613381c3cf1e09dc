import { z } from 'zod';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { contentDisposition } from '../../platform/http/download.js';
import { addAttachment, deleteAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from './attachments.js';
import {
  attachmentBody, attachmentParams, attachmentView, cancelMeetingBody, lecturerSuggestionBody, lecturerSuggestionQuery, meetingBody, meetingDetail, meetingListQuery, meetingPage,
  meetingParams, meetingUpdateBody, recordBookQuery, rosterBody, rosterQuery,
} from './contracts.js';
import { getLecturerSuggestion, getMeeting, getRoster, listMeetings } from './queries.js';
import { recordBook } from './record-book.js';
import { cancelMeeting, createMeeting, updateMeeting } from './service.js';

const tags = ['meetings'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const meetingsHttp: HttpModule = {
  name: 'meetings',
  routes(app) {
    app.get('/api/meetings', {
      schema: { tags, summary: '会议列表（管辖范围内，可按组织、类型、状态、日期筛选，分页）', querystring: meetingListQuery, response: { 200: meetingPage, 400: errorBody, 404: errorBody } },
    }, async (req) => listMeetings(req.ctx(), req.query));

    app.get('/api/meetings/roster', {
      schema: { tags, summary: '可选参会人员：某党组织在某日的党员和班子成员（党员在前）', querystring: rosterQuery, response: { 200: rosterBody, ...errors } },
    }, async (req) => getRoster(req.ctx(), req.query));

    app.get('/api/meetings/lecturer-suggestion', {
      schema: { tags, summary: '周五学习的下一位主讲人（班子成员轮流，最久未讲者优先）', querystring: lecturerSuggestionQuery, response: { 200: lecturerSuggestionBody, ...errors } },
    }, async (req) => getLecturerSuggestion(req.ctx(), req.query.org));

    app.get('/api/meetings/:id', {
      schema: { tags, summary: '会议详情：出席情况、会议记录、表决结果', params: meetingParams, response: { 200: meetingDetail, 404: errorBody } },
    }, async (req) => getMeeting(req.ctx(), req.params.id));

    app.post('/api/meetings', {
      schema: { tags, summary: '计划或记录一次会议（已召开的可填写出席、记录和表决）', body: meetingBody, response: { 201: meetingDetail, ...errors } },
    }, async (req, reply) => reply.status(201).send(await createMeeting(req.ctx(), req.body, req.lang)));

    app.put('/api/meetings/:id', {
      schema: { tags, summary: '修改会议记录（整体替换，出席和表决一并替换；记入审计）', params: meetingParams, body: meetingUpdateBody, response: { 200: meetingDetail, ...errors } },
    }, async (req) => updateMeeting(req.ctx(), req.params.id, req.body, req.lang));

    app.post('/api/meetings/:id/cancel', {
      schema: { tags, summary: '取消计划中的会议（写明原因）', params: meetingParams, body: cancelMeetingBody, response: { 200: meetingDetail, ...errors } },
    }, async (req) => cancelMeeting(req.ctx(), req.params.id, req.body.reason));

    app.get('/api/meetings/record-book.xlsx', {
      schema: { tags, summary: '导出会议记录簿（xlsx）：已召开的会议一览，每次会议一页完整记录；subtree=true 含下级组织', querystring: recordBookQuery },
    }, async (req, reply) => {
      const book = await recordBook(req.ctx(), req.query);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(book.fileName)).send(book.content);
    });

    app.post('/api/meetings/:id/attachments', {
      // Base64 takes four bytes for three, and a file a little over the limit should hear why, not a bare 413.
      bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * 1.5 * 4) / 3) + 4096,
      schema: { tags, summary: '上传会议附件（照片、扫描件：JPEG、PNG、WebP 或 PDF，每个不超过 10 MB，每次会议不超过 20 个）', params: meetingParams, body: attachmentBody, response: { 201: attachmentView, ...errors } },
    }, async (req, reply) => reply.status(201).send(await addAttachment(req.ctx(), req.params.id, req.body)));

    app.get('/api/meetings/:id/attachments/:aid', {
      schema: { tags, summary: '查看或下载会议附件（图片在浏览器中直接显示）', params: attachmentParams },
    }, async (req, reply) => {
      const file = await readAttachment(req.ctx(), req.params.id, req.params.aid);
      const disposition = contentDisposition(file.fileName);
      return reply.type(file.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', file.mediaType.startsWith('image/') ? disposition.replace(/^attachment/, 'inline') : disposition)
        .send(file.content);
    });

    app.delete('/api/meetings/:id/attachments/:aid', {
      schema: { tags, summary: '删除会议附件（记入审计）', params: attachmentParams, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      await deleteAttachment(req.ctx(), req.params.id, req.params.aid);
      return reply.status(204).send(null);
    });
  },
};
