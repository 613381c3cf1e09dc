import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { changePasswordBody, createUserBody, meBody, resetPasswordBody, signInBody, userList, usernameParams, userView } from './contracts.js';
import { addUser, listUsers, resetPassword, setDisabled } from './users.js';
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

    const userTags = ['users'];
    app.get('/api/users', {
      schema: { tags: userTags, summary: '管辖范围内的账号', response: { 200: userList } },
    }, async (req) => ({ items: await listUsers(req.ctx()) }));

    app.post('/api/users', {
      schema: { tags: userTags, summary: '新建账号（人员、岗位与登录账号）', body: createUserBody, response: { 201: userView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
    }, async (req, reply) => {
      await addUser(req.ctx(), req.body);
      return reply.status(201).send((await listUsers(req.ctx())).find((u) => u.username === req.body.username)!);
    });

    app.post('/api/users/:username/password', {
      schema: { tags: userTags, summary: '重置密码', params: usernameParams, body: resetPasswordBody, response: { 204: z.null(), 400: errorBody, 404: errorBody } },
    }, async (req, reply) => {
      await resetPassword(req.ctx(), req.params.username, req.body.newPassword);
      return reply.status(204).send(null);
    });

    for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
      app.post(`/api/users/:username/${action}`, {
        schema: { tags: userTags, summary: disabled ? '停用账号' : '启用账号', params: usernameParams, response: { 204: z.null(), 400: errorBody, 404: errorBody } },
      }, async (req, reply) => {
        await setDisabled(req.ctx(), req.params.username, disabled);
        return reply.status(204).send(null);
      });
    }
  },
};
