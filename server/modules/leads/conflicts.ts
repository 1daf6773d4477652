/**
 * Ownership conflicts: a seller told "this customer belongs to X" asks for it; a manager of either party decides
 * (keep with the owner, transfer to the requester, or merge the requester's duplicate record with it).
 */
import { commandIn } from '../../core/command.js';
import { sql, type SqlBool } from 'kysely';
import type { Db, Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { scopeOf, subtreeUpperBound, type Actor } from '../org/scope.js';
import { mergeCustomers } from './merge.js';
import { moveCustomerWithWork } from './ownership.js';
import * as repo from './repo.js';
import type { ConflictListQuery, ResolveBody, TransferRequestBody } from './schema.js';
import { type AnyActor, authorize, systemActor } from '../../core/policy.js';

function visibility(actor: AnyActor) {
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  if (scope.kind === 'own') return sql<SqlBool>`(c.requester_id = ${actor.id} or c.owner_id = ${actor.id})`;
  const lo = scope.path;
  const hi = subtreeUpperBound(scope.path);
  return sql<SqlBool>`((c.requester_team_path >= ${lo} and c.requester_team_path < ${hi}) or (c.owner_team_path >= ${lo} and c.owner_team_path < ${hi}))`;
}

function baseQuery(db: Queryable, actor: AnyActor) {
  return db
    .selectFrom('ownership_conflicts as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('customers as du', 'du.id', 'c.duplicate_id')
    .innerJoin('users as rq', 'rq.id', 'c.requester_id')
    .innerJoin('users as ow', 'ow.id', 'c.owner_id')
    .leftJoin('users as rs', 'rs.id', 'c.resolved_by')
    .selectAll('c')
    .select(['cu.name as customer_name', 'du.name as duplicate_name', 'rq.display_name as requester_name', 'ow.display_name as owner_name', 'rs.display_name as resolver_name'])
    .where(visibility(actor));
}

type ConflictRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function present(r: ConflictRow) {
  return {
    id: r.id,
    customer: { id: r.customer_id, name: r.customer_name },
    duplicate: r.duplicate_id ? { id: r.duplicate_id, name: r.duplicate_name } : null,
    requester: { id: r.requester_id, name: r.requester_name },
    owner: { id: r.owner_id, name: r.owner_name },
    reason: r.reason,
    status: r.status,
    resolution: r.resolution,
    mergeInto: r.merge_into,
    note: r.note,
    resolvedBy: r.resolved_by ? { id: r.resolved_by, name: r.resolver_name } : null,
    resolvedAt: r.resolved_at,
    createdAt: r.created_at,
  };
}

async function getConflict(db: Queryable, actor: Actor, id: string) {
  const row = await baseQuery(db, actor).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Ownership conflict');
  return row;
}

export async function requestTransfer(db: Db, clock: Clock, actor: Actor, customerId: string, body: TransferRequestBody) {
  return db.transaction().execute(async (trx) => {
    // Unscoped on purpose: the requester learned this id from the duplicate answer and cannot see the customer.
    const customer = await trx
      .selectFrom('customers')
      .innerJoin('users as owner', 'owner.id', 'customers.owner_id')
      .leftJoin('customer_pool', 'customer_pool.customer_id', 'customers.id')
      .select(['customers.id', 'customers.owner_id', 'owner.team_path as owner_team_path', 'customer_pool.customer_id as pooled', 'customer_pool.team_path as pool_team_path'])
      .where('customers.id', '=', customerId)
      .where('customers.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!customer) throw notFound('Customer');
    if (customer.owner_id === actor.id && !customer.pooled) throw new AppError('INVALID_STATE', 'already_yours');
    // A pooled customer the caller may claim is claimed; one in another team's pool is requested like any other
    // (its custodian's managers decide), so a duplicate always has a way forward.
    if (customer.pooled && (customer.pool_team_path!.startsWith(actor.teamPath) || (await repo.loadSettings(trx)).pool.crossTeamClaim)) {
      throw new AppError('INVALID_STATE', 'in_pool_claim');
    }
    if (body.duplicateId) {
      const dup = await trx.selectFrom('customers').select(['id', 'owner_id']).where('id', '=', body.duplicateId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!dup || dup.owner_id !== actor.id || dup.id === customerId) throw invalid('duplicateId', 'own_duplicate');
    }
    if (await repo.openConflictOf(trx, customerId, actor.id)) {
      throw new AppError('CONFLICT', 'transfer_pending');
    }
    const id = newId();
    await repo.insertConflict(trx, {
      id,
      customer_id: customerId,
      duplicate_id: body.duplicateId ?? null,
      requester_id: actor.id,
      requester_team_path: actor.teamPath,
      owner_id: customer.owner_id,
      owner_team_path: customer.owner_team_path,
      reason: body.reason,
      status: 'open',
      resolution: null,
      merge_into: null,
      note: null,
      resolved_by: null,
      resolved_at: null,
      created_at: clock.now().toISOString(),
    });
    await commandIn(trx, clock, { entity: 'ownership_conflict', actorId: actor.id }).created(id, { customerId, duplicateId: body.duplicateId ?? null, reason: body.reason });
    return present((await baseQuery(trx, systemActor('worker')).where('c.id', '=', id).executeTakeFirst())!);
  });
}

export async function listConflicts(db: Queryable, actor: Actor, query: ConflictListQuery) {
  let q = baseQuery(db, actor);
  if (query.status !== 'all') q = q.where('c.status', '=', query.status);
  const rows = await q
    .orderBy('c.created_at', query.status === 'open' ? 'asc' : 'desc')
    .orderBy('c.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(present) };
}

export async function resolveConflict(db: Db, clock: Clock, actor: Actor, id: string, body: ResolveBody) {
  authorize(actor, 'conflict.resolve');
  return db.transaction().execute(async (trx) => {
    const conflict = await getConflict(trx, actor, id);
    if (conflict.status !== 'open') throw new AppError('INVALID_STATE', 'conflict_resolved');
    let outcome: Record<string, unknown> = {};
    const ctx = { actorId: actor.id, rule: `conflict:${id}`, reason: body.note || conflict.reason };
    if (body.action === 'transfer') {
      const requester = await repo.findUser(trx, conflict.requester_id);
      if (!requester || requester.active !== 1) throw new AppError('INVALID_STATE', 'requester_inactive');
      const customer = await trx.selectFrom('customers').select(['deleted_at']).where('id', '=', conflict.customer_id).executeTakeFirstOrThrow();
      if (customer.deleted_at) throw new AppError('INVALID_STATE', 'customer_deleted');
      outcome = await moveCustomerWithWork(trx, clock, conflict.customer_id, { id: requester.id, teamPath: requester.team_path, teamId: requester.team_id }, { ...ctx, action: 'transfer', method: 'transfer' });
      // A customer requested out of another team's pool leaves that pool with the transfer.
      const pooled = await trx.deleteFrom('customer_pool').where('customer_id', '=', conflict.customer_id).returning('team_id').executeTakeFirst();
      if (pooled) await repo.insertPoolLog(trx, clock, { customer_id: conflict.customer_id, action: 'claim', user_id: requester.id, team_id: pooled.team_id, reason: `转移申请批准 / transfer approved (${id})`, actor_id: actor.id });
    } else if (body.action === 'merge') {
      const pair = [conflict.customer_id, conflict.duplicate_id].filter((v): v is string => !!v);
      if (pair.length < 2) throw invalid('mergeInto', 'merge_not_possible');
      if (!pair.includes(body.mergeInto!)) throw invalid('mergeInto', 'merge_target');
      const mergedId = pair.find((p) => p !== body.mergeInto)!;
      const live = await trx.selectFrom('customers').select('id').where('id', 'in', pair).where('deleted_at', 'is', null).execute();
      if (live.length < 2) throw new AppError('INVALID_STATE', 'merge_customer_deleted');
      outcome = await mergeCustomers(trx, clock, actor.id, body.mergeInto!, mergedId);
    }
    const now = clock.now().toISOString();
    await repo.updateConflict(trx, id, { status: 'resolved', resolution: body.action, merge_into: body.mergeInto ?? null, note: body.note || null, resolved_by: actor.id, resolved_at: now });
    await commandIn(trx, clock, { entity: 'ownership_conflict', actorId: actor.id }).recorded(id, 'resolve', {
      before: { status: 'open' },
      after: { status: 'resolved', resolution: body.action, mergeInto: body.mergeInto ?? null, note: body.note || null, outcome },
    });
    return { ...present(await getConflict(trx, actor, id)), outcome };
  });
}
