import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/core/config.js';
import { BULK_SQLITE_CACHE_MB, DEFAULT_SQLITE_CACHE_MB, openDatabase } from '../../server/db/index.js';
import { openTestDatabase } from '../support/database.js';

/**
 * What every connection is opened with (db/index.ts). PostgreSQL: no JIT compilation, on every pooled connection
 * (the war-room queries spent longer compiling than running). SQLite: WAL and foreign keys.
 */
describe('connection settings', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.drop());

  it('holds on every connection the pool hands out', async () => {
    if (database.dialect === 'postgres') {
      // Four transactions held open together, so the pool hands out four connections.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let opened = 0;
      const settings = Array.from({ length: 4 }, () =>
        database.db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ jit: string; pid: number }>`select current_setting('jit') as jit, pg_backend_pid() as pid`.execute(trx);
          if (++opened === 4) release();
          await held;
          return rows[0];
        }),
      );
      const rows = await Promise.all(settings);
      expect(new Set(rows.map((r) => r.pid)).size).toBe(4);
      expect(rows.map((r) => r.jit)).toEqual(['off', 'off', 'off', 'off']);
    } else {
      const { rows: fk } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
      expect(fk[0].foreign_keys).toBe(1);
      const { rows: cache } = await sql<{ cache_size: number }>`pragma cache_size`.execute(database.db);
      expect(cache[0].cache_size).toBe(-DEFAULT_SQLITE_CACHE_MB * 1024);
    }
  });

  it('SQLite: the page cache follows ACTIONFLOW_SQLITE_CACHE_MB and refuses a size that is not a positive number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionflow-cache-'));
    const url = `sqlite:${join(dir, 'cache.db')}`;
    const sized = openDatabase(url, { cacheMb: loadConfig({ ACTIONFLOW_SQLITE_CACHE_MB: '16' }).sqliteCacheMb });
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(sized.db);
    expect(rows[0].cache_size).toBe(-16 * 1024);
    await sized.close();
    for (const bad of ['abc', '0', '-5']) {
      expect(() => openDatabase(url, { cacheMb: loadConfig({ ACTIONFLOW_SQLITE_CACHE_MB: bad }).sqliteCacheMb }), bad).toThrow(/ACTIONFLOW_SQLITE_CACHE_MB 须为正数.*must be a positive number/);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('SQLite: exports read through a second, read-only connection with a small cache that sees every committed write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionflow-bulk-'));
    const handle = openDatabase(`sqlite:${join(dir, 'bulk.db')}`);
    await handle.migrate();
    expect(handle.bulk).not.toBe(handle.db);
    const read = () => sql<{ n: number }>`select count(*) as n from teams where name = 'bulk-visible'`.execute(handle.bulk);
    expect((await read()).rows[0].n).toBe(0);
    await sql`insert into teams (id, name, kind, parent_id, path, created_at) values ('t-bulk', 'bulk-visible', 'team', null, '/t-bulk/', '2026-12-02T00:00:00.000Z')`.execute(handle.db);
    expect((await read()).rows[0].n).toBe(1);
    await expect(sql`delete from teams`.execute(handle.bulk)).rejects.toThrow(/readonly/);
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(handle.bulk);
    expect(rows[0].cache_size).toBe(-BULK_SQLITE_CACHE_MB * 1024);
    await handle.close();
    // In memory there is no second connection to the same database: exports read the one there is.
    const memory = openDatabase('sqlite::memory:');
    expect(memory.bulk).toBe(memory.db);
    await memory.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
