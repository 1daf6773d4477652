/**
 * The worker never starves HTTP: started on a database with thousands of overdue SLA timers, the server keeps
 * answering health checks while it catches up (better-sqlite3 is synchronous, so without yielding the event loop
 * would not poll a socket until the whole backlog was fired).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { openDatabase } from '../../server/db/index.js';
import { actionflow, startServer, type Server } from './support.js';

const TIMERS = 3000;
/** Generous: a health check waits for at most one time slice of the worker plus its own few queries. */
const BOUND_MS = 2000;

describe('catch-up beside HTTP (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionflow-catchup-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'af.db')}`, ACTIONFLOW_DATA_DIR: dir };
  let server: Server | undefined;
  const database = () => openDatabase(env.DATABASE_URL);

  beforeAll(async () => {
    const demo = await actionflow(['demo', '--scale', '0.05'], env);
    expect(demo.code, demo.stderr).toBe(0);
    const handle = database();
    try {
      // Deals of their own, in a stage no pipeline defines and without events, so only the backlog timers act on them.
      const template = await handle.db.selectFrom('deals').selectAll().where('status', '=', 'open').executeTakeFirstOrThrow();
      const deals = Array.from({ length: 200 }, () => ({ ...template, id: newId(), stage_key: 'backlog' }));
      for (let i = 0; i < deals.length; i += 100) await handle.db.insertInto('deals').values(deals.slice(i, i + 100)).execute();
      const long = new Date(Date.now() - 30 * 86_400_000).toISOString();
      const ladder = JSON.stringify([{ after: '1wd', since: 'entry', colour: 'red', notify: ['owner'] }]);
      const rows = Array.from({ length: TIMERS }, (_, i) => ({
        id: newId(),
        subject_type: 'deal',
        subject_id: deals[i % deals.length].id,
        kind: 'stage_dwell',
        stage_key: 'backlog',
        ladder,
        anchor_at: long,
        next_level: 1,
        due_at: new Date(Date.parse(long) + i * 1000).toISOString(),
        last_due_at: null,
        level_reached: 0,
        colour: 'on_time',
        status: 'active',
        cancel_reason: null,
        team_id: null,
        created_at: long,
        updated_at: long,
      }));
      for (let i = 0; i < rows.length; i += 500) await handle.db.insertInto('sla_timers').values(rows.slice(i, i + 500)).execute();
    } finally {
      await handle.close();
    }
  }, 180_000);
  afterAll(async () => server?.stop());

  it('answers health checks within the bound while thousands of due timers fire', async () => {
    const handle = database();
    const backlog = async () =>
      Number((await handle.db.selectFrom('sla_timers').select((eb) => eb.fn.countAll().as('n')).where('stage_key', '=', 'backlog').where('status', '=', 'active').executeTakeFirstOrThrow()).n);
    try {
      server = await startServer(env);
      const latencies: number[] = [];
      let duringCatchUp = 0;
      const dueAtFirstProbe = await backlog();
      // Back-to-back probes until the backlog is gone (each probe is one real HTTP round trip).
      for (let guard = 0; guard < 100_000; guard++) {
        const started = performance.now();
        const res = await fetch(`${server.url}/api/health`);
        expect(res.status).toBe(200);
        latencies.push(performance.now() - started);
        const left = await backlog();
        if (left === 0) break;
        if (left < TIMERS) duringCatchUp++;
      }
      expect(await backlog()).toBe(0);
      const sorted = [...latencies].sort((a, b) => a - b);
      const summary = `probes ${latencies.length}, during catch-up ${duringCatchUp}, p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
      // Health checks were answered while timers were still due: set-based firing clears 3,000 timers in a few passes,
      // so the first probes are the ones that meet the catch-up (before, one firing at a time, five or more did).
      expect(duringCatchUp + (dueAtFirstProbe > 0 ? 1 : 0), summary).toBeGreaterThanOrEqual(1);
      expect(sorted.at(-1)!, summary).toBeLessThan(BOUND_MS);
      // Every timer was settled: fired, or cancelled by the engine because its synthetic stage is not in the deal's
      // pipeline (the consumer's resync and the firing pass race for those; either way none is left due).
      const fired = Number((await handle.db.selectFrom('sla_firings').select((eb) => eb.fn.countAll().as('n')).where('timer_id', 'in', (eb) => eb.selectFrom('sla_timers').select('id').where('stage_key', '=', 'backlog')).executeTakeFirstOrThrow()).n);
      const cancelled = Number((await handle.db.selectFrom('sla_timers').select((eb) => eb.fn.countAll().as('n')).where('stage_key', '=', 'backlog').where('status', '=', 'cancelled').executeTakeFirstOrThrow()).n);
      expect(fired).toBeGreaterThan(0);
      expect(fired + cancelled, summary).toBeGreaterThanOrEqual(TIMERS);
    } finally {
      await handle.close();
    }
  }, 600_000);
});
