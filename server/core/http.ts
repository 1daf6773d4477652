import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db, Dialect } from '../db/index.js';
import type { Actor } from './policy.js';
import type { Clock } from './clock.js';
import type { AppConfig } from './config.js';
import { AppError, invalid, type Lang } from './errors.js';
import { pickLang } from '../../shared/messages.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** What every module's routes and services receive. */
export interface Deps {
  db: Db;
  /** Long read-only walks (exports): see DatabaseHandle.bulk. Without it (tools, tests) they run on `db`. */
  bulkDb?: Db;
  dialect: Dialect;
  clock: Clock;
  config: AppConfig;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Route is reachable without a session or token. */
    public?: boolean;
    /** Refused before the body or query is validated unless the caller may do this (the service checks again). */
    ability?: import('./policy.js').Action;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/** The language of error texts for this request: `Accept-Language`, Chinese unless English is preferred. */
export function langOf(req: FastifyRequest): Lang {
  return pickLang(req.headers['accept-language']);
}

export const idParams = z.object({ id: z.string().min(1).max(64) });

/** Shared list query: `q`, `page` (1-based), `pageSize` (≤ 200), `sort` (`field` or `-field`). */
export const listQuery = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(64).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

/** Resolves `sort` against a whitelist of sortable columns; unknown fields are a 400 naming `sort`. */
export function resolveSort<C extends string>(
  sort: string | undefined,
  allowed: Record<string, C>,
  fallback: { column: C; direction: 'asc' | 'desc' },
): { column: C; direction: 'asc' | 'desc' } {
  if (!sort) return fallback;
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const key = sort.replace(/^[-+]/, '');
  // Own properties only: `toString`, `constructor`, `__proto__` are inherited and must read as unknown fields.
  const column = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
  if (typeof column !== 'string') {
    throw invalid('sort', 'unknown_value', { values: Object.keys(allowed).join(', ') });
  }
  return { column, direction };
}

export function paged<T>(items: T[], total: number) {
  return { items, total };
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    reason: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    fields: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }))
      .optional(),
  }).passthrough(),
});
