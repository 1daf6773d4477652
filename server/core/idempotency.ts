/**
 * `Idempotency-Key` on creates (issue 14 defect 11): a client that lost the answer to a create — a dropped
 * connection, a crash after the commit — retries with the same key and gets the first answer again instead of a
 * second row. A route opts in with `config: { idempotent: true }`; nothing else changes in the route or its service.
 *
 * - The key belongs to the signed-in user and the operation (`METHOD /route/pattern`); it lives KEY_TTL_MS.
 * - Before the handler runs, a row `(user, key)` is reserved (a unique row: two concurrent requests with one key
 *   cannot both run). A 2xx answer is stored in that row before it is sent; any other answer releases the key,
 *   so a retry after a 400 or 409 runs again.
 * - Same key, same operation and body → the stored status and body, with `Idempotent-Replayed: true`.
 *   Same key with another body or operation → 422 IDEMPOTENCY_KEY_REUSED. A key whose first request is still
 *   running → 409 IDEMPOTENCY_IN_PROGRESS; if that request never finished (the process died between its commit
 *   and storing the answer) the key stays refused until it expires — never a second row.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import type { Clock } from './clock.js';
import { AppError, invalid } from './errors.js';
import type { App } from './http.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const KEY_TTL_MS = 24 * 3600_000;
/** A reservation older than this without an answer belongs to a request that died (crash, kill -9). */
export const RUNNING_MS = 60_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Accepts an `Idempotency-Key` header (creates): a retry with the key replays the first answer. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { userId: string; key: string } | null;
  }
}

/** Stable JSON: object keys sorted, so `{a,b}` and `{b,a}` are the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(params: unknown, body: unknown): string {
  return createHash('sha256').update(canonical({ params, body })).digest('hex');
}

function keyOf(req: FastifyRequest): string | null {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  // Printable ASCII, like the IETF draft's examples (UUIDs); long enough for any client scheme, short for the index.
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalid('Idempotency-Key', 'invalid');
  return key;
}

const inserted = (r: { numInsertedOrUpdatedRows?: bigint }) => Number(r.numInsertedOrUpdatedRows ?? 0) > 0;

/** Reserves the key or answers from it; returns true when the request should run. */
async function reserve(db: Db, clock: Clock, req: FastifyRequest, reply: FastifyReply, userId: string, key: string): Promise<boolean> {
  const now = clock.now();
  const route = `${req.method} ${req.routeOptions.url}`;
  const hash = requestHash(req.params, req.body);
  const row = { user_id: userId, key, route, body_hash: hash, status: 0, response: '', created_at: now.toISOString() };
  if (inserted(await db.insertInto('idempotency_keys').values(row).onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()).executeTakeFirst())) return true;

  const stored = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
  if (!stored) return reserve(db, clock, req, reply, userId, key); // released meanwhile
  if (Date.parse(stored.created_at) <= now.getTime() - KEY_TTL_MS) {
    // Expired: the key is free again. Taking it over is conditional, so two retries cannot both take it.
    const taken = await db
      .updateTable('idempotency_keys')
      .set({ route, body_hash: hash, status: 0, response: '', created_at: row.created_at })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .where('created_at', '=', stored.created_at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) > 0) return true;
    return reserve(db, clock, req, reply, userId, key);
  }
  if (stored.route !== route || stored.body_hash !== hash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', undefined, { fields: [{ field: 'Idempotency-Key', code: 'idempotency_key_reused' }] });
  }
  if (stored.status === 0) {
    const died = Date.parse(stored.created_at) <= now.getTime() - RUNNING_MS;
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', died ? 'idempotency_unfinished' : 'idempotency_running');
  }
  reply.code(stored.status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(stored.response);
  return false;
}

export function registerIdempotency(app: App, db: Db, clock: Clock): void {
  app.decorateRequest('idempotency', null);
  // preHandler: after authentication, the route's ability check and body validation — a refused or invalid
  // request never takes a key.
  app.addHook('preHandler', async (req, reply) => {
    if (!req.routeOptions.config?.idempotent || !req.actor) return;
    const key = keyOf(req);
    if (!key) return;
    if (await reserve(db, clock, req, reply, req.actor.id, key)) {
      req.idempotency = { userId: req.actor.id, key };
      return;
    }
    return reply; // answered from the stored row
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const held = req.idempotency;
    if (!held) return payload;
    req.idempotency = null;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      // Stored before the answer leaves: a client that sees the answer can rely on the replay.
      await db
        .updateTable('idempotency_keys')
        .set({ status: reply.statusCode, response: payload })
        .where('user_id', '=', held.userId)
        .where('key', '=', held.key)
        .where('status', '=', 0)
        .execute();
    } else {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', held.userId).where('key', '=', held.key).where('status', '=', 0).execute();
    }
    return payload;
  });
}

/** Forgets keys past their lifetime (the retention job). */
export async function pruneIdempotencyKeys(db: Db, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - KEY_TTL_MS).toISOString();
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
