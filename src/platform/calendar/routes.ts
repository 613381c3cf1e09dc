import { AppError } from '../errors.js';
import { TableFileError } from '../files/table-file.js';
import type { HttpModule } from '../http/app-types.js';
import { errorBody } from '../http/contracts.js';
import { contentDisposition } from '../http/download.js';
import { calendarImportBody, calendarImportReport, calendarYearBody, calendarYearParams, calendarYearsView, calendarYearView } from './contracts.js';
import { calendarTemplate, importCalendarYear } from './import.js';
import { adminPost, currentYear, getCalendarYear, listCalendarYears, revertCalendarYear, saveCalendarYear } from './service.js';

const tags = ['calendar'];
const errors = { 400: errorBody, 403: errorBody };

export const calendarHttp: HttpModule = {
  name: 'calendar',
  routes(app) {
    app.get('/api/calendar', {
      schema: { tags, summary: '有工作日历的年份（本县的或国家的）', response: { 200: calendarYearsView } },
    }, async (req) => listCalendarYears(req.ctx()));

    app.get('/api/calendar/template.xlsx', {
      schema: { tags, summary: '下载工作日历导入模板（xlsx，已填入当年国家节假日安排）' },
    }, async (req, reply) => {
      const ctx = req.ctx();
      await adminPost(ctx);
      const year = currentYear(ctx);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`工作日历导入模板-${year}.xlsx`))
        .send(await calendarTemplate(year));
    });

    app.get('/api/calendar/:year', {
      schema: { tags, summary: '本县某年的工作日历：放假和调休上班的日期、工作日天数', params: calendarYearParams, response: { 200: calendarYearView, 400: errorBody } },
    }, async (req) => getCalendarYear(req.ctx(), req.params.year, req.lang));

    app.put('/api/calendar/:year', {
      schema: { tags, summary: '设置本县某年的工作日历（县委组织部；记入审计）', params: calendarYearParams, body: calendarYearBody, response: { 200: calendarYearView, ...errors } },
    }, async (req) => saveCalendarYear(req.ctx(), req.params.year, req.body.days, req.lang));

    app.delete('/api/calendar/:year', {
      schema: { tags, summary: '恢复某年为国家工作日历（记入审计）', params: calendarYearParams, response: { 200: calendarYearView, ...errors } },
    }, async (req) => revertCalendarYear(req.ctx(), req.params.year, req.lang));

    app.post('/api/calendar/:year/import', {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags, summary: '导入本县某年的工作日历（先逐行校验；commit 为 true 且没有错误时整年替换）',
        params: calendarYearParams, body: calendarImportBody, response: { 200: calendarImportReport, ...errors },
      },
    }, async (req) => {
      return importCalendarYear(req.ctx(), req.params.year, { content: Buffer.from(req.body.content, 'base64'), fileName: req.body.fileName, commit: req.body.commit }, req.lang)
        .catch((error: unknown) => {
          if (error instanceof TableFileError) throw new AppError(400, `file_${error.code}`, 'import.file', { detail: error.detail[req.lang] });
          throw error;
        });
    });
  },
};
