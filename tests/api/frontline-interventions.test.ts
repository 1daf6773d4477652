import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { loadConfig } from '../../server/core/config.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { runSlaUntilIdle } from '../../server/modules/sla/job.js';
import { backfillSlaQuietly } from '../../server/demo/quiet-sla.js';
import type { InjectOptions } from 'fastify';
import { setupTestApp, TEST_PASSWORD, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 15 point 3: with the shipped ladders the seller's direct lead gets an intervention (not only the regional
 * manager), each row can be prioritised by amount, stage, days overdue and the last effective activity, and the
 * demo's backfill of past levels does not greet a manager with a bell full of unread notifications.
 */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('interventions for leads', () => {
  let t: TestContext;
  let seller: Requester, lead: Requester, rm: Requester, support: Requester, otherLead: Requester;
  let dealId: string;
  const run = () => runSlaUntilIdle({ db: t.db, dialect: t.dialect, clock: t.clock, config: loadConfig({ ACTIONFLOW_DATA_DIR: '/tmp/actionflow-interventions-test' }) });

  // Logs in on every request: the test clock jumps days ahead, past a session's lifetime.
  const user = (username: string): Requester => async (req) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    return t.app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie } } as InjectOptions);
  };

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00') });
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    [seller, lead, rm, support] = ['seller_a', 'lead_east1', 'rm_east', 'support'].map(user);
    otherLead = seller; // a seller is no manager: used for the scope check below
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '介入测试医院' } })).json().id;
    // An effective visit on the customer before the deal exists: it counts as the deal's last effective activity.
    const visit = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, type: 'visit', summary: '拜访设备科主任，确认预算', nextAction: '发送方案', nextActionAt: sh('2026-11-03T10:00:00') } });
    expect(visit.json().effective, visit.body).toBe(true);
    t.clock.advance(60_000);
    const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: '介入 CT 项目', customerId, pipelineId: 'b2b_six_step', amountFen: 41_000_00 } });
    expect(deal.statusCode, deal.body).toBe(201);
    dealId = deal.json().id;
  });
  afterAll(async () => t?.close());

  it("the lead — the seller's direct manager — gets an intervention at the red level of the shipped ladder", async () => {
    await run();
    expect((await lead({ method: 'GET', url: '/api/sla/interventions' })).json().total).toBe(0);
    t.clock.set(sh('2026-11-03T11:00:00')); // 24 h after creation: red, owner + lead
    await run();
    const mine = (await lead({ method: 'GET', url: '/api/sla/interventions' })).json();
    expect(mine.open).toBe(1);
    expect(mine.items[0]).toMatchObject({ level: 1, subject: { type: 'deal', id: dealId } });
    // The seller is told, not asked to intervene in their own deal.
    expect((await seller({ method: 'GET', url: '/api/sla/interventions' })).json().total).toBe(0);
  });

  it('each row can be prioritised: amount, stage, days overdue, last effective activity (scoped; no amount for support)', async () => {
    t.clock.set(sh('2026-11-06T11:00:00'));
    const res = await lead({ method: 'GET', url: `/api/deals/attention?ids=${dealId},nope` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        dealId,
        amountFen: 41_000_00,
        stage: expect.objectContaining({ key: 'lead_assignment', name: '线索分配' }),
        overdueSince: sh('2026-11-03T10:01:00'),
        daysOverdue: 3,
        lastEffectiveActivity: expect.objectContaining({ type: 'visit', summary: '拜访设备科主任，确认预算' }),
      }),
    ]);
    const rmView = (await rm({ method: 'GET', url: `/api/deals/attention?ids=${dealId}` })).json().items;
    expect(rmView).toHaveLength(1);
    const supportView = (await support({ method: 'GET', url: `/api/deals/attention?ids=${dealId}` })).json().items;
    if (supportView.length) expect(supportView[0]).not.toHaveProperty('amountFen');
    // Out of scope: another team's seller sees nothing of it.
    const sellerB = user('seller_b');
    expect((await sellerB({ method: 'GET', url: `/api/deals/attention?ids=${dealId}` })).json().items).toEqual([]);
    expect((await otherLead({ method: 'GET', url: '/api/deals/attention?ids=' + Array.from({ length: 101 }, (_, i) => `d${i}`).join(',') })).statusCode).toBe(400);
  });

  it('the demo-style backfill fires the past levels but files their notifications as read', async () => {
    // A second deal whose levels all lie in the past when the backfill runs (as demo deals do).
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '回填测试客户' } })).json().id;
    await seller({ method: 'POST', url: '/api/deals', payload: { title: '回填项目', customerId, pipelineId: 'b2b_six_step', amountFen: 100 } });
    // Drop the events so only the reconcile pass (as for bulk-loaded demo rows) gives it a clock.
    await t.db.deleteFrom('notifications').execute();
    t.clock.set(sh('2026-11-20T11:00:00'));
    const result = await backfillSlaQuietly(t.db, t.clock, 'Asia/Shanghai');
    expect(result.fired).toBeGreaterThan(0);
    const unread = await t.db.selectFrom('notifications').select('id').where('read_at', 'is', null).execute();
    expect(unread).toEqual([]);
    const filed = await t.db.selectFrom('notifications').select('id').where('read_at', 'is not', null).execute();
    expect(filed.length).toBe(result.filed);
    // The interventions stay open: the page is alive, the bell is quiet.
    expect((await rm({ method: 'GET', url: '/api/sla/interventions' })).json().open).toBeGreaterThan(0);
    expect((await rm({ method: 'GET', url: '/api/notifications?unread=true' })).statusCode).toBeLessThan(500);
  });
});
