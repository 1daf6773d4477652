/**
 * The pool sweep on its cron (org time zone), once per slot across processes: the slot's row in `pool_runs` is
 * inserted in the sweep's own transaction, so a second process blocks on the key and then finds it taken. After
 * downtime only the latest missed slot runs (the rules' scheduling pattern, rules/schedule.ts).
 */
import type { Deps } from '../../core/http.js';
import { defineJob, type Pass } from '../../jobs/job.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { latestDueRun } from '../rules/schedule.js';
import { AppError } from '../../core/errors.js';
import type { Queryable } from '../../db/index.js';
import { exclusiveSweep, sweepPool, sweepRunningHere } from './pool.js';
import type { PoolSettings } from './schema.js';
import { loadSettings } from './repo.js';

/** The latest sweep slot due and not run yet, as of the clock. */
async function duePoolSlot(deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const { pool, updatedAt } = await loadSettings(deps.db);
  if (!pool.enabled) return null;
  const { timeZone } = await getCalendarSettings(deps.db, deps.config.timeZone);
  const now = deps.clock.now();
  const last = await deps.db.selectFrom('pool_runs').select((eb) => eb.fn.max('slot').as('slot')).executeTakeFirst();
  // Without history, look one day back so a fresh install sweeps at its first slot instead of waiting for the next.
  const anchor = (last?.slot as string | null) ?? updatedAt ?? new Date(now.getTime() - 86_400_000).toISOString();
  const due = latestDueRun(pool.cron, timeZone, new Date(anchor), now);
  return due ? { slot: due.toISOString(), pool } : null;
}

export async function runPoolSweep(deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'config'>): Promise<number> {
  return (await poolPass(deps)).did;
}

async function poolPass(deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'config'>): Promise<Pass> {
  // Checked before reading anything: on SQLite the running sweep's transaction holds the only connection.
  if (sweepRunningHere(deps.db)) return { did: 0, fired: [] };
  const due = await duePoolSlot(deps);
  if (!due) return { did: 0, fired: [] };
  try {
    // The same lock as the manual sweep: a scheduled sweep never runs beside a manual one (or another process's).
    return await exclusiveSweep(deps.db, deps.dialect, (trx) => sweepSlot(trx, deps, due.slot, due.pool));
  } catch (error) {
    // Someone else is sweeping: the slot stays untaken and the next pass runs it.
    if (error instanceof AppError && error.code === 'SWEEP_RUNNING') return { did: 0, fired: [] };
    throw error;
  }
}

async function sweepSlot(trx: Queryable, deps: Pick<Deps, 'clock'>, slot: string, pool: PoolSettings): Promise<Pass> {
  const now = deps.clock.now();
  {
    const taken = await trx
      .insertInto('pool_runs')
      .values({ slot, started_at: now.toISOString(), returned: 0 })
      .onConflict((oc) => oc.column('slot').doNothing())
      .executeTakeFirst();
    if (Number(taken.numInsertedOrUpdatedRows ?? 0) === 0) return { did: 0, fired: [] };
    const returned = await sweepPool(trx, deps.clock, pool);
    await trx.updateTable('pool_runs').set({ returned }).where('slot', '=', slot).execute();
    return { did: 1, fired: [{ kind: 'pool.sweep', at: slot, returned }] };
  }
}

export const poolJob = defineJob({ name: 'pool', idleIntervalMs: 30_000, pass: poolPass, nextDue: async (deps) => (await duePoolSlot(deps))?.slot ?? null });
