/** All SQL of contracts: contracts, plan versions, instalment lines and terms, payments, allocations, claims. */
import type { Insertable } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import type { Scope } from '../../core/policy.js';
import { scopeFilter } from '../org/scope-sql.js';
import { movesTeamPaths } from '../../core/team-paths.js';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export const insertContract = (db: Queryable, row: Row<'contracts'>) => db.insertInto('contracts').values(row).execute();
export const insertPlanVersion = (db: Queryable, row: Row<'contract_plan_versions'>) => db.insertInto('contract_plan_versions').values(row).execute();
export const insertInstalment = (db: Queryable, row: Row<'contract_instalments'>) => db.insertInto('contract_instalments').values(row).execute();
export const insertTerms = (db: Queryable, rows: Row<'contract_instalment_terms'>[]) => (rows.length ? db.insertInto('contract_instalment_terms').values(rows).execute() : Promise.resolve());
export const insertPayment = (db: Queryable, row: Row<'payments'>) => db.insertInto('payments').values(row).execute();
export const insertAllocations = (db: Queryable, rows: Row<'payment_allocations'>[]) => (rows.length ? db.insertInto('payment_allocations').values(rows).execute() : Promise.resolve());
export const insertClaim = (db: Queryable, row: Row<'payment_claims'>) => db.insertInto('payment_claims').values(row).execute();

export function contractQuery(db: Queryable) {
  return db
    .selectFrom('contracts')
    .innerJoin('customers', 'customers.id', 'contracts.customer_id')
    .innerJoin('deals', 'deals.id', 'contracts.deal_id')
    .innerJoin('users as owner', 'owner.id', 'contracts.owner_id')
    .selectAll('contracts')
    .select(['customers.name as customer_name', 'deals.title as deal_title', 'owner.display_name as owner_name']);
}
export type ContractRow = NonNullable<Awaited<ReturnType<ReturnType<typeof contractQuery>['executeTakeFirst']>>>;

export function findContract(db: Queryable, scope: Scope, id: string) {
  return contractQuery(db).where('contracts.id', '=', id).where(scopeFilter(scope, 'contracts')).executeTakeFirst();
}

export function lockContract(db: Queryable, dialect: 'sqlite' | 'postgres', id: string) {
  const q = db.selectFrom('contracts').select(['id']).where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
}

export function contractsOfDeal(db: Queryable, scope: Scope, dealId: string) {
  return contractQuery(db).where('contracts.deal_id', '=', dealId).where(scopeFilter(scope, 'contracts')).orderBy('contracts.created_at').execute();
}

export function numberTaken(db: Queryable, number: string) {
  return db.selectFrom('contracts').select('id').where('number', '=', number).executeTakeFirst();
}

/** Instalment lines of the given contracts with their terms in the contract's current plan version. */
export function currentLines(db: Queryable, contractIds: readonly string[]) {
  if (!contractIds.length) return Promise.resolve([]);
  return db
    .selectFrom('contract_instalment_terms as t')
    .innerJoin('contracts as c', (j) => j.onRef('c.id', '=', 't.contract_id').onRef('c.plan_version', '=', 't.version'))
    .innerJoin('contract_instalments as i', 'i.id', 't.instalment_id')
    .select(['i.id', 'i.contract_id', 'i.invoice_status', 'i.invoice_no', 'i.effective_due_date', 'i.escalate_at', 't.seq', 't.due_date', 't.amount_fen', 't.method', 't.invoice_date'])
    .where('t.contract_id', 'in', contractIds)
    .orderBy('t.contract_id')
    .orderBy('t.seq')
    .execute();
}
export type LineRow = Awaited<ReturnType<typeof currentLines>>[number];

export function termsOfVersion(db: Queryable, contractId: string, version: number) {
  return db.selectFrom('contract_instalment_terms').selectAll().where('contract_id', '=', contractId).where('version', '=', version).orderBy('seq').execute();
}

export function planVersions(db: Queryable, contractId: string) {
  return db.selectFrom('contract_plan_versions').selectAll().where('contract_id', '=', contractId).orderBy('version').execute();
}

export function allocationsOfInstalments(db: Queryable, instalmentIds: readonly string[]) {
  if (!instalmentIds.length) return Promise.resolve([]);
  return db
    .selectFrom('payment_allocations')
    .select(['id', 'payment_id', 'instalment_id', 'contract_id', 'amount_fen', 'kind', 'on_date', 'note', 'created_at'])
    .where('instalment_id', 'in', instalmentIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type AllocationRow = Awaited<ReturnType<typeof allocationsOfInstalments>>[number];

export function paymentsOfContract(db: Queryable, contractId: string) {
  return db
    .selectFrom('payments')
    .leftJoin('users', 'users.id', 'payments.created_by')
    .selectAll('payments')
    .select('users.display_name as created_by_name')
    .where('payments.contract_id', '=', contractId)
    .orderBy('payments.received_on')
    .orderBy('payments.created_at')
    .execute();
}

export function findPayment(db: Queryable, id: string) {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function allocationsOfPayments(db: Queryable, paymentIds: readonly string[]) {
  if (!paymentIds.length) return Promise.resolve([]);
  return db.selectFrom('payment_allocations').select(['payment_id', 'instalment_id', 'contract_id', 'amount_fen', 'kind', 'on_date']).where('payment_id', 'in', paymentIds).orderBy('created_at').execute();
}

/** Payments of a customer that are not reversals and not reversed: the sources of credit. */
export function livePaymentsOfCustomer(db: Queryable, customerId: string) {
  return db
    .selectFrom('payments as p')
    .selectAll('p')
    .where('p.customer_id', '=', customerId)
    .where('p.kind', '=', 'payment')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('payments as r').select('r.id').whereRef('r.reverses_id', '=', 'p.id'))))
    .orderBy('p.received_on')
    .orderBy('p.created_at')
    .execute();
}

export function claimsOfContract(db: Queryable, contractId: string) {
  return db
    .selectFrom('payment_claims')
    .leftJoin('users', 'users.id', 'payment_claims.created_by')
    .selectAll('payment_claims')
    .select('users.display_name as created_by_name')
    .where('contract_id', '=', contractId)
    .orderBy('created_at')
    .execute();
}

export function findClaim(db: Queryable, id: string) {
  return db.selectFrom('payment_claims').selectAll().where('id', '=', id).executeTakeFirst();
}

export function decideClaim(db: Queryable, id: string, values: { decision: string; decision_note: string | null; payment_id: string | null; decided_by: string; decided_at: string }) {
  return db.updateTable('payment_claims').set(values).where('id', '=', id).where('decision', 'is', null).executeTakeFirst();
}

/** Undecided claims whose pause is still running at `now`, per contract. */
export function pendingClaims(db: Queryable, contractIds: readonly string[]) {
  if (!contractIds.length) return Promise.resolve([]);
  return db.selectFrom('payment_claims').select(['id', 'contract_id', 'instalment_id', 'pause_until', 'decision', 'decision_note', 'decided_at']).where('contract_id', 'in', contractIds).execute();
}

export function setTimers(db: Queryable, id: string, values: { effective_due_date?: string | null; escalate_at?: string | null }) {
  return db.updateTable('contract_instalments').set(values).where('id', '=', id).execute();
}

export function setInvoice(db: Queryable, id: string, values: { invoice_status: string; invoice_no: string | null }) {
  return db.updateTable('contract_instalments').set(values).where('id', '=', id).execute();
}

export function touchContract(db: Queryable, id: string, values: { plan_version?: number; amount_fen?: number; updated_at: string }) {
  return db.updateTable('contracts').set(values).where('id', '=', id).execute();
}

export function attachmentOf(db: Queryable, id: string) {
  return db.selectFrom('attachments').select(['id', 'entity', 'entity_id', 'kind', 'filename']).where('id', '=', id).executeTakeFirst();
}

/** The contract's own files, then its deal's (evidence such as a delivery receipt 签收单 is uploaded on the deal). */
export function attachmentsOfContract(db: Queryable, contractId: string, dealId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'entity', 'kind', 'filename', 'created_at'])
    .where((eb) => eb.or([eb.and([eb('entity', '=', 'contract'), eb('entity_id', '=', contractId)]), eb.and([eb('entity', '=', 'deal'), eb('entity_id', '=', dealId)])]))
    .orderBy('entity')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Escalations already fired for these instalments (never retracted). */
export function escalationsOf(db: Queryable, instalmentIds: readonly string[]) {
  if (!instalmentIds.length) return Promise.resolve([]);
  return db.selectFrom('receivable_escalations').selectAll().where('instalment_id', 'in', instalmentIds).execute();
}

export function recentActivities(db: Queryable, dealId: string, customerId: string, limit = 10) {
  return db
    .selectFrom('activities')
    .leftJoin('users', 'users.id', 'activities.owner_id')
    .select(['activities.id', 'activities.type', 'activities.summary', 'activities.occurred_at', 'users.display_name as owner_name'])
    .where((eb) => eb.or([eb('activities.deal_id', '=', dealId), eb('activities.customer_id', '=', customerId)]))
    .orderBy('activities.occurred_at', 'desc')
    .limit(limit)
    .execute();
}

/** Contracts by number with the terms of their current plan (the natural key of a contract import). */
export async function contractsByNumbers(db: Queryable, numbers: readonly string[]) {
  if (!numbers.length) return [];
  const contracts = await db.selectFrom('contracts').selectAll().where('number', 'in', numbers).execute();
  const lines = await currentLines(db, contracts.map((c) => c.id));
  return contracts.map((c) => ({ ...c, lines: lines.filter((l) => l.contract_id === c.id) }));
}

/** What happened to a contract since it was written: payments, claims, escalations, attachments, issued invoices. */
export async function contractWork(db: Queryable, id: string): Promise<number> {
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const n = (t: 'payments' | 'payment_claims' | 'receivable_escalations' | 'payment_allocations') =>
    count(db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).where('contract_id', '=', id).executeTakeFirst());
  const files = count(db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'contract').where('entity_id', '=', id).executeTakeFirst());
  const issued = count(db.selectFrom('contract_instalments').select((eb) => eb.fn.countAll<number>().as('n')).where('contract_id', '=', id).where('invoice_status', '!=', 'not_issued').executeTakeFirst());
  return (await Promise.all([n('payments'), n('payment_claims'), n('receivable_escalations'), n('payment_allocations'), files, issued])).reduce((s, x) => s + x, 0);
}

/** Removes a contract nothing has happened to (an import undone): its terms, lines, plan versions and the row. */
export async function deleteContract(db: Queryable, id: string) {
  await db.deleteFrom('contract_instalment_terms').where('contract_id', '=', id).execute();
  await db.deleteFrom('contract_instalments').where('contract_id', '=', id).execute();
  await db.deleteFrom('contract_plan_versions').where('contract_id', '=', id).execute();
  await db.deleteFrom('contracts').where('id', '=', id).execute();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['contracts', 'team_path']]);
