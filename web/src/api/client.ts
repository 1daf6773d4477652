/**
 * The single door to the API: JSON fetch with the session cookie, error bodies turned into `ApiError`,
 * and a hook for "logged out" so the shell can return to the login page.
 */
import type { UnmetItem } from './types';
import { serverErrorText, type Lang, type ServerFieldError } from '../i18n/errors';

/** A field error as the server sends it: stable `code` (+ `params`) and its message in the request's language. */
export type FieldError = ServerFieldError;

export interface ErrorBody {
  code: string;
  message: string;
  reason?: string;
  params?: Record<string, string | number>;
  fields?: FieldError[];
  unmet?: UnmetItem[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  /** The language the server wrote `message` in (the one the request asked for). */
  readonly lang: Lang;
  constructor(status: number, body: ErrorBody, lang: Lang = requestLang) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.lang = lang;
  }
  get code() {
    return this.body.code;
  }
}

let requestLang: Lang = 'zh';
/** The UI language: sent as Accept-Language so error bodies come back in it, and used to render errors by code. */
export function setRequestLanguage(lang: Lang) {
  requestLang = lang;
}

let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}, extraHeaders: Record<string, string> = {}): Promise<T> {
  const lang = requestLang;
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang, ...extraHeaders };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, credentials: 'same-origin', headers, body: payload, ...init });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = text && type.includes('json') ? JSON.parse(text) : text;
  if (!res.ok) {
    const errorBody = (data as { error?: ErrorBody })?.error ?? { code: `HTTP_${res.status}`, message: res.statusText || 'Request failed' };
    if (res.status === 401 && !path.startsWith('/api/auth/login')) onUnauthenticated?.();
    throw new ApiError(res.status, errorBody, lang);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  getText: (path: string) => request<string>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  /** A create that is safe to retry: the server replays the first answer for the same key and body. */
  create: <T>(path: string, body: unknown, idempotencyKey: string) => request<T>('POST', path, body, {}, { 'idempotency-key': idempotencyKey }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

export interface Page<T> {
  items: T[];
  total: number;
  /** Large lists: `total` is an estimate (ask `exactTotal=true` for the count). */
  totalIsEstimate?: boolean;
  /** Cursor of the next page, when the list pages by cursor. */
  nextCursor?: string | null;
}

/** Human message of any error in the UI language, rendered by its codes (reason, fields, code). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return serverErrorText(error.body, requestLang, error.lang);
  return error instanceof Error ? error.message : String(error);
}
