/**
 * PostgreSQL only: the two timed jobs of field-ready logging (issue 16) on three worker processes that cross the
 * same instants together. "Material not opened within 24 h" settles each link once and fires for the unread ones
 * only, and the rule on it notifies the owner once per link; the monthly call-back draw happens once per team and
 * month, with one task for the checker. Counted in the rows written and in what the processes' passes report.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { stopChildren, type Child } from '../support/processes.js';
import { countRows, killAll, startWorkers, stepAll, until } from '../support/worker-fleet.js';

const PROCESSES = 3;
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47';


describe('field-logging jobs fire once across three worker processes (PostgreSQL)', () => {
  let t: TestContext;
  const children: Child[] = [];

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-30T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    expect(t.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
  }, 60_000);

  afterAll(async () => {
    await killAll(children);
    await t?.close();
  });

  const count = (table: string, where = sql`true`) => countRows(t.db, table, where);

  it('each unread link fires once, the rule notifies once; one call-back draw per team and month', async () => {
    const admin = await t.as('admin');
    const seller = await t.as('seller_a');
    const rule = { key: 'mp_material_unread', name: '方案24小时未打开', trigger: { type: 'material.not_opened', hours: 24 }, actions: [{ type: 'notify', config: { recipients: ['owner'], title: '客户 24 小时未打开资料：{{record.name}}' } }] };
    expect((await admin({ method: 'POST', url: '/api/rules', payload: rule })).statusCode).toBe(201);
    expect((await admin({ method: 'PUT', url: '/api/callback-settings', payload: { teamId: null, shareBp: 10_000, checkerId: null } })).statusCode).toBe(200);

    const links: { id: string; url: string }[] = [];
    for (const name of ['浙一医院', '省人民医院', '邵逸夫医院']) {
      const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name } })).json().id as string;
      // A visit last month (November) puts the customer in December's call-back draw.
      const visit = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, type: 'visit', summary: `拜访${name}`, occurredAt: sh('2026-11-20T10:00:00') } });
      expect(visit.statusCode, visit.body).toBe(201);
      const link = await seller({ method: 'POST', url: '/api/material-links', payload: { url: `https://example.com/${links.length}.pdf`, customerId, title: '方案', expiresAt: sh('2026-12-31T00:00:00') } });
      expect(link.statusCode, link.body).toBe(201);
      links.push(link.json());
    }
    // The first customer reads the proposal within the day; the other two never do.
    t.clock.set(sh('2026-11-30T15:00:00'));
    expect((await t.app.inject({ method: 'GET', url: new URL(links[0].url).pathname, headers: { 'user-agent': PHONE_UA } })).statusCode).toBe(302); // a web address: recorded, then redirected

    children.push(...(await startWorkers(t.db, PROCESSES)));
    // Past the 24 hours of every link, and into December: November's draw is due.
    stepAll(children, sh('2026-12-01T11:00:00'));
    const unread = sql`type = 'material.not_opened'`;
    await until('every link settled and the draw made', async () => (await count('material_link_firings')) === links.length && (await count('callback_draws')) === 1);
    await until('the rule notifications', async () => (await count('notifications', sql`title like '客户 24 小时未打开资料%'`)) >= 2);

    const results = await stopChildren<{ fired: Record<string, number> }>(children);
    const total = (kind: string) => results.reduce((sum, r) => sum + (r.fired[kind] ?? 0), 0);
    expect(total('material.not_opened')).toBe(2);
    expect(total('callbacks.draw')).toBe(1);
    expect(await count('events', unread)).toBe(2);
    expect(await count('events', sql`type = 'material.not_opened' and entity_id = (select customer_id from material_links where id = ${links[0].id})`)).toBe(0);
    expect(await count('notifications', sql`title like '客户 24 小时未打开资料%'`)).toBe(2);
    expect(await count('callback_draws', sql`month = '2026-11' and population = 3`)).toBe(1);
    expect(await count('callback_items')).toBe(3);
    expect(await count('tasks', sql`title like '随机抽检回访 2026-11%'`)).toBe(1);
    console.log(`[field-logging exactly-once] ${PROCESSES} processes, not-opened fired per process: ${results.map((r) => r.fired['material.not_opened'] ?? 0).join(' / ')}; draws: ${results.map((r) => r.fired['callbacks.draw'] ?? 0).join(' / ')}`);
  }, 180_000);
});
