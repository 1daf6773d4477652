/**
 * `npm run bench:side -- [--quick] [--db sqlite|postgres] [--peer URL] [--regenerate] [--seconds N] [--customers N] [--worker]
 *                        [--only TEXT] [--cpu-prof DIR]`
 *
 * Side-by-side bench: generates the data set (100k customers, 300k deals, 3M activities; `--quick`: a tenth), starts
 * a real actionflow server on it, drives each workload over HTTP with 1 and 16 closed-loop clients, times the
 * hand-written SQL for the same answer on the same database, and prints req/s, p50/p95/p99 and the ratio to raw SQL.
 * `--peer URL` also drives the equivalent requests against another system (see docs/performance.md).
 *
 * SQLite: ./data/bench-side-{quick|full}.db. PostgreSQL: DATABASE_URL (default the local test server), schema
 * actionflow_side_{quick|full}. An existing data set of the right size is reused.
 */
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir, platform, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemClock } from '../server/core/clock.js';
import { table } from '../server/cli/context.js';
import { openDatabase } from '../server/db/index.js';
import { BENCH_PASSWORD, benchUser, generateBenchData, DEFAULT_BENCH } from './generate.js';
import { drive, openRaw, timeRaw, type Stats } from './load.js';
import { peerWorkloads } from './peer.js';
import { workloads } from './workloads.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    db: { type: 'string', default: 'sqlite' },
    peer: { type: 'string' },
    regenerate: { type: 'boolean' },
    seconds: { type: 'string' },
    port: { type: 'string', default: '3990' },
    worker: { type: 'boolean' },
    customers: { type: 'string' },
    // Only the workloads whose name contains this text (e.g. --only activity).
    only: { type: 'string' },
    // Write a V8 CPU profile of the server (node --cpu-prof) into DIR; open it in Chrome DevTools or speedscope.
    'cpu-prof': { type: 'string' },
  },
  strict: true,
});
if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error(`--db must be sqlite or postgres, got "${values.db}"`);
const size = values.customers ? `c${values.customers}` : values.quick ? 'quick' : 'full';
const customers = Number(values.customers ?? (values.quick ? 10_000 : 100_000));
const opts = { ...DEFAULT_BENCH, customers, dealsPerCustomer: 3, activitiesPerCustomer: 30 };
const seconds = Number(values.seconds ?? (values.quick ? 3 : 5));
const schema = `actionflow_side_${size}`;
const url = values.db === 'sqlite' ? `sqlite:./data/bench-side-${size}.db` : (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

const startLoad = loadavg().map((x) => x.toFixed(1)).join(' ');

// 1. The data set.
const database = openDatabase(url, values.db === 'postgres' ? { schema } : {});
await database.migrate();
const count = async (t: 'customers' | 'deals' | 'activities') => Number((await database.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const director = await database.db.selectFrom('users').select('id').where('username', '=', benchUser.director).executeTakeFirst();
if (values.regenerate || !director || (await count('customers')) !== opts.customers) {
  console.log(`Generating ${opts.customers} customers, ${opts.customers * opts.dealsPerCustomer} deals, ${opts.customers * opts.activitiesPerCustomer} activities…`);
  const started = Date.now();
  await generateBenchData(database.db, systemClock, opts);
  console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
// Planner statistics and (PostgreSQL) the visibility map, as routine maintenance / autovacuum leave them.
await (values.db === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(database.db);
const sizes = { customers: await count('customers'), deals: await count('deals'), activities: await count('activities') };
await database.close();

// 2. A real server on it.
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const serverUrl = values.db === 'postgres' ? `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : url;
// HTTP only by default: what is measured is the request path. `--worker` also runs the background jobs in it.
const dataDir = mkdtempSync(join(tmpdir(), 'actionflow-side-'));
const serverLog = join(dataDir, 'server.log');
const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
const server = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts', 'serve', '--no-demo', '--port', String(port), ...(values.worker ? [] : ['--no-worker'])], {
  env: { ...process.env, DATABASE_URL: serverUrl, ACTIONFLOW_DATA_DIR: dataDir, ACTIONFLOW_LOGIN_MAX: '100000' },
  stdio: ['ignore', 'ignore', openSync(serverLog, 'a')],
});
console.log(`actionflow started (pid ${server.pid}; its errors go to ${serverLog})`);
// Nothing in flight is worth a graceful stop, and a busy worker could delay one.
const stopServer = () => server.exitCode === null && server.kill('SIGKILL');
process.on('exit', stopServer);
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error('actionflow exited during start-up');
  const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
  if (ok) break;
  if (i > 600) throw new Error('actionflow did not answer /api/health within 60 s');
  await new Promise((r) => setTimeout(r, 100));
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('af_session='));
  return cookie!.split(';')[0]!;
}

// 3. The workloads.
const raw = await openRaw(url, values.db === 'postgres' ? schema : undefined);
const sellerName = benchUser.seller(1, 1, 1);
const seller = (await raw.run(`select id, team_path from users where username = ?`, [sellerName]))[0] as { id: string; team_path: string };
const pipeline = (await raw.run(`select id from pipelines where key = ?`, ['b2b_six_step']))[0] as { id: string };
const cookies = { director: await login(benchUser.director), seller: await login(sellerName) };
const board = JSON.parse(await (await fetch(`${base}/api/pipelines/${pipeline.id}/board?limit=1`, { headers: { cookie: cookies.director } })).text());
const list = await workloads({
  base,
  raw,
  cookies,
  sellerId: seller.id,
  sellerTeamPath: seller.team_path,
  pipelineId: pipeline.id,
  stages: board.columns.map((c: { stageKey: string }) => c.stageKey),
  sellerCustomers: ((await raw.run(`select id from customers where owner_id = ? limit 200`, [seller.id])) as { id: string }[]).map((r) => r.id),
  deepOffset: Math.min(80_000, Math.floor(sizes.deals * 0.8)),
});
const peer = values.peer ? await peerWorkloads(values.peer) : null;

/**
 * CPU time the server process has used (Linux /proc; 0 elsewhere): per request it says what a request costs the
 * server whatever else shares the machine, where req/s on a loaded machine mostly measures the contention.
 */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime (fields 14 and 15 of the whole line) in clock ticks, 100 a second on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '–');
const rows: string[][] = [];
const run = (w: (typeof list)[number], concurrency: number) =>
  drive(w.api, { concurrency, durationMs: seconds * 1000, minRequests: concurrency === 1 ? 20 : 64, warmup: w.write ? 1 : 3 });
for (const w of list.filter((x) => !values.only || x.name.includes(values.only))) {
  const rawStats: Stats = await timeRaw(w.raw, w.write ? 200 : 100);
  const one = await run(w, 1);
  const cpuBefore = serverCpuMs();
  const sixteen = await run(w, 16);
  const cpuPerRequest = (serverCpuMs() - cpuBefore) / Math.max(1, sixteen.requests);
  const peerStats = peer?.[list.indexOf(w)] ? await drive(peer[list.indexOf(w)]!, { concurrency: 16, durationMs: seconds * 1000, minRequests: 64, warmup: 3 }) : null;
  rows.push([
    w.name,
    ms(rawStats.p50),
    `${ms(one.p50)} / ${ms(one.p95)} / ${ms(one.p99)}`,
    one.reqPerSec.toFixed(0),
    `${sixteen.reqPerSec.toFixed(0)}${sixteen.errors ? ` (${sixteen.errors} errors)` : ''}`,
    `${ms(sixteen.p50)} / ${ms(sixteen.p95)} / ${ms(sixteen.p99)}`,
    w.write ? '–' : `${(one.p50 / rawStats.p50).toFixed(1)}× (+${ms(one.p50 - rawStats.p50)} ms)`,
    cpuPerRequest > 0 ? `${ms(cpuPerRequest)} (${(1000 / cpuPerRequest).toFixed(0)}/s)` : '–',
    peerStats ? `${peerStats.reqPerSec.toFixed(0)} (${(sixteen.reqPerSec / peerStats.reqPerSec).toFixed(2)}×)` : '–',
  ]);
  if (one.errors || sixteen.errors) console.error(`${w.name}: ${one.firstError ?? sixteen.firstError}`);
  console.log(`  done: ${w.name}`);
}

let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
} catch {
  // Not a git checkout: the figures still stand, without a commit.
}
console.log(
  `\nactionflow side-by-side bench — ${new Date().toISOString()}, commit ${commit}\n` +
    `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, node ${process.version}\n` +
    `${values.db}: ${sizes.customers} customers, ${sizes.deals} deals, ${sizes.activities} activities; ${seconds} s per run, HTTP over loopback, ` +
      `${values.worker ? 'with' : 'without'} the background worker; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (at start ${startLoad})\n`,
);
console.log(table(['workload', 'raw SQL p50 ms', 'c1 p50/p95/p99 ms', 'c1 req/s', 'c16 req/s', 'c16 p50/p95/p99 ms', 'c1 p50 vs raw', 'server CPU ms/req at c16 (1 core: req/s)', 'peer c16 req/s (ratio)'], rows));
await raw.close();
if (profile.length) {
  // The profile is written when the process exits on its own: a graceful stop, not SIGKILL.
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  console.log(`CPU profile of the server written to ${values['cpu-prof']}`);
}
stopServer();
