import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.js';
import { isConflictAbort, isWriteConflict, transactionWithRetry } from '../../server/db/conflicts.js';
import type { Db, Tx } from '../../server/db/index.js';
import { buildOrg, type TestOrg } from '../support/factories.js';
import { openTestDatabase } from '../support/database.js';

/**
 * db/conflicts.ts: two transactions that take the same two rows in opposite orders. On PostgreSQL one of them is
 * aborted as a deadlock's victim; run through `transactionWithRetry` the victim runs again and both land. On SQLite
 * the write lock taken at BEGIN serialises them, so the same pair simply runs one after the other.
 */
describe('transactions aborted by a conflict run again', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let org: TestOrg;
  const clock = new ManualClock('2026-11-02T01:00:00.000Z');

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await buildOrg(database.db, clock);
  });
  afterAll(async () => database.drop());

  const rename = (trx: Tx, id: string, name: string) => trx.updateTable('users').set({ display_name: name }).where('id', '=', id).execute();
  const names = async () => (await database.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [org.users.sellerA.id, org.users.sellerB.id]).execute()).map((u) => u.display_name).sort();

  /** Two writers, each renaming both users, in opposite orders; on PostgreSQL each waits for the other's first row. */
  function crossedPair(run: (db: Db, work: (trx: Tx) => Promise<void>) => Promise<void>, tag: string) {
    const a = org.users.sellerA.id;
    const b = org.users.sellerB.id;
    const interleave = database.dialect === 'postgres';
    let releaseFirst!: () => void;
    let releaseSecond!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    const secondHolds = new Promise<void>((resolve) => (releaseSecond = resolve));
    const attempts = { first: 0, second: 0 };
    const first = run(database.db, async (trx) => {
      attempts.first++;
      await rename(trx, a, `${tag} first`);
      releaseFirst();
      if (interleave && attempts.first === 1) await secondHolds;
      await rename(trx, b, `${tag} first`);
    });
    const second = run(database.db, async (trx) => {
      attempts.second++;
      await rename(trx, b, `${tag} second`);
      releaseSecond();
      if (interleave && attempts.second === 1) await firstHolds;
      await rename(trx, a, `${tag} second`);
    });
    return { results: Promise.allSettled([first, second]), attempts };
  }

  it('without the retry, PostgreSQL aborts one of two crossed transactions as a deadlock (the case the retry is for)', async () => {
    const { results, attempts } = crossedPair((db, work) => db.transaction().execute(work), 'plain');
    const settled = await results;
    if (database.dialect === 'postgres') {
      const failed = settled.filter((r) => r.status === 'rejected');
      expect(failed).toHaveLength(1);
      expect(isConflictAbort((failed[0] as PromiseRejectedResult).reason)).toBe(true);
      // …which the API answers as 409 write_conflict, not 500 (tests/sqlite-processes/write-conflict.test.ts).
      expect(isWriteConflict((failed[0] as PromiseRejectedResult).reason)).toBe(true);
    } else {
      expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    }
    expect(attempts).toEqual({ first: 1, second: 1 });
  });

  it('with the retry, both land: the victim ran twice and wrote last', async () => {
    const { results, attempts } = crossedPair(transactionWithRetry, 'retried');
    expect((await results).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const all = await names();
    if (database.dialect === 'postgres') {
      expect(attempts.first + attempts.second).toBe(3);
      // The victim committed after the other, so both rows carry its name.
      const victim = attempts.first === 2 ? 'first' : 'second';
      expect(all).toEqual([`retried ${victim}`, `retried ${victim}`]);
    } else {
      expect(attempts).toEqual({ first: 1, second: 1 });
      expect(all).toEqual(['retried second', 'retried second']);
    }
  });

  it('does not run again what failed for another reason', async () => {
    let runs = 0;
    await expect(
      transactionWithRetry(database.db, async () => {
        runs++;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(runs).toBe(1);
  });
});
