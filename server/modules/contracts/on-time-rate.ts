/**
 * On-time payment rate per customer, for the health score: the amount-weighted share (0..1) of instalments whose
 * effective due date falls in the trailing 365 days (up to `asOf`) that was paid within `graceWorkingDays` working
 * days of it. Money counts on the date it was received (a credit application counts from the day it was applied);
 * reversed money does not count. An instalment still inside its grace window counts only once paid in full. Customers with nothing due in the window are absent from the map.
 */
import { DateTime } from 'luxon';
import type { Db } from '../../db/index.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import { workingDaysAfter } from './due-dates.js';

export async function onTimePaymentRates(db: Db, opts: { asOf: Date; customerIds?: readonly string[]; graceWorkingDays?: number; timeZone?: string }): Promise<Map<string, number>> {
  const calendar = await loadWorkCalendar(db, opts.timeZone);
  const asOf = calendar.localDate(opts.asOf);
  const from = DateTime.fromISO(asOf, { zone: 'UTC' }).minus({ days: 365 }).toISODate()!;
  const grace = opts.graceWorkingDays ?? 0;
  const out = new Map<string, number>();
  if (opts.customerIds && opts.customerIds.length === 0) return out;
  let q = db
    .selectFrom('contract_instalment_terms as t')
    .innerJoin('contracts as c', (j) => j.onRef('c.id', '=', 't.contract_id').onRef('c.plan_version', '=', 't.version'))
    .innerJoin('contract_instalments as i', 'i.id', 't.instalment_id')
    .select(['i.id', 'c.customer_id', 't.amount_fen', 't.due_date', 'i.effective_due_date'])
    .where((eb) => eb.and([eb(eb.fn.coalesce('i.effective_due_date', 't.due_date'), '>', from), eb(eb.fn.coalesce('i.effective_due_date', 't.due_date'), '<=', asOf)]));
  if (opts.customerIds) q = q.where('c.customer_id', 'in', opts.customerIds);
  const lines = await q.execute();
  if (!lines.length) return out;
  const allocations: Array<{ instalment_id: string; amount_fen: number; on_date: string; payment_id: string }> = [];
  for (let i = 0; i < lines.length; i += 500) {
    const ids = lines.slice(i, i + 500).map((l) => l.id);
    allocations.push(...(await db.selectFrom('payment_allocations').select(['instalment_id', 'amount_fen', 'on_date', 'payment_id']).where('instalment_id', 'in', ids).execute()));
  }
  // A reversed payment never counted as on time: drop its allocations and their reversing rows together.
  const paymentIds = [...new Set(allocations.map((a) => a.payment_id))];
  const reversed = new Set<string>();
  for (let i = 0; i < paymentIds.length; i += 500) {
    const rows = await db.selectFrom('payments').select('reverses_id').where('reverses_id', 'in', paymentIds.slice(i, i + 500)).execute();
    rows.forEach((r) => r.reverses_id && reversed.add(r.reverses_id));
  }
  const byLine = new Map<string, typeof allocations>();
  for (const a of allocations) if (!reversed.has(a.payment_id)) byLine.set(a.instalment_id, [...(byLine.get(a.instalment_id) ?? []), a]);
  const due = new Map<string, number>();
  const onTime = new Map<string, number>();
  for (const l of lines) {
    const eff = l.effective_due_date ?? l.due_date;
    const limit = grace > 0 ? workingDaysAfter(calendar, eff, grace) : eff;
    const paid = (byLine.get(l.id) ?? []).filter((a) => a.on_date <= limit && a.on_date <= asOf).reduce((s, a) => s + Number(a.amount_fen), 0);
    const amount = Number(l.amount_fen);
    // Still inside its grace window and not yet paid in full: too early to judge, so it does not count yet.
    if (limit > asOf && paid < amount) continue;
    due.set(l.customer_id, (due.get(l.customer_id) ?? 0) + amount);
    onTime.set(l.customer_id, (onTime.get(l.customer_id) ?? 0) + Math.min(amount, Math.max(0, paid)));
  }
  for (const [customerId, total] of due) if (total > 0) out.set(customerId, (onTime.get(customerId) ?? 0) / total);
  return out;
}
