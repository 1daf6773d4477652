/**
 * The escalation timer of each instalment (`escalate_at`) and its effective due date, recomputed from the current
 * terms, the calendar, the policy, the ledger and undecided claims after every change. A settled or already escalated
 * instalment has no timer; an undecided claim holds it until the claim's pause ends (a rejection ends it at once).
 * When the calendar changes (an admin edit, a provisional year becoming official) unpaid instalments get new
 * effective dates, each change audited; escalations that already fired stay.
 */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Queryable } from '../../db/index.js';
import { effectiveDueDate, escalationInstant } from './due-dates.js';
import { deriveInstalment } from './ledger.js';
import * as repo from './repo.js';
import { loadMoneySettings, type MoneySettings } from './settings.js';

const FAR = '9999-12-31';

/** Recomputes the timers of every current instalment of the contracts; returns the effective-date changes. */
export async function refreshTimers(db: Queryable, calendar: WorkCalendar, settings: MoneySettings, contractIds: readonly string[], opts: { keepSettledDates?: boolean } = {}) {
  const lines = await repo.currentLines(db, contractIds);
  const ids = lines.map((l) => l.id);
  const allocations = await repo.allocationsOfInstalments(db, ids);
  const fired = new Set((await repo.escalationsOf(db, ids)).map((e) => e.instalment_id));
  const claims = (await repo.pendingClaims(db, contractIds)).filter((c) => c.decision === null);
  const changes: Array<{ id: string; contractId: string; before: string | null; after: string }> = [];
  for (const l of lines) {
    let eff = effectiveDueDate(calendar, l.due_date, settings.dueShift);
    const entries = allocations.filter((a) => a.instalment_id === l.id).map((a) => ({ amountFen: Number(a.amount_fen), onDate: a.on_date }));
    const settled = deriveInstalment(Number(l.amount_fen), eff, entries, FAR, settings.toleranceFen).settled;
    // A calendar change re-dates only unpaid instalments: a settled one's date is history (the on-time rate reads it).
    if (settled && opts.keepSettledDates && l.effective_due_date) eff = l.effective_due_date;
    let escalateAt: string | null = null;
    if (!settled && !fired.has(l.id)) {
      let at = escalationInstant(calendar, eff, settings.escalationDays).toISOString();
      for (const c of claims) if ((c.instalment_id === null && c.contract_id === l.contract_id) || c.instalment_id === l.id) if (c.pause_until > at) at = c.pause_until;
      escalateAt = at;
    }
    if (eff !== l.effective_due_date || escalateAt !== l.escalate_at) await repo.setTimers(db, l.id, { effective_due_date: eff, escalate_at: escalateAt });
    if (l.effective_due_date && eff !== l.effective_due_date && !settled) changes.push({ id: l.id, contractId: l.contract_id, before: l.effective_due_date, after: eff });
  }
  return changes;
}

/**
 * After a calendar change: recompute every contract with an unsettled instalment and audit each moved effective due
 * date on its contract. Cheap enough to run per pass of the receivables job: it only writes what changed.
 */
export async function recomputeAfterCalendarChange(db: Queryable, clock: Clock, timeZone: string, reason: string) {
  const calendar = await loadWorkCalendar(db, timeZone);
  const settings = await loadMoneySettings(db);
  // Unsettled instalments are those with a timer and those whose escalation already fired (their timer is gone, but
  // their effective date still moves; the fired escalation stays, refreshTimers never re-arms a fired one).
  const contracts = await db
    .selectFrom('contract_instalments')
    .select('contract_id')
    .distinct()
    .where((eb) => eb.or([eb('escalate_at', 'is not', null), eb('id', 'in', eb.selectFrom('receivable_escalations').select('instalment_id'))]))
    .execute();
  const changes = await refreshTimers(db, calendar, settings, contracts.map((c) => c.contract_id), { keepSettledDates: true });
  for (const c of changes) {
    await commandIn(db, clock, { entity: 'contract', actorId: null }).recorded(c.contractId, 'effective_due_recomputed', { before: { instalmentId: c.id, effectiveDueDate: c.before }, after: { instalmentId: c.id, effectiveDueDate: c.after, reason } });
  }
  return changes;
}
