import type { Queryable } from '../../db/index.js';
import type { DictionaryEntriesTable } from '../../db/schema-dictionaries.js';

export type DictionaryRow = DictionaryEntriesTable;

export function listEntries(db: Queryable, kind: string | undefined, includeInactive: boolean) {
  let q = db.selectFrom('dictionary_entries').selectAll();
  if (kind) q = q.where('kind', '=', kind);
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('kind').orderBy('sort').orderBy('key').execute();
}

export function findEntry(db: Queryable, id: string) {
  return db.selectFrom('dictionary_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByKey(db: Queryable, kind: string, key: string) {
  return db.selectFrom('dictionary_entries').selectAll().where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
}

export async function maxSort(db: Queryable, kind: string): Promise<number> {
  const row = await db.selectFrom('dictionary_entries').select((eb) => eb.fn.max<number>('sort').as('m')).where('kind', '=', kind).executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function insertEntry(db: Queryable, row: DictionaryRow) {
  await db.insertInto('dictionary_entries').values(row).execute();
}

export async function updateEntry(db: Queryable, id: string, set: Partial<DictionaryRow>) {
  await db.updateTable('dictionary_entries').set(set).where('id', '=', id).execute();
}

export function getDealSettings(db: Queryable) {
  return db.selectFrom('deal_settings').selectAll().where('id', '=', 'org').executeTakeFirst();
}

export async function putDealSettings(db: Queryable, values: { lost_confirm_above_fen: number | null; updated_by: string | null; updated_at: string }) {
  await db
    .insertInto('deal_settings')
    .values({ id: 'org', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
