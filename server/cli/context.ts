import { loadConfig, type AppConfig } from '../core/config.js';
import { configureSecrets } from '../core/secrets.js';
import { AppError, fieldMessage } from '../core/errors.js';
import type { DatabaseHandle } from '../db/index.js';
import { DEMO_LOGINS } from '../demo/org.js';

/** Thrown by commands for a clean "message + exit code" ending without a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Opens the configured database (DATABASE_URL or the SQLite file under ./data) and brings its schema up to date. */
export async function openConfigured(config: AppConfig = loadConfig()): Promise<{ config: AppConfig; database: DatabaseHandle }> {
  // Loaded on demand: `pipeline validate` and `--help` should not pay for database drivers.
  const { openDatabase } = await import('../db/index.js');
  // Every command that touches data runs with the same modules and hooks as the HTTP app and the worker.
  const { composeModules } = await import('../modules/index.js');
  composeModules();
  configureSecrets(config);
  const database = openDatabase(config.databaseUrl, { cacheMb: config.sqliteCacheMb });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database };
}

/** Runs `fn` with a migrated database and always closes it, so one-shot commands let the process exit. */
export async function withDatabase<T>(fn: (database: DatabaseHandle, config: AppConfig) => Promise<T>): Promise<T> {
  const { config, database } = await openConfigured();
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** Where the data lives, without the password of a PostgreSQL URL. */
export function describeDatabase(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Terminal columns: CJK characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The demo accounts that exist in this database, as a table; empty when the demo company is not loaded. */
export async function demoLoginsTable(database: DatabaseHandle): Promise<string> {
  const present = new Set(
    (await database.db.selectFrom('users').select('username').where('username', 'in', DEMO_LOGINS.map((l) => l.username)).execute()).map((u) => u.username),
  );
  const rows = DEMO_LOGINS.filter((l) => present.has(l.username)).map((l) => [l.username, l.password, l.role, l.team]);
  if (rows.length === 0) return '';
  return `Demo logins 演示账号 (all share the password ${DEMO_LOGINS[0].password}):\n${table(['username', 'password', 'role', 'team'], rows)}`;
}

/** Prints an error the way a person at a terminal wants it: message, then one line per field. */
export function reportError(error: unknown): number {
  if (error instanceof CliError) {
    console.error(`error: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    console.error(`error: ${error.message}`);
    for (const f of error.fields ?? []) console.error(`  ${f.field}: ${fieldMessage(f, 'en')}`);
    return 1;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 1;
}
