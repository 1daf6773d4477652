/**
 * The one write path of a task. Every task is inserted by `insertTaskRecord` and every change to one goes through
 * `changeTask`, whoever asks: HTTP (service.ts), a rule's create_task / create_followup / set_field, an activity's
 * next action, a cadence step, an appointment's no-show call, hand-over and pool moves, cadence stops. Each writes the
 * row, its audit entry and its typed event in the caller's transaction (core/command.ts), with one audit shape and one
 * event payload shape, so SLA timers, rules and cadences see every task the same way. Checks of who may assign to
 * whom stay with the callers (a rule acts for the organisation; a user through `insertTaskInTx`).
 * tests/unit/write-paths.test.ts fails if SQL writing `tasks` appears anywhere but tasks/repo.ts.
 */
import type { Clock } from '../../core/clock.js';
import { commandIn, type Changed } from '../../core/command.js';
import type { EventSource } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import type { Queryable } from '../../db/index.js';
import * as repo from './repo.js';

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface NewTask {
  title: string;
  assignee: { id: string; teamPath: string };
  dueAt: string | null;
  customerId: string | null;
  dealId: string | null;
  status: TaskStatus;
  /** A user id, or `rule:<id>` when a rule created it. */
  createdBy: string;
}

/** Who writes and why: the audit actor (null = the organisation), extra audit facts, the rule chain of the event. */
export interface TaskWriteContext {
  actorId: string | null;
  /** Merged into the audit entry's `after` (e.g. `{ source: { rule } }`, `{ reason }`). */
  note?: Record<string, unknown>;
  source?: EventSource;
}

/** A task as the write path compares it (camelCase fields; also the audit trail's view of a task). */
export interface TaskState {
  id: string;
  title: string;
  assigneeId: string;
  dueAt: string | null;
  customerId: string | null;
  dealId: string | null;
  status: string;
}

/** The write path's view of a task row as SQL returns it. */
export function taskStateOf(row: { id: string; title: string; assignee_id: string; due_at: string | null; customer_id: string | null; deal_id: string | null; status: string }): TaskState {
  return { id: row.id, title: row.title, assigneeId: row.assignee_id, dueAt: row.due_at, customerId: row.customer_id, dealId: row.deal_id, status: row.status };
}

export function taskAuditView(t: Omit<TaskState, 'id'>) {
  return { title: t.title, assigneeId: t.assigneeId, dueAt: t.dueAt, customerId: t.customerId, dealId: t.dealId, status: t.status };
}

/** Inserts a task with its audit entry and `task.created` (and `task.completed` when created done). */
export async function insertTaskRecord(trx: Queryable, clock: Clock, task: NewTask, ctx: TaskWriteContext): Promise<string> {
  const now = clock.now().toISOString();
  const id = newId();
  await repo.insertTask(trx, {
    id,
    title: task.title,
    assignee_id: task.assignee.id,
    team_path: task.assignee.teamPath,
    due_at: task.dueAt,
    customer_id: task.customerId,
    deal_id: task.dealId,
    status: task.status,
    completed_at: task.status === 'done' ? now : null,
    created_by: task.createdBy,
    created_at: now,
    updated_at: now,
  });
  const cmd = commandIn(trx, clock, { entity: 'task', actorId: ctx.actorId });
  const view = taskAuditView({ ...task, assigneeId: task.assignee.id });
  const payload = { assigneeId: task.assignee.id, dueAt: task.dueAt, customerId: task.customerId, dealId: task.dealId };
  await cmd.created(id, { ...view, ...ctx.note }, { type: 'task.created', payload: { ...payload, ...(ctx.source ? { source: ctx.source } : {}) } });
  if (task.status === 'done') await cmd.emit(id, { type: 'task.completed', payload });
  return id;
}

export interface TaskChange {
  title?: string;
  dueAt?: string | null;
  assignee?: { id: string; teamPath: string };
  customerId?: string | null;
  dealId?: string | null;
  status?: TaskStatus;
}

/**
 * Applies a change to a task: the row, then (when anything differs) one audit entry under `action` and one event —
 * `task.completed` when it becomes done, `task.updated` otherwise — with the diff as changed/before/after. `via` and
 * `reason` say how it changed when not by an edit (handover, pool_return, cadence_stopped…).
 */
export async function changeTask(
  trx: Queryable,
  clock: Clock,
  current: TaskState,
  set: TaskChange,
  ctx: TaskWriteContext & { action?: string; via?: string; reason?: string },
): Promise<Changed> {
  const now = clock.now().toISOString();
  const next: TaskState = {
    ...current,
    ...(set.title !== undefined ? { title: set.title } : {}),
    ...(set.dueAt !== undefined ? { dueAt: set.dueAt } : {}),
    ...(set.assignee ? { assigneeId: set.assignee.id } : {}),
    ...(set.customerId !== undefined ? { customerId: set.customerId } : {}),
    ...(set.dealId !== undefined ? { dealId: set.dealId } : {}),
    ...(set.status !== undefined ? { status: set.status } : {}),
  };
  const completing = next.status === 'done' && current.status !== 'done';
  const columns: Record<string, unknown> = {};
  if (set.title !== undefined) columns.title = set.title;
  if (set.dueAt !== undefined) columns.due_at = set.dueAt;
  if (set.assignee) Object.assign(columns, { assignee_id: set.assignee.id, team_path: set.assignee.teamPath });
  if (set.customerId !== undefined) columns.customer_id = set.customerId;
  if (set.dealId !== undefined) columns.deal_id = set.dealId;
  if (set.status !== undefined && set.status !== current.status) Object.assign(columns, { status: set.status, completed_at: completing ? now : null });
  if (Object.keys(columns).length === 0) return { changed: false, before: {}, after: {}, change: { changed: [], before: {}, after: {} } };
  await repo.updateTask(trx, current.id, { ...columns, updated_at: now });
  const refs = { assigneeId: next.assigneeId, dueAt: next.dueAt, customerId: next.customerId, dealId: next.dealId };
  const note = { ...ctx.note, ...(ctx.reason ? { reason: ctx.reason } : {}) };
  return commandIn(trx, clock, { entity: 'task', actorId: ctx.actorId }).updated(
    current.id,
    taskAuditView(current),
    taskAuditView(next),
    ({ change }) => {
      if (completing) return { type: 'task.completed' as const, payload: { ...refs, ...change } };
      const extra = {
        ...(change.changed.includes('status') ? { status: next.status } : {}),
        ...(ctx.via ? { via: ctx.via } : {}),
        ...(ctx.reason ? { reason: ctx.reason } : {}),
        ...(ctx.source ? { source: ctx.source } : {}),
      };
      return { type: 'task.updated' as const, payload: { ...refs, ...change, ...extra } };
    },
    { action: ctx.action, note },
  );
}
