/**
 * `npm run fuzz -- --runs N [--seed S]`: the CI fuzz properties (tests/support/fuzz.ts) with N cases per operation
 * and role, on SQLite (TEST_DB=postgres for PostgreSQL). Prints the totals; exit code 1 when anything failed.
 */
import { parseArgs } from 'node:util';
import { setupTestApp } from '../support/app.js';
import { fuzzOperations } from '../support/fuzz.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const t = await setupTestApp();
const customer = (await (await t.as('seller_a'))({ method: 'POST', url: '/api/customers', payload: { name: '模糊测试客户' } })).json();
const ids = [customer.id, t.org.users.sellerA.id, t.org.teams.eastTeam1, 'me'];
let requests = 0;
const failures: string[] = [];
let errors5xx = 0;
const started = Date.now();
for (const username of ['admin', 'director', 'rm_east', 'lead_east1', 'seller_a', 'support', 'finance']) {
  const as = await t.as(username);
  const totals = await fuzzOperations(t.app, (req) => as({ ...req, method: req.method as 'GET' }), { runs, seed, ids });
  requests += totals.requests;
  errors5xx += totals.status5xx;
  failures.push(...totals.failures);
  console.log(`${username}: ${totals.requests} requests over ${totals.operations} operations, ${totals.status5xx} 5xx, ${totals.badErrorShape} bad error bodies, ${totals.schemaMismatch} schema mismatches`);
}
console.log(`\ntotal: ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed}), ${errors5xx} 5xx, ${failures.length} failures`);
for (const f of failures.slice(0, 50)) console.log(`  ${f}`);
await t.close();
process.exit(failures.length > 0 ? 1 : 0);
