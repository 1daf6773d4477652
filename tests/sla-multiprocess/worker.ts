/**
 * One "server process" for the exactly-once test: runs the real worker loop with the real SLA job against the
 * schema named in SLA_TEST_SCHEMA, using the system clock. Protocol on stdio: prints `ready` once connected, starts
 * on a `go` line, and on SIGTERM stops the loop and prints `{"fired":N}` (how many levels this process fired).
 */
import { createInterface } from 'node:readline';
import { systemClock } from '../../server/core/clock.js';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase } from '../../server/db/index.js';
import { startWorker, type WorkerHandle } from '../../server/jobs/worker.js';
import { runSla, slaJob } from '../../server/modules/sla/job.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env.SLA_TEST_SCHEMA;
if (!schema) throw new Error('SLA_TEST_SCHEMA is required');

const database = openDatabase(url, { schema, poolSize: 6 });
const config = loadConfig({ ACTIONFLOW_DATA_DIR: '/tmp/actionflow-sla-mp' , ACTIONFLOW_OUTBOUND_ALLOW: '127.0.0.1,::1,localhost' });
const deps = { db: database.db, dialect: database.dialect, clock: systemClock, config };
let fired = 0;
let worker: WorkerHandle | null = null;

await database.db.selectFrom('sla_timers').select('id').limit(1).execute();
console.log('ready');

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'go' || worker) return;
  worker = startWorker(deps, (message, error) => console.error(message, error), [{ ...slaJob, run: (d) => runSla(d, { onFire: () => fired++ }) }]);
});

process.on('SIGTERM', async () => {
  await worker?.stop();
  await database.close();
  console.log(JSON.stringify({ fired }));
  process.exit(0);
});
