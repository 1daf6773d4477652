/**
 * PostgreSQL only: three separate Node processes run the real SLA worker loop against one fresh schema holding
 * 5,000 due timers. Every level must fire exactly once and every notification exist exactly once. Then it measures,
 * with the same processes and the system clock, the delay between a deadline and its firing.
 */
import { systemActor } from '../../server/core/policy.js';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/core/clock.js';
import { newId } from '../../server/core/ids.js';
import type { Db } from '../../server/db/index.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { openTestDatabase } from '../support/database.js';
import { buildOrg, type TestOrg } from '../support/factories.js';
import { startChild, stopChildren, type Child } from '../support/processes.js';

const SYSTEM = systemActor('cli');

const TIMERS = 5_000;
const LATE_TIMERS = 10;
const PROCESSES = 3;
const workerScript = fileURLToPath(new URL('./worker.ts', import.meta.url));

const pipelineYaml = `key: mp_demo
name: 多进程演示
stages:
  - { key: open_stage, name: 跟进中, probability: 10 }
  - { key: won, name: 成交, probability: 100, terminal: won }
`;

const startSlaChild = (schema: string) => startChild(workerScript, { SLA_TEST_SCHEMA: schema }, 'sla worker');

/** Waits on the child processes' work, polling the shared database. */
async function until(db: Db, firings: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = Number((await db.selectFrom('sla_firings').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    if (n >= firings) return;
    if (Date.now() > deadline) throw new Error(`only ${n} of ${firings} firings after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function insertTimers(db: Db, dealIds: string[], count: number, dueAt: (i: number) => string) {
  const now = new Date().toISOString();
  const ladder = JSON.stringify([{ after: '7wd', since: 'entry', colour: 'red', notify: ['owner', 'owner.lead'] }]);
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    subject_type: 'deal',
    subject_id: dealIds[i % dealIds.length],
    kind: 'stage_dwell',
    stage_key: 'open_stage',
    ladder,
    anchor_at: now,
    next_level: 1,
    due_at: dueAt(i),
    last_due_at: null,
    level_reached: 0,
    colour: 'on_time',
    status: 'active',
    cancel_reason: null,
    team_id: null,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('sla_timers').values(rows.slice(i, i + 500)).execute();
}

describe('SLA exactly once across three processes (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let org: TestOrg;
  let dealIds: string[];
  let schema: string;
  const children: Child[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    expect(database.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
    schema = (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0].s;
    org = await buildOrg(database.db, systemClock);
    const pipeline = await importPipelineYaml(database.db, systemClock, SYSTEM, pipelineYaml);
    const owners = [org.users.sellerA, org.users.sellerA2, org.users.sellerB];
    const now = new Date().toISOString();
    dealIds = [];
    for (let i = 0; i < 60; i++) {
      const owner = owners[i % owners.length];
      const path = (await database.db.selectFrom('users').select('team_path').where('id', '=', owner.id).executeTakeFirstOrThrow()).team_path;
      const customerId = newId();
      const dealId = newId();
      await database.db.insertInto('customers').values({ id: customerId, kind: 'company', name: `客户${i}`, phone: null, phone_normalized: null, region: null, industry: null, source: null, level: null, credit_code: null, owner_id: owner.id, team_path: path, custom: '{}', created_at: now, updated_at: now, deleted_at: null }).execute();
      await database.db.insertInto('deals').values({ id: dealId, title: `商机${i}`, customer_id: customerId, pipeline_id: pipeline.id, stage_key: 'open_stage', status: 'open', owner_id: owner.id, team_path: path, amount_fen: 0, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now }).execute();
      dealIds.push(dealId);
    }
    await insertTimers(database.db, dealIds, TIMERS, () => new Date(Date.now() - 60_000).toISOString());
  }, 60_000);

  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    await database?.drop();
  });

  it('fires 5,000 due timers exactly once with three processes, then fires new deadlines within seconds', async () => {
    for (let i = 0; i < PROCESSES; i++) children.push(startSlaChild(schema));
    await Promise.all(children.map((c) => c.waitFor((l) => l === 'ready')));
    const started = performance.now();
    for (const c of children) c.proc.stdin.write('go\n');
    await until(database.db, TIMERS, 240_000);
    const wallMs = performance.now() - started;

    // Deadline → firing delay with the real loop: new timers falling due while the processes idle-poll.
    const base = Date.now() + 1_500;
    await insertTimers(database.db, dealIds, LATE_TIMERS, (i) => new Date(base + i * 170).toISOString());
    await until(database.db, TIMERS + LATE_TIMERS, 30_000);

    const fired = (await stopChildren<{ fired: number }>(children)).map((r) => r.fired);

    const db = database.db;
    const count = async (q: Promise<{ n: unknown } | undefined>) => Number((await q)?.n ?? 0);
    expect(await count(db.selectFrom('sla_firings').select(sql<number>`count(*)`.as('n')).executeTakeFirst())).toBe(TIMERS + LATE_TIMERS);
    const duplicateFirings = await db.selectFrom('sla_firings').select(['timer_id', 'level']).groupBy(['timer_id', 'level']).having(sql`count(*)`, '>', 1).execute();
    expect(duplicateFirings).toEqual([]);
    expect(await count(db.selectFrom('sla_firings').select(sql<number>`count(distinct timer_id)`.as('n')).executeTakeFirst())).toBe(TIMERS + LATE_TIMERS);
    expect(await count(db.selectFrom('sla_timers').select(sql<number>`count(*)`.as('n')).where('status', '!=', 'exhausted').executeTakeFirst())).toBe(0);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(TIMERS + LATE_TIMERS);
    expect(fired.filter((n) => n > 0).length, `per-process firings ${fired.join('/')}`).toBeGreaterThanOrEqual(2);

    // Notifications: exactly one per (firing, recipient), none twice.
    const expected = (await db.selectFrom('sla_firings').select('recipients').execute()).reduce((sum, f) => sum + JSON.parse(f.recipients).length, 0);
    expect(expected).toBeGreaterThanOrEqual(TIMERS + LATE_TIMERS);
    expect(await count(db.selectFrom('notifications').select(sql<number>`count(*)`.as('n')).executeTakeFirst())).toBe(expected);
    expect(await count(db.selectFrom('notifications').select(sql<number>`count(distinct idempotency_key)`.as('n')).executeTakeFirst())).toBe(expected);
    expect(await count(db.selectFrom('events').select(sql<number>`count(*)`.as('n')).where('type', '=', 'sla.level_reached').executeTakeFirst())).toBe(TIMERS + LATE_TIMERS);

    const late = await db.selectFrom('sla_firings').select(['due_at', 'fired_at']).where('due_at', '>=', new Date(base).toISOString()).execute();
    expect(late).toHaveLength(LATE_TIMERS);
    const delays = late.map((f) => Date.parse(f.fired_at) - Date.parse(f.due_at));
    const maxDelay = Math.max(...delays);
    const meanDelay = delays.reduce((a, b) => a + b, 0) / delays.length;
    console.log(
      `[sla exactly-once] ${TIMERS} due timers, ${PROCESSES} processes: ${TIMERS} firings in ${(wallMs / 1000).toFixed(2)} s ` +
        `(per process ${fired.join(' / ')}), ${expected} notifications, 0 duplicates. ` +
        `Deadline → firing delay over ${LATE_TIMERS} timers: max ${maxDelay} ms, mean ${Math.round(meanDelay)} ms.`,
    );
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(maxDelay).toBeLessThanOrEqual(5_000);
  }, 300_000);
});
