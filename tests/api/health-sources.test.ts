/**
 * The dimension sources no other health test reads (both databases): a custom field, the product lines bought (won
 * deals in distinct pipelines within the window) and only the effective activities of given types. Each raw value
 * in the explanation is the figure the source must answer; a loader that breaks changes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const START = '2026-11-02T02:00:00.000Z';
const DAY = 86_400_000;
const definition = {
  name: '来源',
  bands: { green: 70, yellow: 40 },
  groups: [
    {
      key: 'base',
      name: '基础',
      weight: 100,
      dimensions: [
        { key: 'beds', name: '床位数', weight: 40, source: { type: 'field', field: 'custom:beds' }, normalize: { points: [[0, 0], [1000, 100]] } },
        { key: 'lines', name: '产品线覆盖', weight: 30, source: { type: 'deals', measure: 'product_lines', days: 365 }, normalize: { points: [[0, 0], [4, 100]] } },
        { key: 'demos', name: '有效演示', weight: 30, source: { type: 'activities', types: ['demo'], effectiveOnly: true, days: 90 }, normalize: { points: [[0, 0], [2, 100]] } },
      ],
    },
  ],
};

describe('health sources: custom field, product lines, effective activities', () => {
  let t: TestContext;
  let seller: Requester;
  let customerId: string;

  beforeAll(async () => {
    t = await setupTestApp({ start: START });
    seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '台州中心医院', level: 'A' } })).json().id;
    await t.db.updateTable('customers').set({ custom: JSON.stringify({ beds: 800 }) }).where('id', '=', customerId).execute();
    // Product lines: two won deals in one pipeline and one in a second count 2; an open deal in a third and a deal
    // won more than a year ago in a fourth do not count.
    const owner = t.org.users.sellerA.id;
    const pipelineOf = async (deal: string, key: string) => {
      const first = await t.db.selectFrom('pipelines').selectAll().where('key', '=', 'leads-test').executeTakeFirstOrThrow();
      const id = newId();
      await t.db.insertInto('pipelines').values({ ...first, id, key }).execute();
      await t.db.updateTable('deals').set({ pipeline_id: id }).where('id', '=', deal).execute();
    };
    await insertDeal(t, customerId, owner, 'won');
    await insertDeal(t, customerId, owner, 'won');
    await pipelineOf(await insertDeal(t, customerId, owner, 'won'), 'line-2');
    await pipelineOf(await insertDeal(t, customerId, owner, 'open'), 'line-3');
    const old = await insertDeal(t, customerId, owner, 'won');
    await pipelineOf(old, 'line-4');
    await t.db.updateTable('deals').set({ stage_entered_at: new Date(Date.parse(START) - 400 * DAY).toISOString() }).where('id', '=', old).execute();
    // Demos: three logged, two of them effective (one of those outside the 90 days); a visit marked effective.
    const log = async (type: string, daysAgo: number, effective: boolean) => {
      const res = await seller({ method: 'POST', url: '/api/activities', payload: { type, customerId, summary: `${type} ${daysAgo}`, occurredAt: new Date(Date.parse(START) - daysAgo * DAY).toISOString() } });
      expect(res.statusCode, res.body).toBe(201);
      await t.db.updateTable('activities').set({ effective: effective ? 1 : 0 }).where('id', '=', res.json().id).execute();
    };
    await log('demo', 1, true);
    await log('demo', 2, false);
    await log('demo', 120, true);
    await log('visit', 1, true);
    const admin = await t.as('admin');
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition } })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('explains each source with the raw figure it must answer', async () => {
    expect((await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId } })).json()).toMatchObject({ written: 1 });
    const health = (await seller({ method: 'GET', url: `/api/customers/${customerId}/health` })).json();
    expect(health.contributions.map((c: { dimension: string; raw: number; normalized: number; contribution: number; status: string }) => [c.dimension, c.raw, c.normalized, c.contribution, c.status])).toEqual([
      ['beds', 800, 80, 32, 'ok'],
      ['lines', 2, 50, 15, 'ok'],
      ['demos', 1, 50, 15, 'ok'],
    ]);
    expect(health).toMatchObject({ score: 62, coverage: 1 });
  });
});
