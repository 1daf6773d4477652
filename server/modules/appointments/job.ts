/**
 * The no-show detector: every second, mark appointments whose time + 30 min has passed without a check-in, tell the
 * store manager (in-app + the store's robot through the outbox) and emit `appointment.no_show` — all in the
 * transaction that marks the row, so a crash leaves neither a mark without its alert nor an alert without its mark.
 */
import { commandIn } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { defineJob } from '../../jobs/job.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { resolveRecipients } from '../sla/recipients.js';
import * as repo from './repo.js';
import { localDate } from './rules.js';
import { DateTime } from 'luxon';

export interface NoShowMarked {
  id: string;
  dueAt: string;
  markedAt: string;
  managers: string[];
}

/** One pass: marks up to `limit` due appointments; returns what it marked (empty = idle). */
export async function detectNoShows(deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'config'>, limit = 100): Promise<NoShowMarked[]> {
  const { db, dialect, clock, config } = deps;
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const marked = await repo.claimDueNoShows(trx, dialect, now, limit);
    const out: NoShowMarked[] = [];
    for (const a of marked) {
      const row = (await repo.findAppointment(trx, { kind: 'all' }, a.id))!;
      // The store manager: the lead of the store team, else the nearest manager up the tree (the SLA resolution).
      const managers = await resolveRecipients(trx, { id: a.consultant_id, teamPath: a.team_path }, ['owner.lead']);
      const time = DateTime.fromISO(a.at, { zone: config.timeZone }).toFormat('HH:mm');
      for (const userId of managers) {
        await enqueueNotification(trx, clock, {
          idempotencyKey: `appointment-noshow:${a.id}:${userId}`,
          userId,
          title: `未到店：${row.consultant_name} 负责的 ${row.customer_name}（预约 ${time}）`,
          titleEn: `No-show: ${row.customer_name} (booked ${time}, consultant ${row.consultant_name})`,
          body: `${row.store_name}：${row.customer_name}（${row.phone}）预约 ${localDate(new Date(a.at), config.timeZone)} ${time}，超过 30 分钟未签到。请安排回访。`,
          bodyEn: `${row.store_name}: ${row.customer_name} (${row.phone}) booked ${time} and has not checked in 30 minutes later. Arrange a follow-up call.`,
          link: `/appointments?status=no_show&store=${a.store_id}`,
          subject: { type: 'appointment', id: a.id },
        });
      }
      await commandIn(trx, clock, { entity: 'appointment', actorId: null }).recorded(a.id, 'no_show', { before: { status: 'booked' }, after: { status: 'no_show' } }, { type: 'appointment.no_show', payload: { storeId: a.store_id, consultantId: a.consultant_id, customerId: a.customer_id, at: a.at, dueAt: a.no_show_due_at, managers } });
      out.push({ id: a.id, dueAt: a.no_show_due_at, markedAt: now, managers });
    }
    return out;
  });
}

/** Polls every second when idle, so a no-show is marked within about a second of at + 30 min. */
export const noShowJob = defineJob({
  name: 'appointments.no_show',
  idleIntervalMs: 1000,
  replayInBatches: true,
  pass: async (deps) => {
    const marked = await detectNoShows(deps);
    return { did: marked.length, fired: marked.map((m) => ({ kind: 'appointment.no_show', at: m.dueAt, subject: { type: 'appointment', id: m.id }, managers: m.managers })) };
  },
  nextDue: (deps) => repo.earliestNoShowDue(deps.db, deps.clock.now().toISOString()),
  nextWake: (deps) => repo.nextNoShowDue(deps.db, deps.clock.now().toISOString()),
});
