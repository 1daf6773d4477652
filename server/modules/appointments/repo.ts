import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool } from 'kysely';
import type { Dialect, Queryable } from '../../db/index.js';
import type { AppointmentsTable, Database } from '../../db/schema.js';
import { subtreeUpperBound, type Scope } from '../org/scope.js';
import { GROUPS } from '../../core/policy.js';
import { movesTeamPaths } from '../../core/team-paths.js';

type Eb = ExpressionBuilder<Database, 'appointments'>;

/**
 * Who sees an appointment: a consultant their own and the follow-up calls handed to them, managers their team
 * subtree (store or region), head office everything. Indexed predicates only, like `scopeFilter`.
 */
export function appointmentScope(scope: Scope) {
  return (eb: Eb): Expression<SqlBool> => {
    if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
    if (scope.kind === 'own') return eb.or([eb('appointments.consultant_id', '=', scope.userId), eb('appointments.followup_user_id', '=', scope.userId)]);
    return eb.and([eb('appointments.team_path', '>=', scope.path), eb('appointments.team_path', '<', subtreeUpperBound(scope.path))]);
  };
}

export interface AppointmentFilter {
  status?: string;
  storePath?: string;
  consultantId?: string;
  from?: string;
  to?: string;
}

function filterExpr(f: AppointmentFilter) {
  return (eb: Eb): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (f.status) parts.push(eb('appointments.status', '=', f.status));
    if (f.storePath) parts.push(eb('appointments.team_path', '>=', f.storePath), eb('appointments.team_path', '<', subtreeUpperBound(f.storePath)));
    if (f.consultantId) parts.push(eb('appointments.consultant_id', '=', f.consultantId));
    if (f.from) parts.push(eb('appointments.at', '>=', f.from));
    if (f.to) parts.push(eb('appointments.at', '<', f.to));
    return eb.and(parts);
  };
}

function withNames(db: Queryable) {
  return db
    .selectFrom('appointments')
    .innerJoin('customers', 'customers.id', 'appointments.customer_id')
    .innerJoin('teams as store', 'store.id', 'appointments.store_id')
    .innerJoin('users as consultant', 'consultant.id', 'appointments.consultant_id')
    .leftJoin('users as followup', 'followup.id', 'appointments.followup_user_id')
    .leftJoin('tasks', 'tasks.id', 'appointments.followup_task_id')
    .selectAll('appointments')
    .select([
      'customers.name as customer_name',
      'store.name as store_name',
      'consultant.display_name as consultant_name',
      'followup.display_name as followup_name',
      'tasks.status as task_status',
      'tasks.due_at as task_due_at',
    ]);
}

export type AppointmentRow = AppointmentsTable & {
  customer_name: string;
  store_name: string;
  consultant_name: string;
  followup_name: string | null;
  task_status: string | null;
  task_due_at: string | null;
};

export async function findAppointment(db: Queryable, scope: Scope, id: string): Promise<AppointmentRow | undefined> {
  return (await withNames(db).where('appointments.id', '=', id).where(appointmentScope(scope)).executeTakeFirst()) as AppointmentRow | undefined;
}

export async function listAppointments(db: Queryable, scope: Scope, filter: AppointmentFilter, page: { offset: number; limit: number }) {
  const rows = await withNames(db)
    .where(appointmentScope(scope))
    .where(filterExpr(filter))
    .orderBy('appointments.at')
    .orderBy('appointments.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('appointments')
    .where(appointmentScope(scope))
    .where(filterExpr(filter))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows as AppointmentRow[], total: Number(count.n) };
}

export async function insertAppointment(db: Queryable, row: Insertable<AppointmentsTable>) {
  await db.insertInto('appointments').values(row).execute();
}

/** Conditional update: only while the appointment is in one of `statuses`; returns whether it changed. */
export async function updateIfStatus(db: Queryable, id: string, statuses: string[], set: Partial<AppointmentsTable>): Promise<boolean> {
  const result = await db.updateTable('appointments').set(set).where('id', '=', id).where('status', 'in', statuses).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks up to `limit` due appointments no-show in one statement and returns them. The `status = 'booked'` condition
 * is re-checked on the locked row, and PostgreSQL skips rows another process holds, so each appointment is marked
 * (and its manager notified) by exactly one process; SQLite serialises writers.
 */
export async function earliestNoShowDue(db: Queryable, asOf: string): Promise<string | null> {
  const row = await db.selectFrom('appointments').select('no_show_due_at').where('status', '=', 'booked').where('no_show_due_at', '<=', asOf).orderBy('no_show_due_at').limit(1).executeTakeFirst();
  return row?.no_show_due_at ?? null;
}

/** The next no-show deadline after `after`: when the worker should look again. */
export async function nextNoShowDue(db: Queryable, after: string): Promise<string | null> {
  const row = await db.selectFrom('appointments').select('no_show_due_at').where('status', '=', 'booked').where('no_show_due_at', '>', after).orderBy('no_show_due_at').limit(1).executeTakeFirst();
  return row?.no_show_due_at ?? null;
}

export async function claimDueNoShows(db: Queryable, dialect: Dialect, now: string, limit: number) {
  let due = db.selectFrom('appointments').select('id').where('status', '=', 'booked').where('no_show_due_at', '<=', now).orderBy('no_show_due_at').limit(limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('appointments')
    .set({ status: 'no_show', no_show_at: now, updated_at: now })
    .where('id', 'in', due)
    .where('status', '=', 'booked')
    .returningAll()
    .execute();
}

/** The live customer with this normalised phone, oldest first, whoever owns it: the chain has one record per person. */
export async function findCustomerByPhone(db: Queryable, normalized: string) {
  return db
    .selectFrom('customers')
    .select(['id', 'name', 'owner_id', 'team_path'])
    .where('phone_normalized', '=', normalized)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

export async function findTeam(db: Queryable, id: string) {
  return db.selectFrom('teams').select(['id', 'name', 'path', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function findUser(db: Queryable, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'team_id', 'team_path', 'active']).where('id', '=', id).executeTakeFirst();
}

/** Consultants (sellers and leads) a manager may hand a call to: active users of a subtree, or everyone. */
export async function listConsultants(db: Queryable, path: string | null) {
  let q = db
    .selectFrom('users')
    .innerJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.id', 'users.display_name', 'users.role', 'users.team_id', 'teams.name as team_name'])
    .where('users.active', '=', 1)
    .where('users.role', 'in', GROUPS.consultants);
  if (path) q = q.where('users.team_path', '>=', path).where('users.team_path', '<', subtreeUpperBound(path));
  return q.orderBy('teams.name').orderBy('users.display_name').execute();
}

/** Appointment counts by status for `at` in [from, to), within scope and filter. */
export async function countByStatus(db: Queryable, scope: Scope, filter: AppointmentFilter) {
  const rows = await db
    .selectFrom('appointments')
    .leftJoin('tasks', 'tasks.id', 'appointments.followup_task_id')
    .where(appointmentScope(scope))
    .where(filterExpr(filter))
    .select(['appointments.status', 'appointments.late'])
    .select((eb) => eb.fn.countAll().as('n'))
    .select(sql<number>`sum(case when tasks.status = 'done' then 1 else 0 end)`.as('touched'))
    .groupBy(['appointments.status', 'appointments.late'])
    .execute();
  return rows.map((r) => ({ status: r.status, late: Number(r.late), n: Number(r.n), touched: Number(r.touched ?? 0) }));
}

/** Deals won in [from, to) (entered their won stage then) owned by users of `path`, or by one owner. */
export async function countDealsWon(db: Queryable, range: { from: string; to: string }, owner: { path?: string; ownerId?: string }) {
  let q = db.selectFrom('deals').where('status', '=', 'won').where('stage_entered_at', '>=', range.from).where('stage_entered_at', '<', range.to);
  if (owner.path) q = q.where('team_path', '>=', owner.path).where('team_path', '<', subtreeUpperBound(owner.path));
  if (owner.ownerId) q = q.where('owner_id', '=', owner.ownerId);
  const row = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A still-booked appointment of this phone at exactly this time (the same booking registered twice). */
export function findBookedAt(db: Queryable, normalized: string, at: string) {
  return db.selectFrom('appointments').select('id').where('phone_normalized', '=', normalized).where('at', '=', at).where('status', '=', 'booked').executeTakeFirst();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['appointments', 'team_path']]);
