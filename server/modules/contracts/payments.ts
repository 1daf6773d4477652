/**
 * Money in: record a payment (FIFO by effective due date, or finance's own allocation; the rest is the customer's
 * credit 预收款), reverse one (a reversing entry and negative allocations, never an edit), apply credit (an explicit,
 * audited action, never automatic), and a seller's payment claim that pauses escalation until finance confirms it
 * (by recording the payment) or rejects it (escalation fires at once with the note).
 */
import { AppError, invalid, notFound } from '../../core/errors.js';
import { commandIn } from '../../core/command.js';
import { newId } from '../../core/ids.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { escalationInstant } from './due-dates.js';
import { allocateFifo, deriveInstalment, yuan, type Allocation } from './ledger.js';
import * as repo from './repo.js';
import type { PaymentBody } from './schema.js';
import { contractInScope, getContract, moneyContext, type MoneyDeps } from './service.js';
import { refreshTimers } from './timers.js';
import { customerCredit } from './view.js';

const FAR = '9999-12-31';

/** Outstanding per current instalment of a contract, over every allocation (not as of a date). */
async function openLines(db: Queryable, contractId: string, toleranceFen: number) {
  const lines = await repo.currentLines(db, [contractId]);
  const allocations = await repo.allocationsOfInstalments(db, lines.map((l) => l.id));
  return lines.map((l) => {
    const entries = allocations.filter((a) => a.instalment_id === l.id).map((a) => ({ amountFen: Number(a.amount_fen), onDate: a.on_date }));
    const d = deriveInstalment(Number(l.amount_fen), l.effective_due_date ?? l.due_date, entries, FAR, toleranceFen);
    return { id: l.id, seq: l.seq, effectiveDueDate: l.effective_due_date ?? l.due_date, outstandingFen: d.outstandingFen, settled: d.settled };
  });
}

async function evidenceOn(db: Queryable, contractId: string, fileId: string | null | undefined, field: string) {
  if (!fileId) return null;
  const file = await repo.attachmentOf(db, fileId);
  if (!file || file.entity !== 'contract' || file.entity_id !== contractId) throw invalid(field, 'evidence_not_on_contract');
  return file.id;
}

export async function recordPayment(deps: MoneyDeps, actor: AnyActor, contractId: string, body: PaymentBody) {
  authorize(actor, 'payment.record');
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockContract(trx, deps.dialect, contractId);
    const contract = await contractInScope(trx, actor, contractId);
    const evidence = await evidenceOn(trx, contractId, body.evidenceFileId, 'evidenceFileId');
    const claim = body.claimId ? await repo.findClaim(trx, body.claimId) : null;
    if (body.claimId && (!claim || claim.contract_id !== contractId)) throw invalid('claimId', 'not_found_record');
    if (claim && claim.decision) throw invalid('claimId', 'claim_decided');
    const { calendar, settings } = await moneyContext(trx, deps);
    const lines = await openLines(trx, contractId, settings.toleranceFen);
    let allocations: Allocation[];
    let kind: 'fifo' | 'manual';
    if (body.allocations?.length) {
      kind = 'manual';
      const total = body.allocations.reduce((s, a) => s + a.amountFen, 0);
      if (total > body.amountFen) throw new AppError('INVALID_STATE', undefined, { fields: [{ field: 'allocations', code: 'over_payment', params: { amountYuan: yuan(body.amountFen) } }] });
      const seen = new Set<string>();
      for (const [i, a] of body.allocations.entries()) {
        const line = lines.find((l) => l.id === a.instalmentId);
        if (!line || seen.has(a.instalmentId)) throw invalid(`allocations.${i}.instalmentId`, 'not_found_instalment');
        seen.add(a.instalmentId);
        if (a.amountFen > line.outstandingFen) throw new AppError('INVALID_STATE', undefined, { fields: [{ field: `allocations.${i}.amountFen`, code: 'over_outstanding', params: { outstandingYuan: yuan(line.outstandingFen) } }] });
      }
      allocations = body.allocations.map((a) => ({ instalmentId: a.instalmentId, amountFen: a.amountFen }));
    } else {
      kind = 'fifo';
      // Instalments closed within tolerance are settled (短款待核销): FIFO does not pour new money into them.
      allocations = allocateFifo(body.amountFen, lines.filter((l) => !l.settled)).allocations;
    }
    const now = deps.clock.now().toISOString();
    const actorId = auditActorId(actor);
    const paymentId = newId();
    await repo.insertPayment(trx, {
      id: paymentId,
      contract_id: contractId,
      customer_id: contract.customer_id,
      kind: 'payment',
      amount_fen: body.amountFen,
      received_on: body.receivedOn,
      method: body.method,
      reference: body.reference ?? null,
      evidence_file_id: evidence,
      note: body.note ?? null,
      reverses_id: null,
      created_by: actorId,
      created_at: now,
    });
    await repo.insertAllocations(
      trx,
      allocations.map((a) => ({ id: newId(), payment_id: paymentId, instalment_id: a.instalmentId, contract_id: contractId, amount_fen: a.amountFen, kind, on_date: body.receivedOn, note: null, created_by: actorId, created_at: now })),
    );
    const creditFen = body.amountFen - allocations.reduce((s, a) => s + a.amountFen, 0);
    if (claim) await repo.decideClaim(trx, claim.id, { decision: 'confirmed', decision_note: null, payment_id: paymentId, decided_by: actor.id, decided_at: now });
    await refreshTimers(trx, calendar, settings, [contractId]);
    await commandIn(trx, deps.clock, { entity: 'contract', actorId }).recorded(
      contractId,
      'payment',
      { after: { paymentId, amountFen: body.amountFen, receivedOn: body.receivedOn, method: body.method, reference: body.reference ?? null, allocation: kind, allocations, creditFen, claimId: claim?.id ?? null } },
      { type: 'payment.recorded', payload: { paymentId, contractId, customerId: contract.customer_id, receivedOn: body.receivedOn, creditFen } },
    );
  });
  return getContract(deps, actor, contractId);
}

export async function reversePayment(deps: MoneyDeps, actor: AnyActor, contractId: string, paymentId: string, body: { reason: string; reversedOn?: string }) {
  authorize(actor, 'payment.record');
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockContract(trx, deps.dialect, contractId);
    const contract = await contractInScope(trx, actor, contractId);
    const payment = await repo.findPayment(trx, paymentId);
    if (!payment || payment.contract_id !== contractId || payment.kind !== 'payment') throw notFound('Payment');
    if (await trx.selectFrom('payments').select('id').where('reverses_id', '=', paymentId).executeTakeFirst()) throw new AppError('CONFLICT', undefined, { fields: [{ field: 'paymentId', code: 'already_reversed' }] });
    const { calendar, settings, today } = await moneyContext(trx, deps);
    const on = body.reversedOn ?? today;
    const now = deps.clock.now().toISOString();
    const actorId = auditActorId(actor);
    await repo.insertPayment(trx, { id: newId(), contract_id: contractId, customer_id: contract.customer_id, kind: 'reversal', amount_fen: payment.amount_fen, received_on: on, method: payment.method, reference: payment.reference, evidence_file_id: null, note: body.reason, reverses_id: paymentId, created_by: actorId, created_at: now });
    const net = new Map<string, { contractId: string; fen: number }>();
    for (const a of await repo.allocationsOfPayments(trx, [paymentId])) {
      const n = net.get(a.instalment_id) ?? { contractId: a.contract_id, fen: 0 };
      n.fen += Number(a.amount_fen);
      net.set(a.instalment_id, n);
    }
    const rows = [...net.entries()].filter(([, n]) => n.fen !== 0);
    await repo.insertAllocations(trx, rows.map(([instalmentId, n]) => ({ id: newId(), payment_id: paymentId, instalment_id: instalmentId, contract_id: n.contractId, amount_fen: -n.fen, kind: 'reversal', on_date: on, note: body.reason, created_by: actorId, created_at: now })));
    await refreshTimers(trx, calendar, settings, [...new Set([contractId, ...rows.map(([, n]) => n.contractId)])]);
    await commandIn(trx, deps.clock, { entity: 'contract', actorId }).recorded(
      contractId,
      'payment_reversal',
      { before: { paymentId, amountFen: Number(payment.amount_fen), receivedOn: payment.received_on }, after: { reversedOn: on, reason: body.reason, allocations: rows.map(([instalmentId, n]) => ({ instalmentId, amountFen: -n.fen })) } },
      { type: 'payment.reversed', payload: { paymentId, contractId, reversedOn: on } },
    );
  });
  return getContract(deps, actor, contractId);
}

/** Applies the customer's credit to an instalment of this contract: oldest credit first, dated today, audited. */
export async function applyCredit(deps: MoneyDeps, actor: AnyActor, contractId: string, body: { instalmentId: string; amountFen: number; note?: string }) {
  authorize(actor, 'payment.record');
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockContract(trx, deps.dialect, contractId);
    const contract = await contractInScope(trx, actor, contractId);
    const { calendar, settings, today } = await moneyContext(trx, deps);
    const line = (await openLines(trx, contractId, settings.toleranceFen)).find((l) => l.id === body.instalmentId);
    if (!line) throw invalid('instalmentId', 'not_found_instalment');
    if (body.amountFen > line.outstandingFen) throw new AppError('INVALID_STATE', undefined, { fields: [{ field: 'amountFen', code: 'over_outstanding', params: { outstandingYuan: yuan(line.outstandingFen) } }] });
    const credit = await customerCredit(trx, contract.customer_id);
    if (body.amountFen > credit.totalFen) throw new AppError('INVALID_STATE', undefined, { fields: [{ field: 'amountFen', code: 'over_credit', params: { availableYuan: yuan(credit.totalFen) } }] });
    const now = deps.clock.now().toISOString();
    const actorId = auditActorId(actor);
    let rest = body.amountFen;
    const used: Array<{ paymentId: string; amountFen: number }> = [];
    for (const s of credit.sources) {
      if (rest <= 0) break;
      const take = Math.min(rest, s.availableFen);
      used.push({ paymentId: s.paymentId, amountFen: take });
      rest -= take;
    }
    await repo.insertAllocations(trx, used.map((u) => ({ id: newId(), payment_id: u.paymentId, instalment_id: body.instalmentId, contract_id: contractId, amount_fen: u.amountFen, kind: 'credit', on_date: today, note: body.note ?? null, created_by: actorId, created_at: now })));
    await refreshTimers(trx, calendar, settings, [contractId]);
    await commandIn(trx, deps.clock, { entity: 'contract', actorId }).recorded(
      contractId,
      'apply_credit',
      { after: { instalmentId: body.instalmentId, amountFen: body.amountFen, from: used, note: body.note ?? null } },
      { type: 'credit.applied', payload: { contractId, customerId: contract.customer_id, instalmentId: body.instalmentId } },
    );
  });
  return getContract(deps, actor, contractId);
}

export async function getCredit(deps: MoneyDeps, actor: AnyActor, contractId: string) {
  authorize(actor, 'contract.readAmount');
  const contract = await contractInScope(deps.db, actor, contractId);
  const credit = await customerCredit(deps.db, contract.customer_id);
  return { customerId: contract.customer_id, creditFen: credit.totalFen, sources: credit.sources };
}

export async function fileClaim(deps: MoneyDeps, actor: AnyActor, contractId: string, body: { instalmentId?: string; amountFen: number; claimedOn: string; reference?: string; evidenceFileId?: string; note?: string }) {
  authorize(actor, 'payment.claim');
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockContract(trx, deps.dialect, contractId);
    await contractInScope(trx, actor, contractId);
    if (body.instalmentId && !(await repo.currentLines(trx, [contractId])).some((l) => l.id === body.instalmentId)) throw invalid('instalmentId', 'not_found_instalment');
    const evidence = await evidenceOn(trx, contractId, body.evidenceFileId, 'evidenceFileId');
    const { calendar, settings, today } = await moneyContext(trx, deps);
    const pauseUntil = escalationInstant(calendar, today, settings.claimPauseDays).toISOString();
    const now = deps.clock.now().toISOString();
    const id = newId();
    await repo.insertClaim(trx, { id, contract_id: contractId, instalment_id: body.instalmentId ?? null, amount_fen: body.amountFen, claimed_on: body.claimedOn, reference: body.reference ?? null, evidence_file_id: evidence, note: body.note ?? null, pause_until: pauseUntil, decision: null, decision_note: null, payment_id: null, decided_by: null, decided_at: null, created_by: actor.id, created_at: now });
    await refreshTimers(trx, calendar, settings, [contractId]);
    await commandIn(trx, deps.clock, { entity: 'contract', actorId: auditActorId(actor) }).recorded(
      contractId,
      'payment_claim',
      { after: { claimId: id, instalmentId: body.instalmentId ?? null, amountFen: body.amountFen, claimedOn: body.claimedOn, pauseUntil } },
      { type: 'claim.filed', payload: { claimId: id, contractId, pauseUntil } },
    );
  });
  return getContract(deps, actor, contractId);
}

export async function rejectClaim(deps: MoneyDeps, actor: AnyActor, contractId: string, claimId: string, note: string) {
  authorize(actor, 'payment.record');
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockContract(trx, deps.dialect, contractId);
    await contractInScope(trx, actor, contractId);
    const claim = await repo.findClaim(trx, claimId);
    if (!claim || claim.contract_id !== contractId) throw notFound('Payment claim');
    if (claim.decision) throw invalid('claimId', 'claim_decided');
    const now = deps.clock.now().toISOString();
    await repo.decideClaim(trx, claimId, { decision: 'rejected', decision_note: note, payment_id: null, decided_by: actor.id, decided_at: now });
    const { calendar, settings } = await moneyContext(trx, deps);
    await refreshTimers(trx, calendar, settings, [contractId]);
    await commandIn(trx, deps.clock, { entity: 'contract', actorId: auditActorId(actor) }).recorded(
      contractId,
      'payment_claim_rejected',
      { after: { claimId, note } },
      { type: 'claim.rejected', payload: { claimId, contractId, note } },
    );
  });
  return getContract(deps, actor, contractId);
}
