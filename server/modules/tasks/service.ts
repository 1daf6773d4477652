import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { command, commandIn } from '../../core/command.js';
import { hooksOf } from '../../core/hooks.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { assertAssignable, getCustomerInScope } from '../customers/service.js';
import { scopeOf, type Actor, type AnyActor, type Scope } from '../org/scope.js';
import { dayBounds } from './days.js';
import * as repo from './repo.js';
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
  return { customerId: customer?.id ?? deal?.customer_id ?? null, dealId: deal?.id ?? null };
}

function auditView(t: { title: string; assigneeId: string; dueAt: string | null; customerId: string | null; dealId: string | null; status: string }) {
  return { title: t.title, assigneeId: t.assigneeId, dueAt: t.dueAt, customerId: t.customerId, dealId: t.dealId, status: t.status };
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
  const now = clock.now().toISOString();
  const id = newId();
  await repo.insertTask(trx, {
    id,
    title: input.title,
    assignee_id: assignee.id,
    team_path: assignee.teamPath,
    due_at: input.dueAt ?? null,
    customer_id: links.customerId,
    deal_id: links.dealId,
    status: input.status,
    completed_at: input.status === 'done' ? now : null,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
  });
  const bounds = dayBounds(clock.now(), config.timeZone);
  const task = (await repo.findTask(trx, { kind: 'all' }, id, bounds))!;
  const cmd = commandIn(trx, clock, { entity: 'task', actorId: actor.id });
  const payload = { assigneeId: task.assigneeId, dueAt: task.dueAt, customerId: task.customerId, dealId: task.dealId };
  await cmd.created(id, auditView(task), { type: 'task.created', payload });
  if (input.status === 'done') await cmd.emit(id, { type: 'task.completed', payload });
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
  return command(deps.db, clock, { entity: 'task', actorId: actor.id }, async (cmd) => {
    const { trx } = cmd;
    const bounds = dayBounds(clock.now(), config.timeZone);
    const task = await repo.findTask(trx, scopeOf(actor), id, bounds);
    if (!task) throw notFound('Task');
    const set: Record<string, unknown> = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.dueAt !== undefined) set.due_at = patch.dueAt;
    if (patch.assigneeId !== undefined && patch.assigneeId !== task.assigneeId) {
      const assignee = await assertAssignable(trx, actor, patch.assigneeId, 'assigneeId');
      set.assignee_id = assignee.id;
      set.team_path = assignee.teamPath;
    }
    if (patch.customerId !== undefined || patch.dealId !== undefined) {
      const customerId = patch.customerId !== undefined ? patch.customerId : task.customerId;
      // Changing the customer without naming a deal drops a deal that belonged to the old customer.
      const dealId = patch.dealId !== undefined ? patch.dealId : patch.customerId !== undefined && patch.customerId !== task.customerId ? null : task.dealId;
      const links = await resolveCustomerAndDeal(trx, actor, customerId, dealId);
      set.customer_id = links.customerId;
      set.deal_id = links.dealId;
    }
    const completing = patch.status === 'done' && task.status !== 'done';
    if (completing) for (const check of hooksOf('tasks.completionCheck')) await check(trx, { taskId: id, actor, clock, deliverable: patch.deliverable });
    if (patch.status !== undefined && patch.status !== task.status) {
      set.status = patch.status;
      set.completed_at = completing ? clock.now().toISOString() : null;
    }
    if (Object.keys(set).length === 0) return task;
    await repo.updateTask(trx, id, { ...set, updated_at: clock.now().toISOString() });
    const after = (await repo.findTask(trx, { kind: 'all' }, id, bounds))!;
    await cmd.updated(id, auditView(task), auditView(after), ({ change }) => {
      const payload = { assigneeId: after.assigneeId, dueAt: after.dueAt, customerId: after.customerId, dealId: after.dealId, ...change };
      return completing ? { type: 'task.completed' as const, payload } : { type: 'task.updated' as const, payload };
    });
    return after;
  });
}
