/** All SQL of the imports module. */
import { sql, type SqlBool, type Expression } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { ImportPresetsTable, ImportRowsTable, ImportsTable } from '../../db/schema-imports.js';
import type { ContactsTable, CustomersTable } from '../../db/schema.js';
import { movesTeamPaths } from '../../core/team-paths.js';

export type ImportRow = ImportsTable;
export type StagedRow = ImportRowsTable;

export async function insertImport(db: Queryable, row: ImportsTable) {
  await db.insertInto('imports').values(row).execute();
}

export function findImport(db: Queryable, id: string) {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateImport(db: Queryable, id: string, values: Partial<ImportsTable>) {
  await db.updateTable('imports').set(values).where('id', '=', id).execute();
}

/**
 * Takes the import for a running phase: only when it is in `from` status and nobody holds an unexpired lease
 * (another process or a crashed one whose lease ran out). Returns whether this caller got it.
 */
export async function claimImport(db: Queryable, id: string, from: string[], now: string, leaseUntil: string, set: Partial<ImportsTable> = {}): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set({ ...set, lease_until: leaseUntil, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', from)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0) > 0;
}

/** Imports whose running phase lost its process: status still running, lease expired. */
export function orphanedImports(db: Queryable, now: string, limit: number) {
  return db
    .selectFrom('imports')
    .select(['id', 'status'])
    .where('status', 'in', ['validating', 'committing'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

export function listImports(db: Queryable, actorId: string | null, page: { limit: number; offset: number }) {
  let q = db.selectFrom('imports').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset);
  if (actorId) q = q.where('actor_id', '=', actorId);
  return q.execute();
}

export async function insertStagedRows(db: Queryable, rows: ImportRowsTable[]) {
  if (rows.length) await db.insertInto('import_rows').values(rows).execute();
}

export async function deleteStagedRows(db: Queryable, importId: string) {
  await db.deleteFrom('import_rows').where('import_id', '=', importId).execute();
  await deleteRowKeys(db, importId);
}

export async function deleteRowKeys(db: Queryable, importId: string) {
  await db.deleteFrom('import_row_keys').where('import_id', '=', importId).execute();
}

/** Of `keys`, those an earlier row of the import already claimed → that row's number. */
export async function claimedKeys(db: Queryable, importId: string, keys: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  // 500 rows × a few keys each: well under both databases' limits on bound parameters.
  for (let i = 0; i < keys.length; i += 2000) {
    const rows = await db.selectFrom('import_row_keys').select(['key', 'row_number']).where('import_id', '=', importId).where('key', 'in', keys.slice(i, i + 2000)).execute();
    for (const r of rows) found.set(r.key, Number(r.row_number));
  }
  return found;
}

export async function insertRowKeys(db: Queryable, rows: Array<{ import_id: string; key: string; row_number: number }>) {
  for (let i = 0; i < rows.length; i += 2000) {
    await db.insertInto('import_row_keys').values(rows.slice(i, i + 2000)).onConflict((oc) => oc.columns(['import_id', 'key']).doNothing()).execute();
  }
}

/** The next rows the commit has not applied, in row order, after the checkpoint. */
export function nextUnapplied(db: Queryable, importId: string, after: number, limit: number) {
  return db
    .selectFrom('import_rows')
    .selectAll()
    .where('import_id', '=', importId)
    .where('row_number', '>', after)
    .where('applied', '=', 0)
    .orderBy('row_number')
    .limit(limit)
    .execute();
}

export async function markApplied(db: Queryable, importId: string, rowNumbers: number[], outcome: string, at: string) {
  if (rowNumbers.length) {
    await db.updateTable('import_rows').set({ applied: 1, outcome, applied_at: at }).where('import_id', '=', importId).where('row_number', 'in', rowNumbers).execute();
  }
}

export async function updateStagedRow(db: Queryable, importId: string, rowNumber: number, values: Partial<ImportRowsTable>) {
  await db.updateTable('import_rows').set(values).where('import_id', '=', importId).where('row_number', '=', rowNumber).execute();
}

export function listStagedRows(db: Queryable, importId: string, filter: { verdicts?: string[]; outcomes?: string[]; after?: number; limit: number; offset?: number }) {
  let q = db.selectFrom('import_rows').selectAll().where('import_id', '=', importId);
  if (filter.verdicts) q = q.where('verdict', 'in', filter.verdicts);
  if (filter.outcomes) q = q.where('outcome', 'in', filter.outcomes);
  if (filter.after !== undefined) q = q.where('row_number', '>', filter.after);
  return q
    .orderBy('row_number')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
}

export async function countStagedRows(db: Queryable, importId: string, verdicts?: string[]) {
  let q = db.selectFrom('import_rows').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', importId);
  if (verdicts) q = q.where('verdict', 'in', verdicts);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

export interface Keys {
  phones: string[];
  creditCodes: string[];
  names: string[];
}

/** Live customers matching any of the keys (normalised phone, credit code, company-name key), oldest first. */
export async function customersByKeys(db: Queryable, keys: Keys): Promise<CustomersTable[]> {
  const ors: Expression<SqlBool>[] = [];
  if (keys.phones.length) ors.push(sql<SqlBool>`customers.phone_normalized in (${sql.join(keys.phones)})`);
  if (keys.creditCodes.length) ors.push(sql<SqlBool>`customers.credit_code in (${sql.join(keys.creditCodes)})`);
  if (keys.names.length) ors.push(sql<SqlBool>`(customers.name_normalized in (${sql.join(keys.names)}) and customers.kind = 'company')`);
  if (!ors.length) return [];
  return db
    .selectFrom('customers')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or(ors))
    .orderBy('created_at')
    .orderBy('id')
    .execute() as Promise<CustomersTable[]>;
}

export function contactsOf(db: Queryable, customerIds: string[]): Promise<ContactsTable[]> {
  if (!customerIds.length) return Promise.resolve([]);
  return db.selectFrom('contacts').selectAll().where('customer_id', 'in', customerIds).orderBy('created_at').orderBy('id').execute();
}

/** Customers by id with the owner's name, for the write path (changeCustomer needs the full row). */
export async function customersWithOwner(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('customers')
    .innerJoin('users as owner', 'owner.id', 'customers.owner_id')
    .selectAll('customers')
    .select('owner.display_name as owner_name')
    .where('customers.id', 'in', ids)
    .execute();
}

export function allUsers(db: Queryable) {
  return db.selectFrom('users').select(['id', 'username', 'display_name', 'team_path', 'active']).execute();
}

/** Whether a customer was touched by anything else after `since` (a deal, an activity, a task on it). */
export async function relatedCount(db: Queryable, customerId: string) {
  const [deals, activities, tasks] = await Promise.all([
    db.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).executeTakeFirst(),
    db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).executeTakeFirst(),
    db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).executeTakeFirst(),
  ]);
  return Number(deals?.n ?? 0) + Number(activities?.n ?? 0) + Number(tasks?.n ?? 0);
}

export function presets(db: Queryable, kind: string) {
  return db.selectFrom('import_presets').selectAll().where('kind', '=', kind).orderBy('name').execute();
}

export function presetBySignature(db: Queryable, kind: string, signature: string) {
  return db.selectFrom('import_presets').selectAll().where('kind', '=', kind).where('signature', '=', signature).orderBy('updated_at', 'desc').executeTakeFirst();
}

export function presetByName(db: Queryable, name: string) {
  return db.selectFrom('import_presets').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function upsertPreset(db: Queryable, existingId: string | null, row: ImportPresetsTable) {
  if (existingId) await db.updateTable('import_presets').set({ signature: row.signature, mapping: row.mapping, updated_at: row.updated_at }).where('id', '=', existingId).execute();
  else await db.insertInto('import_presets').values(row).execute();
}

export async function deletePreset(db: Queryable, id: string): Promise<boolean> {
  const result = await db.deleteFrom('import_presets').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0) > 0;
}

/** Customers a batch of deal or activity rows names: exact names, company-name keys, phones, credit codes. */
export async function customersByRef(db: Queryable, keys: { names: string[]; normalizedNames: string[]; phones: string[]; creditCodes: string[] }): Promise<CustomersTable[]> {
  const ors: Expression<SqlBool>[] = [];
  if (keys.names.length) ors.push(sql<SqlBool>`customers.name in (${sql.join(keys.names)})`);
  if (keys.normalizedNames.length) ors.push(sql<SqlBool>`(customers.name_normalized in (${sql.join(keys.normalizedNames)}) and customers.kind = 'company')`);
  if (keys.phones.length) ors.push(sql<SqlBool>`customers.phone_normalized in (${sql.join(keys.phones)})`);
  if (keys.creditCodes.length) ors.push(sql<SqlBool>`customers.credit_code in (${sql.join(keys.creditCodes)})`);
  if (!ors.length) return [];
  return db.selectFrom('customers').selectAll().where('deleted_at', 'is', null).where((eb) => eb.or(ors)).execute() as Promise<CustomersTable[]>;
}

/** Deals of the given customers (the natural key of a deal row is its customer and title). */
export function dealsOfCustomers(db: Queryable, customerIds: string[]) {
  if (!customerIds.length) return Promise.resolve([]);
  return db.selectFrom('deals').selectAll().where('customer_id', 'in', customerIds).execute();
}

/** Activities of the given customers at the given instants (the natural key of an activity row). */
export function activitiesAt(db: Queryable, customerIds: string[], instants: string[]) {
  if (!customerIds.length || !instants.length) return Promise.resolve([]);
  return db.selectFrom('activities').select(['id', 'customer_id', 'type', 'occurred_at', 'summary', 'deal_id', 'owner_id', 'team_path']).where('customer_id', 'in', customerIds).where('occurred_at', 'in', instants).execute();
}

export function dealsByIds(db: Queryable, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('deals').selectAll().where('id', 'in', ids).execute();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['imports', 'team_path']]);
