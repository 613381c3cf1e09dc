/**
 * The public pages' routes: no account, so they are guarded in memory instead (issue §9): per-client
 * and per-village rate limits answering 429 with Retry-After, a small body limit, a honeypot field,
 * and the same text sent again from the same address answered with its first tracking code.
 */
import { randomInt } from 'node:crypto';
import { chinaDate } from '../../platform/clock.js';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { RateLimiter, throttle } from '../../platform/http/rate-limit.js';
import { publicSubmission, rateBody, reopenBody, submitted, trackingParams, trackingView, villageParams, villageView } from './contracts.js';
import { lastMonthCounts } from './digest.js';
import { publicVillage, submitPublic } from './intake.js';
import { rate, reopen, tracking } from './public.js';
import { trackingCodeFrom } from './rules.js';
import { concernSettings } from './settings.js';

const tags = ['public'];
const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 429: errorBody };
const MINUTE = 60_000;

export const PUBLIC_LIMITS = {
  /** Submissions per client address a minute. */
  submitPerClient: { max: 5, windowMs: MINUTE },
  /** Submissions to one village a minute, from everyone: a flood at one village's page stops there. */
  submitPerVillage: { max: 60, windowMs: MINUTE },
  /** Tracking reads and the village form per client address a minute. */
  readPerClient: { max: 30, windowMs: MINUTE },
  /** Ratings and reopenings per client address a minute. */
  actPerClient: { max: 10, windowMs: MINUTE },
};
/** The same text from the same address within this span is the same concern sent twice. */
export const RESEND_WINDOW_MS = 10 * MINUTE;
/** 2,000 characters of Chinese are 6 KB of JSON; the rest is headroom, not room for a flood. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;

/** First tracking codes of recent submissions, by address, village and text. */
class RecentSubmissions {
  private readonly seen = new Map<string, { code: string; at: number }>();
  find(key: string, now: number): string | null {
    const hit = this.seen.get(key);
    return hit && now - hit.at < RESEND_WINDOW_MS ? hit.code : null;
  }
  remember(key: string, code: string, now: number): void {
    // Kept in the order remembered, so expired entries are all at the front: dropping them costs
    // what expired, not a scan of the whole map on every submission of a flood.
    for (const [k, v] of this.seen) {
      if (now - v.at < RESEND_WINDOW_MS) break;
      this.seen.delete(k);
    }
    this.seen.delete(key);
    this.seen.set(key, { code, at: now });
  }
}

export const concernsPublicHttp: HttpModule = {
  name: 'concerns-public',
  routes(app, deps) {
    // Per app, so each server (and each test's) counts on its own.
    const perClient = new RateLimiter(PUBLIC_LIMITS.submitPerClient);
    const perVillage = new RateLimiter(PUBLIC_LIMITS.submitPerVillage);
    const reads = new RateLimiter(PUBLIC_LIMITS.readPerClient);
    const acts = new RateLimiter(PUBLIC_LIMITS.actPerClient);
    const recent = new RecentSubmissions();
    const config = { public: true };
    const limit = (reply: { header(name: string, value: string): unknown }, checks: [RateLimiter, string][]) =>
      throttle(checks, Date.now(), (name, value) => reply.header(name, value));

    app.get('/api/public/villages/:orgCode', {
      config, schema: { tags, summary: '村（社区）诉求页：组织名称、诉求类别和上月办理数字', params: villageParams, response: { 200: villageView, ...errors } },
    }, async (req, reply) => {
      limit(reply, [[reads, req.ip]]);
      const org = await publicVillage(deps.database.db, req.params.orgCode);
      const settings = await concernSettings(deps.database.db, org.countyId);
      const lastMonth = await lastMonthCounts(deps.database.db, org, chinaDate(deps.clock.now()));
      return { org: { code: org.code, name: org.name }, categories: settings.categories.map(({ id, name }) => ({ id, name })), lastMonth };
    });

    app.post('/api/public/villages/:orgCode/concerns', {
      config, bodyLimit: PUBLIC_BODY_LIMIT,
      schema: { tags, summary: '群众反映诉求（无需登录），返回查询码', params: villageParams, body: publicSubmission, response: { 201: submitted, ...errors } },
    }, async (req, reply) => {
      // Filled in by a bot, never by a person (the field is hidden): looks accepted, is dropped.
      if (req.body.website) return reply.status(201).send({ trackingCode: trackingCodeFrom(randomInt) });
      limit(reply, [[perClient, req.ip], [perVillage, req.params.orgCode]]);
      const key = `${req.ip}\n${req.params.orgCode}\n${req.body.content.trim()}`;
      const now = Date.now();
      const earlier = recent.find(key, now);
      if (earlier) return reply.status(201).send({ trackingCode: earlier });
      const result = await submitPublic(deps.database.db, deps.clock, req.params.orgCode, req.body);
      recent.remember(key, result.trackingCode, now);
      return reply.status(201).send(result);
    });

    app.get('/api/public/concerns/:trackingCode', {
      config, schema: { tags, summary: '按查询码查看诉求办理进度和答复', params: trackingParams, response: { 200: trackingView, ...errors } },
    }, async (req, reply) => {
      limit(reply, [[reads, req.ip]]);
      return tracking(deps.database.db, deps.clock, req.params.trackingCode);
    });

    app.post('/api/public/concerns/:trackingCode/rate', {
      config, bodyLimit: PUBLIC_BODY_LIMIT,
      schema: { tags, summary: '对答复作出评价（一次，答复后限期内）', params: trackingParams, body: rateBody, response: { 200: trackingView, ...errors } },
    }, async (req, reply) => {
      limit(reply, [[acts, req.ip]]);
      return rate(deps.database.db, deps.clock, req.params.trackingCode, req.body);
    });

    app.post('/api/public/concerns/:trackingCode/reopen', {
      config, bodyLimit: PUBLIC_BODY_LIMIT,
      schema: { tags, summary: '对答复不满意时申请重新办理（答复后限期内）', params: trackingParams, body: reopenBody, response: { 200: trackingView, ...errors } },
    }, async (req, reply) => {
      limit(reply, [[acts, req.ip]]);
      return reopen(deps.database.db, deps.clock, req.params.trackingCode, req.body);
    });
  },
};
