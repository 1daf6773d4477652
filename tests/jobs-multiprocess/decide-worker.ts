/**
 * One "server process" for the lost-confirmation exactly-once test: the real HTTP app (every module composed) on the
 * schema in JOBS_TEST_SCHEMA, its clock frozen at DECIDE_AT (the test's instant, so the test's sessions are live).
 * On a line `decide <approvalId> <cookie> <n>` it sends n approve decisions at once through its own app and prints one
 * JSON line with their statuses and error codes. Exits on SIGTERM (printing `{}` as the other workers do).
 */
import { createInterface } from 'node:readline';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase } from '../../server/db/index.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env.JOBS_TEST_SCHEMA;
const at = process.env.DECIDE_AT;
if (!schema || !at) throw new Error('JOBS_TEST_SCHEMA and DECIDE_AT are required');

const database = openDatabase(url, { schema, poolSize: 4 });
const config = loadConfig({ ACTIONFLOW_DATA_DIR: '/tmp/actionflow-jobs-mp' });
const app = await buildApp({ database, clock: { now: () => new Date(at) }, config });
await app.ready();
console.log('ready');

createInterface({ input: process.stdin }).on('line', async (line) => {
  const [word, id, cookie, n] = line.trim().split(/\s+/);
  if (word !== 'decide' || !id || !cookie) return;
  const answers = await Promise.all(
    Array.from({ length: Number(n ?? 1) }, () =>
      app.inject({ method: 'POST', url: `/api/approvals/${id}/decision`, headers: { cookie }, payload: { decision: 'approve', comment: '同意输单' } }),
    ),
  );
  console.log(JSON.stringify({ answers: answers.map((a) => ({ status: a.statusCode, code: a.statusCode >= 400 ? a.json().error?.code : undefined })) }));
});

process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  console.log('{}');
  process.exit(0);
});
