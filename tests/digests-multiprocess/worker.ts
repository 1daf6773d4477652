/**
 * One "server process" for the digest exactly-once test: the real worker loop with the real digests and outbox jobs
 * against the schema in DIGEST_TEST_SCHEMA. Its clock is the system clock shifted by the milliseconds on the
 * `go <offset>` line (the same shift in every process), so the processes cross 18:00 Asia/Shanghai together while
 * running. Protocol: see tests/support/processes.ts; on SIGTERM prints `{"sent":N}` (digests this process queued).
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase } from '../../server/db/index.js';
import { startWorker, type WorkerHandle } from '../../server/jobs/worker.js';
import { digestsJob } from '../../server/modules/digests/job.js';
import { runDueDigests } from '../../server/modules/digests/service.js';
import { outboxJob } from '../../server/modules/notifications/job.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env.DIGEST_TEST_SCHEMA;
if (!schema) throw new Error('DIGEST_TEST_SCHEMA is required');
let offset = 0;

const database = openDatabase(url, { schema, poolSize: 4 });
const config = loadConfig({ ACTIONFLOW_DATA_DIR: '/tmp/actionflow-digests-mp', ACTIONFLOW_PUBLIC_URL: 'https://crm.example.com' , ACTIONFLOW_OUTBOUND_ALLOW: '127.0.0.1,::1,localhost' });
const deps = { db: database.db, dialect: database.dialect, clock: { now: () => new Date(Date.now() + offset) }, config };
let sent = 0;
let worker: WorkerHandle | null = null;

await database.db.selectFrom('digests').select('id').limit(1).execute();
console.log('ready');

createInterface({ input: process.stdin }).on('line', (line) => {
  const [word, shift] = line.trim().split(/\s+/);
  if (word !== 'go' || worker) return;
  offset = Number(shift ?? 0);
  // A short idle interval: the test waits on the slot crossing, not on the production 5-second poll.
  const digests = { ...digestsJob, idleIntervalMs: 200, run: (d: typeof deps) => runDueDigests(d, { onSent: () => sent++ }) };
  worker = startWorker(deps, (message, error) => console.error(message, error), [digests, { ...outboxJob, idleIntervalMs: 200 }]);
});

process.on('SIGTERM', async () => {
  await worker?.stop();
  await database.close();
  console.log(JSON.stringify({ sent }));
  process.exit(0);
});
