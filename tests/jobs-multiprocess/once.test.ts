/**
 * PostgreSQL only: three separate Node processes run the real worker loop over every registered job against one
 * schema, their clocks frozen together at one instant per phase. Across a Monday–Wednesday the no-show at +30 min,
 * the 18:00 digests (and a missed one, late), the cadence step becoming overdue and the 02:00 pool return each happen exactly once: counted
 * in the rows they write and in what each process's passes report.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { runDueDigests } from '../../server/modules/digests/service.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { stopChildren, type Child } from '../support/processes.js';
import { countRows, killAll, settle, startWorkers, stepAll, until } from '../support/worker-fleet.js';

const PROCESSES = 3;
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

const pipelineYaml = `key: mp_jobs
name: 多进程推演
stages:
  - key: qualify
    name: 首次沟通
    probability: 10
    cadences: [golden-seven-days]
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;


describe('every registered job fires once across three worker processes (PostgreSQL)', () => {
  let t: TestContext;
  const children: Child[] = [];

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00') });
    expect(t.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
  }, 60_000);

  afterAll(async () => {
    await killAll(children);
    await t?.close();
  });

  const count = (table: string, where = sql`true`) => countRows(t.db, table, where);

  it('no-show, digests, cadence step overdue and pool return: each once', async () => {
    // Mon 2026-11-02 10:00: an appointment at 11:00, a deal whose stage starts the golden seven days, a C customer.
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), pipelineYaml);
    const seller = await t.as('seller_a');
    const admin = await t.as('admin');
    await runDueDigests({ db: t.db, dialect: t.dialect, config: t.config, clock: t.clock });
    expect((await admin({ method: 'PUT', url: '/api/pool/settings', payload: { levelDays: { C: 1 }, defaultDays: null } })).statusCode).toBe(200);
    const appointment = await seller({ method: 'POST', url: '/api/appointments', payload: { phone: '13800138000', at: sh('2026-11-02T11:00:00') } });
    expect(appointment.statusCode, appointment.body).toBe(201);
    const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: '沉睡的丙级客户', level: 'C' } });
    expect(customer.statusCode, customer.body).toBe(201);
    const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: '注塑机改造', customerId: customer.json().id, pipelineId: 'mp_jobs' } });
    expect(deal.statusCode, deal.body).toBe(201);
    const appointmentId = appointment.json().id as string;
    const customerId = customer.json().id as string;
    const digestTeams = await count('digest_settings', sql`enabled = 1`);
    expect(digestTeams).toBeGreaterThan(0);

    children.push(...(await startWorkers(t.db, PROCESSES)));
    const at = (local: string) => stepAll(children, sh(local));

    // 11:29 nothing; 11:30 the no-show, once.
    await at('2026-11-02T11:29:00');
    await until('the cadence run of the new deal', async () => (await count('cadence_steps')) > 0);
    await settle();
    expect(await count('events', sql`type = 'appointment.no_show'`)).toBe(0);
    await at('2026-11-02T11:30:00');
    await until('the no-show', async () => (await count('events', sql`type = 'appointment.no_show'`)) > 0);
    await settle();
    expect(await count('events', sql`type = 'appointment.no_show'`)).toBe(1);
    expect(await count('appointments', sql`id = ${appointmentId} and status = 'no_show'`)).toBe(1);
    expect(await count('notifications', sql`subject_id = ${appointmentId}`)).toBe(1);

    // 18:00: one digest per team with digests on.
    await at('2026-11-02T18:00:00');
    await until('the 18:00 digests', async () => (await count('digests')) >= digestTeams);
    await settle();
    expect(await count('digests')).toBe(digestTeams);
    expect(await count('digests', sql`slot = '18:00' and date = '2026-11-02' and late = 0`)).toBe(digestTeams);

    // Tue 10:00: the cadence's first step (T+1 working day, 10:00) becomes overdue, once.
    const step = await t.db.selectFrom('cadence_steps').select(['task_id', 'due_at']).orderBy('due_at').executeTakeFirstOrThrow();
    expect(step.due_at).toBe(sh('2026-11-03T10:00:00'));
    await at('2026-11-03T10:00:00');
    await until('the overdue step', async () => (await count('events', sql`type = 'task.overdue'`)) > 0);
    await settle();
    expect(await count('events', sql`type = 'task.overdue' and entity_id = ${step.task_id}`)).toBe(1);
    expect(await count('sla_firings', sql`subject_id = ${step.task_id}`)).toBe(1);

    // Wed 02:00: the C customer returns to the pool, once; each 02:00 slot ran once.
    await at('2026-11-04T02:00:00');
    await until('the pool return', async () => (await count('customer_pool', sql`customer_id = ${customerId}`)) > 0);
    await settle();
    expect(await count('customer_pool', sql`customer_id = ${customerId}`)).toBe(1);
    expect(await count('pool_runs', sql`slot = ${sh('2026-11-04T02:00:00')}`)).toBe(1);
    expect(await count('pool_runs', sql`slot = ${sh('2026-11-03T02:00:00')}`)).toBe(1);
    expect(await count('events', sql`type = 'appointment.no_show'`)).toBe(1);
    expect(await count('events', sql`type = 'task.overdue'`)).toBe(1);
    // Tuesday's 18:00 passed while the clocks jumped: its digests go out once, late.
    await until('the late digests of Tuesday', async () => (await count('digests')) >= 2 * digestTeams);
    await settle();
    expect(await count('digests', sql`date = '2026-11-03' and late = 1`)).toBe(digestTeams);
    expect(await count('digests')).toBe(2 * digestTeams);
    // No consumer processed an event twice (the key forbids it; the count says nobody needed to retry around it).
    const dup = await sql<{ n: string }>`select count(*) as n from (select consumer, event_id from event_consumptions group by consumer, event_id having count(*) > 1) d`.execute(t.db);
    expect(Number(dup.rows[0].n)).toBe(0);

    const results = await stopChildren<{ fired: Record<string, number> }>(children);
    const total = (kind: string) => results.reduce((sum, r) => sum + (r.fired[kind] ?? 0), 0);
    expect(total('appointment.no_show')).toBe(1);
    expect(total('digest')).toBe(2 * digestTeams);
    expect(total('cadence.step_overdue')).toBe(1);
    expect(total('pool.sweep')).toBe(2);
    console.log(`[jobs exactly-once] ${PROCESSES} processes, per process fired: ${results.map((r) => JSON.stringify(r.fired)).join(' / ')}`);
  }, 180_000);
});
