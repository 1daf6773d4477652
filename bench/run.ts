/**
 * `npm run bench`: latency of the scoped customer list through the real HTTP app (Fastify inject, so no network in
 * the figures) on a large data set. Generates the data set first when the bench database does not hold it.
 *
 *   npm run bench -- [--iterations 40] [--regenerate] [generator flags, see bench/generate.ts]
 *
 * SQLite file ./data/bench.db by default; PostgreSQL with DATABASE_URL (schema BENCH_SCHEMA, default actionflow_bench).
 */
import { parseArgs } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { systemClock } from '../server/core/clock.js';
import { loadConfig } from '../server/core/config.js';
import type { App } from '../server/core/http.js';
import { table } from '../server/cli/context.js';
import { BENCH_OPTIONS, BENCH_PASSWORD, benchOptionsFrom, benchUser, generateBenchData, openBenchDatabase } from './generate.js';

const { values } = parseArgs({
  options: { ...BENCH_OPTIONS, iterations: { type: 'string' }, regenerate: { type: 'boolean' } },
  strict: true,
});
const opts = benchOptionsFrom(values);
const iterations = Number(values.iterations ?? 40);

const database = openBenchDatabase();
await database.migrate();
const count = async (table: 'customers' | 'activities' | 'deals') =>
  Number((await database.db.selectFrom(table).select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const director = await database.db.selectFrom('users').select('id').where('username', '=', benchUser.director).executeTakeFirst();
if (values.regenerate || !director || (await count('customers')) !== opts.customers) {
  console.log(`Generating the bench data set (${opts.customers} customers)…`);
  const started = Date.now();
  await generateBenchData(database.db, systemClock, opts);
  console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const config = loadConfig({ ACTIONFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'actionflow-bench-')) });
const app: App = await buildApp({ database, clock: systemClock, config });

async function login(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: BENCH_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
}

async function measure(cookie: string, url: string): Promise<{ p50: number; p95: number; total: number }> {
  const once = async () => {
    const started = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { ms, total: res.json().total as number };
  };
  for (let i = 0; i < 3; i++) await once();
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < iterations; i++) {
    const r = await once();
    samples.push(r.ms);
    total = r.total;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), total };
}

const personas = [
  { label: 'seller', username: benchUser.seller(1, 1, 1) },
  { label: 'lead', username: benchUser.lead(1, 1) },
  { label: 'director', username: benchUser.director },
];
const rows: string[][] = [];
const pageSize = 20;
for (const persona of personas) {
  const cookie = await login(persona.username);
  const first = await measure(cookie, `/api/customers?page=1&pageSize=${pageSize}`);
  rows.push([persona.label, 'list page 1', String(first.total), first.p50.toFixed(1), first.p95.toFixed(1)]);
  const deepPage = Math.max(1, Math.ceil(first.total / pageSize));
  const deep = await measure(cookie, `/api/customers?page=${deepPage}&pageSize=${pageSize}`);
  rows.push([persona.label, `list page ${deepPage} (last)`, String(deep.total), deep.p50.toFixed(1), deep.p95.toFixed(1)]);
  // A brand word in about one name in twenty: a realistic "type part of the name" search.
  const search = await measure(cookie, `/api/customers?q=${encodeURIComponent('华康')}&page=1&pageSize=${pageSize}`);
  rows.push([persona.label, 'search name "华康"', String(search.total), search.p50.toFixed(1), search.p95.toFixed(1)]);
}

console.log(
  `\nactionflow bench — ${database.dialect}, ${await count('customers')} customers, ${await count('deals')} deals, ` +
    `${await count('activities')} activities; ${iterations} requests each (after 3 warm-up)\n`,
);
console.log(table(['actor', 'request', 'total', 'p50 ms', 'p95 ms'], rows));

await app.close();
await database.close();
