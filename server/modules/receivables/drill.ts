/**
 * The rows behind every ageing figure — figure = drill-down = export. One load (`loadAgeing`: the caller's scope as
 * of a date) and one selector per figure: the instalments of a bucket of a customer / seller / team group (or all),
 * the 90+ instalments behind the over-90 contracts share, the payments of the as-of month behind "collected this
 * month" per seller, and the contracts signed in the DSO window behind DSO's sales. The figures (ageing.ts), the
 * drill-down routes and the .xlsx export (export.ts) all read these selectors, so they cannot disagree.
 */
import { DateTime } from 'luxon';
import { authorize, type AnyActor } from '../../core/policy.js';
import { bucketOf, type Bucket } from '../contracts/ledger.js';
import type { MoneyDeps } from '../contracts/service.js';
import { scopedRows } from './board.js';
import { presentCollected, presentRow, presentSale, type AgeingInstalment, type CollectedRow, type SaleRow } from './presenter.js';
import * as repo from './repo.js';

export type GroupBy = 'customer' | 'seller' | 'team';
/** Which instalments a figure stands for: a group key (or all), a bucket (or all), or `over90`. */
export interface InstalmentFilter {
  groupBy: GroupBy;
  key?: string;
  bucket?: Bucket | 'over90';
}

/** DSO counts the contracts signed in the 90 days up to and including asOf. */
export const DSO_DAYS = 90;

export interface AgeingData {
  asOf: string;
  /** Open instalments (outstanding > 0, not settled) in scope, presented, each with its bucket; most overdue first. */
  open: AgeingInstalment[];
  /** Payments and reversals received from the 1st of asOf's month up to asOf on contracts in scope. */
  collected: CollectedRow[];
  /** Contracts in scope signed in the DSO window. */
  sales: SaleRow[];
  monthFrom: string;
  salesFrom: string;
}

export function keyOf(row: { customer: { id: string; name: string }; owner: { id: string; name: string }; team: { id: string; name: string } }, groupBy: GroupBy) {
  return groupBy === 'customer' ? row.customer : groupBy === 'seller' ? row.owner : row.team;
}

/** Everything the ageing figures are computed from, in the caller's scope; support and others without amounts get 403. */
export async function loadAgeing(deps: MoneyDeps, actor: AnyActor, asOfQuery?: string): Promise<AgeingData> {
  authorize(actor, 'receivable.board');
  const { asOf, rows, contracts, teamOf, escalated } = await scopedRows(deps, actor, asOfQuery);
  const open = rows
    .filter((r) => !r.view.settled && r.view.outstandingFen > 0)
    .sort((a, b) => b.view.daysPastDue - a.view.daysPastDue || a.contract.number.localeCompare(b.contract.number) || a.view.seq - b.view.seq)
    .map((r) => ({ ...presentRow(r, escalated.has(r.view.id)), bucket: bucketOf(r.view.daysPastDue) }));
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const monthFrom = `${asOf.slice(0, 7)}-01`;
  const payments = await repo.paymentsBetween(deps.db, [...byId.keys()], monthFrom, asOf);
  const collected = payments.map((p) => presentCollected(p, byId.get(p.contract_id)!, teamOf(byId.get(p.contract_id)!)));
  const salesFrom = DateTime.fromISO(asOf, { zone: 'UTC' }).minus({ days: DSO_DAYS - 1 }).toISODate()!;
  const sales = contracts
    .filter((c) => c.signed_at >= salesFrom && c.signed_at <= asOf)
    .sort((a, b) => a.signed_at.localeCompare(b.signed_at) || a.number.localeCompare(b.number))
    .map((c) => presentSale(c, teamOf(c)));
  return { asOf, open, collected, sales, monthFrom, salesFrom };
}

/** The instalments behind a bucket figure of a group (or of the totals), or behind the over-90 share (`over90`). */
export function instalmentRows(data: AgeingData, filter: InstalmentFilter): AgeingInstalment[] {
  const bucket = filter.bucket === 'over90' ? 'd90_plus' : filter.bucket;
  return data.open.filter((r) => (!filter.key || keyOf(r, filter.groupBy).id === filter.key) && (!bucket || r.bucket === bucket));
}

/** The payments behind "collected this month" of one seller (or of all sellers in scope). */
export function collectedRows(data: AgeingData, sellerId?: string): CollectedRow[] {
  return data.collected.filter((p) => !sellerId || p.seller.id === sellerId);
}

/** The contracts behind DSO's sales. */
export function salesRows(data: AgeingData): SaleRow[] {
  return data.sales;
}

const sum = (rows: ReadonlyArray<{ amountFen?: number; outstandingFen?: number }>, key: 'amountFen' | 'outstandingFen') => rows.reduce((s, r) => s + (r[key] ?? 0), 0);
export const outstandingOf = (rows: AgeingInstalment[]) => sum(rows, 'outstandingFen');
export const amountOf = (rows: ReadonlyArray<{ amountFen?: number }>) => sum(rows, 'amountFen');

// ---- The drill-down routes ---------------------------------------------------------------------------------------

export async function instalmentsOf(deps: MoneyDeps, actor: AnyActor, query: { asOf?: string } & InstalmentFilter) {
  const data = await loadAgeing(deps, actor, query.asOf);
  return { asOf: data.asOf, items: instalmentRows(data, query) };
}

export async function collectedOf(deps: MoneyDeps, actor: AnyActor, query: { asOf?: string; sellerId?: string }) {
  const data = await loadAgeing(deps, actor, query.asOf);
  return { asOf: data.asOf, from: data.monthFrom, to: data.asOf, sellerId: query.sellerId ?? null, items: collectedRows(data, query.sellerId) };
}

export async function salesOf(deps: MoneyDeps, actor: AnyActor, query: { asOf?: string }) {
  const data = await loadAgeing(deps, actor, query.asOf);
  return { asOf: data.asOf, from: data.salesFrom, to: data.asOf, items: salesRows(data) };
}
