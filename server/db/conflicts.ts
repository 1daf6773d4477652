/**
 * Transactions PostgreSQL may abort because another one holds what they need in the opposite order. A use case that
 * writes many deals one statement at a time (a hand-over moves each customer, deal and task in turn) holds the
 * board counters (`deal_stage_totals`) of its earlier statements while a later one waits, so it can meet another
 * writer of the same sellers' counters going the other way; PostgreSQL then aborts one of the two ("deadlock
 * detected", SQLSTATE 40P01). Nothing of the victim is written, so running it again is safe — provided its work keeps
 * all its state inside the transaction, which is what a caller of `transactionWithRetry` promises. SQLite takes its
 * write lock at BEGIN IMMEDIATE and never aborts a transaction this way.
 */
import type { Db, Tx } from './index.js';

/** deadlock_detected, serialization_failure. */
const CONFLICTS = new Set(['40P01', '40001']);

export const CONFLICT_ATTEMPTS = 3;

export function isConflictAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && CONFLICTS.has(String((error as { code?: unknown }).code));
}

/**
 * A write that lost to another writer and left nothing behind: a PostgreSQL conflict abort, or SQLite still locked
 * after its busy timeout. The caller may send the same request again; the API answers 409 with Retry-After.
 */
export function isWriteConflict(error: unknown): boolean {
  if (isConflictAbort(error)) return true;
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_');
}

/** One transaction, run again (at most `CONFLICT_ATTEMPTS` times in all) when PostgreSQL aborts it as a conflict's victim. */
export async function transactionWithRetry<T>(db: Db, work: (trx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= CONFLICT_ATTEMPTS || !isConflictAbort(error)) throw error;
    }
  }
}
