/**
 * The nightly contact sync (02:30 org time) of every enabled connection with `sync.nightly`, through the shared job
 * registry (replayed by `actionflow tick --at`). Once per slot across processes: the run's row carries the slot and
 * is unique per connection, so a second process finds it taken. After downtime only the latest missed slot runs.
 */
import type { Deps } from '../../core/http.js';
import { defineJob, type Fired } from '../../jobs/job.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { latestDueRun } from '../rules/schedule.js';
import * as repo from './repo.js';
import { runSync } from './sync.js';

export const NIGHTLY_CRON = '30 2 * * *';

async function dueSlots(deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const { timeZone } = await getCalendarSettings(deps.db, deps.config.timeZone);
  const now = deps.clock.now();
  const out = [];
  for (const conn of await repo.listConnections(deps.db)) {
    if (!conn.enabled || !conn.settings.sync?.nightly) continue;
    const last = await repo.lastNightlySlot(deps.db, conn.id);
    const anchor = last?.slot ?? new Date(Math.max(Date.parse(conn.createdAt), now.getTime() - 86_400_000)).toISOString();
    const due = latestDueRun(NIGHTLY_CRON, timeZone, new Date(anchor), now);
    if (due) out.push({ conn, slot: due.toISOString() });
  }
  return out;
}

export const nightlySyncJob = defineJob({
  name: 'platforms.sync',
  idleIntervalMs: 15 * 60_000,
  async pass(deps) {
    const fired: Fired[] = [];
    for (const { conn, slot } of await dueSlots(deps)) {
      const run = await runSync(deps, conn, { dryRun: false, overwrite: false, actorId: null, slot });
      if (run) fired.push({ kind: 'platforms.sync', at: slot, subject: { type: 'platform_connection', id: conn.id }, status: run.status });
    }
    return { did: fired.length, fired };
  },
  async nextDue(deps) {
    const due = await dueSlots(deps);
    return due.length ? due.map((d) => d.slot).sort()[0] : null;
  },
});
