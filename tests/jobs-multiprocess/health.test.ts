/**
 * PostgreSQL only: three worker processes run every registered job (the nightly health run, the rules consumer, the
 * retention-plan escalation…) against one schema. Two nights: the first gives every customer its first colour (no
 * playbook); before the second, some customers' level collapses, so they turn red at once (severe floor). Each
 * night runs once, each customer gets one snapshot per change, each red transition emits one event and opens one
 * retention plan (the red playbook) — counted in rows and in what the processes' passes report.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { stopChildren, type Child } from '../support/processes.js';
import { countRows, killAll, settle, startWorkers, stepAll, until } from '../support/worker-fleet.js';

const PROCESSES = 3;
const CUSTOMERS = 60;
const COLLAPSING = 17;
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();


describe('health playbooks fire once per confirmed change across three worker processes (PostgreSQL)', () => {
  let t: TestContext;
  const children: Child[] = [];

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    expect(t.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
  }, 60_000);

  afterAll(async () => {
    await killAll(children);
    await t?.close();
  });

  const count = (table: string, where = sql`true`) => countRows(t.db, table, where);

  it('two nights: one run each, one red event and one retention plan per collapsed customer', async () => {
    const admin = await t.as('admin');
    const seller = await t.as('seller_a');
    const definition = {
      name: '多进程健康度',
      bands: { green: 70, yellow: 40 },
      severeBelow: 10,
      groups: [{ key: 'base', name: '基础', weight: 100, dimensions: [{ key: 'level', name: '等级', weight: 100, source: { type: 'field', field: 'level', map: { A: 100, D: 0 } }, normalize: { points: [[0, 0], [100, 100]] } }] }],
    };
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition } })).statusCode).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) ids.push((await seller({ method: 'POST', url: '/api/customers', payload: { name: `多进程医院${i}`, level: 'A' } })).json().id);

    children.push(...(await startWorkers(t.db, PROCESSES)));
    const at = (local: string) => stepAll(children, sh(local));

    at('2026-11-03T02:00:00');
    await until('the first night', async () => (await count('health_runs', sql`finished_at is not null`)) === 1);
    await settle();
    expect(await count('health_scores')).toBe(CUSTOMERS);
    expect(await count('events', sql`type = 'customer.health_changed'`)).toBe(0);

    const collapsing = ids.slice(0, COLLAPSING);
    await t.db.updateTable('customers').set({ level: 'D' }).where('id', 'in', collapsing).execute();
    at('2026-11-04T02:00:00');
    await until('the second night', async () => (await count('health_runs', sql`finished_at is not null`)) === 2);
    await until('the retention plans', async () => (await count('health_retention_plans')) >= COLLAPSING);
    await settle();
    expect(await count('health_runs')).toBe(2);
    expect(await count('health_scores')).toBe(CUSTOMERS + COLLAPSING);
    expect(await count('events', sql`type = 'customer.health_changed'`)).toBe(COLLAPSING);
    expect(await count('health_retention_plans')).toBe(COLLAPSING);
    const planned = await t.db.selectFrom('health_retention_plans').select('customer_id').execute();
    expect(new Set(planned.map((p) => p.customer_id))).toEqual(new Set(collapsing));
    expect(await count('rule_runs', sql`status = 'succeeded'`)).toBe(COLLAPSING);

    const results = await stopChildren<{ fired: Record<string, number> }>(children);
    const total = (kind: string) => results.reduce((sum, r) => sum + (r.fired[kind] ?? 0), 0);
    expect(total('health.run')).toBe(2);
    expect(total('health.colour')).toBe(COLLAPSING);
    console.log(`[health exactly-once] ${PROCESSES} processes, per process fired: ${results.map((r) => JSON.stringify(r.fired)).join(' / ')}`);
  }, 180_000);
});
