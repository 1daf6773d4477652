/**
 * PostgreSQL only: three worker processes over one schema cross the reminder and then the due instant of six pending
 * quote approvals together (a seventh was approved first). Each step's reminder (level 1) and escalation to the
 * approver's manager (level 2) fire exactly once: counted in the firing rows, the trail, the notifications and in
 * what the processes' passes report.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';
import { stopChildren, type Child } from '../support/processes.js';
import { countRows, killAll, settle, startWorkers, stepAll, until } from '../support/worker-fleet.js';

const PROCESSES = 3;
const REQUESTS = 7;
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();


describe('approval step reminders and escalations fire once across three worker processes (PostgreSQL)', () => {
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

  it('one reminder and one escalation per (step, level); none for the request approved first', async () => {
    const seller = await t.as('seller_a');
    const ids: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: `多进程审批医院${i}` } });
      expect(customer.statusCode, customer.body).toBe(201);
      const dealId = await insertDeal(t, customer.json().id, t.org.users.sellerA.id);
      // Under ¥50,000: the default quote route's one step, the regional manager, 4 business hours.
      const res = await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 3_000_000 + i } } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().steps[0]).toMatchObject({ remindAt: sh('2026-11-02T12:00:00'), dueAt: sh('2026-11-02T15:30:00') });
      ids.push(res.json().id);
    }
    const rm = await t.as('rm_east');
    expect((await rm({ method: 'POST', url: `/api/approvals/${ids[0]}/decision`, payload: { decision: 'approve', comment: '同意' } })).statusCode).toBe(200);
    const pending = REQUESTS - 1;

    children.push(...(await startWorkers(t.db, PROCESSES)));
    const at = (local: string) => stepAll(children, sh(local));
    const firings = (level: number) => count('approval_sla_firings', sql`level = ${level}`);

    at('2026-11-02T11:59:00');
    await settle();
    expect(await count('approval_sla_firings')).toBe(0);

    at('2026-11-02T12:00:00');
    await until('the reminders', async () => (await firings(1)) >= pending);
    await settle();
    expect(await firings(1)).toBe(pending);
    expect(await firings(2)).toBe(0);

    at('2026-11-02T15:30:00');
    await until('the escalations', async () => (await firings(2)) >= pending);
    await settle();
    expect(await firings(2)).toBe(pending);
    expect(await count('approval_sla_firings', sql`step_id in (select id from approval_steps where request_id = ${ids[0]})`)).toBe(0);
    expect(await count('approval_trail', sql`action = 'reminded'`)).toBe(pending);
    expect(await count('approval_trail', sql`action = 'escalated'`)).toBe(pending);
    // The regional manager is reminded once per request; the director (the manager's manager) told once per request.
    expect(await count('notifications', sql`user_id = ${t.org.users.rmEast.id} and title like '%提醒%'`)).toBe(pending);
    expect(await count('notifications', sql`user_id = ${t.org.users.director.id} and title like '%审批超时升级%'`)).toBe(pending);

    const results = await stopChildren<{ fired: Record<string, number> }>(children);
    const sum = (kind: string) => results.reduce((s, r) => s + (r.fired[kind] ?? 0), 0);
    expect(sum('approval.reminder')).toBe(pending);
    expect(sum('approval.escalation')).toBe(pending);
    console.log(`[approvals exactly-once] ${PROCESSES} processes, reminders per process: ${results.map((r) => r.fired['approval.reminder'] ?? 0).join(' / ')}; escalations: ${results.map((r) => r.fired['approval.escalation'] ?? 0).join(' / ')}`);
  }, 180_000);
});
