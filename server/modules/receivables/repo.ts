/** SQL of receivables: contracts in scope for the board and ageing, collections, escalation candidates, finance partners. */
import type { Queryable } from '../../db/index.js';
import type { Scope } from '../../core/policy.js';
import { scopeFilter } from '../org/scope-sql.js';

/** Contracts in scope signed on or before `asOf`, with what the board and ageing group by. */
export function contractsInScope(db: Queryable, scope: Scope, asOf: string) {
  return db
    .selectFrom('contracts')
    .innerJoin('customers', 'customers.id', 'contracts.customer_id')
    .innerJoin('users as owner', 'owner.id', 'contracts.owner_id')
    .innerJoin('deals', 'deals.id', 'contracts.deal_id')
    .select(['contracts.id', 'contracts.number', 'contracts.customer_id', 'customers.name as customer_name', 'contracts.owner_id', 'owner.display_name as owner_name', 'contracts.team_path', 'contracts.deal_id', 'deals.title as deal_title', 'contracts.signed_at', 'contracts.amount_fen'])
    .where(scopeFilter(scope, 'contracts'))
    .where('contracts.signed_at', '<=', asOf)
    .orderBy('contracts.number')
    .execute();
}
export type ScopedContract = Awaited<ReturnType<typeof contractsInScope>>[number];

export function teamNames(db: Queryable, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** Payments and reversals of the given contracts received in [from, to]. */
export function paymentsBetween(db: Queryable, contractIds: readonly string[], from: string, to: string) {
  if (!contractIds.length) return Promise.resolve([]);
  return db
    .selectFrom('payments')
    .select(['id', 'contract_id', 'kind', 'amount_fen', 'received_on', 'method', 'reference', 'reverses_id'])
    .where('contract_id', 'in', contractIds)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .orderBy('received_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type PaymentRow = Awaited<ReturnType<typeof paymentsBetween>>[number];

export function dueInstalments(db: Queryable, now: string, limit: number) {
  return db.selectFrom('contract_instalments').select(['id', 'contract_id', 'escalate_at']).where('escalate_at', '<=', now).orderBy('escalate_at').limit(limit).execute();
}

export async function earliestEscalation(db: Queryable, op: '<=' | '>', now: string): Promise<string | null> {
  const row = await db
    .selectFrom('contract_instalments')
    .select((eb) => eb.fn.min('escalate_at').as('at'))
    .where('escalate_at', op, now)
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

export function insertEscalation(db: Queryable, row: { id: string; instalment_id: string; contract_id: string; due_at: string; fired_at: string; outstanding_fen: number; note: string | null }) {
  return db
    .insertInto('receivable_escalations')
    .values({ ...row, work_order_id: null, task_id: null })
    .onConflict((oc) => oc.column('instalment_id').doNothing())
    .executeTakeFirst();
}

export function completeEscalation(db: Queryable, id: string, values: { work_order_id: string | null; task_id: string | null }) {
  return db.updateTable('receivable_escalations').set(values).where('id', '=', id).execute();
}

export function partnersOf(db: Queryable, teamIds: readonly string[]) {
  if (!teamIds.length) return Promise.resolve([]);
  return db
    .selectFrom('team_finance_partners')
    .innerJoin('users', 'users.id', 'team_finance_partners.user_id')
    .select(['team_finance_partners.team_id', 'users.id', 'users.display_name', 'users.active', 'users.team_path'])
    .where('team_finance_partners.team_id', 'in', teamIds)
    .execute();
}

export function listPartners(db: Queryable) {
  return db
    .selectFrom('teams')
    .leftJoin('team_finance_partners', 'team_finance_partners.team_id', 'teams.id')
    .leftJoin('users', 'users.id', 'team_finance_partners.user_id')
    .select(['teams.id as team_id', 'teams.name as team_name', 'teams.path', 'users.id as user_id', 'users.display_name'])
    .orderBy('teams.path')
    .execute();
}

export function setPartner(db: Queryable, teamId: string, userId: string | null, actorId: string | null, now: string) {
  if (!userId) return db.deleteFrom('team_finance_partners').where('team_id', '=', teamId).execute();
  return db
    .insertInto('team_finance_partners')
    .values({ team_id: teamId, user_id: userId, updated_by: actorId, updated_at: now })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ user_id: userId, updated_by: actorId, updated_at: now }))
    .execute();
}

export function rootTeam(db: Queryable) {
  return db.selectFrom('teams').select(['id', 'name', 'path']).where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
}
