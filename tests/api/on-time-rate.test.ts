/**
 * The on-time payment rate the health score uses: amount-weighted share of instalments due in the trailing 365
 * days paid within N working days of their effective due date; reversed money does not count; customers with
 * nothing due are absent. Data is written through the API (contracts, payments, a reversal) on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onTimePaymentRates } from '../../server/modules/contracts/on-time-rate.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`);

describe('onTimePaymentRates', () => {
  let t: TestContext;
  const customers: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let contractA: string;
  let firstPayment: string;

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-09-21T10:00:00').toISOString(), config: { sessionTtlHours: 24 * 365 } });
    const seller = await t.as('seller_a');
    const finance = await t.as('finance');
    for (const k of ['a', 'b', 'c'] as const) customers[k] = (await seller({ method: 'POST', url: '/api/customers', payload: { name: `准时率客户${k}` } })).json().id;
    const create = async (customer: string, amountFen: number, plan: Array<{ dueDate: string; amountFen: number }>) => {
      const dealId = await insertDeal(t, customer, t.org.users.sellerA.id, 'won');
      const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: '2026-09-20', amountFen, plan: plan.map((p) => ({ ...p, method: 'wire' })) } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    // A: 1 000 due Oct 1 (effective Oct 8 after National Day), 1 000 due Oct 20. B: 3 000 due Nov 2. C: due next year.
    contractA = await create(customers.a, 200_000, [{ dueDate: '2026-10-01', amountFen: 100_000 }, { dueDate: '2026-10-20', amountFen: 100_000 }]);
    await create(customers.b, 300_000, [{ dueDate: '2026-11-02', amountFen: 300_000 }]);
    await create(customers.c, 100_000, [{ dueDate: '2027-03-01', amountFen: 100_000 }]);
    const pay = async (amountFen: number, receivedOn: string) => {
      const res = await finance({ method: 'POST', url: `/api/contracts/${contractA}/payments`, payload: { amountFen, receivedOn, method: 'wire', reference: receivedOn } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().payments.at(-1).id as string;
    };
    firstPayment = await pay(100_000, '2026-10-09'); // one working day after the effective due date
    await pay(50_000, '2026-10-19'); // half of the second, on time
    await pay(50_000, '2026-11-10'); // the other half, three weeks late
  });
  afterAll(async () => t?.close());

  it('weights by amount and counts money within the grace working days', async () => {
    const asOf = sh('2026-11-20T12:00:00');
    const strict = await onTimePaymentRates(t.db, { asOf });
    expect(strict.get(customers.a)).toBe(50_000 / 200_000);
    expect(strict.get(customers.b)).toBe(0);
    expect(strict.has(customers.c)).toBe(false);
    const grace = await onTimePaymentRates(t.db, { asOf, graceWorkingDays: 1 });
    expect(grace.get(customers.a)).toBe(150_000 / 200_000);
  });

  it('filters customers, looks back 365 days only, and leaves out an instalment still inside its grace window', async () => {
    const only = await onTimePaymentRates(t.db, { asOf: sh('2026-11-20T12:00:00'), customerIds: [customers.b, customers.c] });
    expect([...only.keys()]).toEqual([customers.b]);
    expect((await onTimePaymentRates(t.db, { asOf: sh('2026-11-20T12:00:00'), customerIds: [] })).size).toBe(0);
    expect((await onTimePaymentRates(t.db, { asOf: sh('2026-10-01T12:00:00') })).size).toBe(0);
    expect((await onTimePaymentRates(t.db, { asOf: sh('2027-12-01T12:00:00') })).has(customers.a)).toBe(false);
    // As of Nov 3, B's Nov 2 instalment is inside a 5-working-day grace: not judged yet.
    expect((await onTimePaymentRates(t.db, { asOf: sh('2026-11-03T12:00:00'), graceWorkingDays: 5 })).has(customers.b)).toBe(false);
    expect((await onTimePaymentRates(t.db, { asOf: sh('2026-11-03T12:00:00') })).get(customers.b)).toBe(0);
  });

  it('a reversed payment never counted as on time', async () => {
    const res = await (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${contractA}/payments/${firstPayment}/reversal`, payload: { reason: '退票', reversedOn: '2026-11-15' } });
    expect(res.statusCode, res.body).toBe(200);
    const grace = await onTimePaymentRates(t.db, { asOf: sh('2026-11-20T12:00:00'), graceWorkingDays: 1 });
    expect(grace.get(customers.a)).toBe(50_000 / 200_000);
  });
});
