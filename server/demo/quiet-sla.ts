/**
 * The demo's SLA backfill, done quietly at load time (issue 15 point 3). Demo deals describe months of history, so
 * their clocks are long past several levels. Left to the worker's first pass, every past level would land in the bell
 * as new: a regional manager's first login met 58 unread notifications. Firing them here keeps everything the engine
 * would have made (firings, interventions, notifications) but files the notifications as already read — the
 * "需要我介入" list is alive on first start and the bell only shows what happens from now on.
 */
import { SqliteAdapter } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Db } from '../db/index.js';
import { loadCalendars } from '../modules/calendar/schedules.js';
import { reconcileTimers } from '../modules/sla/consumer.js';
import { fireDue } from '../modules/sla/fire.js';

export async function backfillSlaQuietly(db: Db, clock: Clock, timeZone: string): Promise<{ fired: number; filed: number }> {
  const dialect = db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
  const calendars = await loadCalendars(db, timeZone);
  const now = clock.now().toISOString();
  await reconcileTimers(db, dialect, calendars, now);
  let fired = 0;
  for (let n = -1; n !== 0; fired += n) n = await fireDue({ db, dialect, clock, calendars }, 5000);
  const filed = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('idempotency_key', 'like', 'sla:%')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { fired, filed: Number(filed.numUpdatedRows) };
}
