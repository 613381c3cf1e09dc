import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from './platform/clock.js';
import type { Database } from './platform/db/database.js';
import type { App } from './platform/http/app-types.js';
import { buildServer } from './platform/http/server.js';
import { packageRoot } from './platform/paths.js';
import { actorFromSession } from './modules/accounts/service.js';
import { httpModules } from './modules/index.js';

export const version: string = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version;

/** The composition root: the platform's server with every module plugged in. */
export function createApp(database: Database, options: { clock?: Clock; logger?: boolean; web?: boolean } = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  return buildServer({
    database,
    clock,
    authenticate: (token) => actorFromSession(database.db, clock, token),
    modules: httpModules,
    webRoot: options.web === false ? undefined : join(packageRoot(), 'dist', 'web'),
    logger: options.logger,
    version,
  });
}
