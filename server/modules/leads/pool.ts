/**
 * The customer pool (公海). A sweep returns customers nobody worked on effectively for N days (per level), or whose
 * owner was deactivated, to the pool of the owner's team; sellers of that team subtree claim them within limits.
 *
 * While in the pool a customer is held by the team's nearest manager (custodian): `owner_id` must name a user, and
 * this keeps it out of the former owner's "own" scope while the team's managers still see it. On return the former
 * owner's open deals on the customer go to the custodian with it (and to the claimer on claim), and the former
 * owner's open tasks on it are cancelled: nobody is chased for a customer they no longer hold. Closed deals and
 * done tasks stay as history.
 */
import { likePattern } from '../../core/like.js';
import { sql, type SqlBool } from 'kysely';
import type { Db, Dialect, Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, notFound } from '../../core/errors.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { scopeOf, subtreeUpperBound, type Actor } from '../org/scope.js';
import { dayBounds } from '../tasks/days.js';
import { cancelTask, moveCustomer, moveCustomerWithWork, moveDeal, openDealsOf, openTasksOf } from './ownership.js';
import * as repo from './repo.js';
import type { PoolListQuery, PoolSettings } from './schema.js';
import { authorize, GROUPS, roleIn } from '../../core/policy.js';

const DAY_MS = 86_400_000;
const BATCH = 500;
/** Managers keep custody of the pool; their own customers never age into it. */
const CUSTODIANS = GROUPS.managers;

interface Due {
  id: string;
  owner_id: string;
  owner_team_id: string;
  owner_team_path: string;
  reason: string;
}

/** Live customers outside the pool whose last effective activity / ownership start / creation is ≥ days old. */
async function dueForInactivity(trx: Queryable, now: Date, days: number, level: { eq: string } | { notIn: string[] }, limit: number, label: string): Promise<Due[]> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const rows = await trx
    .selectFrom('customers as c')
    .innerJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.owner_id', 'u.team_id as owner_team_id', 'u.team_path as owner_team_path'])
    .where('c.deleted_at', 'is', null)
    .where('c.created_at', '<=', cutoff)
    .where('u.role', 'not in', CUSTODIANS)
    .where((eb) => ('eq' in level ? eb('c.level', '=', level.eq) : level.notIn.length ? eb.or([eb('c.level', 'is', null), eb('c.level', 'not in', level.notIn)]) : sql<SqlBool>`1 = 1`))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('customer_pool as p').select('p.customer_id').whereRef('p.customer_id', '=', 'c.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('activities as a').select('a.id').whereRef('a.customer_id', '=', 'c.id').where('a.effective', '=', 1).where('a.occurred_at', '>', cutoff))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('lead_assignments as l').select('l.id').whereRef('l.customer_id', '=', 'c.id').where('l.at', '>', cutoff))))
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, reason: `${days} 天无有效跟进 / no effective activity for ${days} days (${label})` }));
}

async function dueForInactiveOwner(trx: Queryable, limit: number): Promise<Due[]> {
  const rows = await trx
    .selectFrom('customers as c')
    .innerJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.owner_id', 'u.team_id as owner_team_id', 'u.team_path as owner_team_path'])
    .where('c.deleted_at', 'is', null)
    .where('u.active', '=', 0)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('customer_pool as p').select('p.customer_id').whereRef('p.customer_id', '=', 'c.id'))))
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, reason: '负责人已停用 / the owner is no longer active' }));
}

/** The nearest active manager at or above the team: the pool's custodian. */
async function custodianOf(trx: Queryable, teamPath: string, cache: Map<string, { id: string; team_path: string; team_id: string } | null>) {
  if (cache.has(teamPath)) return cache.get(teamPath)!;
  const managers = await trx.selectFrom('users').select(['id', 'team_path', 'team_id', 'role']).where('active', '=', 1).where('role', 'in', CUSTODIANS).orderBy('username').execute();
  const above = managers.filter((m) => teamPath.startsWith(m.team_path)).sort((a, b) => b.team_path.length - a.team_path.length);
  const found = above[0] ?? managers.find((m) => roleIn(m.role, 'admins')) ?? null;
  cache.set(teamPath, found);
  return found;
}

const sweepsInProcess = new WeakSet<object>();

/** A sweep of this process holds `db` (SQLite: its one connection is inside the sweep's transaction). */
export const sweepRunningHere = (db: Db): boolean => sweepsInProcess.has(db);

/**
 * Runs `work` as the only pool sweep: on PostgreSQL a transaction-scoped advisory lock shared by every process,
 * on SQLite (one process) an in-process mark. A concurrent sweep is refused with SWEEP_RUNNING instead of
 * colliding on the pool rows.
 */
export async function exclusiveSweep<T>(db: Db, dialect: Dialect | undefined, work: (trx: Queryable) => Promise<T>): Promise<T> {
  if (sweepsInProcess.has(db)) throw new AppError('SWEEP_RUNNING');
  sweepsInProcess.add(db);
  try {
    return await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') {
        const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext('actionflow.pool_sweep')) as ok`.execute(trx);
        if (!got.rows[0]?.ok) throw new AppError('SWEEP_RUNNING');
      }
      return work(trx);
    });
  } finally {
    sweepsInProcess.delete(db);
  }
}

/** One sweep; returns how many customers went to the pool. Call inside a transaction. */
export async function sweepPool(trx: Queryable, clock: Clock, settings: PoolSettings): Promise<number> {
  const now = clock.now();
  const due = new Map<string, Due>();
  if (settings.returnInactiveOwners) for (const d of await dueForInactiveOwner(trx, BATCH)) due.set(d.id, d);
  for (const [level, days] of Object.entries(settings.levelDays)) {
    for (const d of await dueForInactivity(trx, now, days, { eq: level }, BATCH, `level ${level}`)) if (!due.has(d.id)) due.set(d.id, d);
  }
  if (settings.defaultDays != null) {
    for (const d of await dueForInactivity(trx, now, settings.defaultDays, { notIn: Object.keys(settings.levelDays) }, BATCH, 'default')) if (!due.has(d.id)) due.set(d.id, d);
  }
  const cache = new Map<string, { id: string; team_path: string; team_id: string } | null>();
  let returned = 0;
  for (const d of [...due.values()].slice(0, BATCH)) {
    const custodian = await custodianOf(trx, d.owner_team_path, cache);
    if (!custodian) continue;
    const ctx = { actorId: null, action: 'pool_return', method: 'pool_return', rule: 'pool', reason: d.reason };
    const target = { id: custodian.id, teamPath: d.owner_team_path, teamId: d.owner_team_id };
    const deals = await openDealsOf(trx, d.id, d.owner_id);
    const tasks = await openTasksOf(trx, d.id, d.owner_id);
    await moveCustomer(trx, clock, d.id, target, ctx);
    for (const deal of deals) await moveDeal(trx, clock, deal.id, d.owner_id, target, ctx);
    for (const task of tasks) await cancelTask(trx, clock, task, ctx);
    await trx
      .insertInto('customer_pool')
      .values({ customer_id: d.id, team_id: d.owner_team_id, team_path: d.owner_team_path, former_owner_id: d.owner_id, reason: d.reason, pooled_at: now.toISOString() })
      .execute();
    await repo.insertPoolLog(trx, clock, { customer_id: d.id, action: 'return', user_id: d.owner_id, team_id: d.owner_team_id, reason: d.reason, actor_id: null });
    returned++;
  }
  return returned;
}

function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

async function limitsOf(db: Queryable, actor: Actor, settings: PoolSettings, defaultTimeZone: string, clock: Clock) {
  const { timeZone } = await getCalendarSettings(db, defaultTimeZone);
  const { todayStart } = dayBounds(clock.now(), timeZone);
  return {
    claimsToday: await repo.countClaimsSince(db, actor.id, todayStart),
    claimsPerDay: settings.claimsPerDay,
    held: await repo.countHeld(db, actor.id),
    maxHeld: settings.maxHeld,
  };
}

export async function listPool(db: Queryable, clock: Clock, defaultTimeZone: string, actor: Actor, query: PoolListQuery) {
  const { pool: settings } = await repo.loadSettings(db);
  let q = db
    .selectFrom('customer_pool as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .innerJoin('users as f', 'f.id', 'p.former_owner_id')
    .innerJoin('teams as t', 't.id', 'p.team_id')
    .where('c.deleted_at', 'is', null)
    .where('p.team_path', '>=', actor.teamPath)
    .where('p.team_path', '<', subtreeUpperBound(actor.teamPath));
  if (query.level) q = q.where('c.level', '=', query.level);
  if (query.teamId) q = q.where('p.team_id', '=', query.teamId);
  if (query.q?.trim()) q = q.where(sql<SqlBool>`lower(c.name) like ${likePattern(query.q.trim().toLowerCase())} escape '\\'`);
  const rows = await q
    .select(['p.customer_id', 'p.reason', 'p.pooled_at', 'p.team_id', 't.name as team_name', 'f.id as former_id', 'f.display_name as former_name'])
    .select(['c.name', 'c.kind', 'c.level', 'c.region', 'c.industry', 'c.source', 'c.phone'])
    .select((eb) =>
      eb.selectFrom('activities as a').select((e) => e.fn.max('a.occurred_at').as('m')).whereRef('a.customer_id', '=', 'c.id').where('a.effective', '=', 1).as('last_effective_at'),
    )
    .orderBy('p.pooled_at', 'desc')
    .orderBy('p.customer_id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      customerId: r.customer_id,
      name: r.name,
      kind: r.kind,
      level: r.level,
      region: r.region,
      industry: r.industry,
      source: r.source,
      phoneMasked: maskPhone(r.phone),
      team: { id: r.team_id, name: r.team_name },
      formerOwner: { id: r.former_id, name: r.former_name },
      reason: r.reason,
      pooledAt: r.pooled_at,
      lastEffectiveAt: (r.last_effective_at as string | null) ?? null,
    })),
    total: Number(total.n),
    limits: await limitsOf(db, actor, settings, defaultTimeZone, clock),
  };
}

export async function claim(db: Db, clock: Clock, defaultTimeZone: string, actor: Actor, customerId: string) {
  authorize(actor, 'pool.claim');
  return db.transaction().execute(async (trx) => {
    // Serialises one seller's concurrent claims so the limits hold (row lock on PostgreSQL, write lock on SQLite).
    await trx.updateTable('users').set({ updated_at: sql`updated_at` }).where('id', '=', actor.id).execute();
    const pooled = await trx.selectFrom('customer_pool').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
    if (!pooled) {
      // "Already claimed" only for a customer that was in a pool this caller could claim from; anything else is the
      // same 404 as an unknown id, so the answer reveals nothing about customers outside the caller's pool.
      if (await repo.wasPooledWithin(trx, customerId, actor.teamPath)) {
        throw new AppError('POOL_NOT_AVAILABLE', 'pool_taken', { extra: { customer: customerId } });
      }
      throw notFound('Customer');
    }
    const { pool: settings } = await repo.loadSettings(trx);
    // Another team's pool is claimable by id only where the settings allow it (the seller learned the id from the
    // duplicate answer); otherwise it is as unknown as any customer outside the caller's pool.
    if (!pooled.team_path.startsWith(actor.teamPath) && !settings.crossTeamClaim) throw notFound('Customer');
    const limits = await limitsOf(trx, actor, settings, defaultTimeZone, clock);
    if (limits.claimsToday >= settings.claimsPerDay) {
      throw new AppError('POOL_DAILY_LIMIT', 'pool_daily_limit', { params: { count: limits.claimsToday, limit: settings.claimsPerDay }, extra: { limits } });
    }
    if (limits.held >= settings.maxHeld) {
      throw new AppError('POOL_HOLD_LIMIT', 'pool_hold_limit', { params: { count: limits.held, limit: settings.maxHeld }, extra: { limits } });
    }
    const removed = await trx.deleteFrom('customer_pool').where('customer_id', '=', customerId).executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) throw new AppError('POOL_NOT_AVAILABLE', 'pool_taken', { extra: { customer: customerId } });
    const me = await trx.selectFrom('users').select(['team_path', 'team_id']).where('id', '=', actor.id).executeTakeFirstOrThrow();
    const reason = '从公海领取 / claimed from the pool';
    const moved = await moveCustomerWithWork(trx, clock, customerId, { id: actor.id, teamPath: me.team_path, teamId: me.team_id }, {
      actorId: actor.id,
      action: 'pool_claim',
      method: 'claim',
      rule: 'pool',
      reason,
    });
    await repo.insertPoolLog(trx, clock, { customer_id: customerId, action: 'claim', user_id: actor.id, team_id: pooled.team_id, reason, actor_id: actor.id });
    return { customerId, ownerId: actor.id, moved, limits: { ...limits, claimsToday: limits.claimsToday + 1, held: limits.held + 1 } };
  });
}

export async function poolLog(db: Queryable, actor: Actor, customerId: string | undefined, page: { page: number; pageSize: number }) {
  let q = db
    .selectFrom('pool_log as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .innerJoin('teams as t', 't.id', 'l.team_id')
    .select(['l.id', 'l.customer_id', 'c.name as customer_name', 'l.action', 'l.user_id', 'u.display_name as user_name', 'l.reason', 'l.actor_id', 'l.at'])
    .where('t.path', '>=', actor.teamPath)
    .where('t.path', '<', subtreeUpperBound(actor.teamPath));
  if (scopeOf(actor).kind === 'own') q = q.where('l.user_id', '=', actor.id);
  if (customerId) q = q.where('l.customer_id', '=', customerId);
  const rows = await q.orderBy('l.at', 'desc').orderBy('l.id').limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute();
  return {
    items: rows.map((r) => ({ id: r.id, customer: { id: r.customer_id, name: r.customer_name }, action: r.action, user: { id: r.user_id, name: r.user_name }, reason: r.reason, actorId: r.actor_id, at: r.at })),
  };
}
