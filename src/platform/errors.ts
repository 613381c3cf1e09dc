import type { MessageKey, Params } from './i18n/index.js';

/** A field-level problem: `path` as in the request (e.g. "body.parentCode" or "row 3 组织编码"). */
export interface FieldProblem {
  path: string;
  key: MessageKey;
  params?: Params;
}

/**
 * An expected failure, carried to the boundary and rendered in the caller's language:
 * `{error: {code, message, fields?}}` over HTTP, a message and exit code in the CLI.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly key: MessageKey,
    readonly params: Params = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(key);
    this.name = 'AppError';
  }
}

export const notFound = (key: MessageKey = 'error.not_found', params?: Params) =>
  new AppError(404, 'not_found', key, params);
export const forbidden = (key: MessageKey = 'error.forbidden', params?: Params) =>
  new AppError(403, 'forbidden', key, params);
export const conflict = (key: MessageKey, params?: Params, fields?: FieldProblem[]) =>
  new AppError(409, 'conflict', key, params, fields);
export const invalid = (key: MessageKey, params?: Params, fields?: FieldProblem[]) =>
  new AppError(400, 'invalid', key, params, fields);
