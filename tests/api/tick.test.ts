import { sql } from 'kysely';
import { systemActor } from '../../server/core/policy.js';
import { afterEach, describe, expect, it } from 'vitest';
import { dryRunTickAt, tickAt } from '../../server/cli/tick.js';
import { runDueDigests } from '../../server/modules/digests/service.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import type { Fired } from '../../server/jobs/job.js';
import { setupTestApp, type TestContext } from '../support/app.js';

const pipelineYaml = `key: tick_demo
name: 推演
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

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const TABLES = ['events', 'event_consumptions', 'sla_timers', 'sla_firings', 'notifications', 'outbox', 'appointments', 'tasks', 'cadence_runs', 'cadence_steps', 'digests', 'pool_runs', 'customer_pool', 'audit_log', 'digest_settings'] as const;

describe('tick --at replays every time-driven job', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  const base = () => ({ db: t.db, dialect: t.dialect, config: t.config });
  const tick = (local: string) => tickAt(base(), new Date(sh(local)));
  const kinds = (fired: Fired[], kind: string) => fired.filter((f) => f.kind === kind);

  /** Mon 2026-11-02 10:00: an appointment at 11:00, a deal whose stage starts the golden seven days, a C customer. */
  async function setup() {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00') });
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), pipelineYaml);
    const seller = await t.as('seller_a');
    const admin = await t.as('admin');
    // Digest settings exist from the start (as on a running server), so today's 18:00 slot is due.
    await runDueDigests({ ...base(), clock: t.clock });
    expect((await admin({ method: 'PUT', url: '/api/pool/settings', payload: { levelDays: { C: 1 }, defaultDays: null } })).statusCode).toBe(200);
    const appointment = await seller({ method: 'POST', url: '/api/appointments', payload: { phone: '13800138000', at: sh('2026-11-02T11:00:00') } });
    expect(appointment.statusCode, appointment.body).toBe(201);
    const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: '沉睡的丙级客户', level: 'C' } });
    expect(customer.statusCode, customer.body).toBe(201);
    const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: '注塑机改造', customerId: customer.json().id, pipelineId: 'tick_demo' } });
    expect(deal.statusCode, deal.body).toBe(201);
    return { appointmentId: appointment.json().id as string, customerId: customer.json().id as string, dealId: deal.json().id as string };
  }

  it('fires a no-show at +30 min (not +29), a cadence step overdue, an 18:00 digest and a pool return, each once', async () => {
    const { appointmentId, customerId, dealId } = await setup();

    const at1129 = await tick('2026-11-02T11:29:59');
    expect(kinds(at1129, 'appointment.no_show')).toEqual([]);
    const at1130 = await tick('2026-11-02T11:30:00');
    expect(kinds(at1130, 'appointment.no_show')).toEqual([{ kind: 'appointment.no_show', at: sh('2026-11-02T11:30:00'), subject: { type: 'appointment', id: appointmentId }, managers: [t.org.users.leadEast1.id] }]);
    expect(await tick('2026-11-02T11:30:00')).toEqual([]);

    expect(kinds(await tick('2026-11-02T17:59:59'), 'digest')).toEqual([]);
    const at18 = await tick('2026-11-02T18:00:00');
    const digestTeams = await t.db.selectFrom('digest_settings').select('team_id').where('enabled', '=', 1).execute();
    expect(kinds(at18, 'digest').map((d) => [d.at, d.late])).toEqual(digestTeams.map(() => [sh('2026-11-02T18:00:00'), false]));
    expect(at18.length).toBe(digestTeams.length);
    expect(await tick('2026-11-02T18:00:00')).toEqual([]);

    // The cadence's first step (T+1 working day, 10:00) has a task; at its due time it becomes overdue.
    const step = await t.db.selectFrom('cadence_steps').innerJoin('cadence_runs', 'cadence_runs.id', 'cadence_steps.run_id').select(['cadence_steps.task_id', 'cadence_steps.due_at']).where('cadence_runs.deal_id', '=', dealId).orderBy('cadence_steps.due_at').executeTakeFirstOrThrow();
    expect(step.due_at).toBe(sh('2026-11-03T10:00:00'));
    expect(kinds(await tick('2026-11-03T09:59:59'), 'cadence.step_overdue')).toEqual([]);
    const overdue = kinds(await tick('2026-11-03T10:00:00'), 'cadence.step_overdue');
    expect(overdue.map((f) => [f.subject, f.level, f.at])).toEqual([[{ type: 'task', id: step.task_id }, 1, sh('2026-11-03T10:00:00')]]);
    expect(kinds(await tick('2026-11-03T10:00:00'), 'cadence.step_overdue')).toEqual([]);
    const overdueEvents = await t.db.selectFrom('events').select('id').where('type', '=', 'task.overdue').where('entity_id', '=', step.task_id!).execute();
    expect(overdueEvents).toHaveLength(1);

    // C customers return after 1 day without effective activity: created Mon 10:00, due Tue 10:00, swept Wed 02:00.
    const pooled = async () => (await t.db.selectFrom('customer_pool').select('customer_id').where('customer_id', '=', customerId).execute()).length;
    // (Tuesday's 02:00 sweep ran, returning nobody, in the 10:00 replay above.)
    expect(kinds(await tick('2026-11-04T01:59:59'), 'pool.sweep')).toEqual([]);
    expect(await pooled()).toBe(0);
    const wed = await tick('2026-11-04T02:00:00');
    expect(kinds(wed, 'pool.sweep').map((f) => [f.at, f.returned])).toEqual([[sh('2026-11-04T02:00:00'), 1]]);
    expect(await pooled()).toBe(1);
    expect(kinds(await tick('2026-11-04T02:00:00'), 'pool.sweep')).toEqual([]);
    // Items come in time order across kinds, each with its kind.
    expect(wed.map((f) => f.at)).toEqual([...wed.map((f) => f.at)].sort());
  }, 120_000);

  it('--dry-run shows what would fire and writes nothing', async () => {
    await setup();
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of TABLES) out[table] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0].n);
      return out;
    };
    const before = await counts();
    const statuses = await t.db.selectFrom('appointments').select('status').execute();
    const dry = await dryRunTickAt({ rehearse: t.rehearse, dialect: t.dialect, config: t.config }, new Date(sh('2026-11-04T02:00:00')));
    expect(new Set(dry.map((f) => f.kind))).toEqual(new Set(['appointment.no_show', 'digest', 'cadence.step_overdue', 'pool.sweep', 'patterns.mined']));
    expect(await counts()).toEqual(before);
    expect(await t.db.selectFrom('appointments').select('status').execute()).toEqual(statuses);
    // The real run fires the same things, and then they are done.
    const real = await tickAt(base(), new Date(sh('2026-11-04T02:00:00')));
    expect(real.map((f) => [f.kind, f.at])).toEqual(dry.map((f) => [f.kind, f.at]));
    expect(await tickAt(base(), new Date(sh('2026-11-04T02:00:00')))).toEqual([]);
  }, 60_000);
});
