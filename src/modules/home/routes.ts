import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { todoList, type TodoProvider } from '../../platform/todo/todo.js';
import { homeBody, homeQuery, todosBody } from './contracts.js';
import { homeView } from './service.js';

export function homeHttp(todoProviders: TodoProvider[]): HttpModule {
  return {
    name: 'home',
    routes(app) {
      app.get('/api/home', {
        schema: { tags: ['home'], summary: '首页：辖区概况', querystring: homeQuery, response: { 200: homeBody, 404: errorBody } },
      }, async (req) => homeView(req.ctx(), req.query.org));
      app.get('/api/todos', {
        schema: { tags: ['home'], summary: '我的待办', response: { 200: todosBody } },
      }, async (req) => ({ items: await todoList(req.ctx(), req.lang, todoProviders) }));
    },
  };
}
