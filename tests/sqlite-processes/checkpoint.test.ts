/**
 * WAL checkpoints of the server's SQLite connection run in a thread of their own (server/db/checkpointer.ts): the
 * connection that commits never copies the WAL back itself, the thread does, and when the thread stops the
 * connection takes SQLite's automatic checkpoints back.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/index.js';
import type { CheckpointResult } from '../../server/db/checkpointer.js';
import { loadConfig } from '../../server/core/config.js';

const autocheckpoint = async (db: ReturnType<typeof openDatabase>['db']) =>
  Number((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint);

describe('SQLite WAL checkpoints off the request path', () => {
  it('the thread copies committed pages into the database file; the committing connection never does', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'actionflow-ckpt-')), 'af.db');
    const database = openDatabase(`sqlite:${file}`, { backgroundCheckpoint: true });
    const checkpoints: CheckpointResult[] = [];
    // The periodic passes report what they copied, without being asked.
    const periodic = new Promise<CheckpointResult>((resolve) =>
      database.checkpointer!.onCheckpoint((r) => {
        checkpoints.push(r);
        if (r.checkpointed > 0) resolve(r);
      }),
    );
    try {
      expect(await autocheckpoint(database.db)).toBe(0);
      await sql`create table notes (id integer primary key, body text not null)`.execute(database.db);
      const body = 'x'.repeat(1000);
      // ~4 MB in 200 commits: more than SQLite's 1000-page automatic checkpoint would have let the WAL hold.
      for (let t = 0; t < 200; t++) {
        await database.db.transaction().execute(async (trx) => {
          for (let i = 0; i < 20; i++) await sql`insert into notes (body) values (${body})`.execute(trx);
        });
      }
      expect((await periodic).checkpointed).toBeGreaterThan(0);
      // One more pass after the last commit: it finds every frame of the WAL copied.
      const last = await database.checkpointer!.checkpointNow();
      expect(last.checkpointed).toBe(last.log);
      // The ~4 MB of rows are in the database file itself now, before any close: with the connection's automatic
      // checkpoint off, only the thread can have copied them there (the file held one empty table before).
      expect(statSync(file).size).toBeGreaterThan(4_000_000);
      expect(checkpoints.every((r) => r.checkpointed <= r.log)).toBe(true);
      // And a connection that ignores the WAL entirely sees every row.
      const count = await sql<{ n: number }>`select count(*) as n from notes`.execute(database.db);
      expect(Number(count.rows[0]!.n)).toBe(4000);
    } finally {
      await database.close();
    }
    const reopened = openDatabase(`sqlite:${file}`);
    try {
      const count = await sql<{ n: number }>`select count(*) as n from notes`.execute(reopened.db);
      expect(Number(count.rows[0]!.n)).toBe(4000);
      // A handle opened without the option (CLI commands) keeps SQLite's automatic checkpoints.
      expect(await autocheckpoint(reopened.db)).toBe(1000);
      expect(reopened.checkpointer).toBeUndefined();
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('when the thread stops, the connection checkpoints on its own again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'actionflow-ckpt-')), 'af.db');
    const database = openDatabase(`sqlite:${file}`, { backgroundCheckpoint: true });
    try {
      expect(await autocheckpoint(database.db)).toBe(0);
      await database.checkpointer!.stop();
      expect(await autocheckpoint(database.db)).toBe(1000);
    } finally {
      await database.close();
    }
  });

  it('in-memory databases have no WAL and no thread', async () => {
    const database = openDatabase('sqlite::memory:', { backgroundCheckpoint: true });
    expect(database.checkpointer).toBeUndefined();
    await database.close();
  });

  it('the server checkpoints in the background unless ACTIONFLOW_SQLITE_CHECKPOINT=inline', () => {
    expect(loadConfig({}).sqliteCheckpoint).toBe('background');
    expect(loadConfig({ ACTIONFLOW_SQLITE_CHECKPOINT: 'inline' }).sqliteCheckpoint).toBe('inline');
  });
});
