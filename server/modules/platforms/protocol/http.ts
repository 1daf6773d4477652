/**
 * One HTTP call to a platform API with the connection's cached access token: the token is read from the shared cache
 * (platform_tokens, one row per connection and kind, used by every process), fetched when missing or within five
 * minutes of its expiry, and fetched again once when the platform answers with an expired/invalid-token code.
 */
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/index.js';
import { outboundRefusal } from '../../channels/outbound.js';
import * as repo from '../repo.js';
import type { LoadedConnection } from '../types.js';

export interface ApiCtx {
  conn: LoadedConnection;
  db: Db;
  clock: Clock;
  fetch?: typeof fetch;
  outboundAllow: readonly string[];
  timeoutMs?: number;
  /** Where the platforms reach actionflow (DingTalk's card-callback registration names the address). */
  publicUrl?: string;
}

/** token: expired/invalid token; throttled: rate limit; config: wrong settings, never retried; transient: retry later. */
export type FailureKind = 'token' | 'throttled' | 'config' | 'denied' | 'transient';

export class PlatformError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly code: string,
    message: string,
    readonly response?: unknown,
  ) {
    super(message);
  }
}

export type TokenKind = 'tenant' | 'app';

/** What each platform file supplies to the caller: how to fetch a token, where it goes, how to read an answer. */
export interface Protocol {
  fetchToken(ctx: ApiCtx, kind: TokenKind): Promise<{ token: string; expiresInSec: number }>;
  placeToken(token: string, url: URL, headers: Record<string, string>): void;
  /** null when the answer is a success. */
  judge(status: number, body: unknown): { kind: FailureKind; code: string; message: string } | null;
}

const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The one cache of short-lived platform credentials (access tokens, JS-SDK tickets): sealed in platform_tokens per
 * connection and kind, shared by all processes, fetched again five minutes before they expire or when forced.
 */
export async function cachedCredential(ctx: ApiCtx, kind: string, fetchFresh: () => Promise<{ token: string; expiresInSec: number }>, force = false): Promise<string> {
  const now = ctx.clock.now();
  if (!force) {
    const cached = await repo.cachedToken(ctx.db, ctx.conn.id, kind);
    if (cached && Date.parse(cached.expiresAt) - REFRESH_MARGIN_MS > now.getTime()) return cached.token;
  }
  const fresh = await fetchFresh();
  await repo.storeToken(ctx.db, ctx.conn.id, kind, fresh.token, new Date(now.getTime() + fresh.expiresInSec * 1000).toISOString(), now.toISOString());
  return fresh.token;
}

export function tokenFor(ctx: ApiCtx, protocol: Protocol, kind: TokenKind = 'tenant', force = false): Promise<string> {
  return cachedCredential(ctx, kind, () => protocol.fetchToken(ctx, kind), force);
}

/**
 * The token fetch WeCom (gettoken?corpid&corpsecret) and DingTalk (gettoken?appkey&appsecret) share: a GET with the
 * app's credentials in the query, answered by {errcode, access_token, expires_in}. An invalid-token code here means
 * wrong credentials, so it is reported as a configuration fault (never retried by fetching yet another token).
 */
export async function fetchQueryToken(ctx: ApiCtx, protocol: Protocol, url: URL, credentials: Record<string, string | undefined>): Promise<{ token: string; expiresInSec: number }> {
  const missing = Object.entries(credentials).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length) throw new PlatformError('config', 'missing', `${missing.join(' and ')} required`);
  for (const [k, v] of Object.entries(credentials)) url.searchParams.set(k, v!);
  const res = await rawCall(ctx, 'GET', url, undefined);
  const failure = protocol.judge(res.status, res.body);
  if (failure) throw new PlatformError(failure.kind === 'token' ? 'config' : failure.kind, failure.code, failure.message, res.body);
  const body = res.body as { access_token?: unknown; expires_in?: unknown };
  return { token: String(body.access_token), expiresInSec: Number(body.expires_in ?? 7200) };
}

/** Plain HTTP with JSON in and out; network failures become transient PlatformErrors. */
export async function rawCall(ctx: ApiCtx, method: string, url: URL, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const refused = await outboundRefusal(url.toString(), ctx.outboundAllow);
  if (refused) throw new PlatformError('config', 'refused', `refused: ${refused}`);
  let res: Response;
  try {
    res = await (ctx.fetch ?? fetch)(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(ctx.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    throw new PlatformError('transient', 'network', `network: ${e.cause?.code ?? e.name}: ${e.cause?.message ?? e.message}`);
  }
  const raw = await res.text();
  let parsed: unknown = raw;
  try {
    parsed = raw ? JSON.parse(raw) : null;
  } catch {
    // A proxy's error page: kept as text for the dead-letter list.
  }
  return { status: res.status, body: parsed };
}

export interface CallSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  base: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Which token the call needs; null for calls that carry their own credentials. */
  token?: TokenKind | null;
  /** Put the token in this header instead of where the protocol places it (DingTalk's api.dingtalk.com APIs). */
  tokenHeader?: string;
  headers?: Record<string, string>;
}

/** Calls an API; an expired-token answer refreshes the token and retries once. Throws PlatformError on failure. */
export async function call<T = Record<string, unknown>>(ctx: ApiCtx, protocol: Protocol, spec: CallSpec): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const url = new URL(spec.path, spec.base);
    for (const [k, v] of Object.entries(spec.query ?? {})) url.searchParams.set(k, v);
    const headers = { ...(spec.headers ?? {}) };
    if (spec.token) {
      const token = await tokenFor(ctx, protocol, spec.token, attempt > 0);
      if (spec.tokenHeader) headers[spec.tokenHeader] = token;
      else protocol.placeToken(token, url, headers);
    }
    const res = await rawCall(ctx, spec.method, url, spec.body, headers);
    const failure = protocol.judge(res.status, res.body);
    if (!failure) return res.body as T;
    if (failure.kind === 'token' && spec.token && attempt === 0) {
      await repo.dropToken(ctx.db, ctx.conn.id, spec.token);
      continue;
    }
    throw new PlatformError(failure.kind, failure.code, failure.message, res.body);
  }
}

export const baseOf = (configured: string | undefined, documented: string) => (configured?.trim() ? configured.trim() : documented).replace(/\/+$/, '') + '/';
