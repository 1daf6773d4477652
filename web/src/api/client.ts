/**
 * The single door to the API: JSON fetch with the session cookie, error bodies turned into `ApiError`,
 * and a hook for "logged out" so the shell can return to the login page.
 */
import type { UnmetItem } from './types';

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldError[];
  unmet?: UnmetItem[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
  get code() {
    return this.body.code;
  }
}

let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

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

async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
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
    throw new ApiError(res.status, errorBody);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  getText: (path: string) => request<string>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
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

/** Human message of any error, preferring the server's per-field messages. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.body.fields?.map((f) => `${f.field}: ${f.message}`).join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
