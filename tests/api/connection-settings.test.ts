import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    }
  });
});
