/**
 * The backtest catching a customer early, on both databases, from nightly runs replayed through `tick`'s code path.
 * Two hospitals stop ordering in spring. 台州中心医院's visits stop in January: as they leave the model's 30-day
 * window its score falls and, after the hysteresis confirms it, it is red from 2026-02-05 02:00 — 54 days before its last
 * order on 2026-03-31. 丽水人民医院 keeps being visited until it stops ordering: the model never flags it (the
 * seed's "flagged late" case). The backtest counts one of two caught ≥ 30 days early, with that exact lead time,
 * through the API and `actionflow health backtest`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestOutput } from '../../server/cli/health.js';
import { replayUntil } from '../../server/jobs/replay.js';
import { composeModules } from '../../server/modules/index.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

const model = {
  name: '拜访模型',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 2 },
  groups: [{ key: 'process', name: '过程维度', weight: 100, dimensions: [{ key: 'visits', name: '近30天拜访', weight: 100, source: { type: 'activities', types: ['visit'], days: 30 }, normalize: { points: [[0, 0], [4, 100]] } }] }],
};

describe('health backtest: a customer caught early', () => {
  let t: TestContext;
  let admin: Requester;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-01-05T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    admin = await t.as('admin');
    const seller = await t.as('seller_a');
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition: model } })).statusCode).toBe(201);
    const orders: Record<string, string[]> = { 台州中心医院: ['2025-11-20', '2025-12-18', '2026-02-10', '2026-03-31'], 丽水人民医院: ['2025-12-05', '2026-01-22', '2026-03-20'] };
    for (const [name, dates] of Object.entries(orders)) {
      ids[name] = (await seller({ method: 'POST', url: '/api/customers', payload: { name, level: 'A', industry: '医院' } })).json().id;
      for (const day of dates) {
        const deal = await insertDeal(t, ids[name], t.org.users.sellerA.id, 'won');
        await t.db.updateTable('deals').set({ stage_entered_at: sh(`${day}T10:00:00`) }).where('id', '=', deal).execute();
      }
    }
    // Logged on 1 April, dated when they happened: 台州's four visits in early January, 丽水's weekly since.
    t.clock.set(sh('2026-04-01T12:00:00'));
    const visit = async (customerId: string, at: string) => {
      const res = await seller({ method: 'POST', url: '/api/activities', payload: { type: 'visit', customerId, summary: '拜访科室', occurredAt: at } });
      expect(res.statusCode, res.body).toBe(201);
    };
    for (let d = 2; d <= 5; d++) await visit(ids['台州中心医院'], sh(`2026-01-0${d}T09:00:00`));
    for (let at = Date.parse(sh('2026-01-01T09:00:00')); at < Date.parse(sh('2026-04-01T00:00:00')); at += 7 * 86_400_000) await visit(ids['丽水人民医院'], new Date(at).toISOString());
    // Every night from 6 January to 1 April, as the worker (or `tick --at`) runs them.
    const fired = await replayUntil({ db: t.db, dialect: t.dialect, config: t.config }, new Date(t.clock.now()), composeModules().jobs.filter((j) => j.name === 'health-nightly'));
    expect(fired.filter((f) => f.kind === 'health.run')).toHaveLength(86);
    t.clock.set(sh('2026-07-15T10:00:00'));
    // 86 nights replayed on PostgreSQL under a loaded machine: more than the default hook allowance.
  }, 180_000);
  afterAll(async () => t?.close());

  it('counts the early catch with its exact lead time; the customer visited until it stopped is not flagged', async () => {
    const colours = await t.db.selectFrom('health_scores').select(['colour', 'computed_at', 'score']).where('customer_id', '=', ids['台州中心医院']).orderBy('computed_at').execute();
    // Visits leave the 30-day window one a night from 2 February (75 → 50 → 25 → 0): 50 is a yellow candidate, 25
    // and 0 are red ones (below 40 − 5), and the second red night confirms it.
    expect(colours.map((c) => [c.computed_at, c.colour, c.score])).toEqual([
      [sh('2026-01-06T02:00:00'), 'green', 100],
      [sh('2026-02-02T02:00:00'), 'green', 75],
      [sh('2026-02-03T02:00:00'), 'green', 50],
      [sh('2026-02-04T02:00:00'), 'green', 25],
      [sh('2026-02-05T02:00:00'), 'red', 0],
    ]);
    const res = await admin({ method: 'GET', url: '/api/health/backtest' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ months: 12, leadDays: 30, quietDays: 90, customers: 2, flagged: 1, caughtEarly: 1, share: 0.5, medianLeadDays: 54 });
    expect(body.items).toEqual(
      expect.arrayContaining([
        { customerId: ids['台州中心医院'], lastOrderAt: sh('2026-03-31T10:00:00'), flaggedAt: sh('2026-02-05T02:00:00'), leadDays: 54, caught: true },
        { customerId: ids['丽水人民医院'], lastOrderAt: sh('2026-03-20T10:00:00'), flaggedAt: null, leadDays: null, caught: false },
      ]),
    );
    const text = await backtestOutput(t.db, t.clock, { months: 12, leadDays: 30, quietDays: 90 });
    expect(text).toContain('Caught ≥ 30 days before the last order: 1 of 2 (catch rate 50 %)');
    expect(text).toContain('Lead time: median 54 days');
  });
});
