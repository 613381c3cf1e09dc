import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { langFromHeader, t, type Lang } from '../i18n/index.js';
import { SESSION_COOKIE, type App, type RouteEntry, type ServerDeps } from './app-types.js';
import { issueMessage, issuePath, type ValidationItem } from './validation.js';

export const BODY_LIMIT = 1024 * 1024;

export async function buildServer(deps: ServerDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT,
    // Behind a local reverse proxy that terminates TLS, trust its X-Forwarded-Proto (Secure cookies).
    trustProxy: 'loopback',
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  // Only JSON: a text/plain POST is what a cross-site form can send without a preflight.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, public: route.config?.public === true });
    }
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Grassroots API', description: '基层党建工作平台接口 / Grassroots Party-building platform API', version: deps.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'zh');
  app.decorateRequest('ctx', function (this: FastifyRequest) {
    if (!this.actor) throw new AppError(401, 'unauthenticated', 'error.unauthenticated');
    return { actor: this.actor, db: deps.database.db, clock: deps.clock };
  });

  app.addHook('onRequest', async (request) => {
    request.lang = langFromHeader(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await deps.authenticate(token);
    const open = request.routeOptions.config?.public === true || !request.url.startsWith('/api/') || request.url.startsWith('/api/docs');
    if (!open && !request.actor) throw new AppError(401, 'unauthenticated', 'error.unauthenticated');
  });

  app.setErrorHandler((error, request, reply) => sendError(error as FastifyError, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && deps.webRoot;
    if (wantsPage) return reply.type('text/html').sendFile('index.html');
    return sendError(new AppError(404, 'not_found', 'error.route_not_found', { method: request.method, url: request.url.split('?')[0]! }), request, reply);
  });

  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['platform'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), engine: z.string(), version: z.string() }) } },
  }, async () => {
    await deps.database.db.execute(sql`select 1`);
    return { status: 'ok' as const, engine: deps.database.engine, version: deps.version };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  for (const module of deps.modules) module.routes(app, deps);

  if (deps.webRoot && existsSync(join(deps.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: deps.webRoot, wildcard: false, index: 'index.html' });
  }
  return app;
}

function send(reply: FastifyReply, status: number, code: string, message: string, fields?: { path: string; message: string }[]) {
  return reply.status(status).send({ error: { code, message, ...(fields && fields.length ? { fields } : {}) } });
}

function sendError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const lang: Lang = request.lang ?? langFromHeader(request.headers['accept-language']);
  if (error instanceof AppError) {
    const fields = error.fields.map((f) => ({ path: f.path, message: t(lang, f.key, f.params) }));
    return send(reply, error.status, error.code, t(lang, error.key, error.params), fields);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError & { validationContext?: string }).validationContext;
    const fields = (error.validation as unknown as ValidationItem[]).map((item) => ({
      path: issuePath(context, item.instancePath),
      message: issueMessage(lang, item),
    }));
    const detail = fields.map((f) => `${f.path} ${f.message}`).join(lang === 'zh' ? '；' : '; ');
    return send(reply, 400, 'validation', t(lang, 'error.validation', { detail }), fields);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 400, 'malformed_json', t(lang, 'error.malformed_json'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, 413, 'body_too_large', t(lang, 'error.body_too_large', { limit: `${(request.routeOptions.bodyLimit ?? BODY_LIMIT) / 1024} KB` }));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, 415, 'unsupported_media_type', t(lang, 'error.unsupported_media_type', { type: String(request.headers['content-type'] ?? '') }));
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return send(reply, 400, 'malformed_json', t(lang, 'error.malformed_json'));
  }
  // A unique violation that raced past a service's own check: someone else wrote first.
  const databaseCode = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  if (databaseCode === '23505') return send(reply, 409, 'conflict', t(lang, 'error.conflict'));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, error.statusCode, 'bad_request', t(lang, 'error.validation', { detail: error.message }));
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, 500, 'internal', t(lang, 'error.internal'));
}
