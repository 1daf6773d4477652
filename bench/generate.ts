/**
 * Bench dataset: a large company (default 100,000 customers, 1 deal and 10 activities per customer) spread over
 * many teams, written straight into the database in batched transactions.
 *
 *   npx tsx bench/generate.ts [--customers 100000] [--regions 5] [--teams-per-region 8] [--sellers-per-team 10]
 *                             [--deals-per-customer 1] [--activities-per-customer 10] [--seed 1]
 *
 * Database: DATABASE_URL (PostgreSQL, in schema BENCH_SCHEMA, default actionflow_bench) or sqlite:./data/bench.db.
 * The data set replaces whatever the bench database held.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Clock } from '../server/core/clock.js';
import { systemClock } from '../server/core/clock.js';
import { openDatabase, type DatabaseHandle } from '../server/db/index.js';
import type { ActivitiesTable, CustomersTable, DealsTable, TeamsTable, UsersTable } from '../server/db/schema.js';
import { insertBatches, resetDatabase } from '../server/demo/load.js';
import { Random, mobile } from '../server/demo/random.js';
import * as V from '../server/demo/vocab.js';
import { hashPassword } from '../server/modules/auth/passwords.js';
import { installTemplate } from '../server/modules/pipelines/service.js';
import { definitionOf } from '../server/modules/pipelines/repo.js';
import { systemActor } from '../server/core/policy.js';

export const BENCH_PASSWORD = 'bench1234';

export interface BenchOptions {
  customers: number;
  regions: number;
  teamsPerRegion: number;
  sellersPerTeam: number;
  dealsPerCustomer: number;
  activitiesPerCustomer: number;
  seed: number;
}

export const DEFAULT_BENCH: BenchOptions = {
  customers: 100_000,
  regions: 5,
  teamsPerRegion: 8,
  sellersPerTeam: 10,
  dealsPerCustomer: 1,
  activitiesPerCustomer: 10,
  seed: 1,
};

export const BENCH_OPTIONS = {
  customers: { type: 'string' },
  regions: { type: 'string' },
  'teams-per-region': { type: 'string' },
  'sellers-per-team': { type: 'string' },
  'deals-per-customer': { type: 'string' },
  'activities-per-customer': { type: 'string' },
  seed: { type: 'string' },
} as const;

export function benchOptionsFrom(values: Record<string, string | boolean | undefined>): BenchOptions {
  const num = (name: string, fallback: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
    return n;
  };
  return {
    customers: Math.round(num('customers', DEFAULT_BENCH.customers)),
    regions: Math.max(1, Math.round(num('regions', DEFAULT_BENCH.regions))),
    teamsPerRegion: Math.max(1, Math.round(num('teams-per-region', DEFAULT_BENCH.teamsPerRegion))),
    sellersPerTeam: Math.max(1, Math.round(num('sellers-per-team', DEFAULT_BENCH.sellersPerTeam))),
    dealsPerCustomer: num('deals-per-customer', DEFAULT_BENCH.dealsPerCustomer),
    activitiesPerCustomer: num('activities-per-customer', DEFAULT_BENCH.activitiesPerCustomer),
    seed: Math.round(num('seed', DEFAULT_BENCH.seed)),
  };
}

export function openBenchDatabase(): DatabaseHandle {
  const url = process.env.DATABASE_URL ?? 'sqlite:./data/bench.db';
  return openDatabase(url, url.startsWith('postgres') ? { schema: process.env.BENCH_SCHEMA ?? 'actionflow_bench' } : {});
}

const DAY = 86_400_000;
const CHUNK = 2_000;

/** Usernames the runner logs in as. */
export const benchUser = {
  director: 'bench_director',
  lead: (r: number, t: number) => `bench_lead_r${r}t${t}`,
  seller: (r: number, t: number, s: number) => `bench_seller_r${r}t${t}s${s}`,
};

export async function generateBenchData(db: DatabaseHandle['db'], clock: Clock, opts: BenchOptions, log: (m: string) => void = console.log) {
  const random = new Random(opts.seed);
  const now = clock.now();
  const nowIso = now.toISOString();
  log('Resetting the bench database…');
  await resetDatabase(db);
  const hash = await hashPassword(BENCH_PASSWORD);
  const pipeline = await installTemplate(db, clock, systemActor('cli'), 'b2b_six_step');
  const row = await db.selectFrom('pipelines').selectAll().where('id', '=', pipeline.id).executeTakeFirstOrThrow();
  const stages = definitionOf(row).stages.filter((s) => !s.terminal).map((s) => s.key);

  const teams: TeamsTable[] = [];
  const users: UsersTable[] = [];
  const team = (name: string, kind: string, parent: TeamsTable | null) => {
    const id = random.uuid();
    const t = { id, parent_id: parent?.id ?? null, name, kind, path: `${parent?.path ?? '/'}${id}/`, created_at: nowIso };
    teams.push(t);
    return t;
  };
  const user = (username: string, role: UsersTable['role'], t: TeamsTable) => {
    const u: UsersTable = { id: random.uuid(), username, display_name: username, password_hash: hash, role, team_id: t.id, team_path: t.path, phone: null, email: null, active: 1, created_at: nowIso, updated_at: nowIso };
    users.push(u);
    return u;
  };
  const company = team('基准测试公司', 'company', null);
  user(benchUser.director, 'director', company);
  const sellers: UsersTable[] = [];
  for (let r = 1; r <= opts.regions; r++) {
    const region = team(`大区${r}`, 'region', company);
    user(`bench_rm_r${r}`, 'regional_manager', region);
    for (let t = 1; t <= opts.teamsPerRegion; t++) {
      const tm = team(`大区${r}-${t}组`, 'team', region);
      user(benchUser.lead(r, t), 'lead', tm);
      for (let s = 1; s <= opts.sellersPerTeam; s++) sellers.push(user(benchUser.seller(r, t, s), 'seller', tm));
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'teams', teams);
    await insertBatches(trx, 'users', users);
  });
  log(`${teams.length} teams, ${users.length} users (${sellers.length} sellers); password ${BENCH_PASSWORD}`);

  const cities = Object.values(V.CITIES).flat();
  const started = Date.now();
  let deals = 0;
  let activities = 0;
  for (let from = 0; from < opts.customers; from += CHUNK) {
    const customers: CustomersTable[] = [];
    const dealRows: DealsTable[] = [];
    const activityRows: ActivitiesTable[] = [];
    for (let i = from; i < Math.min(opts.customers, from + CHUNK); i++) {
      const owner = sellers[i % sellers.length];
      const city = random.pick(cities);
      const createdMs = now.getTime() - random.int(1, 900) * DAY;
      const phone = mobile(random);
      const id = random.uuid();
      customers.push({
        id,
        kind: 'company',
        name: `${city.city}${random.pick(V.BRANDS)}${random.pick(['医疗器械', '医药科技', '健康科技', '生物医疗'])}有限公司${i}`,
        phone,
        phone_normalized: phone,
        region: `${city.province}${city.city}`,
        industry: random.pick(Object.values(V.INDUSTRY)),
        source: random.pick(V.SOURCES),
        level: random.pick(V.LEVELS),
        credit_code: null,
        owner_id: owner.id,
        team_path: owner.team_path,
        custom: '{}',
        created_at: new Date(createdMs).toISOString(),
        updated_at: new Date(createdMs + random.int(0, 800) * 3_600_000).toISOString(),
        deleted_at: null,
      });
      const dealCount = Math.floor(opts.dealsPerCustomer) + (random.chance(opts.dealsPerCustomer % 1) ? 1 : 0);
      const customerDeals: string[] = [];
      for (let d = 0; d < dealCount; d++) {
        const dealId = random.uuid();
        customerDeals.push(dealId);
        const at = new Date(createdMs + random.int(0, 30) * DAY).toISOString();
        dealRows.push({
          id: dealId, title: `商机 ${i}-${d}`, customer_id: id, pipeline_id: pipeline.id, stage_key: random.pick(stages), status: 'open',
          owner_id: owner.id, team_path: owner.team_path, amount_fen: random.int(1, 5000) * 100_000, expected_close_date: null,
          checklist: '{}', custom: '{}', stage_entered_at: at, created_at: at, updated_at: at,
        });
      }
      const activityCount = Math.floor(opts.activitiesPerCustomer) + (random.chance(opts.activitiesPerCustomer % 1) ? 1 : 0);
      for (let a = 0; a < activityCount; a++) {
        const at = new Date(now.getTime() - random.int(0, 365 * 24 * 60) * 60_000).toISOString();
        activityRows.push({
          id: random.uuid(), type: random.pick(['call', 'visit', 'wechat', 'email']), occurred_at: at, customer_id: id,
          deal_id: customerDeals.length > 0 && random.chance(0.5) ? random.pick(customerDeals) : null, owner_id: owner.id,
          team_path: owner.team_path, contact_ids: '[]', summary: '电话跟进，确认需求', outcome: null, next_action: null,
          next_action_at: null, effective: random.chance(0.8) ? 1 : 0, custom: '{}', created_at: at,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertBatches(trx, 'customers', customers);
      await insertBatches(trx, 'deals', dealRows);
      await insertBatches(trx, 'activities', activityRows);
    });
    deals += dealRows.length;
    activities += activityRows.length;
    const done = Math.min(opts.customers, from + CHUNK);
    if (done % 20_000 === 0 || done === opts.customers) log(`  ${done} customers, ${deals} deals, ${activities} activities (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  return { teams: teams.length, users: users.length, sellers: sellers.length, customers: opts.customers, deals, activities };
}

async function main() {
  const { values } = parseArgs({ options: BENCH_OPTIONS, strict: true });
  const opts = benchOptionsFrom(values);
  const database = openBenchDatabase();
  try {
    await database.migrate();
    const summary = await generateBenchData(database.db, systemClock, opts);
    console.log(JSON.stringify(summary));
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
