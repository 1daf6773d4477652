/**
 * The allocation ledger, pure: plans that sum exactly, equal splits (remainder fen to the last instalment), FIFO
 * allocation by effective due date, and the derived state of an instalment (paid, outstanding, status) from its
 * allocations as of a date. Payments and allocations are facts; nothing here is stored.
 */

export const METHODS = ['wire', 'bank_acceptance', 'commercial_acceptance', 'letter_of_credit', 'cash', 'other'] as const;
export type Method = (typeof METHODS)[number];
export const METHOD_NAMES: Record<Method, { zh: string; en: string }> = {
  wire: { zh: '电汇', en: 'Wire transfer' },
  bank_acceptance: { zh: '银行承兑汇票', en: 'Bank acceptance bill' },
  commercial_acceptance: { zh: '商业承兑汇票', en: 'Commercial acceptance bill' },
  letter_of_credit: { zh: '信用证', en: 'Letter of credit' },
  cash: { zh: '现金', en: 'Cash' },
  other: { zh: '其他', en: 'Other' },
};

export type InstalmentStatus = 'open' | 'partially_paid' | 'paid' | 'overdue';

/** Contract amount minus the plan's sum: 0 when the plan is exact; positive = the plan is short. */
export function planDifference(totalFen: number, amounts: readonly number[]): number {
  return totalFen - amounts.reduce((s, a) => s + a, 0);
}

/** N equal parts in fen; the remainder goes to the last part so the parts sum exactly. */
export function splitEqually(totalFen: number, parts: number): number[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const base = Math.floor(totalFen / parts);
  const out = Array.from({ length: parts }, () => base);
  out[parts - 1] += totalFen - base * parts;
  return out;
}

/** Adds whole months to a YYYY-MM-DD date, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface OpenLine {
  id: string;
  effectiveDueDate: string;
  seq: number;
  outstandingFen: number;
}

export interface Allocation {
  instalmentId: string;
  amountFen: number;
}

/** FIFO: the oldest effective due date first (plan order on a tie); what is left over is the customer's credit. */
export function allocateFifo(amountFen: number, open: readonly OpenLine[]): { allocations: Allocation[]; restFen: number } {
  const lines = [...open].filter((l) => l.outstandingFen > 0).sort((a, b) => a.effectiveDueDate.localeCompare(b.effectiveDueDate) || a.seq - b.seq);
  const allocations: Allocation[] = [];
  let rest = amountFen;
  for (const line of lines) {
    if (rest <= 0) break;
    const take = Math.min(rest, line.outstandingFen);
    allocations.push({ instalmentId: line.id, amountFen: take });
    rest -= take;
  }
  return { allocations, restFen: rest };
}

export interface LedgerEntry {
  amountFen: number;
  /** The date the money counts from: the payment's received date, a credit application's date, a reversal's date. */
  onDate: string;
}

export interface DerivedInstalment {
  paidFen: number;
  outstandingFen: number;
  /** A remainder within tolerance that closed the instalment ("短款 ¥50 待核销"); 0 otherwise. */
  shortfallFen: number;
  /** Paid, or short by no more than the tolerance: nothing to chase. */
  settled: boolean;
  status: InstalmentStatus;
  /** Calendar days past the effective due date as of `asOf` (0 when not yet due). */
  daysPastDue: number;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Derives an instalment's state as of a date from the allocation entries dated on or before it. Overdue = due
 * before `asOf` and not settled; the tolerance closes an instalment only once some money came in.
 */
export function deriveInstalment(amountFen: number, effectiveDueDate: string, entries: readonly LedgerEntry[], asOf: string, toleranceFen: number): DerivedInstalment {
  const paidFen = entries.filter((e) => e.onDate <= asOf).reduce((s, e) => s + e.amountFen, 0);
  const outstandingFen = Math.max(0, amountFen - paidFen);
  const short = outstandingFen > 0 && paidFen > 0 && outstandingFen <= toleranceFen;
  const settled = outstandingFen === 0 || short;
  const late = daysBetween(effectiveDueDate, asOf);
  let status: InstalmentStatus;
  if (settled) status = 'paid';
  else if (late > 0) status = 'overdue';
  else status = paidFen > 0 ? 'partially_paid' : 'open';
  return { paidFen, outstandingFen, shortfallFen: short ? outstandingFen : 0, settled, status, daysPastDue: settled ? 0 : Math.max(0, late) };
}

export type Band = 'red' | 'yellow' | 'normal';

/** The countdown bands of the seeds: ≤ 3 days red (overdue included), 4–7 yellow, ≥ 8 normal; settled is normal. */
export function bandOf(daysToDue: number, settled: boolean): Band {
  if (settled) return 'normal';
  if (daysToDue <= 3) return 'red';
  if (daysToDue <= 7) return 'yellow';
  return 'normal';
}

/** Ageing buckets by days past the effective due date. */
export const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type Bucket = (typeof BUCKETS)[number];
export function bucketOf(daysPastDue: number): Bucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'd1_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'd90_plus';
}

/** "¥1,234.56" for texts (notes, work-order titles). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}
