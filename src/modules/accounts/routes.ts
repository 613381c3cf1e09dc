import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { changePasswordBody, meBody, signInBody } from './contracts.js';
import { changePassword, describeActor, SESSION_DAYS, signIn, signOut } from './service.js';

const tags = ['accounts'];

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export const accountsHttp: HttpModule = {
  name: 'accounts',
  routes(app, deps) {
    app.post('/api/session', {
      config: { public: true },
      schema: { tags, summary: '登录', body: signInBody, response: { 200: meBody, 400: errorBody, 401: errorBody, 429: errorBody } },
    }, async (req, reply) => {
      const { token, actor } = await signIn(deps.database.db, deps.clock, { ...req.body, ip: req.ip });
      setSessionCookie(req, reply, token);
      return { user: await describeActor(deps.database.db, actor) };
    });

    app.get('/api/session', {
      schema: { tags, summary: '当前用户、岗位与权限', response: { 200: meBody, 401: errorBody } },
    }, async (req) => ({ user: await describeActor(deps.database.db, req.ctx().actor) }));

    app.delete('/api/session', {
      schema: { tags, summary: '退出登录', response: { 204: z.null() } },
    }, async (req, reply) => {
      await signOut(deps.database.db, req.cookies[SESSION_COOKIE]!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.post('/api/session/password', {
      schema: { tags, summary: '修改密码', body: changePasswordBody, response: { 204: z.null(), 400: errorBody } },
    }, async (req, reply) => {
      await changePassword(req.ctx(), req.body);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });
  },
};
