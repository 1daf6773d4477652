import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Indexed substring search and index-only board aggregates.
 *
 * Search — SQLite: a trigram FTS5 index (`search_fts`, contentless, rows deletable) over customer names, phones and
 * credit codes, contact names and phones, and deal titles. `search_docs` maps each indexed record to the FTS rowid
 * (FTS rows need integer ids; ours are UUID text) and to the customer it belongs to. Triggers on the three tables
 * keep both in sync, so every write path — services, merges, imports, the demo and bench generators — is covered.
 * PostgreSQL: pg_trgm GIN indexes on the same columns; the index is maintained by PostgreSQL itself.
 *
 * Board: the per-stage count/amount GROUP BY reads only a covering index for each scope shape (all, team subtree,
 * own), and a column's cards come in `updated_at desc, id desc` order straight from an index.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('deals_pipeline_stage').execute();
  await db.schema.createIndex('deals_board_cards').on('deals').columns(['pipeline_id', 'stage_key', 'updated_at', 'id']).execute();
  await db.schema.createIndex('deals_board_totals').on('deals').columns(['pipeline_id', 'stage_key', 'amount_fen']).execute();
  await db.schema.createIndex('deals_board_team').on('deals').columns(['pipeline_id', 'team_path', 'stage_key', 'amount_fen']).execute();
  await db.schema.createIndex('deals_board_owner').on('deals').columns(['owner_id', 'pipeline_id', 'stage_key', 'amount_fen']).execute();
  // The unscoped activity list (directors) is ordered by (occurred_at, created_at, id): walk it instead of sorting.
  await db.schema.createIndex('activities_occurred').on('activities').columns(['occurred_at', 'created_at', 'id']).execute();
  if (dialect === 'postgres') await postgresSearch(db);
  else await sqliteSearch(db);
}

async function postgresSearch(db: Kysely<unknown>) {
  // Database-wide object: several schemas (tests, tenants) share one; concurrent creators may race, the loser finds it.
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  } catch (error) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(db);
    if (!rows[0]?.n) throw error;
  }
  const { rows } = await sql<{ s: string }>`select extnamespace::regnamespace::text as s from pg_extension where extname = 'pg_trgm'`.execute(db);
  const ops = sql`${sql.id(rows[0]!.s)}.gin_trgm_ops`;
  const gin = (name: string, table: string, expr: ReturnType<typeof sql>) =>
    sql`create index ${sql.id(name)} on ${sql.id(table)} using gin (${expr} ${ops})`.execute(db);
  await gin('customers_name_trgm', 'customers', sql`name`);
  await gin('customers_phone_trgm', 'customers', sql`phone_normalized`);
  await gin('customers_credit_code_trgm', 'customers', sql`credit_code`);
  await gin('contacts_name_trgm', 'contacts', sql`name`);
  await gin('contacts_phone_trgm', 'contacts', sql`(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'))`);
  await gin('deals_title_trgm', 'deals', sql`title`);
}

/** Digits of a phone as typed (the separators people use), for matching digit substrings. */
const DIGITS = (col: string) => `replace(replace(replace(replace(replace(replace(coalesce(${col}, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')`;

/** FTS row of one indexed record: (rowid of its search_docs row, name, phone, extra). */
const SOURCES = {
  customer: { table: 'customers', customer: 'new.id', name: 'new.name', phone: "coalesce(new.phone_normalized, '')", extra: "coalesce(new.credit_code, '')", live: 'new.deleted_at is null', watch: 'name, phone_normalized, credit_code, deleted_at' },
  contact: { table: 'contacts', customer: 'new.customer_id', name: 'new.name', phone: DIGITS('new.phone'), extra: "''", live: '1', watch: 'name, phone, customer_id' },
  deal: { table: 'deals', customer: 'new.customer_id', name: 'new.title', phone: "''", extra: "''", live: '1', watch: 'title, customer_id' },
} as const;

async function sqliteSearch(db: Kysely<unknown>) {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`create table search_docs (id integer primary key, entity text not null, ref text not null, customer_ref text not null)`);
  await run(`create unique index search_docs_ref on search_docs (entity, ref)`);
  await run(`create index search_docs_customer on search_docs (customer_ref)`);
  await run(`create virtual table search_fts using fts5(name, phone, extra, content='', contentless_delete=1, tokenize='trigram')`);
  for (const [entity, s] of Object.entries(SOURCES)) {
    const doc = (ref: string) => `(select id from search_docs where entity = '${entity}' and ref = ${ref})`;
    const index = `insert into search_fts (rowid, name, phone, extra) select ${doc('new.id')}, ${s.name}, ${s.phone}, ${s.extra} where ${s.live};`;
    await run(`create trigger ${s.table}_search_insert after insert on ${s.table} begin
      insert into search_docs (entity, ref, customer_ref) values ('${entity}', new.id, ${s.customer});
      ${index}
    end`);
    await run(`create trigger ${s.table}_search_update after update of ${s.watch} on ${s.table} begin
      delete from search_fts where rowid = ${doc('old.id')};
      update search_docs set customer_ref = ${s.customer} where entity = '${entity}' and ref = old.id;
      ${index}
    end`);
    await run(`create trigger ${s.table}_search_delete after delete on ${s.table} begin
      delete from search_fts where rowid = ${doc('old.id')};
      delete from search_docs where entity = '${entity}' and ref = old.id;
    end`);
    const row = (col: string) => col.replaceAll('new.', 's.');
    await run(`insert into search_docs (entity, ref, customer_ref) select '${entity}', s.id, ${row(s.customer)} from ${s.table} s`);
    await run(`insert into search_fts (rowid, name, phone, extra)
      select d.id, ${row(s.name)}, ${row(s.phone)}, ${row(s.extra)} from ${s.table} s join search_docs d on d.entity = '${entity}' and d.ref = s.id
      where ${row(s.live)}`);
  }
}
