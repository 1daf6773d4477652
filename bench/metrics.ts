/**
 * `npx tsx bench/metrics.ts`: the war-room metrics on the bench data set — p50/p95 of every dashboard metric for the
 * director and for a team lead, and the streaming export of a large deal list (seconds, rows, peak RSS).
 *
 *   nice npx tsx bench/metrics.ts [--iterations 10] [--regenerate] [generator flags, see bench/generate.ts]
 *
 * The bench generator writes deals without a stage history; this script adds one per deal the first time (each deal
 * walked from the first stage to its current one over the past months, a fifth of them closed as won or lost), so
 * cohorts, stays and losses have something to count. Figures, not assertions: nothing here fails on a slow machine.
 * SQLite file ./data/bench.db by default; PostgreSQL with DATABASE_URL (schema BENCH_SCHEMA).
 */
import { parseArgs } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { systemClock } from '../server/core/clock.js';
import { loadConfig } from '../server/core/config.js';
import { table } from '../server/cli/context.js';
import { insertBatches } from '../server/demo/load.js';
import { Random } from '../server/demo/random.js';
import { definitionOf } from '../server/modules/pipelines/repo.js';
import type { DealStageHistoryTable } from '../server/db/schema.js';
import { BENCH_OPTIONS, BENCH_PASSWORD, benchOptionsFrom, benchUser, generateBenchData, openBenchDatabase } from './generate.js';

const { values } = parseArgs({ options: { ...BENCH_OPTIONS, iterations: { type: 'string' }, regenerate: { type: 'boolean' } }, strict: true });
const opts = benchOptionsFrom(values);
const iterations = Number(values.iterations ?? 10);
const DAY = 86_400_000;

const database = openBenchDatabase();
await database.migrate();
const db = database.db;
const count = async (t: 'customers' | 'activities' | 'deals' | 'deal_stage_history') => Number((await db.selectFrom(t).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const director = await db.selectFrom('users').select('id').where('username', '=', benchUser.director).executeTakeFirst();
if (values.regenerate || !director || (await count('customers')) !== opts.customers) {
  console.log(`Generating the bench data set (${opts.customers} customers)…`);
  const started = Date.now();
  await generateBenchData(db, systemClock, opts);
  console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if ((await count('deal_stage_history')) === 0) {
  console.log('Adding stage histories…');
  const started = Date.now();
  const random = new Random(opts.seed + 7);
  const pipeline = await db.selectFrom('pipelines').selectAll().where('key', '=', 'b2b_six_step').executeTakeFirstOrThrow();
  const def = definitionOf(pipeline);
  const open = def.stages.filter((s) => !s.terminal).map((s) => s.key);
  const won = def.stages.find((s) => s.terminal === 'won')!.key;
  const lost = def.stages.find((s) => s.terminal === 'lost')?.key;
  const now = Date.now();
  let after = '';
  for (;;) {
    const deals = await db.selectFrom('deals').select(['id', 'stage_key', 'owner_id']).where('id', '>', after).orderBy('id').limit(5000).execute();
    if (deals.length === 0) break;
    after = deals[deals.length - 1].id;
    const rows: DealStageHistoryTable[] = [];
    const updates: Array<{ id: string; stage: string; status: string; at: string }> = [];
    for (const d of deals) {
      const target = Math.max(0, open.indexOf(d.stage_key));
      let at = now - random.int(20, 240) * DAY;
      const path = open.slice(0, target + 1);
      const close = random.chance(0.2) ? (random.chance(0.4) ? won : lost) : null;
      if (close) path.push(close);
      path.forEach((stage, i) => {
        const next = i < path.length - 1 ? at + random.int(1, 20) * DAY : null;
        rows.push({ id: random.uuid(), deal_id: d.id, stage_key: stage, entered_at: new Date(at).toISOString(), left_at: next && next < now ? new Date(next).toISOString() : null, entered_by: d.owner_id, direction: i === 0 ? 'created' : 'forward', skip_reason: null });
        if (next) at = Math.min(next, now - 1000);
      });
      const last = rows[rows.length - 1];
      last.left_at = null;
      updates.push({ id: d.id, stage: last.stage_key, status: close === won ? 'won' : close ? 'lost' : 'open', at: last.entered_at });
    }
    await db.transaction().execute(async (trx) => {
      await insertBatches(trx, 'deal_stage_history', rows);
      for (const u of updates) await trx.updateTable('deals').set({ stage_key: u.stage, status: u.status, stage_entered_at: u.at }).where('id', '=', u.id).execute();
    });
  }
  console.log(`Stage histories added in ${((Date.now() - started) / 1000).toFixed(1)} s (${await count('deal_stage_history')} rows)`);
}

const config = loadConfig({ ACTIONFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'actionflow-bench-')) });
const app = await buildApp({ database, clock: systemClock, config });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';

async function login(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: BENCH_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
}

async function measure(cookie: string, url: string) {
  const once = async () => {
    const started = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  await once();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push(await once());
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

const metrics = ((await app.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: await login(benchUser.director) } })).json().items as Array<{ name: string }>).map((m) => m.name);
const rows: string[][] = [];
for (const persona of [
  { label: 'director', username: benchUser.director },
  { label: 'lead', username: benchUser.lead(1, 1) },
]) {
  const cookie = await login(persona.username);
  for (const name of metrics) {
    const r = await measure(cookie, `/api/metrics/${name}?pipelineId=b2b_six_step`);
    rows.push([persona.label, name, r.p50.toFixed(1), r.p95.toFixed(1), r.p95 <= 150 ? 'ok' : 'over 150'] );
  }
}
console.log(`\nactionflow metrics bench — ${database.dialect}, ${await count('customers')} customers, ${await count('deals')} deals, ${await count('activities')} activities, ${await count('deal_stage_history')} stays; default period (last 30 days); ${iterations} requests each after 1 warm-up\n`);
console.log(table(['actor', 'metric', 'p50 ms', 'p95 ms', 'target p95 ≤ 150'], rows));

// Export: the director's whole deal list over real HTTP, read and discarded as it streams; RSS sampled meanwhile.
const cookie = await login(benchUser.director);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = Date.now();
const res = await fetch(`${baseUrl}/api/exports/deals`, { headers: { cookie } });
let bytes = 0;
for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
const seconds = (Date.now() - started) / 1000;
clearInterval(sampler);
console.log(`\nexport /api/exports/deals (director, ${await count('deals')} deals): HTTP ${res.status}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s, peak RSS of the process ${(peak / 1e6).toFixed(0)} MB (server and client in one process)`);
await app.close();
await database.close();
