import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { fuzzOperations } from '../support/fuzz.js';

/**
 * Issue 14: property-based fuzzing of every operation in the OpenAPI document, with a fixed seed and a few
 * cases per operation so CI stays fast; `npm run fuzz -- --runs N` runs the same properties longer.
 */
describe('fuzzing every operation from the OpenAPI document', () => {
  let t: TestContext;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await setupTestApp();
    const seller = await t.as('seller_a');
    const customer = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '模糊测试客户' } })).json();
    ids.push(customer.id, t.org.users.sellerA.id, t.org.teams.eastTeam1, 'me');
  });
  afterAll(async () => t?.close());

  it('answers no 5xx, only error-shaped non-2xx and schema-conforming 2xx (admin and seller)', async () => {
    const totals = [];
    for (const username of ['admin', 'seller_a']) {
      const as = await t.as(username);
      totals.push(await fuzzOperations(t.app, (req) => as({ ...req, method: req.method as 'GET' }), { runs: 4, seed: 20261130, ids }));
    }
    const requests = totals.reduce((n, x) => n + x.requests, 0);
    const failures = totals.flatMap((x) => x.failures);
    console.log(`fuzz: ${requests} requests over ${totals[0].operations} operations, ${failures.length} failures`);
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
    expect(totals[0].operations).toBeGreaterThan(100);
  }, 120_000);
});
