/**
 * One "server process" for the job-registry exactly-once test: the real worker loop over every job of the composed
 * modules (no-shows, SLA/cadence steps, pool sweeps, digests, rules, outbox…) against the schema in JOBS_TEST_SCHEMA.
 * Its clock is frozen at the instant of the last `at <ISO>` line (the same in every process), so the test moves time
 * forward phase by phase; the first such line starts the loop. On SIGTERM prints `{"fired":{kind:N}}`: what this
 * process's passes reported firing.
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase } from '../../server/db/index.js';
import type { Job } from '../../server/jobs/job.js';
import { startWorker, type WorkerHandle } from '../../server/jobs/worker.js';
import { composeModules } from '../../server/modules/index.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env.JOBS_TEST_SCHEMA;
if (!schema) throw new Error('JOBS_TEST_SCHEMA is required');

const database = openDatabase(url, { schema, poolSize: 4 });
// The secret key of the test app, when it sealed credentials (platform connections) the workers must open.
const config = loadConfig({ ACTIONFLOW_DATA_DIR: '/tmp/actionflow-jobs-mp', ACTIONFLOW_OUTBOUND_ALLOW: '127.0.0.1,::1,localhost', ACTIONFLOW_SECRET_KEY: process.env.ACTIONFLOW_SECRET_KEY ?? '' });
let now = new Date(0);
const deps = { db: database.db, dialect: database.dialect, clock: { now: () => new Date(now) }, config };
const fired: Record<string, number> = {};
let worker: WorkerHandle | null = null;

// Every job with its pass counted; a short idle interval, since the test moves the clock instead of waiting.
const counted = (job: Job): Job => ({
  ...job,
  idleIntervalMs: 50,
  run: job.pass
    ? async (d) => {
        const pass = await job.pass!(d);
        for (const f of pass.fired) fired[f.kind] = (fired[f.kind] ?? 0) + 1;
        return pass.did;
      }
    : job.run,
});

await database.db.selectFrom('events').select('id').limit(1).execute();
console.log('ready');

createInterface({ input: process.stdin }).on('line', (line) => {
  const [word, at] = line.trim().split(/\s+/);
  if (word !== 'at' || !at) return;
  now = new Date(at);
  if (!worker) worker = startWorker(deps, (message, error) => console.error(message, error), composeModules().jobs.map(counted));
});

process.on('SIGTERM', async () => {
  await worker?.stop();
  await database.close();
  console.log(JSON.stringify({ fired }));
  process.exit(0);
});
