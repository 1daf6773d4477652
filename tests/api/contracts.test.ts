/**
 * Contracts and receivables on both databases: plans that sum exactly (422 naming the difference), equal splits,
 * effective due dates across National Day 2026 and the make-up Saturday, partial payments, one payment closing two
 * instalments, tolerance, credit and its explicit application, reversal, amendments, scope and support's view.
 * Times are Shanghai local unless marked Z.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('contracts: plans, payments, allocations, credit', () => {
  let t: TestContext;
  let customerId: string;
  const deal: string[] = [];
  let contractId: string;

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-09-21T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    const seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '杭州市第一人民医院' } })).json().id;
    for (let i = 0; i < 4; i++) deal.push(await insertDeal(t, customerId, t.org.users.sellerA.id, 'won'));
  });
  afterAll(async () => t?.close());

  const plan3 = [
    { dueDate: '2026-10-01', amountFen: 100_000, method: 'wire' },
    { dueDate: '2026-10-10', amountFen: 100_000, method: 'bank_acceptance' },
    { dueDate: '2026-11-30', amountFen: 100_000, method: 'wire' },
  ];

  it('a plan that does not sum to the contract amount is refused with the difference', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: deal[0], signedAt: '2026-09-20', amountFen: 300_050, plan: plan3 } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'PLAN_MISMATCH', differenceFen: 50, fields: [{ field: 'plan', code: 'plan_sum_mismatch', params: { differenceFen: 50, differenceYuan: '¥0.50' } }] });
    expect(res.json().error.message).toContain('相差 ¥0.50');
    expect(await t.db.selectFrom('contracts').select('id').execute()).toEqual([]);
  });

  it('a due date or as-of date outside 2000–2099 is refused naming the field (working days are never walked to year 2926)', async () => {
    const seller = await t.as('seller_a');
    const typo = [{ ...plan3[0], dueDate: '2926-10-01' }, plan3[1], plan3[2]];
    const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: deal[0], signedAt: '2026-09-20', amountFen: 300_000, plan: typo } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'plan.0.dueDate', code: 'date_out_of_range', params: { from: 2000, to: 2099 } })]);
    expect(res.json().error.fields[0].message).toContain('2000');
    expect(await t.db.selectFrom('contracts').select('id').execute()).toEqual([]);
    const finance = await t.as('finance');
    const board = await finance({ method: 'GET', url: '/api/receivables?asOf=9999-12-31' });
    expect(board.statusCode, board.body).toBe(400);
    expect(board.json().error.fields).toEqual([expect.objectContaining({ field: 'asOf', code: 'date_out_of_range' })]);
    const bad = await finance({ method: 'GET', url: '/api/receivables/ageing?asOf=2026-02-30' });
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'asOf', code: 'invalid_date' })]);
  });

  it('registers a contract: numbered from the sequence, effective dates across National Day and the make-up Saturday', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: deal[0], signedAt: '2026-09-20', amountFen: 300_000, plan: plan3 } });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    contractId = c.id;
    expect(c).toMatchObject({ number: 'HT2026-0001', amountFen: 300_000, planVersion: 1, status: 'open', owner: { id: t.org.users.sellerA.id }, customer: { id: customerId } });
    expect(c.instalments.map((i: { dueDate: string; effectiveDueDate: string; status: string; paidFen: number; outstandingFen: number }) => [i.dueDate, i.effectiveDueDate, i.status, i.paidFen, i.outstandingFen])).toEqual([
      ['2026-10-01', '2026-10-08', 'open', 0, 100_000],
      ['2026-10-10', '2026-10-10', 'open', 0, 100_000],
      ['2026-11-30', '2026-11-30', 'open', 0, 100_000],
    ]);
    // Escalation: 3 working days after Oct 8 are Oct 9, Oct 10 (make-up Saturday) and Oct 12 → Oct 13 00:00.
    expect(c.instalments[0].escalateAt).toBe(sh('2026-10-13T00:00:00'));
    const second = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: deal[1], signedAt: '2026-09-21', amountFen: 100_000, split: { parts: 3, firstDueDate: '2026-10-31', intervalMonths: 1, method: 'wire' } } });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().number).toBe('HT2026-0002');
    expect(second.json().instalments.map((i: { amountFen: number; dueDate: string }) => [i.dueDate, i.amountFen])).toEqual([
      ['2026-10-31', 33_333],
      ['2026-11-30', 33_333],
      ['2026-12-31', 33_334],
    ]);
    expect((await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: deal[1], signedAt: '2026-09-21', amountFen: 100, number: 'HT2026-0001', plan: [{ dueDate: '2026-10-31', amountFen: 100, method: 'cash' }] } })).statusCode).toBe(409);
  });

  it('only finance records payments; a partial payment, then one payment closing two instalments', async () => {
    const seller = await t.as('seller_a');
    const finance = await t.as('finance');
    expect((await seller({ method: 'POST', url: `/api/contracts/${contractId}/payments`, payload: { amountFen: 1, receivedOn: '2026-10-09', method: 'wire', reference: 'x' } })).statusCode).toBe(403);
    t.clock.set(sh('2026-10-09T10:00:00'));
    const partial = await finance({ method: 'POST', url: `/api/contracts/${contractId}/payments`, payload: { amountFen: 40_000, receivedOn: '2026-10-09', method: 'wire', reference: 'B001' } });
    expect(partial.statusCode, partial.body).toBe(201);
    const after = partial.json();
    // Due Oct 8: as of Oct 9 it is overdue with 600 yuan open; the others untouched.
    expect(after.instalments[0]).toMatchObject({ paidFen: 40_000, outstandingFen: 60_000, status: 'overdue', band: 'red' });
    expect(after.instalments[1]).toMatchObject({ paidFen: 0, status: 'open' });
    // As of the day before, the money received on Oct 9 does not count yet.
    expect((await finance({ method: 'GET', url: `/api/contracts/${contractId}?asOf=2026-10-08` })).json().instalments[0]).toMatchObject({ status: 'open', paidFen: 0 });
    t.clock.set(sh('2026-10-10T10:00:00'));
    const both = await finance({ method: 'POST', url: `/api/contracts/${contractId}/payments`, payload: { amountFen: 160_000, receivedOn: '2026-10-10', method: 'bank_acceptance', reference: 'B002' } });
    expect(both.statusCode, both.body).toBe(201);
    const c = both.json();
    expect(c.instalments.map((i: { status: string; paidFen: number; escalateAt: string | null }) => [i.status, i.paidFen, i.escalateAt])).toEqual([
      ['paid', 100_000, null],
      ['paid', 100_000, null],
      ['open', 0, sh('2026-12-04T00:00:00')],
    ]);
    expect(c.payments[1].allocations.map((a: { amountFen: number }) => a.amountFen)).toEqual([60_000, 100_000]);
    expect(c).toMatchObject({ paidFen: 200_000, outstandingFen: 100_000, status: 'partially_paid', creditFen: 0 });
  });

  it('overpayment becomes customer credit, applied only by an explicit action to another contract', async () => {
    const finance = await t.as('finance');
    const other = (await t.db.selectFrom('contracts').select('id').where('number', '=', 'HT2026-0002').executeTakeFirstOrThrow()).id;
    const over = await finance({ method: 'POST', url: `/api/contracts/${contractId}/payments`, payload: { amountFen: 130_000, receivedOn: '2026-10-10', method: 'wire', reference: 'B003' } });
    expect(over.statusCode, over.body).toBe(201);
    expect(over.json()).toMatchObject({ outstandingFen: 0, status: 'paid', creditFen: 30_000 });
    expect(over.json().payments[2].unallocatedFen).toBe(30_000);
    // Nothing moved to the other contract by itself.
    expect((await finance({ method: 'GET', url: `/api/contracts/${other}` })).json().paidFen).toBe(0);
    expect((await finance({ method: 'GET', url: `/api/contracts/${other}/credit` })).json()).toMatchObject({ creditFen: 30_000, sources: [{ availableFen: 30_000 }] });
    const target = (await finance({ method: 'GET', url: `/api/contracts/${other}` })).json().instalments[0].id;
    const tooMuch = await finance({ method: 'POST', url: `/api/contracts/${other}/credit-applications`, payload: { instalmentId: target, amountFen: 30_001 } });
    expect(tooMuch.statusCode).toBe(422);
    const applied = await finance({ method: 'POST', url: `/api/contracts/${other}/credit-applications`, payload: { instalmentId: target, amountFen: 30_000, note: '预收款冲抵' } });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().instalments[0]).toMatchObject({ paidFen: 30_000, outstandingFen: 3_333 });
    expect(applied.json().creditFen).toBe(0);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'contract').where('entity_id', '=', other).execute();
    expect(audit.map((a) => a.action)).toContain('apply_credit');
  });

  it('a reversal is a new entry: the instalment reopens, the payment stays, a second reversal is refused', async () => {
    const finance = await t.as('finance');
    const before = (await finance({ method: 'GET', url: `/api/contracts/${contractId}` })).json();
    const first = before.payments[0];
    const res = await finance({ method: 'POST', url: `/api/contracts/${contractId}/payments/${first.id}/reversal`, payload: { reason: '银行退票' } });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.payments).toHaveLength(4);
    expect(c.payments.find((p: { id: string }) => p.id === first.id)).toMatchObject({ amountFen: 40_000, reversedBy: expect.any(String) });
    expect(c.instalments[0]).toMatchObject({ paidFen: 60_000, outstandingFen: 40_000, status: 'overdue' });
    expect((await finance({ method: 'POST', url: `/api/contracts/${contractId}/payments/${first.id}/reversal`, payload: { reason: 'again' } })).statusCode).toBe(409);
    expect(await t.db.selectFrom('payment_allocations').select('amount_fen').where('payment_id', '=', first.id).orderBy('created_at').execute()).toEqual([{ amount_fen: 40_000 }, { amount_fen: -40_000 }]);
  });

  it('an amendment is a new plan version and never goes below what is allocated', async () => {
    const seller = await t.as('seller_a');
    const c = (await seller({ method: 'GET', url: `/api/contracts/${contractId}` })).json();
    const [a, b, d] = c.instalments;
    const below = await seller({
      method: 'POST',
      url: `/api/contracts/${contractId}/amendments`,
      payload: { reason: '补充协议一', plan: [{ id: a.id, dueDate: a.dueDate, amountFen: 50_000, method: 'wire' }, { id: b.id, dueDate: b.dueDate, amountFen: 100_000, method: 'wire' }, { id: d.id, dueDate: '2026-12-31', amountFen: 150_000, method: 'wire' }] },
    });
    expect(below.statusCode, below.body).toBe(422);
    expect(below.json().error.fields[0]).toMatchObject({ field: 'plan.0.amountFen', code: 'below_allocated', params: { allocatedFen: 60_000 } });
    const ok = await seller({
      method: 'POST',
      url: `/api/contracts/${contractId}/amendments`,
      payload: { reason: '补充协议一：增加维保', amountFen: 350_000, plan: [{ id: a.id, dueDate: a.dueDate, amountFen: 100_000, method: 'wire' }, { id: b.id, dueDate: b.dueDate, amountFen: 100_000, method: 'wire' }, { id: d.id, dueDate: '2026-12-31', amountFen: 100_000, method: 'wire' }, { dueDate: '2027-01-31', amountFen: 50_000, method: 'wire' }] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().planVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(ok.json().instalments).toHaveLength(4);
    expect(ok.json().instalments[0].id).toBe(a.id);
    expect(ok.json().instalments[0].paidFen).toBe(60_000);
    expect(ok.json()).toMatchObject({ amountFen: 350_000, planVersion: 2 });
    expect(ok.json().instalments[2]).toMatchObject({ id: d.id, dueDate: '2026-12-31', paidFen: 100_000, status: 'paid' });
    // The old version is kept.
    expect(await t.db.selectFrom('contract_instalment_terms').select('version').where('contract_id', '=', contractId).where('version', '=', 1).execute()).toHaveLength(3);
    // The event carries the change, typed before/after, so a rule or consumer sees what the amendment moved.
    const event = await t.db.selectFrom('events').select('payload').where('type', '=', 'contract.amended').where('entity_id', '=', contractId).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ version: 2, reason: '补充协议一：增加维保', changed: expect.arrayContaining(['amountFen', 'plan']), before: { planVersion: 1, amountFen: 300_000 }, after: { planVersion: 2, amountFen: 350_000 } });
  });

  it('scope: the seller and their lead see it, another region does not; support sees it without any amount', async () => {
    expect((await (await t.as('lead_east1'))({ method: 'GET', url: `/api/contracts/${contractId}` })).statusCode).toBe(200);
    expect((await (await t.as('seller_b'))({ method: 'GET', url: `/api/contracts/${contractId}` })).statusCode).toBe(404);
    expect((await (await t.as('seller_b'))({ method: 'GET', url: '/api/receivables' })).json().items).toEqual([]);
    const support = await t.as('support');
    const res = await support({ method: 'GET', url: `/api/contracts/${contractId}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().number).toBe('HT2026-0001');
    expect(res.json().instalments[0].effectiveDueDate).toBe('2026-10-08');
    for (const key of ['amountFen', 'paidFen', 'outstandingFen', 'creditFen', 'unallocatedFen']) expect(res.body, key).not.toContain(`"${key}"`);
    expect(res.body).not.toContain('100000');
    expect((await support({ method: 'GET', url: '/api/receivables' })).statusCode).toBe(403);
    expect((await support({ method: 'GET', url: '/api/receivables/ageing' })).statusCode).toBe(403);
    expect((await support({ method: 'GET', url: `/api/audit?entity=contract&id=${contractId}` })).body).not.toContain('"amountFen"');
  });
});
