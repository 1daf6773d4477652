/**
 * Percentile normalisation within a segment, end to end: visits are ranked among the customers of the same industry
 * (loaded over every customer, not only the batch), so the same 2 visits score low among busy hospitals and high
 * among quiet distributors — through the recompute-all path and the nightly job alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayUntil } from '../../server/jobs/replay.js';
import { composeModules } from '../../server/modules/index.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

// Mon 2026-11-02 10:00 Shanghai.
const START = '2026-11-02T02:00:00.000Z';
const DAY = 86_400_000;

const definition = {
  name: '分群百分位',
  segmentBy: 'industry',
  bands: { green: 70, yellow: 40 },
  groups: [{ key: 'process', name: '过程维度', weight: 100, dimensions: [{ key: 'visits', name: '近3月拜访', weight: 100, source: { type: 'activities', types: ['visit'], days: 90 }, normalize: { percentile: true, points: [[0, 0], [100, 100]] } }] }],
};

describe('health: percentile normalisation within a segment', () => {
  let t: TestContext;
  let admin: Requester;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: START, config: { sessionTtlHours: 24 * 365 } });
    admin = await t.as('admin');
    const seller = await t.as('seller_a');
    // Hospitals visited 2, 6, 8, 10 times; distributors 0, 1, 2 times.
    const plan: Array<[string, string, number]> = [['h2', '医院', 2], ['h6', '医院', 6], ['h8', '医院', 8], ['h10', '医院', 10], ['d0', '医药流通', 0], ['d1', '医药流通', 1], ['d2', '医药流通', 2]];
    for (const [key, industry, visits] of plan) {
      const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: `百分位客户 ${key}`, industry } });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      for (let i = 0; i < visits; i++) {
        const a = await seller({ method: 'POST', url: '/api/activities', payload: { type: 'visit', customerId: ids[key], summary: `拜访 ${i}`, occurredAt: new Date(Date.parse(START) - (i + 1) * DAY).toISOString() } });
        expect(a.statusCode, a.body).toBe(201);
      }
    }
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition } })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  const scoreOf = async (key: string) => (await admin({ method: 'GET', url: `/api/customers/${ids[key]}/health` })).json();

  it('ranks each customer among its own segment: 2 visits is the bottom of the hospitals and the top of the distributors', async () => {
    const res = await admin({ method: 'POST', url: '/api/health/recompute', payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ customers: 7, written: 7 });
    // Mid-rank percentiles: hospitals 12.5 / 37.5 / 62.5 / 87.5, distributors 16.7 / 50 / 83.3.
    expect(await scoreOf('h2')).toMatchObject({ score: 12.5, colour: 'red', contributions: [{ dimension: 'visits', raw: 2, normalized: 12.5 }] });
    expect((await scoreOf('h10')).score).toBe(87.5);
    expect(await scoreOf('d2')).toMatchObject({ score: 83.3, colour: 'green', contributions: [{ dimension: 'visits', raw: 2, normalized: 83.33 }] });
    expect((await scoreOf('d0')).score).toBe(16.7);
  });

  it('the nightly job ranks against the whole segment, not the batch: a new busy hospital moves the others down', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: '百分位客户 h20', industry: '医院' } });
    for (let i = 0; i < 20; i++) await seller({ method: 'POST', url: '/api/activities', payload: { type: 'visit', customerId: res.json().id, summary: `拜访 ${i}`, occurredAt: new Date(Date.parse(START) - (i + 1) * 3_600_000).toISOString() } });
    t.clock.advance(DAY);
    const jobs = composeModules().jobs.filter((j) => j.name === 'health-nightly');
    const fired = await replayUntil({ db: t.db, dialect: t.dialect, config: t.config }, t.clock.now(), jobs);
    expect(fired.filter((f) => f.kind === 'health.run')).toHaveLength(1);
    // Five hospitals now: 10 visits ranks 70 (was 87.5); the distributors are unchanged.
    expect((await scoreOf('h10')).score).toBe(70);
    expect((await scoreOf('h2')).score).toBe(10);
    expect((await scoreOf('d2')).score).toBe(83.3);
  });
});
