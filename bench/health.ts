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
const handle = openDatabase(url, url.startsWith('postgres') ? { schema: process.env.BENCH_SCHEMA ?? 'actionflow_bench_health' } : {});
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

async function night(at: string) {
  const clock = new ManualClock(at);
  const deps = { db, dialect: dialect as 'sqlite' | 'postgres', clock, config: loadConfig({}) };
  const started = performance.now();
  let passes = 0;
  for (;;) {
    const pass = await healthNightlyJob.pass!(deps);
    passes++;
    const run = pass.fired.find((f) => f.kind === 'health.run');
    if (run) return { seconds: (performance.now() - started) / 1000, passes, customers: run.customers, written: run.written };
    if (pass.did === 0) throw new Error('the nightly run stopped before finishing');
  }
}

await handle.migrate();
if (!values['skip-generate']) {
  const started = performance.now();
  await generateBenchData(db, new ManualClock('2026-11-01T00:00:00.000Z'), { ...DEFAULT_BENCH, customers: size, activitiesPerCustomer: perCustomer }, () => {});
  console.log(`generated ${size} customers, ${size * perCustomer} activities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
await db.deleteFrom('health_runs').execute();
await db.deleteFrom('customer_health').execute();
await db.deleteFrom('health_scores').execute();
await db.deleteFrom('health_models').execute();
await repo.insertModel(db, { version: 1, name: model.name, definition: toJson(model), fire_playbooks: 0, created_at: '2026-11-01T00:00:00.000Z', created_by: null });

const rssBefore = process.resourceUsage().maxRSS;
const first = await night('2026-11-02T18:30:00.000Z');
console.log(`[health bench ${dialect}] night 1: ${first.customers} customers, ${first.written} snapshots written, ${first.passes} passes, ${first.seconds.toFixed(1)} s`);
const second = await night('2026-11-03T18:30:00.000Z');
console.log(`[health bench ${dialect}] night 2 (unchanged): ${second.customers} customers, ${second.written} written, ${second.seconds.toFixed(1)} s`);
console.log(`[health bench ${dialect}] peak RSS ${mb(process.resourceUsage().maxRSS)} MB (before the runs: ${mb(rssBefore)} MB)`);
await handle.close();
