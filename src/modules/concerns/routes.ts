import type { z } from 'zod';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { deliverDue, logChannel, startLoop } from '../../platform/outbox/outbox.js';
import { act } from './actions.js';
import {
  acceptBody, answerBody, assignBody, concernDetail, created, duplicateBody, idParams, inboxQuery, inboxView, noteBody, onBehalfBody,
  pauseBody, referBody, rejectBody, replyBody, settingsBody, settingsView,
} from './contracts.js';
import { getConcern } from './detail.js';
import { inbox } from './inbox.js';
import { submitOnBehalf } from './intake.js';
import { closeLapsed } from './lapse.js';
import type { HandlerAction } from './rules.js';
import { getSettings, saveSettings } from './settings.js';

const tags = ['concerns'];
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
