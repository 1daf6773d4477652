/**
 * `npm run bench:time -- <consumer|sweep|deadline|health|all> [--db sqlite|postgres] [sizes]`: the time engine's
 * figures (issue 8, and issue 19 point 4), printed, never asserted.
 *
 *   consumer  one consumer poll with --events (3,000,000) historical events and 10 new ones: the old anti-join shape,
 *             then `consumeEvents` with its watermark, one transaction per event (the earlier shape, `chunk: 1`) and
 *             one transaction per poll (the current one)
 *   sweep     --timers (1,000,000) open clocks of which --due (10,000) are due: the due lookup, then the SLA passes
 *             `tick` and the worker run until every due clock has fired; --batch 1 fires one timer per transaction
 *             (about a dozen statements per firing, the shape before set-based firing) for comparison
 *   deadline  deadline → notification handed to the outbox with the real worker loop (every job of every module):
 *             --deadlines (150) clocks falling due one every 100 ms, with and without waking at the next deadline
 *   health    `actionflow serve` (HTTP + worker) on --backlog (100,000) overdue clocks: health-check latency while the
 *             worker catches up, for --seconds (60)
 *
 * Data: bench/time-data.ts (fresh file data/bench-time.db, or schema actionflow_bench_time on DATABASE_URL).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemClock } from '../server/core/clock.js';
import { loadConfig } from '../server/core/config.js';
import { consumeEvents } from '../server/core/consumers.js';
import type { DatabaseHandle, Dialect } from '../server/db/index.js';
import { startWorker } from '../server/jobs/worker.js';
import { composeModules } from '../server/modules/index.js';
import { runSla } from '../server/modules/sla/job.js';
import { dueTimerIds, earliestDue } from '../server/modules/sla/repo.js';
import { percentile } from './load.js';
import { analyze, count, freshTimeDatabase, insertConsumedHistory, insertTimers, TIME_SCHEMA, timeBenchUrl } from './time-data.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: 'sqlite' },
    events: { type: 'string', default: '3000000' },
    timers: { type: 'string', default: '1000000' },
    due: { type: 'string', default: '10000' },
    deadlines: { type: 'string', default: '150' },
    backlog: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '60' },
    batch: { type: 'string' },
  },
});
const dialect = values.db as Dialect;
if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error('--db must be sqlite or postgres');
const what = positionals[0] ?? 'all';
const log = (m: string) => console.log(m);
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return `p50 ${ms(percentile(s, 0.5))} · p95 ${ms(percentile(s, 0.95))} · p99 ${ms(percentile(s, 0.99))} · max ${ms(s.at(-1) ?? 0)} (n=${s.length})`;
};
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}
async function plan(database: DatabaseHandle, query: string) {
  const text = database.dialect === 'postgres' ? `explain analyze ${query}` : `explain query plan ${query}`;
  const rows = (await sql.raw<Record<string, unknown>>(text).execute(database.db)).rows;
  return rows.map((r) => `    ${String(r['QUERY PLAN'] ?? r.detail)}`).join('\n');
}

async function consumerBench() {
  const n = Number(values.events);
  log(`\n## One consumer poll: ${n.toLocaleString('en')} historical events + 10 new (${dialect})`);
  const database = await freshTimeDatabase(dialect, log);
  const { db } = database;
  const [high, genMs] = await timed(() => insertConsumedHistory(db, dialect, n, Date.now() - 3_600_000, 'bench', log));
  // Where the consumer's watermark stands after it has consumed that history (bench/time-data.ts: all consumed).
  await db.insertInto('consumer_watermarks').values({ consumer: 'bench', low_seq: high, updated_at: new Date().toISOString() }).execute();
  await analyze(db, dialect, ['events', 'event_consumptions', 'consumer_watermarks']);
  log(`generated in ${(genMs / 1000).toFixed(1)} s`);
  let added = 0;
  const addNew = async (k: number) => {
    const now = new Date().toISOString();
    added += k;
    await db.insertInto('events').values(Array.from({ length: k }, (_, i) => ({ id: `new-${added}-${i}`, type: 'activity.created', entity: 'activity', entity_id: `n${i}`, actor_id: null, payload: '{}', occurred_at: now }))).execute();
  };
  await addNew(10);
  // Before: the query every poll ran until the watermark existed — an anti-join over the whole history.
  const before = `select * from events where not exists (select 1 from event_consumptions c where c.consumer = 'bench' and c.event_id = events.id) order by seq limit 200`;
  const beforeMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [rows, t] = await timed(() => sql.raw<{ id: string }>(before).execute(db));
    if (rows.rows.length !== 10) throw new Error(`before: expected the 10 new events, got ${rows.rows.length}`);
    beforeMs.push(t);
  }
  log(`before (anti-join over all history): ${stats(beforeMs)}\n  plan:\n${await plan(database, before)}`);
  // After: the real consumer, 20 polls each finding 10 new events, then 20 idle polls; per event and per poll.
  const polls = async (chunk: number) => {
    const busy: number[] = [];
    for (let round = 0; round < 20; round++) {
      await addNew(10);
      const [done, t] = await timed(() => consumeEvents(db, systemClock, 'bench', async () => {}, { chunk }));
      if (done !== 10) throw new Error(`after: expected 10 events consumed, got ${done}`);
      busy.push(t);
    }
    return busy;
  };
  await consumeEvents(db, systemClock, 'bench', async () => {});
  log(`watermark, one transaction per event (the shape before this change): ${stats(await polls(1))}`);
  log(`watermark, one transaction per poll (after): ${stats(await polls(50))}`);
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push((await timed(() => consumeEvents(db, systemClock, 'bench', async () => {})))[1]);
  log(`watermark, idle poll: ${stats(idle)}`);
  // The tail query as consumeEvents sends it, with the watermark it read first.
  const low = Number((await db.selectFrom('consumer_watermarks').select('low_seq').where('consumer', '=', 'bench').executeTakeFirstOrThrow()).low_seq);
  const afterQuery = `select * from events where seq > ${low} and not exists (select 1 from event_consumptions c where c.consumer = 'bench' and c.event_id = events.id) order by seq limit 200`;
  log(`  plan:\n${await plan(database, afterQuery)}`);
  await database.close();
}

async function sweepBench() {
  const total = Number(values.timers);
  const due = Number(values.due);
  log(`\n## tick sweep: ${total.toLocaleString('en')} open clocks, ${due.toLocaleString('en')} due (${dialect})`);
  const database = await freshTimeDatabase(dialect, log);
  const { db } = database;
  const now = Date.now();
  const [, genMs] = await timed(() => insertTimers(db, dialect, { total, due, dueFromMs: now - 3_600_000, dueToMs: now - 60_000, futureFromMs: now + 3_600_000 }, log));
  log(`generated in ${(genMs / 1000).toFixed(1)} s`);
  const asOf = new Date().toISOString();
  const lookup: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [ids, t] = await timed(async () => (await earliestDue(db, asOf), await dueTimerIds(db, asOf, due)));
    if (ids.length !== due) throw new Error(`lookup found ${ids.length} due, expected ${due}`);
    lookup.push(t);
  }
  log(`due lookup (earliest deadline + ids of all ${due} due clocks): ${stats(lookup)}`);
  log(`  plan:\n${await plan(database, `select id from sla_timers where status = 'active' and due_at <= '${asOf}' order by due_at limit ${due}`)}`);
  const deps = { db, dialect, clock: systemClock, config: loadConfig({ ACTIONFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'af-bench-')) }) };
  // Firing hands notifications to hooks (personal platform messages) that only a composed process has.
  composeModules();
  let passes = 0;
  const [, fireMs] = await timed(async () => {
    while ((await runSla(deps, values.batch ? { batchSize: Number(values.batch) } : {})) > 0) passes++;
  });
  const fired = await count(db, 'sla_firings');
  const left = await count(db, 'sla_timers', sql`status = 'active' and due_at <= ${asOf}`);
  log(`sweep (SLA passes as tick and the worker run them, until idle; ${values.batch ? `batch ${values.batch}` : 'default batches'}): ${fired} fired, ${left} still due, ${passes} passes, ${(fireMs / 1000).toFixed(2)} s (${(fireMs / Math.max(1, fired)).toFixed(2)} ms a firing)`);
  await database.close();
}

async function deadlineBench() {
  const n = Number(values.deadlines);
  log(`\n## Deadline → notification handed to the outbox, real worker loop (${dialect})`);
  const database = await freshTimeDatabase(dialect, log);
  const { db } = database;
  const config = loadConfig({ ACTIONFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'af-bench-')) });
  const deps = { db, dialect, clock: systemClock, config };
  // Catch up first (the generated deals' own stage clocks, today's pool sweep…), so only the bench deadlines are due.
  // Rounds until one does nothing: a later job's events (the pool sweep's) are work for an earlier one (SLA).
  for (let round = 0, did = 1; did > 0 && round < 20; round++) {
    did = 0;
    for (const job of composeModules().jobs) for (let guard = 0, n = 1; n > 0 && guard < 10_000; guard++) did += n = await job.run(deps);
  }
  for (const wake of [false, true]) {
    const jobs = composeModules().jobs.map((j) => (wake ? j : { ...j, nextWake: undefined }));
    const worker = startWorker(deps, (m, e) => console.error(m, e), jobs);
    const tag = wake ? 'wake' : 'poll';
    const start = Date.now() + 2000;
    await insertTimers(db, dialect, { total: n, due: n, dueFromMs: start, dueToMs: start + (n - 1) * 100, futureFromMs: start, tag }, () => {});
    const until = Date.now() + (n * 100 + 30_000);
    const firedOf = () => count(db, 'sla_firings', sql`timer_id like ${tag + '-%'}`);
    while ((await firedOf()) < n && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    await worker.stop();
    const rows = await db
      .selectFrom('sla_firings')
      .innerJoin('notification_requests', (j) => j.on(sql`notification_requests.idempotency_key`, 'like', sql`'sla:' || sla_firings.timer_id || ':%'`))
      .select(['sla_firings.due_at', 'notification_requests.created_at'])
      .where('sla_firings.timer_id', 'like', `${tag}-%`)
      .execute();
    const delays = rows.map((r) => Date.parse(r.created_at) - Date.parse(r.due_at));
    log(`${wake ? 'after (worker wakes at the next deadline)' : 'before (1 s idle poll only)'}: ${rows.length} of ${n} handed over; delay ${stats(delays)}`);
  }
  await database.close();
}

async function healthBench() {
  const backlog = Number(values.backlog);
  const seconds = Number(values.seconds);
  log(`\n## Health checks during a ${backlog.toLocaleString('en')}-timer catch-up (${dialect}, actionflow serve with its worker)`);
  const database = await freshTimeDatabase(dialect, log);
  const now = Date.now();
  await insertTimers(database.db, dialect, { total: backlog, due: backlog, dueFromMs: now - 30 * 86_400_000, dueToMs: now - 60_000, futureFromMs: now }, () => {});
  await database.close();
  const dir = mkdtempSync(join(tmpdir(), 'af-bench-health-'));
  // The server finds the bench schema through the connection's search_path.
  const serverUrl = dialect === 'postgres' ? `${timeBenchUrl(dialect)}?options=${encodeURIComponent(`-c search_path=${TIME_SCHEMA}`)}` : timeBenchUrl(dialect);
  const env = { ...process.env, DATABASE_URL: serverUrl, ACTIONFLOW_DATA_DIR: dir, CI: 'true' };
  const proc = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'actionflow.js'), 'serve', '--port', '0', '--no-demo', ...(process.env.BENCH_NO_WORKER ? ['--no-worker'] : [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      const m = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (d) => (out += d));
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const watcher = (await import('../server/db/index.js')).openDatabase(timeBenchUrl(dialect), dialect === 'postgres' ? { schema: TIME_SCHEMA } : {});
  const latencies: number[] = [];
  const worst: Array<[number, number]> = [];
  const started = Date.now();
  let fired = 0;
  let lastCheck = 0;
  while (Date.now() - started < seconds * 1000) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/health`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`health: ${res.status}`);
    latencies.push(performance.now() - t0);
    // When the probe was sent, so a slow first probe counts in the start-up window.
    worst.push([Date.now() - started - latencies.at(-1)!, latencies.at(-1)!]);
    if (Date.now() - lastCheck > 2000) {
      lastCheck = Date.now();
      fired = await count(watcher.db, 'sla_firings');
      if (fired >= backlog) break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  fired = await count(watcher.db, 'sla_firings');
  const elapsed = (Date.now() - started) / 1000;
  await watcher.close();
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
  log(`health checks (one every ~20 ms, back to back): ${stats(latencies)}`);
  // The first seconds hold every job's first pass (the pool sweep returns up to 500 customers in one transaction).
  log(`  after the first 5 s (catch-up only): ${stats(worst.filter(([at]) => at > 5000).map(([, l]) => l))}`);
  const slowest = worst.sort((a, b) => b[1] - a[1]).slice(0, 3);
  log(`  slowest: ${slowest.map(([at, l]) => `${ms(l)} at +${(at / 1000).toFixed(1)} s`).join(', ')}`);
  log(`catch-up meanwhile: ${fired.toLocaleString('en')} of ${backlog.toLocaleString('en')} fired in ${elapsed.toFixed(0)} s (${(fired / elapsed).toFixed(0)}/s)`);
}

const started = new Date();
// Figures on this shared machine move with its load: print it with them.
log(`time-engine bench, ${started.toISOString()}, ${dialect}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}, ${cpus().length} CPUs`);
if (what === 'consumer' || what === 'all') await consumerBench();
if (what === 'sweep' || what === 'all') await sweepBench();
if (what === 'deadline' || what === 'all') await deadlineBench();
if (what === 'health' || what === 'all') await healthBench();
log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
process.exit(0);
