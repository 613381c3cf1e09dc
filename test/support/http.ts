import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/platform/http/app-types.js';
import { PASSWORD } from './county.js';

/** Signs in through the API and returns the session cookie header. */
export async function signInAs(app: App, username: string, password = PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'gr_session');
  return `gr_session=${cookie!.value}`;
}

export const json = <T = Record<string, unknown>>(response: LightMyRequestResponse): T => response.json() as T;

/** The error body every refusal answers with. */
export type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
