/**
 * The countdown board (回款倒计时): every open instalment in the caller's scope with days to its effective due date
 * and its band, overdue first; instalments settled on the as-of date stay on it (band normal) so the morning meeting
 * sees what came in. Every row links to its contract.
 */
import { authorize, scopeOf, type AnyActor } from '../../core/policy.js';
import { moneyContext, type MoneyDeps } from '../contracts/service.js';
import { instalmentViews } from '../contracts/view.js';
import { presentRow, type ScopedRow } from './presenter.js';
import * as repo from './repo.js';

/** Every current instalment of the contracts in scope, derived as of `asOf`. */
export async function scopedRows(deps: MoneyDeps, actor: AnyActor, asOf?: string) {
  const { calendar, settings, today } = await moneyContext(deps.db, deps);
  const date = asOf ?? today;
  const contracts = await repo.contractsInScope(deps.db, scopeOf(actor), date);
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const views = await instalmentViews(deps.db, calendar, settings, contracts.map((c) => c.id), date);
  const teamId = (path: string) => path.split('/').filter(Boolean).at(-1) ?? '';
  const names = new Map((await repo.teamNames(deps.db, [...new Set(contracts.map((c) => teamId(c.team_path)))])).map((t) => [t.id, t.name]));
  const escalated = new Set((await deps.db.selectFrom('receivable_escalations').select('instalment_id').where('contract_id', 'in', [...byId.keys(), '-']).execute()).map((e) => e.instalment_id));
  const teamOf = (contract: repo.ScopedContract) => {
    const t = teamId(contract.team_path);
    return { id: t, name: names.get(t) ?? t };
  };
  const rows: ScopedRow[] = views.map((view) => {
    const contract = byId.get(view.contractId)!;
    const team = teamOf(contract);
    return { contract, teamId: team.id, teamName: team.name, view };
  });
  return { asOf: date, settings, contracts, teamOf, rows, escalated };
}

export async function board(deps: MoneyDeps, actor: AnyActor, query: { asOf?: string; band?: 'red' | 'yellow' | 'normal' | 'overdue'; ownerId?: string }) {
  authorize(actor, 'receivable.board');
  const { asOf, settings, rows, escalated } = await scopedRows(deps, actor, query.asOf);
  const onBoard = rows
    .filter((r) => !r.view.settled || r.view.lastPaidOn === asOf)
    .filter((r) => !query.ownerId || r.contract.owner_id === query.ownerId)
    .sort((a, b) => Number(a.view.settled) - Number(b.view.settled) || a.view.daysToDue - b.view.daysToDue || a.contract.number.localeCompare(b.contract.number) || a.view.seq - b.view.seq);
  const open = onBoard.filter((r) => !r.view.settled);
  const counts = {
    overdue: open.filter((r) => r.view.status === 'overdue').length,
    red: open.filter((r) => r.view.band === 'red').length,
    yellow: open.filter((r) => r.view.band === 'yellow').length,
    normal: onBoard.filter((r) => r.view.band === 'normal').length,
  };
  const filtered = query.band === 'overdue' ? onBoard.filter((r) => r.view.status === 'overdue') : query.band ? onBoard.filter((r) => r.view.band === query.band) : onBoard;
  return {
    asOf,
    bandBasis: settings.bandBasis,
    counts,
    outstandingFen: open.reduce((s, r) => s + r.view.outstandingFen, 0),
    items: filtered.map((r) => presentRow(r, escalated.has(r.view.id))),
  };
}
