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
 * Locks up to `limit` due timers for the calling transaction, oldest deadline first, and returns them whole: one index
 * walk per batch. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several processes claim different timers without
 * waiting on each other, and a row another process advanced since is re-checked against the filter when locked, so
 * only still-due rows come back; SQLite runs write transactions one at a time.
 */
export async function claimDueTimers(trx: Queryable, dialect: Dialect, asOf: string, limit: number): Promise<TimerRow[]> {
  let q = trx.selectFrom('sla_timers').selectAll().where('status', '=', 'active').where('due_at', '<=', asOf).orderBy('due_at').limit(limit);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.execute();
}

/** Rows per multi-row insert: inside both databases' bound-parameter limits at 10 columns. */
const ROWS_PER_INSERT = 500;

export interface FiringRow {
  timerId: string;
  level: number;
  subjectType: string;
  subjectId: string;
  dueAt: string;
  firedAt: string;
  recipients: string[];
  channels: string[];
}

/**
 * Records firings, each at most once ever (UNIQUE(timer_id, level)); returns the timers whose firing this call
 * inserted. Only those notify: a firing that exists already was announced by whoever inserted it.
 */
export async function insertFirings(trx: Queryable, rows: FiringRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const result = await trx
      .insertInto('sla_firings')
      .values(
        rows.slice(i, i + ROWS_PER_INSERT).map((f) => ({
          id: newId(),
          timer_id: f.timerId,
          level: f.level,
          subject_type: f.subjectType,
          subject_id: f.subjectId,
          due_at: f.dueAt,
          fired_at: f.firedAt,
          recipients: toJson(f.recipients),
          channels: toJson(f.channels),
        })),
      )
      .onConflict((oc) => oc.columns(['timer_id', 'level']).doNothing())
      .returning('timer_id')
      .execute();
    for (const r of result) inserted.add(r.timer_id);
  }
  return inserted;
}

/**
 * Moves fired timers to their next level in one statement: the level just reached and its deadline come from the
 * row itself (`next_level`, `due_at` before the update), the next deadline, colour and status per timer from a
 * VALUES list joined on the id (UPDATE … FROM: SQLite 3.33+, PostgreSQL).
 */
export async function advanceTimers(trx: Queryable, rows: Array<{ id: string; dueAt: string | null; colour: string; status: string }>, now: string): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = sql.join(rows.slice(i, i + ROWS_PER_INSERT).map((r) => sql`(${r.id}, ${r.dueAt}, ${r.colour}, ${r.status})`));
    await sql`with v(id, due_at, colour, status) as (values ${values})
      update sla_timers set level_reached = sla_timers.next_level, next_level = sla_timers.next_level + 1, last_due_at = sla_timers.due_at,
        due_at = v.due_at, colour = v.colour, status = v.status, updated_at = ${now}
      from v where sla_timers.id = v.id`.execute(trx);
  }
}

export async function insertInterventions(trx: Queryable, rows: Array<{ timerId: string; level: number; userId: string; subjectType: string; subjectId: string }>, now: string) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('sla_interventions')
      .values(
        rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({
          id: newId(),
          timer_id: r.timerId,
          level: r.level,
          user_id: r.userId,
          subject_type: r.subjectType,
          subject_id: r.subjectId,
          status: 'open',
          note: null,
          created_at: now,
          resolved_at: null,
          resolved_by: null,
        })),
      )
      .onConflict((oc) => oc.columns(['timer_id', 'level', 'user_id']).doNothing())
      .execute();
  }
}

export interface SubjectOwner {
  id: string;
  teamPath: string;
  name: string;
  title: string;
  open: boolean;
  pipelineId: string | null;
}

/** Each subject's owner for recipient resolution (a deal's owner, a task's assignee), keyed `<type>:<id>`; one query per type. */
export async function subjectOwners(db: Queryable, subjects: Array<{ type: string; id: string }>): Promise<Map<string, SubjectOwner>> {
  const out = new Map<string, SubjectOwner>();
  const ids = (type: string) => [...new Set(subjects.filter((s) => s.type === type).map((s) => s.id))];
  for (let i = 0, dealIds = ids('deal'); i < dealIds.length; i += ROWS_PER_INSERT) {
    const deals = await db
      .selectFrom('deals')
      .innerJoin('users', 'users.id', 'deals.owner_id')
      .select(['deals.id', 'deals.title', 'deals.pipeline_id', 'deals.status', 'users.id as owner_id', 'users.team_path as owner_path', 'users.display_name as owner_name'])
      .where('deals.id', 'in', dealIds.slice(i, i + ROWS_PER_INSERT))
      .execute();
    for (const d of deals) out.set(`deal:${d.id}`, { id: d.owner_id, teamPath: d.owner_path, name: d.owner_name, title: d.title, open: d.status === 'open', pipelineId: d.pipeline_id });
  }
  for (let i = 0, taskIds = ids('task'); i < taskIds.length; i += ROWS_PER_INSERT) {
    const tasks = await db
      .selectFrom('tasks')
      .innerJoin('users', 'users.id', 'tasks.assignee_id')
      .select(['tasks.id', 'tasks.title', 'tasks.status', 'users.id as owner_id', 'users.team_path as owner_path', 'users.display_name as owner_name'])
      .where('tasks.id', 'in', taskIds.slice(i, i + ROWS_PER_INSERT))
      .execute();
    for (const t of tasks) out.set(`task:${t.id}`, { id: t.owner_id, teamPath: t.owner_path, name: t.owner_name, title: t.title, open: t.status === 'open', pipelineId: null });
  }
  return out;
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
