import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../access/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { Lang } from '../i18n/index.js';
import type { ServiceContext } from '../service.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A capability's routes, registered by the composition root; the platform knows none of them. */
export interface HttpModule {
  name: string;
  routes(app: App, deps: ServerDeps): void;
}

export interface ServerDeps {
  database: Database;
  clock: Clock;
  /** Resolves a session cookie to the acting user (the accounts module provides it). */
  authenticate(token: string): Promise<Actor | null>;
  modules: HttpModule[];
  /** Built web app to serve, if any. */
  webRoot?: string;
  logger?: boolean;
  version: string;
}

export const SESSION_COOKIE = 'gr_session';

/** Every route the server answers, so tests can prove each one is guarded. */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
    /** The service context of the signed-in user; throws 401 when nobody is signed in. */
    ctx(): ServiceContext;
  }
  interface FastifyContextConfig {
    /** A route anyone may call without signing in (health, sign-in, public pages). */
    public?: boolean;
  }
}
