/**
 * PostgreSQL only: three worker processes over one schema cross the escalation instant of seven overdue instalments
 * together (an eighth was paid first). Each instalment gets exactly one finance work order and one lead task,
 * counted in the rows written and in what the processes' passes report.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { stopChildren, type Child } from '../support/processes.js';
import { countRows, killAll, settle, startWorkers, stepAll, until } from '../support/worker-fleet.js';

const PROCESSES = 3;
const CONTRACTS = 8;
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

const pipelineYaml = `key: mp_money
name: 回款推演
stages:
  - key: signing
    name: 签约
    probability: 90
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;


describe('receivable escalations fire once across three worker processes (PostgreSQL)', () => {
  let t: TestContext;
  const children: Child[] = [];

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-09-21T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    expect(t.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
  }, 60_000);

  afterAll(async () => {
    await killAll(children);
    await t?.close();
  });

  const count = (table: string, where = sql`true`) => countRows(t.db, table, where);

  it('one work order and one lead task per overdue instalment; none for the one paid first', async () => {
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), pipelineYaml);
    const seller = await t.as('seller_a');
    const finance = await t.as('finance');
    const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: '多进程回款医院' } });
    expect(customer.statusCode, customer.body).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < CONTRACTS; i++) {
      const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: `回款商机${i}`, customerId: customer.json().id, pipelineId: 'mp_money' } });
      expect(deal.statusCode, deal.body).toBe(201);
      // Due on National Day: effective Oct 8, escalation at Oct 13 00:00 (Oct 9, the make-up Saturday Oct 10, Oct 12).
      const c = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: deal.json().id, signedAt: '2026-09-20', amountFen: 100_000 + i, plan: [{ dueDate: '2026-10-01', amountFen: 100_000 + i, method: 'wire' }] } });
      expect(c.statusCode, c.body).toBe(201);
      ids.push(c.json().id);
    }
    t.clock.set(sh('2026-10-12T10:00:00'));
    expect((await finance({ method: 'POST', url: `/api/contracts/${ids[0]}/payments`, payload: { amountFen: 100_000, receivedOn: '2026-10-12', method: 'wire', reference: 'paid-first' } })).statusCode).toBe(201);

    children.push(...(await startWorkers(t.db, PROCESSES)));
    const at = (local: string) => stepAll(children, sh(local));

    at('2026-10-12T23:59:00');
    await settle();
    expect(await count('receivable_escalations')).toBe(0);
    at('2026-10-13T00:00:00');
    await until('the escalations', async () => (await count('receivable_escalations')) >= CONTRACTS - 1 && (await count('contract_instalments', sql`escalate_at is not null`)) === 0);
    await settle();
    expect(await count('receivable_escalations')).toBe(CONTRACTS - 1);
    expect(await count('receivable_escalations', sql`contract_id = ${ids[0]}`)).toBe(0);
    expect(await count('receivable_escalations', sql`work_order_id is null or task_id is null`)).toBe(0);
    const orders = await sql<{ n: string }>`select count(*) as n from work_orders o join work_order_types ty on ty.id = o.type_id where ty.key = 'receivable'`.execute(t.db);
    expect(Number(orders.rows[0].n)).toBe(CONTRACTS - 1);
    expect(await count('tasks', sql`title like '24小时内%'`)).toBe(CONTRACTS - 1);
    // The message stating the outstanding amount: one per escalation to the finance partner and one to the lead.
    expect(await count('notifications', sql`subject_type = 'contract' and title like '回款逾期%未收%'`)).toBe(2 * (CONTRACTS - 1));
    expect(await count('work_order_types', sql`key = 'receivable'`)).toBe(1);
    expect(await count('events', sql`type = 'receivable.escalated'`)).toBe(CONTRACTS - 1);

    const results = await stopChildren<{ fired: Record<string, number> }>(children);
    const total = results.reduce((sum, r) => sum + (r.fired['receivable.escalation'] ?? 0), 0);
    expect(total).toBe(CONTRACTS - 1);
    console.log(`[receivables exactly-once] ${PROCESSES} processes, per process fired: ${results.map((r) => r.fired['receivable.escalation'] ?? 0).join(' / ')}`);
  }, 180_000);
});
