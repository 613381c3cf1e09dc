import type { ErrorBody, FieldProblem } from './contracts.js';
import { acceptLanguage, currentLang } from './i18n/lang.js';
import { dictionaries } from './i18n/messages.js';

/** An API failure: the server's code and message (already in the UI language) and per-field problems. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  /** What else the error body carries, as an endpoint's contract declares it (e.g. `existing`: who holds an ID number). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = [], details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

type UnauthorizedHandler = (target: string) => void;

let onUnauthorized: UnauthorizedHandler = (target) => {
  window.location.assign(`/login?next=${encodeURIComponent(target)}`);
};

/** The app installs a router-aware handler; the default reloads into the sign-in page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  /** Let a 401 through as an ApiError instead of sending the user to sign in (sign-in itself, session probe). */
  allow401?: boolean;
  signal?: AbortSignal;
}

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage() };
  // The server rejects an empty body declared as JSON, so the header goes only with a body.
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', dictionaries[currentLang()]['common.networkError']);
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  throw failure(response.status, payload, options);
}

function fromBody(status: number, { code, message, fields, ...details }: ErrorBody['error'] & Record<string, unknown>): ApiError {
  return new ApiError(status, code, message, fields ?? [], details);
}

/** The ApiError of a failed response; a 401 also sends the user to sign in unless allowed. */
function failure(status: number, payload: unknown, options: RequestOptions): ApiError {
  const error = isErrorBody(payload)
    ? fromBody(status, payload.error)
    : new ApiError(status, 'http_' + status, `${dictionaries[currentLang()]['result.error']} (HTTP ${status})`);
  if (status === 401 && !options.allow401) {
    onUnauthorized(window.location.pathname + window.location.search);
  }
  return error;
}

/** The file name of a Content-Disposition header: the RFC 6266 `filename*` first, then `filename`. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/.exec(header)?.[1]?.trim() ?? null;
}

/** Fetches a file (e.g. a template) and hands it to the browser as a download. */
async function download(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { 'Accept-Language': acceptLanguage() } });
  } catch {
    throw new ApiError(0, 'network', dictionaries[currentLang()]['common.networkError']);
  }
  if (!response.ok) throw failure(response.status, await response.json().catch(() => null), {});
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = dispositionFileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) => request<T>('GET', withQuery(path, query), undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  download,
};

/** The form field a server problem belongs to: `body.name` → `name`. */
export function fieldName(path: string): string {
  return path.replace(/^body[./]/, '');
}
