/**
 * THE invariant of the metrics module: for every metric, every countable figure or chart cell `{ cell, value }` in
 * its answer, for several roles, on both databases: `/records?cell=` answers `total === value`, and the metric's
 * export holds exactly `value` record rows whose dimension columns match the cell. The test walks the answers
 * generically, so a new metric or a new cell is covered without being named here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInsightWorld } from '../support/insight-fixture.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { checkMetricsInvariant } from '../support/metrics-invariant.js';

const Q = 'pipelineId=insight_demo&from=2026-10-01&to=2026-11-30';

describe('metrics invariant: figure = drill total = export rows', () => {
  let t: TestContext;
  let names: string[];
  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-30T10:00:00.000Z' });
    await seedInsightWorld(t);
    names = (await (await t.as('director'))({ method: 'GET', url: '/api/metrics' })).json().items.map((i: { name: string }) => i.name);
  });
  afterAll(async () => t?.close());

  for (const role of ['director', 'lead_east1', 'seller_a', 'support']) {
    it(`every metric and cell agrees for ${role}`, { timeout: 120_000 }, async () => {
      expect(await checkMetricsInvariant(await t.as(role), role, names, Q, 'live')).toBeGreaterThan(100);
    });
  }

  it('a cell exported alone has exactly its value rows (CSV with a BOM)', async () => {
    const director = await t.as('director');
    const a = (await director({ method: 'GET', url: `/api/metrics/funnel?${Q}` })).json().answer;
    const entered = a.cohort[0].entered;
    const csv = await director({ method: 'GET', url: `/api/metrics/funnel/export?${Q}&format=csv&cell=${encodeURIComponent(entered.cell)}` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines.length - 1).toBe(entered.value);
    expect(entered.value).toBeGreaterThan(0);
  });
});
