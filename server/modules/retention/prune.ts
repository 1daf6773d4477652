/**
 * Retention: keeps the cost of the history tables bounded. Prunes, in bounded batches, what is older than the
 * retention period AND finished:
 * - events every registered consumer has passed (at or below the lowest watermark; a consumer without a watermark
 *   holds everything), with their consumption rows;
 * - outbox rows delivered (`sent`); dead letters stay for people to look at;
 * - SLA firings of clocks that are no longer running (a running clock's firings are its once-only record).
 */
import { breathe } from '../../core/breathe.js';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/index.js';

const BATCH = 1000;

export interface Pruned {
  events: number;
  consumptions: number;
  outbox: number;
  firings: number;
}

export async function pruneHistory(db: Db, clock: Clock, consumers: readonly string[], retentionDays: number, maxBatches = 50): Promise<Pruned> {
  const cutoff = new Date(clock.now().getTime() - retentionDays * 86_400_000).toISOString();
  const pruned: Pruned = { events: 0, consumptions: 0, outbox: 0, firings: 0 };
  const marks = await db.selectFrom('consumer_watermarks').select(['consumer', 'low_seq']).where('consumer', 'in', consumers.length ? [...consumers] : ['']).execute();
  // Every consumer must have a watermark; the lowest one bounds what may go.
  const safeSeq = consumers.length && marks.length === consumers.length ? Math.min(...marks.map((m) => Number(m.low_seq))) : 0;

  for (let i = 0; i < maxBatches; i++) {
    await breathe();
    const batch = await db.selectFrom('events').select(['seq', 'id']).where('seq', '<=', safeSeq).where('occurred_at', '<', cutoff).orderBy('seq').limit(BATCH).execute();
    if (batch.length === 0) break;
    const ids = batch.map((e) => e.id);
    await db.transaction().execute(async (trx) => {
      pruned.consumptions += Number((await trx.deleteFrom('event_consumptions').where('event_id', 'in', ids).executeTakeFirst()).numDeletedRows);
      pruned.events += Number((await trx.deleteFrom('events').where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
    });
  }
  for (let i = 0; i < maxBatches; i++) {
    await breathe();
    const ids = (await db.selectFrom('outbox').select('id').where('status', '=', 'sent').where('sent_at', '<', cutoff).limit(BATCH).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    pruned.outbox += Number((await db.deleteFrom('outbox').where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
  }
  for (let i = 0; i < maxBatches; i++) {
    await breathe();
    const ids = (
      await db
        .selectFrom('sla_firings')
        .innerJoin('sla_timers', 'sla_timers.id', 'sla_firings.timer_id')
        .select('sla_firings.id')
        .where('sla_firings.fired_at', '<', cutoff)
        .where('sla_timers.status', '!=', 'active')
        .limit(BATCH)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    pruned.firings += Number((await db.deleteFrom('sla_firings').where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
  }
  return pruned;
}
