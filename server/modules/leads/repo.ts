import { sql } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { LeadAssignmentsTable, OwnershipConflictsTable, PoolLogTable } from '../../db/schema.js';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { subtreeUpperBound } from '../org/scope.js';
import { assignmentSettings, poolSettings, type AssignmentSettings, type PoolSettings } from './schema.js';
import { movesTeamPaths } from '../../core/team-paths.js';
import { GROUPS } from '../../core/policy.js';

export async function loadSettings(db: Queryable): Promise<{ assignment: AssignmentSettings; pool: PoolSettings; updatedAt: string | null }> {
  const row = await db.selectFrom('lead_settings').selectAll().where('id', '=', 'org').executeTakeFirst();
  return {
    assignment: assignmentSettings.parse(parseJson(row?.assignment ?? null, {})),
    pool: poolSettings.parse(parseJson(row?.pool ?? null, {})),
    updatedAt: row?.updated_at ?? null,
  };
}

export async function saveSettings(db: Queryable, clock: Clock, actorId: string, part: { assignment?: AssignmentSettings; pool?: PoolSettings }) {
  const current = await loadSettings(db);
  const values = {
    assignment: toJson(part.assignment ?? current.assignment),
    pool: toJson(part.pool ?? current.pool),
    updated_by: actorId,
    updated_at: clock.now().toISOString(),
  };
  await db
    .insertInto('lead_settings')
    .values({ id: 'org', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/**
 * Next turn of a round-robin counter. The UPDATE takes the row lock (PostgreSQL) or the write lock (SQLite) until
 * the transaction commits, so two concurrent creates never read the same position.
 */
export async function nextTurn(db: Queryable, key: string): Promise<number> {
  await db.insertInto('lead_rr_cursors').values({ key, counter: 0 }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db
    .updateTable('lead_rr_cursors')
    .set({ counter: sql`counter + 1` })
    .where('key', '=', key)
    .returning('counter')
    .executeTakeFirstOrThrow();
  return Number(row.counter);
}

/** Active lead assignees (sellers) of a team subtree, in a stable order (round robin walks it). */
export function sellersOf(db: Queryable, teamPath: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'team_path', 'team_id', 'username'])
    .where('role', 'in', GROUPS.leadAssignees)
    .where('active', '=', 1)
    .where('team_path', '>=', teamPath)
    .where('team_path', '<', subtreeUpperBound(teamPath))
    .orderBy('username')
    .execute();
}

/** Open load per user: live customers owned (not in the pool) + open deals owned. */
export async function openLoad(db: Queryable, userIds: string[]): Promise<Map<string, number>> {
  const load = new Map(userIds.map((id) => [id, 0]));
  if (!userIds.length) return load;
  const customers = await db
    .selectFrom('customers')
    .leftJoin('customer_pool', 'customer_pool.customer_id', 'customers.id')
    .select(['customers.owner_id as id', (eb) => eb.fn.countAll().as('n')])
    .where('customers.owner_id', 'in', userIds)
    .where('customers.deleted_at', 'is', null)
    .where('customer_pool.customer_id', 'is', null)
    .groupBy('customers.owner_id')
    .execute();
  const deals = await db
    .selectFrom('deals')
    .select(['owner_id as id', (eb) => eb.fn.countAll().as('n')])
    .where('owner_id', 'in', userIds)
    .where('status', '=', 'open')
    .groupBy('owner_id')
    .execute();
  for (const r of [...customers, ...deals]) load.set(r.id, (load.get(r.id) ?? 0) + Number(r.n));
  return load;
}

export function findTeam(db: Queryable, id: string) {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUser(db: Queryable, id: string) {
  return db.selectFrom('users').leftJoin('teams', 'teams.id', 'users.team_id').selectAll('users').select('teams.name as team_name').where('users.id', '=', id).executeTakeFirst();
}

export async function insertAssignment(db: Queryable, clock: Clock, row: Omit<LeadAssignmentsTable, 'id' | 'at'>) {
  await db.insertInto('lead_assignments').values({ id: newId(), at: clock.now().toISOString(), ...row }).execute();
}

export function listAssignments(db: Queryable, filter: { customerId?: string; pathPrefix?: string }, page: { offset: number; limit: number }) {
  let q = db
    .selectFrom('lead_assignments')
    .innerJoin('users as u', 'u.id', 'lead_assignments.user_id')
    .innerJoin('customers as c', 'c.id', 'lead_assignments.customer_id')
    .selectAll('lead_assignments')
    .select(['u.display_name as user_name', 'c.name as customer_name']);
  if (filter.customerId) q = q.where('lead_assignments.customer_id', '=', filter.customerId);
  if (filter.pathPrefix) q = q.where('u.team_path', '>=', filter.pathPrefix).where('u.team_path', '<', subtreeUpperBound(filter.pathPrefix));
  return q.orderBy('lead_assignments.at', 'desc').orderBy('lead_assignments.id').limit(page.limit).offset(page.offset).execute();
}

export async function insertConflict(db: Queryable, row: OwnershipConflictsTable) {
  await db.insertInto('ownership_conflicts').values(row).execute();
}

export function findConflict(db: Queryable, id: string) {
  return db.selectFrom('ownership_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function openConflictOf(db: Queryable, customerId: string, requesterId: string) {
  return db
    .selectFrom('ownership_conflicts')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('requester_id', '=', requesterId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function updateConflict(db: Queryable, id: string, values: Partial<OwnershipConflictsTable>) {
  await db.updateTable('ownership_conflicts').set(values).where('id', '=', id).execute();
}

export async function insertPoolLog(db: Queryable, clock: Clock, row: Omit<PoolLogTable, 'id' | 'at'>) {
  await db.insertInto('pool_log').values({ id: newId(), at: clock.now().toISOString(), ...row }).execute();
}

/** Whether the customer was ever returned to a pool inside the team subtree `teamPath` (so the caller saw it there). */
export async function wasPooledWithin(db: Queryable, customerId: string, teamPath: string): Promise<boolean> {
  const row = await db
    .selectFrom('pool_log')
    .innerJoin('teams', 'teams.id', 'pool_log.team_id')
    .select('pool_log.id')
    .where('pool_log.customer_id', '=', customerId)
    .where('pool_log.action', '=', 'return')
    .where('teams.path', '>=', teamPath)
    .where('teams.path', '<', subtreeUpperBound(teamPath))
    .executeTakeFirst();
  return row !== undefined;
}

export async function countClaimsSince(db: Queryable, userId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('pool_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('action', '=', 'claim')
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countHeld(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .leftJoin('customer_pool', 'customer_pool.customer_id', 'customers.id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('customers.owner_id', '=', userId)
    .where('customers.deleted_at', 'is', null)
    .where('customer_pool.customer_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['ownership_conflicts', 'requester_team_path'], ['ownership_conflicts', 'owner_team_path'], ['customer_pool', 'team_path']]);
