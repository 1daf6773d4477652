import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { hooksOf } from '../../core/hooks.js';
import type { Deps } from '../../core/http.js';
import { assertAssignable, getCustomerInScope } from '../customers/service.js';
import { scopeOf, type Actor, type AnyActor, type Scope } from '../org/scope.js';
import { dayBounds } from './days.js';
import * as repo from './repo.js';
import { changeTask, insertTaskRecord, type TaskChange } from './write.js';
import type { TaskBody, TaskListQuery, TaskPatch } from './schema.js';

type TaskDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/**
 * Checks other modules declare (hook `tasks.completionCheck`) to run before a task is completed, inside the completing
 * transaction (cadence steps require their deliverable). Throwing refuses the completion; tasks never import them.
 */
export type CompletionCheck = (trx: Queryable, input: { taskId: string; actor: Actor; clock: Clock; deliverable: Record<string, unknown> | undefined }) => Promise<void>;
declare module '../../core/hooks.js' {
  interface HookMap {
    'tasks.completionCheck': CompletionCheck;
  }
}

/** The deal if it is in the actor's scope; 404 naming `field` otherwise. */
export async function getDealInScope(db: Queryable, actor: AnyActor, id: string, field = 'dealId', scope: Scope = scopeOf(actor)) {
  const deal = await repo.findDealInScope(db, scope, id);
  if (!deal) throw new AppError('NOT_FOUND', 'not_found', { params: { what: 'Deal' }, fields: [{ field, code: 'not_found_deal' }] });
  return deal;
}

/** Resolves the customer/deal a task or activity refers to: both in scope, and the deal of that customer. */
export async function resolveCustomerAndDeal(db: Queryable, actor: AnyActor, customerId: string | null | undefined, dealId: string | null | undefined, scope: Scope = scopeOf(actor)) {
  const customer = customerId ? await getCustomerInScope(db, actor, customerId, 'customerId', scope) : null;
  const deal = dealId ? await getDealInScope(db, actor, dealId, 'dealId', scope) : null;
  if (customer && deal && deal.customer_id !== customer.id) throw invalid('dealId', 'other_customer');
  // The names come along so a caller answering with the linked record's names need not read them again.
  return { customerId: customer?.id ?? deal?.customer_id ?? null, dealId: deal?.id ?? null, customerName: customer?.name ?? null, dealTitle: deal?.title ?? null };
}

/**
 * Creates a task inside an open transaction (also used by the activity quick-log for its "next action"). `reach`
 * replaces the actor's own scope where a use case grants a wider one (a store manager reassigning a no-show call
 * to a neighbouring store); the audit still names the actor.
 */
export async function insertTaskInTx(trx: Queryable, deps: TaskDeps, actor: AnyActor, input: TaskBody, reach: Scope = scopeOf(actor)) {
  const { clock, config } = deps;
  const assignee = await assertAssignable(trx, actor, input.assigneeId ?? actor.id, 'assigneeId', reach);
  const links = await resolveCustomerAndDeal(trx, actor, input.customerId, input.dealId, reach);
  const id = await insertTaskRecord(
    trx,
    clock,
    { title: input.title, assignee, dueAt: input.dueAt ?? null, customerId: links.customerId, dealId: links.dealId, status: input.status, createdBy: actor.id },
    { actorId: actor.id },
  );
  const task = (await repo.findTask(trx, { kind: 'all' }, id, dayBounds(clock.now(), config.timeZone)))!;
  return task;
}

export async function createTask(deps: TaskDeps, actor: Actor, input: TaskBody) {
  return deps.db.transaction().execute((trx) => insertTaskInTx(trx, deps, actor, input));
}

export async function listTasks(deps: TaskDeps, actor: Actor, query: TaskListQuery) {
  const bounds = dayBounds(deps.clock.now(), deps.config.timeZone);
  const assigneeId = query.assigneeId === 'me' ? actor.id : query.assigneeId;
  return repo.listTasks(deps.db, scopeOf(actor), { ...query, assigneeId }, bounds, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
}

export async function getTask(deps: TaskDeps, actor: Actor, id: string) {
  const task = await repo.findTask(deps.db, scopeOf(actor), id, dayBounds(deps.clock.now(), deps.config.timeZone));
  if (!task) throw notFound('Task');
  return task;
}

export async function updateTask(deps: TaskDeps, actor: Actor, id: string, patch: TaskPatch) {
  const { clock, config } = deps;
  return deps.db.transaction().execute(async (trx) => {
    const bounds = dayBounds(clock.now(), config.timeZone);
    const task = await repo.findTask(trx, scopeOf(actor), id, bounds);
    if (!task) throw notFound('Task');
    const set: TaskChange = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.dueAt !== undefined) set.dueAt = patch.dueAt;
    if (patch.assigneeId !== undefined && patch.assigneeId !== task.assigneeId) set.assignee = await assertAssignable(trx, actor, patch.assigneeId, 'assigneeId');
    if (patch.customerId !== undefined || patch.dealId !== undefined) {
      const customerId = patch.customerId !== undefined ? patch.customerId : task.customerId;
      // Changing the customer without naming a deal drops a deal that belonged to the old customer.
      const dealId = patch.dealId !== undefined ? patch.dealId : patch.customerId !== undefined && patch.customerId !== task.customerId ? null : task.dealId;
      Object.assign(set, await resolveCustomerAndDeal(trx, actor, customerId, dealId));
    }
    const completing = patch.status === 'done' && task.status !== 'done';
    if (completing) for (const check of hooksOf('tasks.completionCheck')) await check(trx, { taskId: id, actor, clock, deliverable: patch.deliverable });
    if (patch.status !== undefined) set.status = patch.status;
    await changeTask(trx, clock, task, set, { actorId: actor.id });
    return (await repo.findTask(trx, { kind: 'all' }, id, bounds))!;
  });
}
