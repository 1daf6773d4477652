/**
 * Backtest: for customers whose orders stopped (last won deal within the last `months`, none in the last
 * `quietDays`), was the customer yellow or red at their last order, and since when? A customer counts as caught
 * early when the yellow/red episode in force at the last order began at least `leadDays` before it — the figure
 * that shows whether the model sees a hospital stop ordering before it happens (the seed's "11 days late").
 */
import type { Clock } from '../../core/clock.js';
import { authorize, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import * as repo from './repo.js';

export interface BacktestOptions {
  months: number;
  leadDays: number;
  quietDays: number;
}

const DAY = 86_400_000;

/** The start of the yellow/red episode in force at `at`, from a customer's snapshots (oldest first). Pure. */
export function flaggedSince(snapshots: ReadonlyArray<{ colour: string; computed_at: string }>, at: string): string | null {
  let since: string | null = null;
  for (const s of snapshots) {
    if (s.computed_at >= at) break;
    if (s.colour === 'yellow' || s.colour === 'red') since ??= s.computed_at;
    else since = null;
  }
  return since;
}

export async function backtest(db: Queryable, clock: Clock, actor: AnyActor, options: BacktestOptions) {
  authorize(actor, 'health.readModel');
  const now = clock.now().getTime();
  const from = new Date(now - options.months * 30 * DAY).toISOString();
  const to = new Date(now - options.quietDays * DAY).toISOString();
  const stopped = await repo.lastOrders(db, from, to);
  const items: Array<{ customerId: string; lastOrderAt: string; flaggedAt: string | null; leadDays: number | null; caught: boolean }> = [];
  for (let i = 0; i < stopped.length; i += 500) {
    const batch = stopped.slice(i, i + 500);
    const snaps = await repo.warningsBefore(db, batch.map((b) => b.customer_id), to);
    const byCustomer = new Map<string, Array<{ colour: string; computed_at: string }>>();
    for (const s of snaps) byCustomer.set(s.customer_id, [...(byCustomer.get(s.customer_id) ?? []), s]);
    for (const b of batch) {
      const lastOrderAt = String(b.last_order);
      // The colour in force at the order includes a change written the same day, so look just past it.
      const flaggedAt = flaggedSince(byCustomer.get(b.customer_id) ?? [], new Date(Date.parse(lastOrderAt) + 1).toISOString());
      const leadDays = flaggedAt ? Math.floor((Date.parse(lastOrderAt) - Date.parse(flaggedAt)) / DAY) : null;
      items.push({ customerId: b.customer_id, lastOrderAt, flaggedAt, leadDays, caught: leadDays !== null && leadDays >= options.leadDays });
    }
  }
  const leads = items.filter((x) => x.leadDays !== null).map((x) => x.leadDays!).sort((a, b) => a - b);
  const caught = items.filter((x) => x.caught).length;
  return {
    ...options,
    customers: items.length,
    flagged: leads.length,
    caughtEarly: caught,
    share: items.length ? Math.round((caught / items.length) * 1000) / 1000 : null,
    medianLeadDays: leads.length ? leads[Math.floor(leads.length / 2)] : null,
    items: items.slice(0, 500),
  };
}
