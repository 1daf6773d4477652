/**
 * The preamble the tests/jobs-multiprocess tests shared: worker processes (tests/jobs-multiprocess/worker.ts) on the
 * test app's PostgreSQL schema, their clocks stepped together, row counts, and a bounded wait for a state to show up.
 */
import { fileURLToPath } from 'node:url';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../server/db/index.js';
import { startChild, type Child } from './processes.js';

const workerScript = fileURLToPath(new URL('../jobs-multiprocess/worker.ts', import.meta.url));

/** Starts `n` worker processes on the test database's schema and waits until each is connected. */
export async function startWorkers(db: Db, n: number, env: Record<string, string> = {}, label = 'jobs worker'): Promise<Child[]> {
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0].s;
  const children = Array.from({ length: n }, (_, i) => startChild(workerScript, { JOBS_TEST_SCHEMA: schema, ...env }, n > 1 ? `${label} ${i + 1}` : label));
  await Promise.all(children.map((c) => c.waitFor((l) => l === 'ready')));
  return children;
}

/** Freezes every worker's clock at `instant` (ISO) and lets it run its passes there. */
export function stepAll(children: readonly Child[], instant: string): void {
  for (const c of children) c.proc.stdin.write(`at ${instant}\n`);
}

/**
 * For afterAll: a worker still running after a failed test is killed, never left behind, and its exit awaited so the
 * schema is not dropped while its connections are still open.
 */
export async function killAll(children: readonly Child[]): Promise<void> {
  await Promise.all(
    children.map(async (c) => {
      if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => c.proc.once('exit', () => resolve()));
      c.proc.kill('SIGKILL');
      await exited;
    }),
  );
}

export async function countRows(db: Db, table: string, where: RawBuilder<unknown> = sql`true`): Promise<number> {
  return Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0].n);
}

/** Polls `check` until it holds (other processes do the work), failing with `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** After the awaited state shows up, gives a duplicate the time to appear before counts are checked. */
export const settle = () => new Promise((r) => setTimeout(r, 1_500));
