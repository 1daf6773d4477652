/**
 * Moving records between owners, shared by transfer, pool return/claim and hand-over. Each move updates the row and
 * its team path (scope follows the owner), writes an audit entry and emits the module's usual `*.updated` event, so
 * SLA, rules and cadences see an owner change however it happened. Call inside the caller's transaction.
 */
import { commandIn } from '../../core/command.js';
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { change } from '../../core/events.js';
import { insertAssignment } from './repo.js';
import { changeTask, taskStateOf } from '../tasks/write.js';
import { changeCustomer } from '../customers/write.js';

export interface Target {
  id: string;
  teamPath: string;
  teamId: string | null;
}

export interface MoveContext {
  actorId: string | null;
  /** Audit action: transfer | pool_return | pool_claim | handover | assign. */
  action: string;
  /** lead_assignments.method: transfer | claim | handover | pool_return. */
  method: string;
  rule: string;
  reason: string;
}

export async function moveCustomer(trx: Queryable, clock: Clock, customerId: string, to: Target, ctx: MoveContext) {
  const row = await trx.selectFrom('customers').select(['owner_id', 'team_path']).where('id', '=', customerId).executeTakeFirstOrThrow();
  await changeCustomer(trx, clock, customerId, { owner: { id: to.id, teamPath: to.teamPath } }, { actorId: ctx.actorId, action: ctx.action, via: ctx.method, note: { reason: ctx.reason }, always: true });
  await insertAssignment(trx, clock, {
    customer_id: customerId,
    user_id: to.id,
    previous_owner_id: row.owner_id,
    team_id: to.teamId,
    rule: ctx.rule,
    method: ctx.method,
    reason: ctx.reason,
    actor_id: ctx.actorId,
  });
}

export async function moveDeal(trx: Queryable, clock: Clock, dealId: string, previousOwnerId: string, to: Target, ctx: MoveContext) {
  await trx.updateTable('deals').set({ owner_id: to.id, team_path: to.teamPath, updated_at: clock.now().toISOString() }).where('id', '=', dealId).execute();
  await commandIn(trx, clock, { entity: 'deal', actorId: ctx.actorId }).recorded(
    dealId,
    ctx.action,
    { before: { ownerId: previousOwnerId }, after: { ownerId: to.id } },
    { type: 'deal.updated', payload: { ...change({ ownerId: previousOwnerId }, { ownerId: to.id }), ownerId: to.id, previousOwnerId, via: ctx.method } },
  );
}

export async function moveTask(trx: Queryable, clock: Clock, task: TaskRef, to: Target, ctx: MoveContext) {
  await changeTask(trx, clock, taskStateOf(task), { assignee: { id: to.id, teamPath: to.teamPath } }, { actorId: ctx.actorId, action: ctx.action, via: ctx.method });
}

/** Cancels an open task nobody should be chased for any more (its customer went to the pool). */
export async function cancelTask(trx: Queryable, clock: Clock, task: TaskRef, ctx: MoveContext) {
  await changeTask(trx, clock, taskStateOf(task), { status: 'cancelled' }, { actorId: ctx.actorId, action: ctx.action, via: ctx.method, reason: ctx.reason });
}

export interface TaskRef {
  id: string;
  title: string;
  status: string;
  assignee_id: string;
  due_at: string | null;
  customer_id: string | null;
  deal_id: string | null;
}

/** Open deals of a customer owned by `ownerId`. */
export function openDealsOf(trx: Queryable, customerId: string, ownerId: string) {
  return trx.selectFrom('deals').select(['id', 'owner_id']).where('customer_id', '=', customerId).where('owner_id', '=', ownerId).where('status', '=', 'open').orderBy('id').execute();
}

/** Open tasks of `assigneeId` on a customer, directly or through one of its deals. */
export function openTasksOf(trx: Queryable, customerId: string, assigneeId: string): Promise<TaskRef[]> {
  return trx
    .selectFrom('tasks')
    .select(['id', 'title', 'status', 'assignee_id', 'due_at', 'customer_id', 'deal_id'])
    .where('assignee_id', '=', assigneeId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('customer_id', '=', customerId), eb('deal_id', 'in', eb.selectFrom('deals').select('id').where('customer_id', '=', customerId))]))
    .orderBy('id')
    .execute();
}

/** Moves a customer with the previous owner's open deals and open tasks on it (transfer, claim). */
export async function moveCustomerWithWork(trx: Queryable, clock: Clock, customerId: string, to: Target, ctx: MoveContext) {
  const { owner_id: from } = await trx.selectFrom('customers').select('owner_id').where('id', '=', customerId).executeTakeFirstOrThrow();
  await moveCustomer(trx, clock, customerId, to, ctx);
  const deals = await openDealsOf(trx, customerId, from);
  for (const d of deals) await moveDeal(trx, clock, d.id, from, to, ctx);
  const tasks = await openTasksOf(trx, customerId, from);
  for (const task of tasks) await moveTask(trx, clock, task, to, ctx);
  return { deals: deals.length, tasks: tasks.length };
}
