/** All SQL of the approvals module. */
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Dialect, Queryable } from '../../db/index.js';
import type {
  ApprovalAssigneesTable,
  ApprovalDelegationsTable,
  ApprovalRequestsTable,
  ApprovalRoutesTable,
  ApprovalStepsTable,
  ApprovalTrailTable,
} from '../../db/schema-approvals.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';
import { movesTeamPaths } from '../../core/team-paths.js';

export type RequestRow = Selectable<ApprovalRequestsTable>;
export type StepRow = Selectable<ApprovalStepsTable>;
export type AssigneeRow = Selectable<ApprovalAssigneesTable>;
export type TrailRow = Selectable<ApprovalTrailTable>;
export type RouteRow = Selectable<ApprovalRoutesTable>;
export type DelegationRow = Selectable<ApprovalDelegationsTable>;

// ---- routes ----

export function findRoute(db: Queryable, kind: string) {
  return db.selectFrom('approval_routes').selectAll().where('kind', '=', kind).executeTakeFirst();
}

export function listRoutes(db: Queryable) {
  return db.selectFrom('approval_routes').selectAll().orderBy('kind').execute();
}

/** Inserts the route unless it exists (two processes installing the default at once: one wins, the other no-ops). */
export async function insertRouteIfMissing(db: Queryable, row: RouteRow): Promise<boolean> {
  const result = await db.insertInto('approval_routes').values(row).onConflict((oc) => oc.column('kind').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateRoute(db: Queryable, kind: string, set: Updateable<ApprovalRoutesTable>) {
  await db.updateTable('approval_routes').set(set).where('kind', '=', kind).execute();
}

/** Moves the published version from `from` to `from + 1`; false when someone else published meanwhile. */
export async function bumpPublished(db: Queryable, kind: string, from: number, set: Updateable<ApprovalRoutesTable>): Promise<boolean> {
  const result = await db.updateTable('approval_routes').set({ ...set, published_version: from + 1 }).where('kind', '=', kind).where('published_version', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertVersion(db: Queryable, row: { id: string; kind: string; version: number; definition: string; published_by: string | null; published_at: string }) {
  await db.insertInto('approval_route_versions').values(row).execute();
}

export function findVersion(db: Queryable, kind: string, version: number) {
  return db.selectFrom('approval_route_versions').selectAll().where('kind', '=', kind).where('version', '=', version).executeTakeFirst();
}

export function listVersions(db: Queryable, kind: string) {
  return db
    .selectFrom('approval_route_versions')
    .leftJoin('users', 'users.id', 'approval_route_versions.published_by')
    .select(['approval_route_versions.version', 'approval_route_versions.published_at', 'approval_route_versions.published_by', 'users.display_name as published_by_name'])
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .execute();
}

// ---- requests ----

export async function insertRequest(db: Queryable, row: RequestRow) {
  await db.insertInto('approval_requests').values(row).execute();
}

export function findRequest(db: Queryable, id: string) {
  return db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Locks the request for a transition: bumps `revision` while it is still in `status`. On PostgreSQL a concurrent
 * transaction waits on the row lock, then re-checks the status against the committed row; reads after this see the
 * other transaction's work. False when the request is no longer in `status`.
 */
export async function lockRequest(db: Queryable, id: string, status: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('approval_requests')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateRequest(db: Queryable, id: string, set: Updateable<ApprovalRequestsTable>) {
  await db.updateTable('approval_requests').set(set).where('id', '=', id).execute();
}

/** Whether the user is (or was) an approver of the request, or acts for one now. */
export async function isParticipant(db: Queryable, requestId: string, userIds: string[]): Promise<boolean> {
  if (userIds.length === 0) return false;
  const row = await db.selectFrom('approval_assignees').select('id').where('request_id', '=', requestId).where('approver_id', 'in', userIds).limit(1).executeTakeFirst();
  return !!row;
}

export interface ListFilters {
  status?: string;
  kind?: string;
  subjectId?: string;
  requesterId?: string;
  /** Only requests whose active step waits for one of these approvers. */
  pendingFor?: string[];
  /** Scope of the caller, widened by the requests they take part in as approver (`participant`). */
  scope: Scope;
  participant?: string[];
}

function filtered(db: Queryable, filters: ListFilters) {
  let q = db.selectFrom('approval_requests');
  if (filters.status) q = q.where('approval_requests.status', '=', filters.status);
  if (filters.kind) q = q.where('approval_requests.kind', '=', filters.kind);
  if (filters.subjectId) q = q.where('approval_requests.subject_id', '=', filters.subjectId);
  if (filters.requesterId) q = q.where('approval_requests.owner_id', '=', filters.requesterId);
  if (filters.pendingFor) {
    const ids = filters.pendingFor;
    return q.where('approval_requests.status', '=', 'pending').where('approval_requests.id', 'in', (eb) =>
      eb
        .selectFrom('approval_assignees')
        .innerJoin('approval_steps', 'approval_steps.id', 'approval_assignees.step_id')
        .select('approval_assignees.request_id')
        .where('approval_assignees.status', '=', 'pending')
        .where('approval_steps.status', '=', 'pending')
        .where('approval_assignees.approver_id', 'in', ids),
    );
  }
  const participant = filters.participant ?? [];
  return q.where((eb) => {
    const inScope = scopeFilter(filters.scope, 'approval_requests')(eb);
    if (participant.length === 0) return inScope;
    return eb.or([inScope, eb('approval_requests.id', 'in', eb.selectFrom('approval_assignees').select('request_id').where('approver_id', 'in', participant))]);
  });
}

export function listRequestPage(db: Queryable, filters: ListFilters, page: { offset: number; limit: number }) {
  return filtered(db, filters).selectAll('approval_requests').orderBy('approval_requests.created_at', 'desc').orderBy('approval_requests.id').offset(page.offset).limit(page.limit).execute();
}

export async function countRequests(db: Queryable, filters: ListFilters): Promise<number> {
  const row = await filtered(db, filters).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every request matching the filters, oldest first, for exports (bounded). */
export function exportRequests(db: Queryable, filters: ListFilters, limit: number) {
  return filtered(db, filters).selectAll('approval_requests').orderBy('approval_requests.created_at').limit(limit).execute();
}

export function requestsOfSubject(db: Queryable, subjectType: string, subjectId: string, statuses: string[]) {
  return db.selectFrom('approval_requests').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).where('status', 'in', statuses).orderBy('created_at').execute();
}

/** The most recent requests of a kind (the admin's preview replays them under a draft). */
export function recentRequests(db: Queryable, kind: string, limit: number) {
  return db.selectFrom('approval_requests').selectAll().where('kind', '=', kind).where('submitted_at', 'is not', null).orderBy('submitted_at', 'desc').limit(limit).execute();
}

// ---- steps and assignees ----

export async function insertStep(db: Queryable, row: StepRow) {
  await db.insertInto('approval_steps').values(row).execute();
}

export function stepsOf(db: Queryable, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([] as StepRow[]);
  return db.selectFrom('approval_steps').selectAll().where('request_id', 'in', requestIds).orderBy('idx').execute();
}

export async function updateStep(db: Queryable, id: string, set: Updateable<ApprovalStepsTable>) {
  await db.updateTable('approval_steps').set(set).where('id', '=', id).execute();
}

/** Steps not yet decided are removed when a request is resubmitted or migrated: the new chain replaces them. */
export async function cancelOpenSteps(db: Queryable, requestId: string, now: string) {
  await db.updateTable('approval_assignees').set({ status: 'void' }).where('request_id', '=', requestId).where('status', '=', 'pending').execute();
  await db.updateTable('approval_steps').set({ status: 'cancelled', next_due_at: null, completed_at: now }).where('request_id', '=', requestId).where('status', 'in', ['waiting', 'pending']).execute();
}

export async function insertAssignee(db: Queryable, row: AssigneeRow) {
  await db.insertInto('approval_assignees').values(row).execute();
}

export function assigneesOf(db: Queryable, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([] as AssigneeRow[]);
  return db.selectFrom('approval_assignees').selectAll().where('request_id', 'in', requestIds).execute();
}

export async function updateAssignee(db: Queryable, id: string, set: Updateable<ApprovalAssigneesTable>) {
  await db.updateTable('approval_assignees').set(set).where('id', '=', id).execute();
}

/** A user's undecided places on open steps (active or still waiting) of pending requests. */
export function openPlacesOf(db: Queryable, userId: string) {
  return db
    .selectFrom('approval_assignees as a')
    .innerJoin('approval_steps as s', 's.id', 'a.step_id')
    .innerJoin('approval_requests as r', 'r.id', 'a.request_id')
    .select(['a.id as assignee_id', 'a.request_id', 's.id as step_id', 's.status as step_status'])
    .where('a.approver_id', '=', userId)
    .where('a.status', '=', 'pending')
    .where('s.status', 'in', ['waiting', 'pending'])
    .where('r.status', '=', 'pending')
    .orderBy('a.request_id')
    .execute();
}

export async function voidPendingAssignees(db: Queryable, stepId: string) {
  await db.updateTable('approval_assignees').set({ status: 'void' }).where('step_id', '=', stepId).where('status', '=', 'pending').execute();
}

// ---- trail ----

/** Appends to the trail; the request row is locked by the caller's transition, so max + 1 is race-free (and unique). */
export async function insertTrail(db: Queryable, row: Omit<TrailRow, 'seq'>) {
  const last = await db.selectFrom('approval_trail').select((eb) => eb.fn.max('seq').as('seq')).where('request_id', '=', row.request_id).executeTakeFirst();
  await db.insertInto('approval_trail').values({ ...row, seq: Number(last?.seq ?? 0) + 1 }).execute();
}

export function trailOf(db: Queryable, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([] as TrailRow[]);
  return db.selectFrom('approval_trail').selectAll().where('request_id', 'in', requestIds).orderBy('request_id').orderBy('seq').execute();
}

// ---- delegations ----

export async function insertDelegation(db: Queryable, row: DelegationRow) {
  await db.insertInto('approval_delegations').values(row).execute();
}

export function findDelegation(db: Queryable, id: string) {
  return db.selectFrom('approval_delegations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function revokeDelegation(db: Queryable, id: string, now: string) {
  await db.updateTable('approval_delegations').set({ revoked_at: now }).where('id', '=', id).execute();
}

/** Delegations given or received by the user, newest first. */
export function delegationsOf(db: Queryable, userId: string) {
  return db
    .selectFrom('approval_delegations')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', '=', userId), eb('to_user_id', '=', userId)]))
    .orderBy('starts_on', 'desc')
    .limit(200)
    .execute();
}

/** Unrevoked delegations of `ownerId` overlapping [from, to]. */
export function overlappingDelegations(db: Queryable, ownerId: string, from: string, to: string) {
  return db.selectFrom('approval_delegations').selectAll().where('owner_id', '=', ownerId).where('revoked_at', 'is', null).where('starts_on', '<=', to).where('ends_on', '>=', from).execute();
}

/** Delegations in force on `today` from any of `ownerIds`. */
export function activeDelegationsFrom(db: Queryable, ownerIds: string[], today: string) {
  if (ownerIds.length === 0) return Promise.resolve([] as DelegationRow[]);
  return db.selectFrom('approval_delegations').selectAll().where('owner_id', 'in', ownerIds).where('revoked_at', 'is', null).where('starts_on', '<=', today).where('ends_on', '>=', today).execute();
}

/** Approvers who delegated to `userId` for `today`. */
export async function delegatorsTo(db: Queryable, userId: string, today: string): Promise<string[]> {
  const rows = await db.selectFrom('approval_delegations').select('owner_id').where('to_user_id', '=', userId).where('revoked_at', 'is', null).where('starts_on', '<=', today).where('ends_on', '>=', today).execute();
  return rows.map((r) => r.owner_id);
}

// ---- SLA ----

/** Pending steps whose next level is due, claimed so a second process skips them (PostgreSQL SKIP LOCKED). */
export function claimDueSteps(db: Queryable, dialect: Dialect, now: string, limit: number) {
  let q = db.selectFrom('approval_steps').selectAll().where('status', '=', 'pending').where('next_due_at', '<=', now).orderBy('next_due_at').limit(limit);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.execute();
}

export async function earliestStepDue(db: Queryable, asOf: string): Promise<string | null> {
  const row = await db.selectFrom('approval_steps').select('next_due_at').where('status', '=', 'pending').where('next_due_at', '<=', asOf).orderBy('next_due_at').limit(1).executeTakeFirst();
  return row?.next_due_at ?? null;
}

/** One row per (step, level): the insert that succeeds is the one firing. */
export async function recordFiring(db: Queryable, stepId: string, level: number, at: string): Promise<boolean> {
  const result = await db.insertInto('approval_sla_firings').values({ step_id: stepId, level, fired_at: at }).onConflict((oc) => oc.columns(['step_id', 'level']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

// ---- people and subjects ----

export function usersByIds(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as Array<{ id: string; display_name: string; role: string; team_id: string; team_path: string; active: number }>);
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'team_id', 'team_path', 'active']).where('id', 'in', [...new Set(ids)]).execute();
}

export function findUserByUsername(db: Queryable, username: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'active']).where('username', '=', username).executeTakeFirst();
}

export function findDealForApproval(db: Queryable, id: string) {
  return db
    .selectFrom('deals')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .innerJoin('pipelines', 'pipelines.id', 'deals.pipeline_id')
    .select(['deals.id', 'deals.title', 'deals.owner_id', 'deals.team_path', 'deals.amount_fen', 'deals.custom', 'deals.status', 'customers.level as customer_level', 'pipelines.key as pipeline_key'])
    .where('deals.id', '=', id)
    .executeTakeFirst();
}

export function dealTitles(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as Array<{ id: string; title: string }>);
  return db.selectFrom('deals').select(['id', 'title']).where('id', 'in', [...new Set(ids)]).execute();
}

/** Pending steps whose clock runs, each with the team of its first approver (whose calendar the clock is on). */
export async function runningSteps(db: Queryable) {
  const steps = await db.selectFrom('approval_steps').select(['id', 'started_at', 'sla', 'sla_level']).where('status', '=', 'pending').where('started_at', 'is not', null).execute();
  if (steps.length === 0) return [];
  const assignees = await db
    .selectFrom('approval_assignees')
    .innerJoin('users', 'users.id', 'approval_assignees.approver_id')
    .select(['approval_assignees.step_id', 'users.team_id'])
    .where('approval_assignees.step_id', 'in', steps.map((s) => s.id))
    .where('approval_assignees.status', '=', 'pending')
    .execute();
  const teamOf = new Map<string, string>();
  for (const a of assignees) if (!teamOf.has(a.step_id)) teamOf.set(a.step_id, a.team_id);
  return steps.map((s) => ({ ...s, team_id: teamOf.get(s.id) ?? null }));
}

/** Serialises with a firing pass over the same step (PostgreSQL; SQLite has one writer). */
export async function lockStep(db: Queryable, dialect: Dialect, id: string) {
  if (dialect !== 'postgres') return;
  await sql`select id from approval_steps where id = ${id} for update`.execute(db);
}

export function stepById(db: Queryable, id: string) {
  return db.selectFrom('approval_steps').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['approval_requests', 'team_path'], ['approval_delegations', 'team_path']]);
