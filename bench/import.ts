/**
 * `npx tsx bench/import.ts [--rows 100000] [--db sqlite|postgres] [--format xlsx|csv] [--kind customers|contracts]
 * [--gen-only] [--live-heap] [--via process|serve]`: the import
 * figures of issue 13, printed, never asserted. Generates the files (bench/import-data.ts) unless present, then in
 * a fresh database (SQLite file data/bench-import/bench-import-KIND-FORMAT.db, or schema actionflow_bench_import_KIND_FORMAT on
 * DATABASE_URL, or BENCH_SCHEMA when set) with a few
 * sellers and the 11 custom fields: dry run, commit, and the same file again (dry run + commit), each timed, with the
 * process's peak RSS. Run one format per process so the RSS figure belongs to it. `--via serve` runs the same passes
 * through a separate `actionflow serve` process instead, uploaded over HTTP (bench/import-serve.ts).
 */
import { loadavg } from 'node:os';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { systemClock } from '../server/core/clock.js';
import { loadConfig } from '../server/core/config.js';
import { newId } from '../server/core/ids.js';
import { openDatabase } from '../server/db/index.js';
import { composeModules } from '../server/modules/index.js';
import { systemActor } from '../server/core/policy.js';
import { installTemplate } from '../server/modules/pipelines/service.js';
import { hashPassword } from '../server/core/passwords.js';
import { CUSTOM_FIELDS, writeContractFiles, writeFiles } from './import-data.js';
import { importThroughServer } from './import-serve.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'sqlite' },
    format: { type: 'string', default: 'xlsx' },
    // contracts: the contracts-with-payment-plans line (customers and won deals imported first, untimed).
    kind: { type: 'string', default: 'customers' },
    'gen-only': { type: 'boolean', default: false },
    // Forces a full GC on every sample (slow): the heap still in use then is live data, not garbage V8 has not
    // collected yet — tells a leak from lazy collection.
    'live-heap': { type: 'boolean', default: false },
    // process: the phases in this process, as the CLI runs them; serve: through the web server's background phase.
    via: { type: 'string', default: 'process' },
  },
});
const rows = Number(values.rows);
const dir = resolve('data', 'bench-import');
mkdirSync(dir, { recursive: true });
const xlsxPath = join(dir, `customers-${rows}.xlsx`);
const csvPath = join(dir, `customers-${rows}-gbk.csv`);
const contractPaths = { customers: join(dir, `contracts-${rows}-customers.xlsx`), deals: join(dir, `contracts-${rows}-deals.xlsx`), contracts: join(dir, `contracts-${rows}.xlsx`) };
const OWNERS = ['bench_s1', 'bench_s2', 'bench_s3', 'bench_s4'];

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** Peak RSS and heap of one phase, sampled every 100 ms (maxRSS is the whole process's, so phases need their own). */
function sampler() {
  const gc = values['live-heap'] ? liveGc() : null;
  const peak = { rss: 0, heap: 0, external: 0, live: 0 };
  const take = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
    if (gc) {
      gc();
      peak.live = Math.max(peak.live, process.memoryUsage().heapUsed);
    }
  };
  const timer = setInterval(take, gc ? 2000 : 100);
  return () => {
    take();
    clearInterval(timer);
    return `peak RSS ${mb(peak.rss)} (heap ${mb(peak.heap)}, external ${mb(peak.external)}${gc ? `, live heap ${mb(peak.live)}` : ''})`;
  };
}

function liveGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function main() {
  if (values.kind === 'contracts' && !existsSync(contractPaths.contracts)) {
    const t0 = performance.now();
    const planted = await writeContractFiles(rows, OWNERS, contractPaths);
    console.log(`generated ${rows} contracts (with their customers and deals) in ${secs(performance.now() - t0)}: ${contractPaths.contracts} (${mb(statSync(contractPaths.contracts).size)})`);
    console.log(`planted bad rows: ${JSON.stringify(planted)} = ${Object.values(planted).reduce((a, b) => a + b, 0)}`);
  }
  if (values.kind !== 'contracts' && (!existsSync(xlsxPath) || !existsSync(csvPath))) {
    const t0 = performance.now();
    const planted = await writeFiles(rows, OWNERS, xlsxPath, csvPath);
    console.log(`generated ${rows} rows × 24 columns in ${secs(performance.now() - t0)}: ${xlsxPath} (${mb(statSync(xlsxPath).size)}), ${csvPath} (${mb(statSync(csvPath).size)})`);
    console.log(`planted bad rows: ${JSON.stringify(planted)} = ${Object.values(planted).reduce((a, b) => a + b, 0)}`);
  }
  if (values['gen-only']) return;

  const file = values.kind === 'contracts' ? contractPaths.contracts : values.format === 'csv' ? csvPath : xlsxPath;
  const kind = values.kind === 'contracts' ? 'contracts' : 'customers';
  let url: string;
  let schema: string | undefined;
  if (values.db === 'postgres') {
    url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    schema = process.env.BENCH_SCHEMA ?? `actionflow_bench_import_${values.kind}_${values.format}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  } else {
    // One file per kind and format, so two runs side by side do not delete each other's database.
    const path = join(dir, `bench-import-${values.kind}-${values.format}.db`);
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    url = `sqlite:${path}`;
  }
  composeModules();
  const database = openDatabase(url, schema ? { schema } : {});
  await database.migrate();
  const db = database.db;
  const now = new Date().toISOString();
  const teamId = newId();
  await db.insertInto('teams').values({ id: teamId, name: 'Bench', kind: 'company', parent_id: null, path: `/${teamId}/`, created_at: now }).execute();
  for (const username of OWNERS) {
    await db.insertInto('users').values({ id: newId(), username, display_name: username, password_hash: 'x', role: 'seller', team_id: teamId, team_path: `/${teamId}/`, phone: null, email: null, active: 1, created_at: now, updated_at: now } as never).execute();
  }
  for (const f of CUSTOM_FIELDS) {
    await db.insertInto('custom_field_defs').values({ id: newId(), entity: 'customer', key: f.key, label: f.label, label_en: null, type: f.type, options: JSON.stringify('options' in f ? f.options : []), required: 0, created_at: now }).execute();
  }
  if (values.via === 'serve') {
    const password = 'bench-import-1234';
    await db.insertInto('users').values({ id: newId(), username: 'bench_admin', display_name: 'bench_admin', password_hash: await hashPassword(password), role: 'admin', team_id: teamId, team_path: `/${teamId}/`, phone: null, email: null, active: 1, created_at: now, updated_at: now } as never).execute();
    await database.close();
    const { baseMb, passes } = await importThroughServer({ databaseUrl: url, schema, file, username: 'bench_admin', password, passes: ['first', 'again'] });
    for (const p of passes) {
      console.log(
        `${p.label.padEnd(5)} ${values.db} ${values.format} via serve: dry run ${secs(p.dryMs)} (server cpu ${p.dryCpu.toFixed(1)} s) ${JSON.stringify(p.dryCounts)}` +
          ` | commit ${secs(p.commitMs)} (server cpu ${p.commitCpu.toFixed(1)} s) ${JSON.stringify(p.commitCounts)} | server RSS high-water ${Math.round(p.hwmMb)} MB (${Math.round(baseMb)} MB after start-up) | load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      );
    }
    return;
  }
  const config = { ...loadConfig(), filesDir: join(dir, 'files') };
  const deps = { db, clock: systemClock, config };
  const service = await import('../server/modules/imports/service.js');
  const actor = systemActor('cli');
  if (kind === 'contracts') {
    await installTemplate(db, systemClock, actor, 'b2b_six_step');
    for (const [k, path] of [['customers', contractPaths.customers], ['deals', contractPaths.deals]] as const) {
      const t0 = performance.now();
      const up = await service.importFromPath(deps, actor, path, path.split('/').pop()!, { kind: k });
      await service.startDryRun(deps, actor, up.import.id, { mapping: up.suggested, options: { mode: 'upsert', duplicates: 'update', perRowEvents: false, defaultOwnerId: null }, wait: true });
      const done = await service.startCommit(deps, actor, up.import.id, { wait: true });
      console.log(`set-up: ${k} imported in ${secs(performance.now() - t0)} ${JSON.stringify(done.result)}`);
    }
  }
  const results: string[] = [];
  for (const pass of ['first', 'again']) {
    const up = await service.importFromPath(deps, actor, file, file.split('/').pop()!, { kind });
    let c0 = process.cpuUsage();
    let t0 = performance.now();
    let stop = sampler();
    const dry = await service.startDryRun(deps, actor, up.import.id, { mapping: up.suggested, options: { mode: 'upsert', duplicates: 'update', perRowEvents: false, defaultOwnerId: null }, wait: true });
    const dryMs = performance.now() - t0;
    const dryCpu = cpuMs(process.cpuUsage(c0));
    const dryMem = stop();
    stop = sampler();
    c0 = process.cpuUsage();
    t0 = performance.now();
    const committed = await service.startCommit(deps, actor, up.import.id, { wait: true });
    const commitMs = performance.now() - t0;
    const commitCpu = cpuMs(process.cpuUsage(c0));
    const commitMem = stop();
    results.push(
      `${pass.padEnd(5)} ${values.db} ${kind === 'contracts' ? 'contracts xlsx' : values.format}: dry run ${secs(dryMs)} (cpu ${secs(dryCpu)}) ${JSON.stringify(dry.counts)} ${dryMem}` +
        ` | commit ${secs(commitMs)} (cpu ${secs(commitCpu)}) ${JSON.stringify(committed.result)} ${commitMem}` +
        ` | process peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} | load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    );
    console.log(results[results.length - 1]);
  }
  const unmapped = (await service.importFromPath(deps, actor, file, 'x', { kind })).suggested.filter((f) => f === null).length;
  console.log(`columns left unmapped by the suggestion: ${unmapped}`);
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
