/**
 * Health sources and coverage through the API, both databases: the open-work-orders source counts a customer's
 * unresolved orders (an order opened and resolved moves the score both ways); a customer field that stops being
 * filled is carried for `missingDays`, then excluded, and below the coverage floor the customer turns grey (数据不足)
 * — with no `customer.health_changed` event, so no playbook fires for it. Recomputes at one instant follow each
 * other: the explanation shows the last one (the snapshots' chain, not their equal timestamps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { addPresales, addType } from '../support/workorders.js';

const DAY = 86_400_000;
const model = {
  name: '覆盖率模型',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 2 },
  coverageFloor: 0.6,
  missingDays: 2,
  groups: [
    {
      key: 'base',
      name: '基础',
      weight: 100,
      dimensions: [
        { key: 'level', name: '客户等级', weight: 50, source: { type: 'field', field: 'level', map: { A: 100, B: 60, D: 0 } }, normalize: { points: [[0, 0], [100, 100]] } },
        // Fewer open orders is healthier: none → 100, two or more → 0.
        { key: 'open_orders', name: '未结工单', weight: 50, source: { type: 'work_orders' }, normalize: { points: [[0, 100], [2, 0]] } },
      ],
    },
  ],
};

describe('health sources and coverage', () => {
  let t: TestContext;
  let seller: Requester;
  let customerId: string;
  const recompute = async () => {
    const res = await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const health = async () => (await seller({ method: 'GET', url: `/api/customers/${customerId}/health` })).json();
  const contribution = async (key: string) => (await health()).contributions.find((c: { dimension: string }) => c.dimension === key);

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z', config: { sessionTtlHours: 24 * 365 } });
    seller = await t.as('seller_a');
    const dept = await addPresales(t);
    await addType(t, { key: 'legal', name: '法务', team: dept.teamId, response: '2bh', resolution: '4bh' });
    expect((await (await t.as('admin'))({ method: 'POST', url: '/api/health-models', payload: { definition: model } })).statusCode).toBe(201);
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '嘉兴第一医院', level: 'A' } })).json().id;
  });
  afterAll(async () => t?.close());

  it('counts open work orders of the customer; a resolved one no longer counts', async () => {
    await recompute();
    expect(await health()).toMatchObject({ score: 100, colour: 'green', coverage: 1 });
    const order = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'legal', subject: { type: 'customer', id: customerId }, title: '合同条款复核' } });
    expect(order.statusCode, order.body).toBe(201);
    await recompute();
    expect(await contribution('open_orders')).toMatchObject({ raw: 1, normalized: 50, weight: 50, contribution: 25 });
    const helper = await t.as('presales_1');
    expect((await helper({ method: 'PATCH', url: `/api/work-orders/${order.json().id}`, payload: { status: 'resolved' } })).statusCode).toBe(200);
    await recompute();
    expect(await contribution('open_orders')).toMatchObject({ raw: 0, normalized: 100 });
  });

  it('carries a field that stops being filled, then excludes it; below the coverage floor grey, and no playbook fires', async () => {
    await t.db.updateTable('customers').set({ level: null }).where('id', '=', customerId).execute();
    t.clock.advance(DAY);
    await recompute();
    // Within missingDays: the last value is carried, the coverage stays whole.
    expect(await contribution('level')).toMatchObject({ status: 'stale', raw: 100 });
    expect(await health()).toMatchObject({ colour: 'green', coverage: 1 });
    t.clock.advance(3 * DAY);
    await recompute();
    // Excluded: half the weight has no data, under the 0.6 floor → 数据不足.
    expect(await contribution('level')).toMatchObject({ status: 'missing', weight: 0 });
    expect(await health()).toMatchObject({ colour: 'grey', coverage: 0.5 });
    const events = await t.db.selectFrom('events').select('id').where('type', '=', 'customer.health_changed').where('entity_id', '=', customerId).execute();
    expect(events).toEqual([]);
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    expect(await t.db.selectFrom('health_retention_plans').select('id').where('customer_id', '=', customerId).execute()).toEqual([]);
    expect(await t.db.selectFrom('tasks').select('id').where('customer_id', '=', customerId).execute()).toEqual([]);
    // The list filters by it.
    expect((await seller({ method: 'GET', url: '/api/health/customers?colour=grey' })).json().items.map((i: { customerId: string }) => i.customerId)).toEqual([customerId]);
  });
});
