/**
 * Instalments as the API shows them: the current plan's terms, the effective due date, and paid / outstanding /
 * status / band derived from the allocation ledger as of a date. Also the customer's credit (预收款): the
 * unallocated rest of their live payments.
 */
import type { Queryable } from '../../db/index.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { daysToDue, effectiveDueDate } from './due-dates.js';
import { bandOf, deriveInstalment, type Band, type InstalmentStatus } from './ledger.js';
import * as repo from './repo.js';
import type { MoneySettings } from './settings.js';

export interface InstalmentView {
  id: string;
  contractId: string;
  seq: number;
  dueDate: string;
  effectiveDueDate: string;
  amountFen: number;
  method: string;
  invoiceDate: string | null;
  invoiceStatus: string;
  invoiceNo: string | null;
  paidFen: number;
  outstandingFen: number;
  shortfallFen: number;
  settled: boolean;
  status: InstalmentStatus;
  daysPastDue: number;
  daysToDue: number;
  band: Band;
  escalateAt: string | null;
  /** The latest date money counted towards it (payment received, credit applied), if any. */
  lastPaidOn: string | null;
}

export async function instalmentViews(db: Queryable, calendar: WorkCalendar, settings: MoneySettings, contractIds: readonly string[], asOf: string): Promise<InstalmentView[]> {
  const lines = await repo.currentLines(db, contractIds);
  const allocations = await repo.allocationsOfInstalments(db, lines.map((l) => l.id));
  const byLine = new Map<string, repo.AllocationRow[]>();
  for (const a of allocations) byLine.set(a.instalment_id, [...(byLine.get(a.instalment_id) ?? []), a]);
  return lines.map((l) => viewOf(l, byLine.get(l.id) ?? [], calendar, settings, asOf));
}

export function viewOf(l: repo.LineRow, allocations: readonly repo.AllocationRow[], calendar: WorkCalendar, settings: MoneySettings, asOf: string): InstalmentView {
  const eff = l.effective_due_date ?? effectiveDueDate(calendar, l.due_date, settings.dueShift);
  const entries = allocations.map((a) => ({ amountFen: Number(a.amount_fen), onDate: a.on_date }));
  const d = deriveInstalment(Number(l.amount_fen), eff, entries, asOf, settings.toleranceFen);
  const toDue = daysToDue(calendar, asOf, eff, settings.bandBasis);
  const paidDates = entries.filter((e) => e.amountFen > 0 && e.onDate <= asOf).map((e) => e.onDate).sort();
  return {
    id: l.id,
    contractId: l.contract_id,
    seq: l.seq,
    dueDate: l.due_date,
    effectiveDueDate: eff,
    amountFen: Number(l.amount_fen),
    method: l.method,
    invoiceDate: l.invoice_date,
    invoiceStatus: l.invoice_status,
    invoiceNo: l.invoice_no,
    paidFen: d.paidFen,
    outstandingFen: d.outstandingFen,
    shortfallFen: d.shortfallFen,
    settled: d.settled,
    status: d.status,
    daysPastDue: d.daysPastDue,
    daysToDue: toDue,
    band: bandOf(toDue, d.settled),
    escalateAt: l.escalate_at,
    lastPaidOn: paidDates.at(-1) ?? null,
  };
}

/** Credit per live payment of a customer: its amount minus what is allocated from it (reversals net out). */
export async function customerCredit(db: Queryable, customerId: string): Promise<{ totalFen: number; sources: Array<{ paymentId: string; contractId: string; receivedOn: string; availableFen: number }> }> {
  const payments = await repo.livePaymentsOfCustomer(db, customerId);
  const allocated = new Map<string, number>();
  for (const a of await repo.allocationsOfPayments(db, payments.map((p) => p.id))) allocated.set(a.payment_id, (allocated.get(a.payment_id) ?? 0) + Number(a.amount_fen));
  const sources = payments
    .map((p) => ({ paymentId: p.id, contractId: p.contract_id, receivedOn: p.received_on, availableFen: Number(p.amount_fen) - (allocated.get(p.id) ?? 0) }))
    .filter((s) => s.availableFen > 0);
  return { totalFen: sources.reduce((s, x) => s + x.availableFen, 0), sources };
}
