/** All SQL of the SLA module: timers, firings, interventions. */
import { sql } from 'kysely';
import type { Db, Dialect, Queryable } from '../../db/index.js';
import type { SlaTimersTable } from '../../db/schema.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import type { StoredLevel } from './ladder.js';

export type SubjectType = 'deal' | 'task';
export type TimerRow = SlaTimersTable;
export type TimerKind = 'stage_dwell' | 'stage_idle' | 'task_due';

export function ladderOf(row: Pick<TimerRow, 'ladder'>): StoredLevel[] {
  return parseJson<StoredLevel[]>(row.ladder, []);
}

export async function insertTimer(
  db: Queryable,
  now: string,
  t: { subjectType: SubjectType; subjectId: string; kind: TimerKind; stageKey: string | null; ladder: StoredLevel[]; anchorAt: string; dueAt: string; teamId: string | null },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('sla_timers')
    .values({
      id,
      subject_type: t.subjectType,
      subject_id: t.subjectId,
      kind: t.kind,
      stage_key: t.stageKey,
      ladder: toJson(t.ladder),
      anchor_at: t.anchorAt,
      next_level: 1,
      due_at: t.dueAt,
      last_due_at: null,
      level_reached: 0,
      colour: 'on_time',
      status: 'active',
      cancel_reason: null,
      team_id: t.teamId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The team of a deal's owner or a task's assignee: whose business hours its clock counts. */
export async function ownerTeam(db: Queryable, subjectType: SubjectType, subjectId: string): Promise<string | null> {
  const row =
    subjectType === 'deal'
      ? await db.selectFrom('deals').innerJoin('users', 'users.id', 'deals.owner_id').select('users.team_id').where('deals.id', '=', subjectId).executeTakeFirst()
      : await db.selectFrom('tasks').innerJoin('users', 'users.id', 'tasks.assignee_id').select('users.team_id').where('tasks.id', '=', subjectId).executeTakeFirst();
  return row?.team_id ?? null;
}

/** Live timers of a subject: active ones and exhausted ones (whose colour still shows). */
export function liveTimers(db: Queryable, subjectType: SubjectType, subjectId: string, kind?: string) {
  let q = db.selectFrom('sla_timers').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).where('status', 'in', ['active', 'exhausted']);
  if (kind) q = q.where('kind', '=', kind);
  return q.execute();
}

export async function cancelTimers(db: Queryable, ids: string[], reason: string, now: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('sla_timers').set({ status: 'cancelled', cancel_reason: reason, due_at: null, updated_at: now }).where('id', 'in', ids).execute();
}

/** Ids of timers due at `asOf`, oldest deadline first (SQLite: one process, no locking needed). */
export async function dueTimerIds(db: Queryable, asOf: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('sla_timers').select('id').where('status', '=', 'active').where('due_at', '<=', asOf).orderBy('due_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

/**
 * Locks up to `limit` due timers for the calling transaction, oldest deadline first, and returns their ids: one index
 * walk per batch instead of one per firing (on PostgreSQL each walk passes the entries this transaction already
 * updated, which only a commit lets the index skip). Other processes skip the locked rows.
 */
export async function claimDueTimerIds(trx: Queryable, dialect: Dialect, asOf: string, limit: number): Promise<string[]> {
  let q = trx.selectFrom('sla_timers').select('id').where('status', '=', 'active').where('due_at', '<=', asOf).orderBy('due_at').limit(limit);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return (await q.execute()).map((r) => r.id);
}

/**
 * Locks one due timer for the calling transaction. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several
 * processes claim different timers without waiting on each other; SQLite runs write transactions one at a time.
 */
export async function claimDueTimer(trx: Queryable, dialect: Dialect, asOf: string, id?: string): Promise<TimerRow | undefined> {
  let q = trx.selectFrom('sla_timers').selectAll().where('status', '=', 'active').where('due_at', '<=', asOf);
  if (id) q = q.where('id', '=', id);
  q = q.orderBy('due_at').limit(1);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

export async function insertFiring(
  trx: Queryable,
  f: { timerId: string; level: number; subjectType: string; subjectId: string; dueAt: string; firedAt: string; recipients: string[]; channels: string[] },
): Promise<boolean> {
  const result = await trx
    .insertInto('sla_firings')
    .values({
      id: newId(),
      timer_id: f.timerId,
      level: f.level,
      subject_type: f.subjectType,
      subject_id: f.subjectId,
      due_at: f.dueAt,
      fired_at: f.firedAt,
      recipients: toJson(f.recipients),
      channels: toJson(f.channels),
    })
    .onConflict((oc) => oc.columns(['timer_id', 'level']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function advanceTimer(
  trx: Queryable,
  id: string,
  set: { nextLevel: number; dueAt: string | null; lastDueAt: string; levelReached: number; colour: string; status: string; now: string },
): Promise<void> {
  await trx
    .updateTable('sla_timers')
    .set({ next_level: set.nextLevel, due_at: set.dueAt, last_due_at: set.lastDueAt, level_reached: set.levelReached, colour: set.colour, status: set.status, updated_at: set.now })
    .where('id', '=', id)
    .execute();
}

export async function insertIntervention(trx: Queryable, i: { timerId: string; level: number; userId: string; subjectType: string; subjectId: string; now: string }) {
  await trx
    .insertInto('sla_interventions')
    .values({ id: newId(), timer_id: i.timerId, level: i.level, user_id: i.userId, subject_type: i.subjectType, subject_id: i.subjectId, status: 'open', note: null, created_at: i.now, resolved_at: null, resolved_by: null })
    .onConflict((oc) => oc.columns(['timer_id', 'level', 'user_id']).doNothing())
    .execute();
}

/** The subject's owner for recipient resolution: a deal's owner, a task's assignee. */
export async function subjectOwner(db: Queryable, subjectType: SubjectType, subjectId: string) {
  if (subjectType === 'deal') {
    const deal = await db
      .selectFrom('deals')
      .innerJoin('users', 'users.id', 'deals.owner_id')
      .select(['deals.id', 'deals.title', 'deals.stage_key', 'deals.pipeline_id', 'deals.status', 'users.id as owner_id', 'users.team_path as owner_path', 'users.display_name as owner_name'])
      .where('deals.id', '=', subjectId)
      .executeTakeFirst();
    return deal ? { id: deal.owner_id, teamPath: deal.owner_path, name: deal.owner_name, title: deal.title, open: deal.status === 'open', pipelineId: deal.pipeline_id } : null;
  }
  const task = await db
    .selectFrom('tasks')
    .innerJoin('users', 'users.id', 'tasks.assignee_id')
    .select(['tasks.title', 'tasks.status', 'users.id as owner_id', 'users.team_path as owner_path', 'users.display_name as owner_name'])
    .where('tasks.id', '=', subjectId)
    .executeTakeFirst();
  return task ? { id: task.owner_id, teamPath: task.owner_path, name: task.owner_name, title: task.title, open: task.status === 'open', pipelineId: null } : null;
}

/** SLA colour per subject id: the worst live timer wins; the earliest pending deadline is shown. */
export async function liveTimersFor(db: Queryable, subjectType: SubjectType, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('sla_timers')
    .select(['subject_id', 'colour', 'due_at', 'level_reached', 'status'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', ids)
    .where('status', 'in', ['active', 'exhausted'])
    .execute();
}

/** The earliest pending deadline not after `asOf` (the scheduler's index: status, due_at). */
export async function earliestDue(db: Queryable, asOf: string): Promise<string | null> {
  const row = await db.selectFrom('sla_timers').select('due_at').where('status', '=', 'active').where('due_at', '<=', asOf).orderBy('due_at').limit(1).executeTakeFirst();
  return row?.due_at ?? null;
}

/** The earliest pending deadline after `after` (same index): when the worker should look again. */
export async function nextDueAfter(db: Queryable, after: string): Promise<string | null> {
  const row = await db.selectFrom('sla_timers').select('due_at').where('status', '=', 'active').where('due_at', '>', after).orderBy('due_at').limit(1).executeTakeFirst();
  return row?.due_at ?? null;
}

/** Which of these tasks are cadence steps. */
export async function cadenceStepTasks(db: Queryable, taskIds: string[]): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db.selectFrom('cadence_steps').select('task_id').where('task_id', 'in', taskIds).execute();
  return new Set(rows.map((r) => r.task_id!));
}

export function firingsSince(db: Db | Queryable, firedFrom: string) {
  return db.selectFrom('sla_firings').selectAll().where('fired_at', '>=', firedFrom).orderBy('fired_at').orderBy('timer_id').orderBy('level').execute();
}

export const countRows = async (db: Queryable, table: 'sla_firings' | 'sla_timers') =>
  Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
