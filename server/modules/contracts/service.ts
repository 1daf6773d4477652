/**
 * Contract use cases: create (with its payment plan), read (instalments derived from the ledger), amend the plan
 * (a new version, never below what is allocated), invoice status, settings. Every write is one command: the change,
 * its audit entry and its event commit together, and the escalation timers are refreshed in the same transaction.
 */
import { AppError, invalid, notFound } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { change } from '../../core/events.js';
import { commandIn } from '../../core/command.js';
import { auditActorId, authorize, can, scopeOf, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import { getDealInScope } from '../tasks/service.js';
import { addMonths, planDifference, splitEqually, yuan } from './ledger.js';
import { contractStatus, presentInstalment } from './presenter.js';
import * as repo from './repo.js';
import type { AmendmentBody, ContractBody, PlanLine } from './schema.js';
import { loadMoneySettings, moneySettingsSchema, nextContractNumber, saveMoneySettings, type MoneySettingsInput } from './settings.js';
import { refreshTimers } from './timers.js';
import { customerCredit, instalmentViews } from './view.js';

/** What money use cases need; only the org time zone of the configuration (the demo loader has no full config). */
export interface MoneyDeps {
  db: Deps['db'];
  dialect: Deps['dialect'];
  clock: Deps['clock'];
  config: Pick<Deps['config'], 'timeZone'>;
}
type TimeDeps = Pick<MoneyDeps, 'clock' | 'config'>;

export async function moneyContext(db: Queryable, deps: TimeDeps) {
  const calendar = await loadWorkCalendar(db, deps.config.timeZone);
  const settings = await loadMoneySettings(db);
  return { calendar, settings, today: calendar.localDate(deps.clock.now()) };
}

function planMismatch(amountFen: number, lines: ReadonlyArray<{ amountFen: number }>, field = 'plan') {
  const planFen = lines.reduce((s, l) => s + l.amountFen, 0);
  const differenceFen = planDifference(amountFen, lines.map((l) => l.amountFen));
  return new AppError('PLAN_MISMATCH', undefined, {
    fields: [{ field, code: 'plan_sum_mismatch', params: { planYuan: yuan(planFen), amountYuan: yuan(amountFen), differenceYuan: yuan(differenceFen), differenceFen } }],
    extra: { differenceFen },
  });
}

export function planLinesOf(body: ContractBody): PlanLine[] {
  if (body.plan) return body.plan;
  const s = body.split!;
  return splitEqually(body.amountFen, s.parts).map((amountFen, i) => ({ dueDate: addMonths(s.firstDueDate, i * s.intervalMonths), amountFen, method: s.method }));
}

/** Creates a contract in an open transaction (HTTP, the signing-stage gate, the demo). */
export async function createContractInTx(trx: Queryable, deps: TimeDeps, actor: AnyActor, body: ContractBody) {
  authorize(actor, 'contract.create');
  const deal = await getDealInScope(trx, actor, body.dealId, 'dealId');
  const lines = planLinesOf(body);
  if (planDifference(body.amountFen, lines.map((l) => l.amountFen)) !== 0) throw planMismatch(body.amountFen, lines);
  const { calendar, settings } = await moneyContext(trx, deps);
  const now = deps.clock.now().toISOString();
  let number = body.number;
  if (number) {
    if (await repo.numberTaken(trx, number)) throw new AppError('CONFLICT', undefined, { fields: [{ field: 'number', code: 'taken' }] });
  } else {
    number = await nextContractNumber(trx, settings, Number(body.signedAt.slice(0, 4)));
    // A number typed by hand may already hold the next value of the sequence: move on past it.
    for (let guard = 0; guard < 1000 && (await repo.numberTaken(trx, number)); guard++) number = await nextContractNumber(trx, settings, Number(body.signedAt.slice(0, 4)));
  }
  const id = newId();
  const actorId = auditActorId(actor);
  await repo.insertContract(trx, {
    id,
    number,
    deal_id: deal.id,
    customer_id: deal.customer_id,
    owner_id: deal.owner_id,
    team_path: deal.team_path,
    signed_at: body.signedAt,
    amount_fen: body.amountFen,
    plan_version: 1,
    note: body.note ?? null,
    created_by: actorId,
    created_at: now,
    updated_at: now,
  });
  await repo.insertPlanVersion(trx, { id: newId(), contract_id: id, version: 1, reason: null, amount_fen: body.amountFen, created_by: actorId, created_at: now });
  const terms = [];
  for (const [i, l] of lines.entries()) {
    const lineId = newId();
    await repo.insertInstalment(trx, { id: lineId, contract_id: id, invoice_status: 'not_issued', invoice_no: null, effective_due_date: null, escalate_at: null, created_at: now });
    terms.push({ instalment_id: lineId, contract_id: id, version: 1, seq: i + 1, due_date: l.dueDate, amount_fen: l.amountFen, method: l.method, invoice_date: l.invoiceDate ?? null });
  }
  await repo.insertTerms(trx, terms);
  await refreshTimers(trx, calendar, settings, [id]);
  await commandIn(trx, deps.clock, { entity: 'contract', actorId }).created(
    id,
    { number, dealId: deal.id, customerId: deal.customer_id, signedAt: body.signedAt, amountFen: body.amountFen, plan: lines },
    { type: 'contract.created', payload: { number, dealId: deal.id, customerId: deal.customer_id, ownerId: deal.owner_id } },
  );
  return id;
}

export async function createContract(deps: MoneyDeps, actor: AnyActor, body: ContractBody) {
  const id = await deps.db.transaction().execute((trx) => createContractInTx(trx, deps, actor, body));
  return getContract(deps, actor, id);
}

export async function contractInScope(db: Queryable, actor: AnyActor, id: string) {
  const row = await repo.findContract(db, scopeOf(actor), id);
  if (!row) throw notFound('Contract');
  return row;
}

export async function getContract(deps: MoneyDeps, actor: AnyActor, id: string, asOf?: string) {
  const row = await contractInScope(deps.db, actor, id);
  const { calendar, settings, today } = await moneyContext(deps.db, deps);
  const views = await instalmentViews(deps.db, calendar, settings, [id], asOf ?? today);
  const escalations = await repo.escalationsOf(deps.db, views.map((v) => v.id));
  const fired = new Set(escalations.map((e) => e.instalment_id));
  const payments = await repo.paymentsOfContract(deps.db, id);
  const allocations = await repo.allocationsOfPayments(deps.db, payments.map((p) => p.id));
  const reversedBy = new Map(payments.filter((p) => p.reverses_id).map((p) => [p.reverses_id!, p.id]));
  const versions = await repo.planVersions(deps.db, id);
  const users = new Map((await deps.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...versions.map((v) => v.created_by ?? ''), '-']).execute()).map((u) => [u.id, u.display_name]));
  const claims = await repo.claimsOfContract(deps.db, id);
  const showAmounts = can(actor, 'contract.readAmount');
  return {
    id: row.id,
    number: row.number,
    deal: { id: row.deal_id, name: row.deal_title },
    customer: { id: row.customer_id, name: row.customer_name },
    owner: { id: row.owner_id, name: row.owner_name },
    signedAt: row.signed_at,
    amountFen: Number(row.amount_fen),
    planVersion: row.plan_version,
    paidFen: views.reduce((s, v) => s + v.paidFen, 0),
    outstandingFen: views.reduce((s, v) => s + (v.settled ? 0 : v.outstandingFen), 0),
    status: contractStatus(views),
    note: row.note,
    createdAt: row.created_at,
    creditFen: showAmounts ? (await customerCredit(deps.db, row.customer_id)).totalFen : 0,
    instalments: views.map((v) => presentInstalment(v, fired.has(v.id))),
    planVersions: versions.map((v) => ({ version: v.version, reason: v.reason, amountFen: Number(v.amount_fen), createdAt: v.created_at, createdBy: v.created_by ? { id: v.created_by, name: users.get(v.created_by) ?? v.created_by } : null })),
    payments: payments.map((p) => {
      const own = allocations.filter((a) => a.payment_id === p.id);
      return {
        id: p.id,
        kind: p.kind as 'payment' | 'reversal',
        amountFen: Number(p.amount_fen),
        receivedOn: p.received_on,
        method: p.method,
        reference: p.reference,
        evidenceFileId: p.evidence_file_id,
        note: p.note,
        reversesId: p.reverses_id,
        reversedBy: reversedBy.get(p.id) ?? null,
        allocations: own.map((a) => ({ instalmentId: a.instalment_id, contractId: a.contract_id, amountFen: Number(a.amount_fen), kind: a.kind, onDate: a.on_date })),
        unallocatedFen: p.kind === 'payment' && !reversedBy.has(p.id) ? Number(p.amount_fen) - own.reduce((s, a) => s + Number(a.amount_fen), 0) : 0,
        createdBy: p.created_by ? { id: p.created_by, name: p.created_by_name ?? p.created_by } : null,
        createdAt: p.created_at,
      };
    }),
    claims: claims.map((c) => ({
      id: c.id,
      instalmentId: c.instalment_id,
      amountFen: Number(c.amount_fen),
      claimedOn: c.claimed_on,
      reference: c.reference,
      evidenceFileId: c.evidence_file_id,
      note: c.note,
      pauseUntil: c.pause_until,
      status: (c.decision ?? 'pending') as 'pending' | 'confirmed' | 'rejected',
      decisionNote: c.decision_note,
      paymentId: c.payment_id,
      createdBy: { id: c.created_by, name: c.created_by_name ?? c.created_by },
      createdAt: c.created_at,
    })),
    attachments: (await repo.attachmentsOfContract(deps.db, id, row.deal_id)).map((a) => ({ id: a.id, entity: a.entity as 'contract' | 'deal', kind: a.kind, filename: a.filename, createdAt: a.created_at })),
    activities: (await repo.recentActivities(deps.db, row.deal_id, row.customer_id)).map((a) => ({ id: a.id, type: a.type, summary: a.summary, occurredAt: a.occurred_at, owner: a.owner_name })),
    escalations: escalations.map((e) => ({ instalmentId: e.instalment_id, firedAt: e.fired_at, outstandingFen: Number(e.outstanding_fen), workOrderId: e.work_order_id, taskId: e.task_id })),
  };
}

export async function contractsOfDeal(deps: MoneyDeps, actor: AnyActor, dealId: string) {
  await getDealInScope(deps.db, actor, dealId, 'dealId');
  const rows = await repo.contractsOfDeal(deps.db, scopeOf(actor), dealId);
  const { calendar, settings, today } = await moneyContext(deps.db, deps);
  const views = await instalmentViews(deps.db, calendar, settings, rows.map((r) => r.id), today);
  return {
    items: rows.map((r) => {
      const own = views.filter((v) => v.contractId === r.id);
      return {
        id: r.id,
        number: r.number,
        deal: { id: r.deal_id, name: r.deal_title },
        customer: { id: r.customer_id, name: r.customer_name },
        owner: { id: r.owner_id, name: r.owner_name },
        signedAt: r.signed_at,
        amountFen: Number(r.amount_fen),
        planVersion: r.plan_version,
        paidFen: own.reduce((s, v) => s + v.paidFen, 0),
        outstandingFen: own.reduce((s, v) => s + (v.settled ? 0 : v.outstandingFen), 0),
        status: contractStatus(own),
      };
    }),
  };
}

/**
 * An amendment (补充协议): a new plan version. Lines naming an existing instalment keep it (and its allocations); no
 * instalment may end below what is already allocated to it, and a dropped instalment must have nothing allocated.
 */
export async function amendPlan(deps: MoneyDeps, actor: AnyActor, id: string, body: AmendmentBody) {
  authorize(actor, 'contract.amend');
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockContract(trx, deps.dialect, id);
    const row = await contractInScope(trx, actor, id);
    const amountFen = body.amountFen ?? Number(row.amount_fen);
    if (planDifference(amountFen, body.plan.map((l) => l.amountFen)) !== 0) throw planMismatch(amountFen, body.plan);
    const { calendar, settings } = await moneyContext(trx, deps);
    const current = await repo.currentLines(trx, [id]);
    const allocated = new Map<string, number>();
    for (const a of await repo.allocationsOfInstalments(trx, current.map((c) => c.id))) allocated.set(a.instalment_id, (allocated.get(a.instalment_id) ?? 0) + Number(a.amount_fen));
    const kept = new Set<string>();
    for (const [i, l] of body.plan.entries()) {
      if (!l.id) continue;
      if (!current.some((c) => c.id === l.id) || kept.has(l.id)) throw invalid(`plan.${i}.id`, 'not_found_instalment');
      kept.add(l.id);
      const have = allocated.get(l.id) ?? 0;
      if (l.amountFen < have) throw new AppError('INVALID_STATE', undefined, { fields: [{ field: `plan.${i}.amountFen`, code: 'below_allocated', params: { allocatedYuan: yuan(have), allocatedFen: have } }] });
    }
    for (const c of current) {
      const have = allocated.get(c.id) ?? 0;
      if (!kept.has(c.id) && have > 0) throw new AppError('INVALID_STATE', undefined, { fields: [{ field: 'plan', code: 'dropped_allocated', params: { seq: c.seq, allocatedYuan: yuan(have) } }] });
    }
    const version = row.plan_version + 1;
    const now = deps.clock.now().toISOString();
    const actorId = auditActorId(actor);
    await repo.insertPlanVersion(trx, { id: newId(), contract_id: id, version, reason: body.reason, amount_fen: amountFen, created_by: actorId, created_at: now });
    const terms = [];
    for (const [i, l] of body.plan.entries()) {
      let lineId = l.id;
      if (!lineId) {
        lineId = newId();
        await repo.insertInstalment(trx, { id: lineId, contract_id: id, invoice_status: 'not_issued', invoice_no: null, effective_due_date: null, escalate_at: null, created_at: now });
      }
      terms.push({ instalment_id: lineId, contract_id: id, version, seq: i + 1, due_date: l.dueDate, amount_fen: l.amountFen, method: l.method, invoice_date: l.invoiceDate ?? null });
    }
    await repo.insertTerms(trx, terms);
    await repo.touchContract(trx, id, { plan_version: version, amount_fen: amountFen, updated_at: now });
    // Dropped lines keep no timer.
    for (const c of current) if (!kept.has(c.id)) await repo.setTimers(trx, c.id, { escalate_at: null });
    await refreshTimers(trx, calendar, settings, [id]);
    const before = { planVersion: row.plan_version, amountFen: Number(row.amount_fen), plan: current.map((c) => ({ id: c.id, dueDate: c.due_date, amountFen: Number(c.amount_fen) })) };
    const after = { planVersion: version, amountFen, plan: body.plan };
    await commandIn(trx, deps.clock, { entity: 'contract', actorId }).recorded(id, 'amend', { before, after: { ...after, reason: body.reason } }, { type: 'contract.amended', payload: { ...change(before, after), version, reason: body.reason } });
  });
  return getContract(deps, actor, id);
}

export async function setInvoiceStatus(deps: MoneyDeps, actor: AnyActor, id: string, instalmentId: string, body: { invoiceStatus: string; invoiceNo?: string | null }) {
  authorize(actor, 'payment.record');
  await deps.db.transaction().execute(async (trx) => {
    await contractInScope(trx, actor, id);
    const line = (await repo.currentLines(trx, [id])).find((l) => l.id === instalmentId);
    if (!line) throw invalid('instalmentId', 'not_found_instalment');
    const before = { instalmentId, invoiceStatus: line.invoice_status, invoiceNo: line.invoice_no };
    const after = { instalmentId, invoiceStatus: body.invoiceStatus, invoiceNo: body.invoiceNo ?? null };
    await repo.setInvoice(trx, instalmentId, { invoice_status: after.invoiceStatus, invoice_no: after.invoiceNo });
    await commandIn(trx, deps.clock, { entity: 'contract', actorId: auditActorId(actor) }).updated(id, before, after, undefined, { action: 'invoice' });
  });
  return getContract(deps, actor, id);
}

export async function getSettings(deps: MoneyDeps, actor: AnyActor) {
  authorize(actor, 'receivable.board');
  return loadMoneySettings(deps.db);
}

export async function updateSettings(deps: MoneyDeps, actor: AnyActor, body: MoneySettingsInput) {
  authorize(actor, 'contract.configure');
  const input = moneySettingsSchema.parse(body);
  await deps.db.transaction().execute(async (trx) => {
    const before = await loadMoneySettings(trx);
    await saveMoneySettings(trx, input, before.version + 1, auditActorId(actor), deps.clock.now().toISOString());
    const { version: _v, updatedAt: _u, ...old } = before;
    await commandIn(trx, deps.clock, { entity: 'receivable_settings', actorId: auditActorId(actor) }).updated('org', old, { ...input }, undefined, { always: true });
    // Due-date shift, escalation delay and tolerance decide the timers: recompute them under the new policy, on every
    // contract with an instalment not yet escalated — a lower tolerance re-opens one closed short (短款) just as a
    // higher one closes an open one. A settled instalment keeps the date it was paid against (history).
    const calendar = await loadWorkCalendar(trx, deps.config.timeZone);
    const settings = await loadMoneySettings(trx);
    const open = await trx
      .selectFrom('contract_instalments')
      .select('contract_id')
      .distinct()
      .where('id', 'not in', trx.selectFrom('receivable_escalations').select('instalment_id'))
      .execute();
    const ids = open.map((o) => o.contract_id);
    for (let i = 0; i < ids.length; i += 200) await refreshTimers(trx, calendar, settings, ids.slice(i, i + 200), { keepSettledDates: true });
  });
  return loadMoneySettings(deps.db);
}
