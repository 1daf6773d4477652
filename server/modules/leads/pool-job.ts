/**
 * The pool sweep on its cron (org time zone), once per slot across processes: the slot's row in `pool_runs` is
 * inserted in the sweep's own transaction, so a second process blocks on the key and then finds it taken. After
 * downtime only the latest missed slot runs (the rules' scheduling pattern, rules/schedule.ts).
 */
import type { Deps } from '../../core/http.js';
import type { Job } from '../../jobs/job.js';
import { AppError } from '../../core/errors.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { latestDueRun } from '../rules/schedule.js';
import { exclusiveSweep, sweepPool } from './pool.js';
import { loadSettings } from './repo.js';

export async function runPoolSweep(deps: Pick<Deps, 'db' | 'clock' | 'config'> & Partial<Pick<Deps, 'dialect'>>): Promise<number> {
  const { pool, updatedAt } = await loadSettings(deps.db);
  if (!pool.enabled) return 0;
  const { timeZone } = await getCalendarSettings(deps.db, deps.config.timeZone);
  const now = deps.clock.now();
  const last = await deps.db.selectFrom('pool_runs').select((eb) => eb.fn.max('slot').as('slot')).executeTakeFirst();
  // Without history, look one day back so a fresh install sweeps at its first slot instead of waiting for the next.
  const anchor = (last?.slot as string | null) ?? updatedAt ?? new Date(now.getTime() - 86_400_000).toISOString();
  const due = latestDueRun(pool.cron, timeZone, new Date(anchor), now);
  if (!due) return 0;
  const slot = due.toISOString();
  return exclusiveSweep(deps.db, deps.dialect, async (trx) => {
    const taken = await trx
      .insertInto('pool_runs')
      .values({ slot, started_at: now.toISOString(), returned: 0 })
      .onConflict((oc) => oc.column('slot').doNothing())
      .executeTakeFirst();
    if (Number(taken.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
    const returned = await sweepPool(trx, deps.clock, pool);
    await trx.updateTable('pool_runs').set({ returned }).where('slot', '=', slot).execute();
    return 1;
  });
}

export const poolJob: Job = {
  name: 'pool',
  idleIntervalMs: 30_000,
  // A manual sweep holding the lock does the same work; the slot is taken on a later tick.
  run: (deps) => runPoolSweep(deps).catch((error: unknown) => (error instanceof AppError && error.code === 'SWEEP_RUNNING' ? 0 : Promise.reject(error))),
};
