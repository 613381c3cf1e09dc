import type { z } from 'zod';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { deliverDue, logChannel, startLoop } from '../../platform/outbox/outbox.js';
import { chinaDate } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/http/download.js';
import { act } from './actions.js';
import {
  acceptBody, answerBody, assignBody, concernDetail, created, duplicateBody, idParams, inboxQuery, inboxView, noteBody, onBehalfBody,
  pauseBody, referBody, rejectBody, replyBody, settingsBody, settingsView,
  digestQuery, digestView, statisticsQuery, statisticsView, type DigestView,
} from './contracts.js';
import { getConcern } from './detail.js';
import { concernDigest } from './digest.js';
import { digestNotice, digestWorkbook, monthTitle } from './digest-files.js';
import { inbox } from './inbox.js';
import { submitOnBehalf } from './intake.js';
import { closeLapsed } from './lapse.js';
import type { HandlerAction } from './rules.js';
import { getSettings, saveSettings } from './settings.js';
import { concernStatistics } from './statistics.js';
import { statisticsWorkbook } from './statistics-workbook.js';

const tags = ['concerns'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file of no village would be empty: say so instead. */
function withVillages(d: DigestView): DigestView {
  if (d.villages.length === 0) throw invalid('concerns.invalid', {}, [{ path: 'querystring.org', key: 'concerns.digest_no_village', params: { org: d.org.name } }]);
  return d;
}
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** How often the server delivers queued messages. */
export const LOOP_INTERVAL_MS = 30_000;
/**
 * How often it sweeps for concerns whose windows passed: replied concerns have no index of their
 * own, and a read settles the one it shows anyway, so an hourly scan is enough.
 */
export const SWEEP_INTERVAL_MS = 3_600_000;

const actions: [HandlerAction, z.ZodType, string][] = [
  ['accept', acceptBody, '受理诉求（确定类别，开始计算办理时限）'],
  ['refer', referBody, '转办至县内其他组织'],
  ['duplicate', duplicateBody, '标记为重复诉求（注明原诉求查询码）'],
  ['reject', rejectBody, '不予受理（须说明理由）'],
  ['assign', assignBody, '分派（或改派）承办人'],
  ['start', noteBody, '承办人开始办理'],
  ['pause', pauseBody, '暂停办理（等待群众补充或其他单位），暂停期间不计时'],
  ['resume', noteBody, '恢复办理'],
  ['answer', answerBody, '承办人起草答复（待审核）'],
  ['reply', replyBody, '审核并公开答复，需要时发送短信'],
];

export const concernsHttp: HttpModule = {
  name: 'concerns',
  routes(app, deps) {
    // Started with the listening server only: tests drive single passes themselves.
    let loop: { stop(): Promise<void> } | null = null;
    app.addHook('onListen', async () => {
      const channels = [logChannel((fields, text) => app.log.info(fields, text))];
      let swept = 0;
      loop = startLoop(async () => {
        await deliverDue(deps.database.db, channels, deps.clock.now());
        if (Date.now() - swept < SWEEP_INTERVAL_MS) return;
        swept = Date.now();
        await closeLapsed(deps.database.db, deps.clock);
      }, LOOP_INTERVAL_MS, (error) => app.log.error({ err: error }, 'concern loop'));
    });
    app.addHook('onClose', async () => loop?.stop());

    app.get('/api/concerns/settings', {
      schema: { tags, summary: '本县民情诉求设置：类别及办理时限、评价和重新办理期限、状态名称、超期升级', response: { 200: settingsView } },
    }, async (req) => getSettings(req.ctx()));

    app.put('/api/concerns/settings', {
      schema: { tags, summary: '设置本县民情诉求（县委组织部）', body: settingsBody, response: { 200: settingsView, ...errors } },
    }, async (req) => saveSettings(req.ctx(), req.body));

    app.get('/api/concerns', {
      schema: { tags, summary: '民情诉求办理台：本人可见的诉求，未办结的按期限排在前面', querystring: inboxQuery, response: { 200: inboxView, ...errors } },
    }, async (req) => inbox(req.ctx(), req.query));

    app.post('/api/concerns', {
      schema: { tags, summary: '代群众登记诉求（代办或走访中发现）', body: onBehalfBody, response: { 201: created, ...errors } },
    }, async (req, reply) => reply.status(201).send(await submitOnBehalf(req.ctx(), req.body)));

    app.get('/api/concerns/statistics', {
      schema: { tags, summary: '民情诉求统计：受理、答复、按期、超期、满意率，按类别、村、乡镇和月份', querystring: statisticsQuery, response: { 200: statisticsView, ...errors } },
    }, async (req) => concernStatistics(req.ctx(), req.query));

    app.get('/api/concerns/statistics.xlsx', {
      schema: { tags, summary: '导出民情诉求统计（xlsx）', querystring: statisticsQuery },
    }, async (req, reply) => {
      const stats = await concernStatistics(req.ctx(), req.query);
      return reply.type(XLSX).header('content-disposition', contentDisposition(`民情诉求统计-${stats.org.name}-${stats.from}至${stats.to}.xlsx`)).send(await statisticsWorkbook(stats));
    });

    app.get('/api/concerns/digest', {
      schema: { tags, summary: '村（社区）民情诉求月度汇总：当月收集、答复和尚在办理的诉求；乡镇一次看全部村', querystring: digestQuery, response: { 200: digestView, ...errors } },
    }, async (req) => concernDigest(req.ctx(), req.query));

    app.get('/api/concerns/digest.docx', {
      schema: { tags, summary: '下载月度办理情况公示（docx，每村一页，可张贴）', querystring: digestQuery },
    }, async (req, reply) => {
      const digest = await withVillages(await concernDigest(req.ctx(), req.query));
      const notice = await digestNotice(digest, chinaDate(deps.clock.now()));
      return reply.type(DOCX).header('content-disposition', contentDisposition(`${digest.org.name}${monthTitle(digest.month)}民情诉求办理情况公示.docx`)).send(notice);
    });

    app.get('/api/concerns/digest.xlsx', {
      schema: { tags, summary: '导出民情诉求月度汇总（xlsx，每村一页）', querystring: digestQuery },
    }, async (req, reply) => {
      const digest = await withVillages(await concernDigest(req.ctx(), req.query));
      return reply.type(XLSX).header('content-disposition', contentDisposition(`${digest.org.name}${monthTitle(digest.month)}民情诉求汇总.xlsx`)).send(await digestWorkbook(digest));
    });

    app.get('/api/concerns/:id', {
      schema: { tags, summary: '诉求详情：办理过程、答复送达情况、可执行的操作', params: idParams, response: { 200: concernDetail, ...errors } },
    }, async (req) => getConcern(req.ctx(), req.params.id));

    for (const [action, body, summary] of actions) {
      app.post(`/api/concerns/:id/${action}`, {
        schema: { tags, summary, params: idParams, body, response: { 200: concernDetail, ...errors } },
      }, async (req) => act(req.ctx(), (req.params as { id: string }).id, action, req.body as object));
    }
  },
};
