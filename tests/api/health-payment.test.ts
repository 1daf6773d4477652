/**
 * The on-time payment rate (contracts/on-time-rate.ts) as a health dimension source: a customer who paid on time
 * scores 100 on it; one with nothing due has no value, so the dimension is excluded and the coverage says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('health: on-time payment rate source', () => {
  let t: TestContext;
  const ids = { paid: '', none: '' };

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-10-10T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    const seller = await t.as('seller_a');
    const finance = await t.as('finance');
    ids.paid = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '按时回款医院', level: 'B' } })).json().id;
    ids.none = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '无应收医院', level: 'B' } })).json().id;
    const dealId = await insertDeal(t, ids.paid, t.org.users.sellerA.id, 'won');
    const contract = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: '2026-09-20', amountFen: 100_000, plan: [{ dueDate: '2026-10-20', amountFen: 100_000, method: 'wire' }] } });
    expect(contract.statusCode, contract.body).toBe(201);
    const pay = await finance({ method: 'POST', url: `/api/contracts/${contract.json().id}/payments`, payload: { amountFen: 100_000, receivedOn: '2026-10-19', method: 'wire', reference: 'r1' } });
    expect(pay.statusCode, pay.body).toBe(201);
    t.clock.set(sh('2026-11-02T10:00:00'));
  });
  afterAll(async () => t?.close());

  it('scores the paid customer on the rate and leaves the other without a value', async () => {
    const admin = await t.as('admin');
    const definition = {
      name: '回款',
      bands: { green: 70, yellow: 40 },
      coverageFloor: 0.4,
      groups: [
        {
          key: 'base',
          name: '基础',
          weight: 100,
          dimensions: [
            { key: 'on_time', name: '按时回款率', weight: 50, source: { type: 'on_time_payment_rate', graceWorkingDays: 0 }, normalize: { points: [[0.5, 0], [1, 100]] } },
            { key: 'level', name: '等级', weight: 50, source: { type: 'field', field: 'level', map: { A: 100, B: 60 } }, normalize: { points: [[0, 0], [100, 100]] } },
          ],
        },
      ],
    };
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition } })).statusCode).toBe(201);
    expect((await admin({ method: 'POST', url: '/api/health/recompute', payload: {} })).json()).toMatchObject({ customers: 2, written: 2 });
    const paid = (await admin({ method: 'GET', url: `/api/customers/${ids.paid}/health` })).json();
    expect(paid).toMatchObject({ score: 80, coverage: 1, colour: 'green' });
    expect(paid.contributions[0]).toMatchObject({ dimension: 'on_time', raw: 1, normalized: 100, weight: 50, contribution: 50, status: 'ok' });
    const none = (await admin({ method: 'GET', url: `/api/customers/${ids.none}/health` })).json();
    expect(none).toMatchObject({ score: 60, coverage: 0.5, colour: 'yellow' });
    expect(none.contributions[0]).toMatchObject({ dimension: 'on_time', raw: null, status: 'missing', weight: 0 });
  });
});
