/**
 * Contracts with their payment plans, one row per contract (fields.ts `CONTRACT_SPEC`: instalment columns or an equal
 * split). The contract number is the natural key; the row names its customer (refs.ts) and a deal of that customer by
 * title. The plan must sum exactly to the contract amount (row error `plan_sum_mismatch` naming the difference).
 * An existing number with the same deal, date, amount and plan is unchanged; with anything different the row is an
 * error (`contract_differs`): a file never amends a contract — amendments are 补充协议, a new plan version by hand.
 * Created contracts go through contracts' own `createContractInTx` (audit, event, timers); undo removes a contract
 * nothing has happened to since (no payment, claim, escalation, attachment, issued invoice or amendment).
 */
import { commandIn } from '../../core/command.js';
import { parseJson } from '../../core/json.js';
import { can, inScope, scopeOf } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { addMonths, planDifference, splitEqually, yuan, METHODS, type Method } from '../contracts/ledger.js';
import * as contracts from '../contracts/repo.js';
import { createContractInTx } from '../contracts/service.js';
import { cellText, parseAmountFen, parseDate, parseText, type Cell } from './cells.js';
import type { PhaseContext } from './context.js';
import { CONTRACT_SPEC, MAX_INSTALMENTS } from './fields.js';
import { resolveCustomers, rowCustomer, rowError, type CustomerRef } from './refs.js';
import * as repo from './repo.js';
import type { Applied, ImportTarget, RowPlan } from './target.js';
import { columnOf, readMapped, requireField, type MappedCell, type RowContext, type RowProblem } from './validate.js';

export interface PlanLineRecord {
  dueDate: string;
  amountFen: number;
  method: Method;
  invoiceDate: string | null;
}

export interface ContractRecord {
  number?: string;
  customer: CustomerRef;
  deal?: string;
  signedAt?: string;
  amountFen?: number;
  note?: string;
  plan: PlanLineRecord[];
}

const METHOD_WORDS: Record<string, Method> = {
  电汇: 'wire', 转账: 'wire', 银行转账: 'wire', wire: 'wire', transfer: 'wire',
  银行承兑汇票: 'bank_acceptance', 银行承兑: 'bank_acceptance', 银承: 'bank_acceptance', 承兑: 'bank_acceptance', 承兑汇票: 'bank_acceptance',
  商业承兑汇票: 'commercial_acceptance', 商业承兑: 'commercial_acceptance', 商承: 'commercial_acceptance',
  信用证: 'letter_of_credit', lc: 'letter_of_credit', 'l/c': 'letter_of_credit',
  现金: 'cash', cash: 'cash',
  其他: 'other', 其它: 'other', other: 'other',
};
const METHOD_OPTIONS = '电汇/银行承兑汇票/商业承兑汇票/信用证/现金/其他';

function methodOf(m: MappedCell): Method | undefined {
  const text = cellText(m.cell);
  if (!text) return undefined;
  const method = METHOD_WORDS[text.toLowerCase()] ?? (METHODS as readonly string[]).find((x) => x === text.toLowerCase());
  if (!method) m.problem('select_unknown', { value: text, options: METHOD_OPTIONS });
  return method as Method | undefined;
}

function wholeNumber(m: MappedCell, min: number, max: number): number | undefined {
  const text = cellText(m.cell);
  if (!text) return undefined;
  const n = Number(text);
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  m.problem('out_of_range', { min, max });
  return undefined;
}

interface LineCells {
  due?: string;
  amount?: number;
  method?: Method;
  invoice?: string;
}

function validate(cells: Cell[], ctx: RowContext) {
  const record: ContractRecord = { customer: {}, plan: [] };
  const problems: RowProblem[] = [];
  const lines = new Map<number, LineCells>();
  const split: { parts?: number; firstDueDate?: string; intervalMonths?: number; method?: Method } = {};
  const line = (n: number) => lines.get(n) ?? (lines.set(n, {}), lines.get(n)!);
  readMapped(cells, ctx, problems, (m) => {
    const { cell, take } = m;
    const instalment = /^p(\d+)(Due|Amount|Method|Invoice)$/.exec(m.field);
    if (instalment) {
      const n = Number(instalment[1]);
      if (instalment[2] === 'Due') line(n).due = take(parseDate(cell)) ?? undefined;
      else if (instalment[2] === 'Amount') line(n).amount = take(parseAmountFen(cell)) ?? undefined;
      else if (instalment[2] === 'Method') line(n).method = methodOf(m);
      else line(n).invoice = take(parseDate(cell)) ?? undefined;
      return;
    }
    switch (m.field) {
      case 'number': record.number = take(parseText(cell, 40)) ?? undefined; return;
      case 'customer': record.customer.name = take(parseText(cell, 200)) ?? undefined; return;
      case 'customerCreditCode': record.customer.creditCode = cellText(cell) || undefined; return;
      case 'customerPhone': record.customer.phone = cellText(cell) || undefined; return;
      case 'deal': record.deal = take(parseText(cell, 200)) ?? undefined; return;
      case 'signedAt': record.signedAt = take(parseDate(cell)) ?? undefined; return;
      case 'amount': record.amountFen = take(parseAmountFen(cell)) ?? undefined; return;
      case 'note': record.note = take(parseText(cell, 1000)) ?? undefined; return;
      case 'parts': split.parts = wholeNumber(m, 1, 120); return;
      case 'firstDueDate': split.firstDueDate = take(parseDate(cell)) ?? undefined; return;
      case 'intervalMonths': split.intervalMonths = wholeNumber(m, 0, 24); return;
      case 'splitMethod': split.method = methodOf(m); return;
    }
  });
  for (const f of ['number', 'deal', 'signedAt', 'amount'] as const) requireField(ctx, problems, f, f === 'amount' ? record.amountFen : record[f]);
  if (!record.customer.name && !record.customer.creditCode && !record.customer.phone) requireField(ctx, problems, 'customer', undefined);
  if (record.amountFen !== undefined && record.amountFen <= 0) problems.push({ column: columnOf(ctx, 'amount'), field: 'amount', code: 'amount_invalid' });
  if (problems.length) return { record, problems };

  // A line counts when its date or amount is given; it then needs both. Lines keep their column order.
  const given = [...lines.entries()].filter(([, l]) => l.due !== undefined || l.amount !== undefined).sort(([a], [b]) => a - b);
  for (const [n, l] of given) {
    if (l.due === undefined) problems.push({ column: columnOf(ctx, `p${n}Due`), field: `p${n}Due`, code: 'required' });
    if (l.amount === undefined) problems.push({ column: columnOf(ctx, `p${n}Amount`), field: `p${n}Amount`, code: 'required' });
    else if (l.amount <= 0) problems.push({ column: columnOf(ctx, `p${n}Amount`), field: `p${n}Amount`, code: 'amount_invalid' });
  }
  const splitGiven = split.parts !== undefined || split.firstDueDate !== undefined;
  if (given.length && splitGiven) problems.push({ column: columnOf(ctx, 'parts'), field: 'parts', code: 'plan_or_split' });
  else if (!given.length && !splitGiven) problems.push({ column: null, field: 'plan', code: 'plan_required', params: { max: MAX_INSTALMENTS } });
  else if (splitGiven) {
    requireField(ctx, problems, 'parts', split.parts);
    requireField(ctx, problems, 'firstDueDate', split.firstDueDate);
  }
  if (problems.length) return { record, problems };

  record.plan = given.length
    ? given.map(([, l]) => ({ dueDate: l.due!, amountFen: l.amount!, method: l.method ?? 'wire', invoiceDate: l.invoice ?? null }))
    : splitEqually(record.amountFen!, split.parts!).map((amountFen, i) => ({ dueDate: addMonths(split.firstDueDate!, i * (split.intervalMonths ?? 1)), amountFen, method: split.method ?? 'wire', invoiceDate: null }));
  const differenceFen = planDifference(record.amountFen!, record.plan.map((l) => l.amountFen));
  if (differenceFen !== 0) {
    const planFen = record.plan.reduce((s, l) => s + l.amountFen, 0);
    problems.push({ column: columnOf(ctx, 'amount'), field: 'amount', code: 'plan_sum_mismatch', params: { planYuan: yuan(planFen), amountYuan: yuan(record.amountFen!), differenceYuan: yuan(differenceFen), differenceFen } });
  }
  return { record, problems };
}

interface ContractPlan extends RowPlan {
  create?: { dealId: string };
}

type Existing = Awaited<ReturnType<typeof contracts.contractsByNumbers>>[number];

/** The same contract as the row: deal, signing date, amount and every line of the current plan. */
function sameContract(c: Existing, dealId: string | null, r: ContractRecord): boolean {
  if ((dealId && c.deal_id !== dealId) || c.signed_at !== r.signedAt || Number(c.amount_fen) !== r.amountFen || c.lines.length !== r.plan.length) return false;
  return c.lines.every((l, i) => {
    const p = r.plan[i]!;
    return l.due_date === p.dueDate && Number(l.amount_fen) === p.amountFen && l.method === p.method && (l.invoice_date ?? null) === p.invoiceDate;
  });
}

async function planContracts(db: Queryable, ctx: PhaseContext, records: ContractRecord[]): Promise<(r: ContractRecord) => ContractPlan> {
  const customerOf = await resolveCustomers(db, records.map((r) => r.customer), (f) => columnOf(ctx, f));
  const existing = new Map((await contracts.contractsByNumbers(db, [...new Set(records.flatMap((r) => (r.number ? [r.number] : [])))])).map((c) => [c.number, c]));
  const customerIds = [...new Set(records.flatMap((r) => { const c = customerOf(r.customer); return 'customer' in c ? [c.customer.id] : []; }))];
  const deals = await repo.dealsOfCustomers(db, customerIds);
  const scope = scopeOf(ctx.actor);
  const { options } = ctx;
  const mayCreate = can(ctx.actor, 'contract.create');
  const err = (field: string, code: RowProblem['code'], params?: Record<string, string | number>): ContractPlan => rowError(columnOf(ctx, field), field, code, params);

  return (r) => {
    const found = rowCustomer(customerOf(r.customer), scope, columnOf(ctx, 'customer'));
    if ('plan' in found) return found.plan;
    const named = deals.filter((d) => d.customer_id === found.customer.id && d.title === r.deal);
    if (named.length !== 1) return err('deal', named.length ? 'deal_ambiguous' : 'deal_unknown', { value: r.deal ?? '' });
    const deal = named[0]!;
    const match = existing.get(r.number!);
    if (match) {
      if (!inScope(scope, { ownerId: match.owner_id, teamPath: match.team_path })) return { verdict: 'denied', matchId: match.id, problems: [{ column: columnOf(ctx, 'number'), field: 'number', code: 'record_out_of_scope', params: { name: match.number } }] };
      if (options.mode === 'create' || options.duplicates === 'skip') return { verdict: 'skip', matchId: match.id, problems: [{ column: null, field: 'row', code: 'exists_skipped', params: { name: match.number } }] };
      if (sameContract(match, deal.id, r)) return { verdict: 'unchanged', matchId: match.id, problems: [] };
      return { verdict: 'error', matchId: match.id, problems: [{ column: columnOf(ctx, 'number'), field: 'number', code: 'contract_differs', params: { value: match.number } }] };
    }
    if (options.mode === 'update') return { verdict: 'skip', matchId: null, problems: [{ column: null, field: 'row', code: 'not_found_skipped' }] };
    if (!mayCreate || !inScope(scope, { ownerId: deal.owner_id, teamPath: deal.team_path })) return { verdict: 'denied', matchId: deal.id, problems: [{ column: columnOf(ctx, 'deal'), field: 'deal', code: 'record_out_of_scope', params: { name: deal.title } }] };
    return { verdict: 'create', matchId: null, problems: [], create: { dealId: deal.id } };
  };
}

export const contractTarget: ImportTarget<ContractRecord> = {
  kind: 'contracts',
  spec: CONTRACT_SPEC,
  validate,
  fileKeys: (r) => (r.number ? [{ key: r.number, label: '合同编号 contract number' }] : []),
  planBatch: planContracts,
  async applyBatch(trx, deps, ctx, _imp, rows) {
    const records = rows.map((r) => (r.verdict === 'error' ? null : parseJson<ContractRecord>(r.data, { customer: {}, plan: [] })));
    const plan = await planContracts(trx, ctx, records.filter((r): r is ContractRecord => r !== null));
    const applied: Applied[] = [];
    for (const [i, row] of rows.entries()) {
      const record = records[i];
      if (!record) {
        applied.push({ row, outcome: 'error', problems: null, target: null });
        continue;
      }
      const p = plan(record);
      if (p.verdict === 'create' && p.create) {
        const id = await createContractInTx(trx, deps, ctx.actor, {
          dealId: p.create.dealId,
          signedAt: record.signedAt!,
          amountFen: record.amountFen!,
          number: record.number!,
          plan: record.plan,
          ...(record.note ? { note: record.note } : {}),
        });
        applied.push({ row, outcome: 'create', problems: null, target: id, changes: { updatedAt: deps.clock.now().toISOString() } });
      } else {
        applied.push({ row, outcome: p.verdict, problems: p.problems.length ? p.problems : null, target: p.matchId });
      }
    }
    return applied;
  },
  async undoBatch(trx, deps, actorId, rows, tally) {
    for (const row of rows) {
      const [contract] = await trx.selectFrom('contracts').selectAll().where('id', '=', row.target_id!).execute();
      const conflict = (reason: 'changed_since' | 'has_work' | 'gone') => tally.conflict({ row: row.row_number, customerId: row.target_id!, name: contract?.number ?? '', reason });
      if (!contract) {
        conflict('gone');
        continue;
      }
      const changes = parseJson<{ updatedAt: string }>(row.changes, { updatedAt: '' });
      if (contract.updated_at > changes.updatedAt || contract.plan_version > 1) conflict('changed_since');
      else if ((await contracts.contractWork(trx, contract.id)) > 0) conflict('has_work');
      else {
        await contracts.deleteContract(trx, contract.id);
        await commandIn(trx, deps.clock, { entity: 'contract', actorId: actorId }).recorded(contract.id, 'import_undo', { before: { number: contract.number, dealId: contract.deal_id, amountFen: Number(contract.amount_fen) }, after: null });
        tally.deleted++;
      }
    }
  },
};
