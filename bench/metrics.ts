/**
 * `npx tsx bench/metrics.ts`: the war-room metrics on the bench data set — p50/p95 of every dashboard metric for the
 * director and for a team lead, and the streaming export of a large deal list (seconds, rows, peak RSS).
 *
 *   nice npx tsx bench/metrics.ts [--iterations 10] [--regenerate] [--prepare-only | --export-only] [--export-query status=open]
 *                                 [generator flags, see bench/generate.ts]
 *
 * Two rounds: first every view live (the warm-up requests register the views slow over many rows, as a server
 * does), then — after materialising the registered views as the worker would (metrics/snapshots.ts), with each
 * snapshot's rows and build time printed — as served, with the drill list of each metric's first cell.
 *
 * `--prepare-only` generates the data set (and stage histories, tags) and stops, for a long generation run in the
 * background; `--export-only` skips the metrics and measures the export alone. The export is measured against a separate `actionflow serve` process (its RSS, not this one's).
 *
 * The bench generator writes deals without a stage history; this script adds one per deal the first time (each deal
 * walked from the first stage to its current one over the past months, a fifth of them closed as won or lost), so
 * cohorts, stays and losses have something to count. Figures, not assertions: nothing here fails on a slow machine.
 * SQLite file ./data/bench.db by default; PostgreSQL with DATABASE_URL (schema BENCH_SCHEMA).
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { systemClock } from '../server/core/clock.js';
import { loadConfig } from '../server/core/config.js';
import { table } from '../server/cli/context.js';
import { insertBatches } from '../server/demo/load.js';
import { Random } from '../server/demo/random.js';
import { refreshSnapshots } from '../server/modules/metrics/snapshots.js';
import { definitionOf } from '../server/modules/pipelines/repo.js';
import type { DealStageHistoryTable } from '../server/db/schema.js';
import { BENCH_OPTIONS, BENCH_PASSWORD, benchOptionsFrom, benchUser, generateBenchData, openBenchDatabase } from './generate.js';

const { values } = parseArgs({ options: { ...BENCH_OPTIONS, iterations: { type: 'string' }, regenerate: { type: 'boolean' }, 'prepare-only': { type: 'boolean' }, 'export-only': { type: 'boolean' }, 'export-query': { type: 'string' } }, strict: true });
const opts = benchOptionsFrom(values);
const iterations = Number(values.iterations ?? 10);
const exportQuery = values['export-query'] ?? '';
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

// Tags and shared customers for consistency and the heat map's unused tags: about 6 activities in 16 carry a tag (4 of
// them a need / pain point, which consistency compares, 2 an action tag), and
// 2 in 16 are moved to another seller of the same team, so many customers are logged by two sellers (once, in SQL).
if (Number((await db.selectFrom('activity_tags').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) === 0) {
  const started = Date.now();
  await sql`insert into activity_tags (activity_id, tag_key)
    select id, case substr(id, 1, 1) when '0' then 'need_price_sensitive' when '1' then 'need_delivery_time' when '2' then 'competitor_sheet'
      when '3' then 'need_price_sensitive' when '4' then 'need_clinical_evidence' else 'second_walkthrough' end
    from activities where substr(id, 1, 1) in ('0', '1', '2', '3', '4', '5')`.execute(db);
  await sql`update activities set owner_id = coalesce((select min(u.id) from users u join users me on me.id = activities.owner_id
      where u.team_id = me.team_id and u.id <> me.id and u.role = 'seller'), owner_id)
    where substr(id, 2, 1) in ('a', 'b')`.execute(db);
  console.log(`Tags and shared customers added in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
// Planner statistics for what was just written, as routine maintenance (autovacuum on PostgreSQL) leaves them. Without
// them PostgreSQL estimated 27 stays where the period had 24,878 and nested-looped a lead's dwell for 7.8 s (74 ms after).
await (database.dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);

if (values['prepare-only']) {
  await database.close();
  process.exit(0);
}

const config = loadConfig({ ...process.env, ACTIONFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'actionflow-bench-')) });
const app = await buildApp({ database, clock: systemClock, config });
await app.ready();

async function login(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: BENCH_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
}

async function measure(cookie: string, url: string) {
  // Wall time, and the CPU time this process spent (server and database work both run here for SQLite): on a shared,
  // loaded machine the wall time mostly measures waiting for a core.
  const once = async () => {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const used = process.cpuUsage(cpu);
    return { wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: (used.user + used.system) / 1000, body: res.json() as { source: string; answer?: unknown; total?: number } };
  };
  const first = await once();
  const samples: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < iterations; i++) samples.push(await once());
  const at = (values: number[], q: number) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)];
  const wall = samples.map((x) => x.wall);
  const cpu = samples.map((x) => x.cpu);
  return { p50: at(wall, 0.5), p95: at(wall, 0.95), cpu50: at(cpu, 0.5), cpu95: at(cpu, 0.95), body: first.body };
}

/** The first countable cell of an answer (what a click on the first figure drills into). */
function firstCell(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const c = firstCell(v);
      if (c) return c;
    }
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.cell === 'string' && typeof o.value === 'number' && o.value > 0) return o.cell;
    for (const v of Object.values(o)) {
      const c = firstCell(v);
      if (c) return c;
    }
  }
  return null;
}

const metrics = values['export-only'] ? [] : ((await app.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: await login(benchUser.director) } })).json().items as Array<{ name: string }>).map((m) => m.name);
const Q = 'pipelineId=b2b_six_step';
const personas = [
  { label: 'director', username: benchUser.director },
  { label: 'lead', username: benchUser.lead(1, 1) },
];
const header = ['actor', 'metric', 'served from', 'p50 ms', 'p95 ms', 'cpu p50 ms', 'cpu p95 ms', 'target p95 ≤ 150'];
async function round(label: string, drills: boolean): Promise<void> {
  const rows: string[][] = [];
  const drillRows: string[][] = [];
  for (const persona of personas) {
    const cookie = await login(persona.username);
    for (const name of metrics) {
      const r = await measure(cookie, `/api/metrics/${name}?${Q}`);
      rows.push([persona.label, name, r.body.source, r.p50.toFixed(1), r.p95.toFixed(1), r.cpu50.toFixed(1), r.cpu95.toFixed(1), r.p95 <= 150 ? 'ok' : 'over 150']);
      const cell = drills ? firstCell(r.body.answer) : null;
      if (cell) {
        const d = await measure(cookie, `/api/metrics/${name}/records?${Q}&cell=${encodeURIComponent(cell)}&pageSize=50`);
        drillRows.push([persona.label, name, d.body.source, cell.slice(0, 40), String(d.body.total), d.p50.toFixed(1), d.p95.toFixed(1)]);
      }
    }
  }
  if (rows.length === 0) return;
  console.log(`\n${label} — ${database.dialect}, ${await count('customers')} customers, ${await count('deals')} deals, ${await count('activities')} activities, ${await count('deal_stage_history')} stays; default period (last 30 days); ${iterations} requests each after 1 warm-up\n`);
  console.log(table(header, rows));
  if (drillRows.length) console.log(`\nDrill lists (first page of 50 of the first non-empty cell)\n\n${table(['actor', 'metric', 'served from', 'cell', 'total', 'p50 ms', 'p95 ms'], drillRows)}`);
}

// Snapshots of earlier runs go: round 1 measures every view live.
await db.deleteFrom('metric_snapshot_facts').execute();
await db.deleteFrom('metric_snapshots').execute();
await db.deleteFrom('metric_views').execute();
// Round 1: every view computed live; the warm-up requests register the views that are slow over many rows.
await round('Round 1: live (before any snapshot)', false);
// The worker's part, run here in full: materialise every registered view (what it does one view a run).
const deps = { db, bulkDb: database.bulk, dialect: database.dialect, clock: systemClock, config };
const buildStarted = Date.now();
let built = 0;
for (let n = await refreshSnapshots(deps, 1); n > 0; n = await refreshSnapshots(deps, 1)) built += n;
const snapshots = await db
  .selectFrom('metric_snapshots')
  .innerJoin('metric_views', 'metric_views.id', 'metric_snapshots.view_id')
  .select(['metric_views.metric', 'metric_views.live_ms', 'metric_snapshots.row_count', 'metric_snapshots.built_ms'])
  .orderBy('metric_views.metric')
  .execute();
if (metrics.length) {
  console.log(`\nSnapshots: ${built} views materialised in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s (the worker builds one a run, each again ${config.metricSnapshots.refreshMinutes} min after its last)\n`);
  console.log(table(['metric', 'live ms when registered', 'fact rows', 'build ms'], snapshots.map((s) => [s.metric, String(s.live_ms), String(s.row_count), String(s.built_ms)])));
  await round('Round 2: as served (snapshots where registered)', true);
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);

await app.close();
await database.close();

// Export: the director's whole deal list from a separate server process (`actionflow serve` on the same database, no
// worker), read and discarded here as it streams; the server's RSS is sampled from /proc meanwhile and its peak is the
// kernel's high-water mark (VmHWM), so the client's memory is not counted.
const dataDir = mkdtempSync(join(tmpdir(), 'actionflow-bench-export-'));
const server = spawn(process.execPath, ['bin/actionflow.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo', '--no-worker'], {
  env: { ...process.env, DATABASE_URL: serverDatabaseUrl(), ACTIONFLOW_DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const serverUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${out}`)));
  });
  const proc = (field: 'VmRSS' | 'VmHWM') => {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  };
  const signIn = await fetch(`${serverUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: benchUser.director, password: BENCH_PASSWORD }) });
  const session = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  // utime + stime of the server (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s on Linux).
  const cpuSeconds = () => {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const before = proc('VmRSS');
  const cpuBefore = cpuSeconds();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, proc('VmRSS'))), 20);
  const started = Date.now();
  const res = await fetch(`${serverUrl}/api/exports/deals${exportQuery ? `?${exportQuery}` : ''}`, { headers: { cookie: session } });
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
  const seconds = (Date.now() - started) / 1000;
  const serverCpu = cpuSeconds() - cpuBefore;
  clearInterval(sampler);
  const rows = await exportedRows();
  console.log(`\nexport /api/exports/deals${exportQuery ? `?${exportQuery}` : ''} (director, ${rows} deals) from a separate server process: HTTP ${res.status}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s; server CPU ${serverCpu.toFixed(1)} s); server RSS ${(before / 1e6).toFixed(0)} MB before, peak during ${(peak / 1e6).toFixed(0)} MB (sampled), lifetime high-water mark ${(proc('VmHWM') / 1e6).toFixed(0)} MB; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

/** The bench database as the server process opens it (PostgreSQL: the bench schema on the search path). */
function serverDatabaseUrl(): string {
  const url = process.env.DATABASE_URL ?? 'sqlite:./data/bench.db';
  if (!url.startsWith('postgres')) return url;
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${process.env.BENCH_SCHEMA ?? 'actionflow_bench'}`);
  return u.toString();
}

/** How many deals the export holds (the director sees all; a query narrows by status, stage or owner). */
async function exportedRows(): Promise<number> {
  const handle = openBenchDatabase();
  try {
    const params = new URLSearchParams(exportQuery);
    let q = handle.db.selectFrom('deals').select(handle.db.fn.countAll().as('n'));
    if (params.get('status')) q = q.where('status', '=', params.get('status')!);
    if (params.get('stage')) q = q.where('stage_key', '=', params.get('stage')!);
    return Number((await q.executeTakeFirstOrThrow()).n);
  } finally {
    await handle.close();
  }
}
