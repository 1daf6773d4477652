/**
 * Ageing as of any date: the outstanding of every unsettled instalment (money dated on or before the date) in buckets
 * current / 1–30 / 31–60 / 61–90 / 90+ days past the effective due date, grouped by customer, seller or team; the
 * share of contracts with any balance more than 90 days overdue (the seeds' KPI), collected this month per seller
 * and DSO. Every figure drills down to its instalments (`instalmentsOf`) and exports to .xlsx from the same rows.
 */
import { DateTime } from 'luxon';
import { authorize, type AnyActor } from '../../core/policy.js';
import { bucketOf, type Bucket } from '../contracts/ledger.js';
import type { MoneyDeps } from '../contracts/service.js';
import { scopedRows } from './board.js';
import { presentRow, type ScopedRow } from './presenter.js';
import * as repo from './repo.js';

export type GroupBy = 'customer' | 'seller' | 'team';
function keyOf(r: ScopedRow, groupBy: GroupBy): { key: string; name: string } {
  if (groupBy === 'customer') return { key: r.contract.customer_id, name: r.contract.customer_name };
  if (groupBy === 'seller') return { key: r.contract.owner_id, name: r.contract.owner_name };
  return { key: r.teamId, name: r.teamName };
}

const emptyBuckets = () => ({ current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, totalFen: 0 });

async function openRows(deps: MoneyDeps, actor: AnyActor, asOf?: string) {
  authorize(actor, 'receivable.board');
  const scoped = await scopedRows(deps, actor, asOf);
  return { ...scoped, open: scoped.rows.filter((r) => !r.view.settled && r.view.outstandingFen > 0) };
}

export async function ageing(deps: MoneyDeps, actor: AnyActor, query: { asOf?: string; groupBy: GroupBy }) {
  const { asOf, rows, open } = await openRows(deps, actor, query.asOf);
  const groups = new Map<string, ReturnType<typeof emptyBuckets> & { key: string; name: string; contractIds: Set<string>; over90Ids: Set<string> }>();
  const totals = emptyBuckets();
  for (const r of open) {
    const { key, name } = keyOf(r, query.groupBy);
    const g = groups.get(key) ?? { key, name, ...emptyBuckets(), contractIds: new Set<string>(), over90Ids: new Set<string>() };
    const bucket = bucketOf(r.view.daysPastDue);
    g[bucket] += r.view.outstandingFen;
    g.totalFen += r.view.outstandingFen;
    totals[bucket] += r.view.outstandingFen;
    totals.totalFen += r.view.outstandingFen;
    g.contractIds.add(r.contract.id);
    if (bucket === 'd90_plus') g.over90Ids.add(r.contract.id);
    groups.set(key, g);
  }
  const withBalance = new Set(open.map((r) => r.contract.id));
  const over90 = new Set(open.filter((r) => bucketOf(r.view.daysPastDue) === 'd90_plus').map((r) => r.contract.id));
  // Collected this month: payments received from the 1st up to asOf, net of reversals, by the contract's seller.
  const contracts = new Map(rows.map((r) => [r.contract.id, r.contract]));
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const collected = new Map<string, { id: string; name: string; fen: number }>();
  for (const p of await repo.paymentsBetween(deps.db, [...contracts.keys()], monthStart, asOf)) {
    const c = contracts.get(p.contract_id)!;
    const entry = collected.get(c.owner_id) ?? { id: c.owner_id, name: c.owner_name, fen: 0 };
    entry.fen += (p.kind === 'reversal' ? -1 : 1) * Number(p.amount_fen);
    collected.set(c.owner_id, entry);
  }
  const from = DateTime.fromISO(asOf, { zone: 'UTC' }).minus({ days: 90 }).toISODate()!;
  const salesFen = [...contracts.values()].filter((c) => c.signed_at > from).reduce((s, c) => s + Number(c.amount_fen), 0);
  return {
    asOf,
    groupBy: query.groupBy,
    groups: [...groups.values()]
      .sort((a, b) => b.totalFen - a.totalFen || a.name.localeCompare(b.name))
      .map(({ contractIds, over90Ids, ...g }) => ({ ...g, contracts: contractIds.size, contractsOver90: over90Ids.size })),
    totals,
    over90: { contracts: withBalance.size, over90: over90.size, share: withBalance.size ? over90.size / withBalance.size : null },
    collectedThisMonth: [...collected.values()].sort((a, b) => b.fen - a.fen).map((c) => ({ seller: { id: c.id, name: c.name }, collectedFen: c.fen })),
    dso: { receivablesFen: totals.totalFen, salesFen, days: 90, dso: salesFen > 0 ? Math.round((totals.totalFen / salesFen) * 90 * 10) / 10 : null },
  };
}

/** The instalments behind one figure: a group (or all), a bucket (or all), or `over90` contracts. */
export async function instalmentsOf(deps: MoneyDeps, actor: AnyActor, query: { asOf?: string; groupBy: GroupBy; key?: string; bucket?: Bucket | 'over90' }) {
  const { asOf, open, escalated } = await openRows(deps, actor, query.asOf);
  let picked = open.filter((r) => !query.key || keyOf(r, query.groupBy).key === query.key);
  if (query.bucket === 'over90') {
    const contracts = new Set(picked.filter((r) => bucketOf(r.view.daysPastDue) === 'd90_plus').map((r) => r.contract.id));
    picked = picked.filter((r) => contracts.has(r.contract.id) && bucketOf(r.view.daysPastDue) === 'd90_plus');
  } else if (query.bucket) picked = picked.filter((r) => bucketOf(r.view.daysPastDue) === query.bucket);
  picked.sort((a, b) => b.view.daysPastDue - a.view.daysPastDue || a.contract.number.localeCompare(b.contract.number));
  return { asOf, items: picked.map((r) => ({ ...presentRow(r, escalated.has(r.view.id)), bucket: bucketOf(r.view.daysPastDue) })) };
}
