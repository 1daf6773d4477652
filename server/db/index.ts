import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { migrationsFor } from './migrations/index.js';
import { rehearsalDialect } from './rehearsal.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything that can run queries: the database itself or an open transaction. */
export type Queryable = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  /**
   * Where long read-only walks run (list and dashboard exports). SQLite: a second, read-only connection with a small
   * page cache (`BULK_SQLITE_CACHE_MB`), so a 100,000-row export neither fills the main connection's cache with pages
   * nobody reads again (evicting what the dashboards and lists keep hot) nor grows the process by it — the same reason
   * PostgreSQL reads a large sequential scan through a small ring of buffers. An in-memory SQLite database and
   * PostgreSQL (its own pool) use `db`.
   */
  bulk: Db;
  dialect: Dialect;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  /**
   * A second handle on the same database where nothing is ever committed: everything it does is rolled back when it
   * is destroyed (`tick --dry-run`); see rehearsal.ts. Destroy it before using this handle again on SQLite.
   */
  rehearse(): Db;
}

// int8 (bigint) comes back as text by default; our bigints are money in fen and sizes, well inside 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); tests give each file its own. */
  schema?: string;
  poolSize?: number;
  /** SQLite: how long a writer waits for another process's write lock. */
  busyTimeoutMs?: number;
  /** SQLite: the page cache of the connection, in MB (`ACTIONFLOW_SQLITE_CACHE_MB`). */
  cacheMb?: number;
}

/**
 * SQLite's own default page cache is 2 MB: over a database of a few GB every page a dashboard query touches came from
 * the OS again. 64 MB keeps the indexes a team lead's dashboard walks (its deals, their stays) between requests — a
 * lead's funnel 245 → 146 ms, loss matrix 250 → 147 ms at 300,000 deals — and is filled only as far as the database
 * is large, so a small team's server does not grow by it.
 */
export const DEFAULT_SQLITE_CACHE_MB = 64;
export const BULK_SQLITE_CACHE_MB = 2;

/**
 * SQLite write transactions take the write lock when they begin (`BEGIN IMMEDIATE`), waiting up to busy_timeout.
 * A deferred transaction that reads first and writes later cannot wait: when another process (the server beside a
 * CLI command) wrote in between, SQLite answers SQLITE_BUSY at once, whatever the timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * The better-sqlite3 handle as Kysely sees it, with prepared statements kept per SQL text: Kysely prepares every query
 * afresh, which costs as much as running a small indexed query. Safe to share: Kysely runs one query at a time on the
 * connection, and a statement is reset before each run.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (text: string) => {
    let stmt = cache.get(text);
    if (stmt) {
      // Most recently used last, so the first key is the one to drop.
      cache.delete(text);
    } else {
      stmt = sqlite.prepare(text);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(text, stmt);
    return stmt;
  };
  return new Proxy(sqlite, {
    get: (target, prop) => {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, target);
      // Native methods check their receiver: call them on the real handle, not the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/** Opens `sqlite:<file>` / `sqlite::memory:` or `postgres://…`. */
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // No JIT compilation: it is chosen by estimated cost, and for the war-room queries (a few hundred thousand rows) it
    // compiled for 0.9 s to run 0.6 s — a director's funnel 1.5 s with it, 0.6 s without. Set per connection, as the
    // URL's own `options` would override a startup option.
    pool.on('connect', (client) => void client.query('set jit = off').catch(() => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      bulk: db,
      dialect: 'postgres',
      migrate: async () => {
        if (options.schema) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
        // Kysely looks for its bookkeeping tables in every schema; pin them to ours (search_path may come from the URL).
        const schema = options.schema ?? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
        return runMigrations(db, 'postgres', schema);
      },
      close: () => db.destroy(),
      rehearse: () => new Kysely<Database>({ dialect: rehearsalDialect(new PostgresDialect({ pool }), 'begin') }),
    };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // A CLI command beside a running server waits for the write lock instead of failing with "database is locked".
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30_000}`);
    const cacheMb = options.cacheMb ?? DEFAULT_SQLITE_CACHE_MB;
    if (!Number.isFinite(cacheMb) || cacheMb <= 0) {
      sqlite.close();
      throw new Error(`ACTIONFLOW_SQLITE_CACHE_MB 须为正数（单位 MB），收到 "${options.cacheMb}" / must be a positive number of MB, got "${options.cacheMb}"`);
    }
    // Negative: a size in KiB rather than in pages.
    sqlite.pragma(`cache_size = ${-Math.round(cacheMb * 1024)}`);
    // Planner statistics for the indexes added over time (board, search): analyses only tables that need it, bounded.
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
    const cached = withStatementCache(sqlite);
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: cached }) });
    // Opened when first asked for: the HTTP app asks as it is built (after migrations made the file); CLI commands never do.
    let bulk: Db | null = null;
    const bulkDb = () => {
      if (!bulk) {
        const reader = new SQLite(file, { readonly: true, fileMustExist: true });
        reader.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30_000}`);
        reader.pragma(`cache_size = ${-BULK_SQLITE_CACHE_MB * 1024}`);
        bulk = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(reader) }) });
      }
      return bulk;
    };
    return {
      db,
      get bulk() {
        return file === ':memory:' ? db : bulkDb();
      },
      dialect: 'sqlite',
      migrate: () => runMigrations(db, 'sqlite'),
      close: async () => {
        await bulk?.destroy();
        await db.destroy();
      },
      rehearse: () => new Kysely<Database>({ dialect: rehearsalDialect(new ImmediateSqliteDialect({ database: cached }), 'begin immediate') }),
    };
  }
  throw new Error(`Unsupported DATABASE_URL "${url}": use sqlite:<file> or postgres://…`);
}

async function runMigrations(db: Db, dialect: Dialect, schema?: string): Promise<string[]> {
  const migrations = migrationsFor(dialect);
  // The bookkeeping tables live in the same schema as the data, so several schemas on one server never mix.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    // Kysely's PostgreSQL introspection reads the catalog of every schema; a schema dropped by another tenant at that
    // moment (3F000, not ours) fails the lookup before any migration ran, so trying again is safe.
    if (error && attempt < 5 && isOtherSchemaVanished(error, schema)) continue;
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }
}

function isOtherSchemaVanished(error: unknown, schema: string | undefined): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '3F000' && typeof message === 'string' && (!schema || !message.includes(`"${schema}"`));
}
