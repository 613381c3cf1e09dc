// vitest globalSetup: one throwaway PostgreSQL server for the whole run, handed
// to tests as inject('pgUrl'). Set DATABASE_URL_TEST to use an existing server.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL_TEST;
  if (external) {
    project.provide('pgUrl', external);
    return;
  }
  const started = Date.now();
  const server = await startThrowawayPostgres();
  console.log(`throwaway PostgreSQL ready at ${server.url} in ${Date.now() - started} ms`);
  project.provide('pgUrl', server.url);
  return async () => {
    await server.stop();
  };
}
