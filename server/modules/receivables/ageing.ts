/**
 * Ageing as of any date: the outstanding of every unsettled instalment (money dated on or before the date) in buckets
 * current / 1–30 / 31–60 / 61–90 / 90+ days past the effective due date, grouped by customer, seller or team; the
 * share of contracts with any balance more than 90 days overdue (the seeds' KPI), collected this month per seller
 * and DSO. Every figure is computed here from the rows drill.ts selects, which are also what its drill-down route
 * answers and what the .xlsx export writes (figure = drill-down = export).
 */
import type { AnyActor } from '../../core/policy.js';
import type { MoneyDeps } from '../contracts/service.js';
import { DSO_DAYS, amountOf, collectedRows, instalmentRows, keyOf, loadAgeing, salesRows, type AgeingData, type GroupBy } from './drill.js';
import type { AgeingInstalment } from './presenter.js';

export type { GroupBy } from './drill.js';

const emptyBuckets = () => ({ current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, totalFen: 0 });
const contractsOf = (rows: ReadonlyArray<{ contract: { id: string } }>) => new Set(rows.map((r) => r.contract.id)).size;

/** The ageing figures of already loaded data (the export prints the same object). */
export function ageingFigures(data: AgeingData, groupBy: GroupBy) {
  const all = instalmentRows(data, { groupBy });
  // One pass over the same rows instalmentRows(data, { groupBy, key, bucket }) filters (tests hold them equal).
  const groups = new Map<string, ReturnType<typeof emptyBuckets> & { key: string; name: string; rows: AgeingInstalment[] }>();
  const totals = emptyBuckets();
  for (const r of all) {
    const { id, name } = keyOf(r, groupBy);
    const g = groups.get(id) ?? { key: id, name, ...emptyBuckets(), rows: [] };
    const fen = r.outstandingFen ?? 0;
    g[r.bucket] += fen;
    g.totalFen += fen;
    g.rows.push(r);
    totals[r.bucket] += fen;
    totals.totalFen += fen;
    groups.set(id, g);
  }
  const withBalance = contractsOf(all);
  const over90 = contractsOf(instalmentRows(data, { groupBy, bucket: 'over90' }));
  const collected = new Map<string, { seller: { id: string; name: string }; collectedFen: number }>();
  for (const p of collectedRows(data)) {
    const entry = collected.get(p.seller.id) ?? { seller: p.seller, collectedFen: 0 };
    entry.collectedFen += p.amountFen ?? 0;
    collected.set(p.seller.id, entry);
  }
  const salesFen = amountOf(salesRows(data));
  return {
    asOf: data.asOf,
    groupBy,
    groups: [...groups.values()]
      .sort((a, b) => b.totalFen - a.totalFen || a.name.localeCompare(b.name))
      .map(({ rows, ...g }) => ({ ...g, contracts: contractsOf(rows), contractsOver90: contractsOf(rows.filter((r) => r.bucket === 'd90_plus')) })),
    totals,
    over90: { contracts: withBalance, over90, share: withBalance ? over90 / withBalance : null },
    collectedThisMonth: [...collected.values()].sort((a, b) => b.collectedFen - a.collectedFen || a.seller.name.localeCompare(b.seller.name)),
    dso: { receivablesFen: totals.totalFen, salesFen, days: DSO_DAYS, dso: salesFen > 0 ? Math.round((totals.totalFen / salesFen) * DSO_DAYS * 10) / 10 : null },
  };
}

export async function ageing(deps: MoneyDeps, actor: AnyActor, query: { asOf?: string; groupBy: GroupBy }) {
  return ageingFigures(await loadAgeing(deps, actor, query.asOf), query.groupBy);
}
