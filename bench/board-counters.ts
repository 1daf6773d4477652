/**
 * Board headers from the maintained counters against the GROUP BY over deals, in process (issue 19 point 2), and what
 * the counter triggers cost the bench generator's insert path.
 *
 *   npx tsx bench/board-counters.ts [--db sqlite|postgres] [--customers 10000] [--runs 60] [--insert-rounds 3] [--regenerate]
 *
 * Data: the side bench's shape (3 deals a customer, 400 sellers in 40 teams; no activities: they play no part here),
 * SQLite ./data/bench-counters-c<N>.db or PostgreSQL schema actionflow_side_counters_c<N> (DATABASE_URL, default the
 * local test server). Prints p50/p95 per scope for both reads (their answers compared), the counter rows read, and
 * the time to insert every deal again in the generator's 400-row batches with and without the counter triggers (in a
 * transaction rolled back each time, so the data set is left as it was).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemClock } from '../server/core/clock.js';
import { openDatabase } from '../server/db/index.js';
import type { DealsTable } from '../server/db/schema.js';
import { insertBatches } from '../server/demo/load.js';
import { stageTotalsFromCounters, stageTotalsFromDeals } from '../server/modules/deals/repo.js';
import type { Scope } from '../server/modules/org/scope.js';
import { benchUser, DEFAULT_BENCH, generateBenchData } from './generate.js';

const { values } = parseArgs({
  options: { db: { type: 'string', default: 'sqlite' }, customers: { type: 'string', default: '10000' }, runs: { type: 'string', default: '60' }, 'insert-rounds': { type: 'string', default: '3' }, regenerate: { type: 'boolean' } },
  strict: true,
});
const dialect = values.db === 'postgres' ? 'postgres' : 'sqlite';
const customers = Number(values.customers);
const runs = Number(values.runs);
const url = dialect === 'sqlite' ? `sqlite:./data/bench-counters-c${customers}.db` : (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const handle = openDatabase(url, dialect === 'postgres' ? { schema: `actionflow_side_counters_c${customers}` } : {});
const db = handle.db;
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`${dialect}, ${customers} customers, load average ${load()} at the start`);

let started = Date.now();
await handle.migrate();
console.log(`migrate (0045 backfills the counters if the set predates it): ${Date.now() - started} ms`);
const dealCount = async () => Number((await db.selectFrom('deals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
if (values.regenerate || (await dealCount()) !== customers * 3) {
  started = Date.now();
  const made = await generateBenchData(db, systemClock, { ...DEFAULT_BENCH, customers, dealsPerCustomer: 3, activitiesPerCustomer: 0 }, () => undefined);
  console.log(`generated ${made.customers} customers and ${made.deals} deals with the counter triggers on: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (dialect === 'postgres') await sql`vacuum analyze`.execute(db);
else await sql`analyze`.execute(db);

const pipeline = await db.selectFrom('pipelines').select('id').executeTakeFirstOrThrow();
const user = (username: string) => db.selectFrom('users').select(['id', 'team_path']).where('username', '=', username).executeTakeFirstOrThrow();
const lead = await user(benchUser.lead(1, 1));
const seller = await user(benchUser.seller(1, 1, 1));
const region = await db.selectFrom('teams').select('path').where('name', '=', '大区1').executeTakeFirstOrThrow();
const scopes: [string, Scope][] = [
  ['director (all)', { kind: 'all' }],
  ['regional manager (8 teams)', { kind: 'subtree', path: region.path }],
  ['team lead (10 sellers)', { kind: 'subtree', path: lead.team_path }],
  ['seller (own)', { kind: 'own', userId: seller.id }],
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
async function timeIt(read: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await read();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `${percentile(times, 50).toFixed(2)} / ${percentile(times, 95).toFixed(2)}`;
}

const counterRows = Number((await db.selectFrom('deal_stage_totals').select((eb) => eb.fn.countAll().as('n')).where('pipeline_id', '=', pipeline.id).executeTakeFirstOrThrow()).n);
console.log(`\n${await dealCount()} deals, ${counterRows} counter rows in the pipeline; board headers in process, ${runs} runs each, p50 / p95 ms:`);
console.log('scope                          GROUP BY over deals   counters           same answer');
for (const [name, scope] of scopes) {
  const a = await stageTotalsFromDeals(db, scope, pipeline.id, {});
  const b = await stageTotalsFromCounters(db, scope, pipeline.id, {});
  const same = JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  // Warm both once, then interleave nothing: each read's runs back to back.
  const deals = await timeIt(() => stageTotalsFromDeals(db, scope, pipeline.id, {}));
  const counters = await timeIt(() => stageTotalsFromCounters(db, scope, pipeline.id, {}));
  console.log(`${name.padEnd(31)}${deals.padEnd(22)}${counters.padEnd(19)}${same}`);
}

// The generator's insert path (400-row INSERTs) for every deal of the set, with and without the counter triggers.
const rows = (await db.selectFrom('deals').selectAll().execute()) as DealsTable[];
const ROLLBACK = new Error('rollback');
async function insertTime(triggers: boolean): Promise<number> {
  let ms = 0;
  await db
    .transaction()
    .execute(async (trx) => {
      if (!triggers) {
        if (dialect === 'postgres') await sql`alter table deals disable trigger deals_totals_insert, disable trigger deals_totals_delete`.execute(trx);
        else for (const name of ['deals_totals_insert', 'deals_totals_delete']) await sql`drop trigger ${sql.id(name)}`.execute(trx);
      }
      await trx.deleteFrom('deals').execute();
      const t0 = performance.now();
      await insertBatches(trx, 'deals', rows);
      ms = performance.now() - t0;
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return ms;
}
const withTriggers: number[] = [];
const without: number[] = [];
for (let round = 0; round < Number(values['insert-rounds']); round++) {
  without.push(await insertTime(false));
  withTriggers.push(await insertTime(true));
}
const fmt = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(', ');
console.log(`\ninsert ${rows.length} deals in 400-row batches (one transaction, rolled back), s: without triggers ${fmt(without)}; with ${fmt(withTriggers)}`);
console.log(`load average ${load()} at the end`);
await handle.close();
