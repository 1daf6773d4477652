/**
 * Health bench: the nightly recompute (the `health-nightly` job's passes, batches of 500 customers, one set-based
 * query per dimension and batch) over a generated company — by default 100,000 customers with 30 activities each
 * (3,000,000) and 1 won deal each. Prints the seconds of the first night (every customer gets a snapshot), of the
 * second (nothing changed: nothing written) and the process's peak RSS.
 *
 *   npx tsx bench/health.ts [--size 100000] [--activities-per-customer 30] [--skip-generate]
 *
 * Database: DATABASE_URL (PostgreSQL, schema BENCH_SCHEMA, default actionflow_bench_health) or
 * sqlite:./data/bench-health.db. Generating replaces what that database held.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ManualClock } from '../server/core/clock.js';
import { loadConfig } from '../server/core/config.js';
import { openDatabase } from '../server/db/index.js';
import { toJson } from '../server/core/json.js';
import { healthModelSchema } from '../server/modules/health/definition.js';
import { healthNightlyJob } from '../server/modules/health/job.js';
import * as repo from '../server/modules/health/repo.js';
import { DEFAULT_BENCH, generateBenchData } from './generate.js';

const { values } = parseArgs({ options: { size: { type: 'string' }, 'activities-per-customer': { type: 'string' }, 'skip-generate': { type: 'boolean' } } });
const size = Number(values.size ?? 100_000);
const perCustomer = Number(values['activities-per-customer'] ?? 30);
const url = process.env.DATABASE_URL ?? 'sqlite:./data/bench-health.db';
const tagged = (u: string) => `${u}${u.includes('?') ? '&' : '?'}application_name=actionflow-health-bench`;
const handle = openDatabase(url.startsWith('postgres') ? tagged(url) : url, url.startsWith('postgres') ? { schema: process.env.BENCH_SCHEMA ?? 'actionflow_bench_health' } : {});
const db = handle.db;
const dialect = url.startsWith('postgres') ? 'postgres' : 'sqlite';

const model = healthModelSchema.parse({
  name: '康捷医疗健康度（bench）',
  segmentBy: 'industry',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 3 },
  severeBelow: 15,
  trend: { drop: 15, days: 14 },
  groups: [
    {
      key: 'base',
      name: '基础维度',
      weight: 60,
      dimensions: [
        { key: 'purchase', name: '年采购额', weight: 40, source: { type: 'deals', measure: 'won_amount', days: 365 }, normalize: { points: [[0, 0], [100_000_000, 100]] } },
        { key: 'lines', name: '产品线覆盖', weight: 30, source: { type: 'deals', measure: 'product_lines', days: 365 }, normalize: { points: [[0, 0], [3, 100]] } },
        { key: 'level', name: '客户等级', weight: 30, source: { type: 'field', field: 'level', map: { A: 100, B: 70, C: 40, D: 10 } }, normalize: { points: [[0, 0], [100, 100]] } },
      ],
    },
    {
      key: 'process',
      name: '过程维度',
      weight: 40,
      dimensions: [
        { key: 'visits', name: '近3月拜访', weight: 40, source: { type: 'activities', types: ['visit'], days: 90 }, normalize: { points: [[0, 0], [6, 100]] } },
        { key: 'requests', name: '新需求', weight: 30, source: { type: 'activities', types: ['call', 'wechat'], days: 90, effectiveOnly: true }, normalize: { points: [[0, 0], [5, 100]] } },
        { key: 'feedback', name: '临床反馈', weight: 30, source: { type: 'activities', types: ['demo'], days: 90 }, normalize: { points: [[0, 0], [3, 100]] }, notApplicableFor: ['经销商'] },
      ],
    },
  ],
});

const mb = (kb: number) => Math.round(kb / 1024);

/**
 * PostgreSQL does its share in its own backend processes: their CPU time (utime + stime from /proc, same machine)
 * is summed over the bench's connections, tagged by application_name. Null on SQLite or when /proc is not readable.
 */
async function serverCpuSeconds(): Promise<number | null> {
  if (dialect !== 'postgres') return null;
  const { readFileSync } = await import('node:fs');
  const rows = await sql<{ pid: number }>`select pid from pg_stat_activity where application_name = 'actionflow-health-bench'`.execute(db);
  let ticks = 0;
  try {
    for (const { pid } of rows.rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return null;
  }
  return ticks / 100;
}

async function night(at: string) {
  const clock = new ManualClock(at);
  const deps = { db, dialect: dialect as 'sqlite' | 'postgres', clock, config: loadConfig({}) };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const serverBefore = await serverCpuSeconds();
  let passes = 0;
  for (;;) {
    const pass = await healthNightlyJob.pass!(deps);
    passes++;
    const run = pass.fired.find((f) => f.kind === 'health.run');
    const used = process.cpuUsage(cpu);
    const serverAfter = run ? await serverCpuSeconds() : null;
    const server = serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null;
    if (run) return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, server, passes, customers: Number(run.customers), written: Number(run.written) };
    if (pass.did === 0) throw new Error('the nightly run stopped before finishing');
  }
}

await handle.migrate();
if (!values['skip-generate']) {
  const started = performance.now();
  await generateBenchData(db, new ManualClock('2026-11-01T00:00:00.000Z'), { ...DEFAULT_BENCH, customers: size, activitiesPerCustomer: perCustomer }, () => {});
  console.log(`generated ${size} customers, ${size * perCustomer} activities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
// Fresh rows without statistics make PostgreSQL's planner scan the activity window of every customer; a running
// system has autovacuum's statistics, so the bench takes them too.
const analyze = () => sql`analyze`.execute(db);
await analyze();
await db.deleteFrom('health_runs').execute();
await db.deleteFrom('customer_health').execute();
await db.deleteFrom('health_scores').execute();
await db.deleteFrom('health_models').execute();
await repo.insertModel(db, { version: 1, name: model.name, definition: toJson(model), fire_playbooks: 0, created_at: '2026-11-01T00:00:00.000Z', created_by: null });

const rssBefore = process.resourceUsage().maxRSS;
const first = await night('2026-11-02T18:30:00.000Z');
// Wall time on a shared machine says little; the process's own CPU time (this Node process: scoring, SQLite's work
// on SQLite, only the client side on PostgreSQL) and the per-customer rate are printed beside it.
const rate = (r: { seconds: number; customers: number }) => `${((r.seconds * 1e6) / Math.max(1, r.customers)).toFixed(0)} µs a customer`;
const cpuOf = (r: { cpu: number; server: number | null; customers: number }) =>
  `${r.cpu.toFixed(1)} s CPU${r.server === null ? '' : ` + ${r.server.toFixed(1)} s PostgreSQL backends`} (${(((r.cpu + (r.server ?? 0)) * 1e6) / Math.max(1, r.customers)).toFixed(0)} µs CPU a customer)`;
console.log(`[health bench ${dialect}] night 1: ${first.customers} customers, ${first.written} snapshots written, ${first.passes} passes, ${first.seconds.toFixed(1)} s wall, ${cpuOf(first)}, ${rate(first)}`);
await analyze();
const second = await night('2026-11-03T18:30:00.000Z');
console.log(`[health bench ${dialect}] night 2 (hardly anything changed): ${second.customers} customers, ${second.written} written, ${second.seconds.toFixed(1)} s wall, ${cpuOf(second)}, ${rate(second)}`);
// The same local date once more (its run row removed): nothing differs, so nothing is written.
await db.deleteFrom('health_runs').where('local_date', '=', '2026-11-04').execute();
const third = await night('2026-11-03T19:30:00.000Z');
console.log(`[health bench ${dialect}] same night again (unchanged): ${third.customers} customers, ${third.written} written, ${third.seconds.toFixed(1)} s wall, ${cpuOf(third)}`);
console.log(`[health bench ${dialect}] peak RSS ${mb(process.resourceUsage().maxRSS)} MB (before the runs: ${mb(rssBefore)} MB)`);
await handle.close();
