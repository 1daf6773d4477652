import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { migrationsFor } from './migrations/index.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything that can run queries: the database itself or an open transaction. */
export type Queryable = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

// int8 (bigint) comes back as text by default; our bigints are money in fen and sizes, well inside 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); tests give each file its own. */
  schema?: string;
  poolSize?: number;
}

/** Opens `sqlite:<file>` / `sqlite::memory:` or `postgres://…`. */
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      migrate: async () => {
        if (options.schema) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
        // Kysely looks for its bookkeeping tables in every schema; pin them to ours (search_path may come from the URL).
        const schema = options.schema ?? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
        return runMigrations(db, 'postgres', schema);
      },
      close: () => db.destroy(),
    };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Planner statistics for the indexes added over time (board, search): analyses only tables that need it, bounded.
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: 'sqlite', migrate: () => runMigrations(db, 'sqlite'), close: () => db.destroy() };
  }
  throw new Error(`Unsupported DATABASE_URL "${url}": use sqlite:<file> or postgres://…`);
}

async function runMigrations(db: Db, dialect: Dialect, schema?: string): Promise<string[]> {
  const migrations = migrationsFor(dialect);
  // The bookkeeping tables live in the same schema as the data, so several schemas on one server never mix.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
