import { afterEach, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { systemActor } from '../../server/core/policy.js';
import { loadConfig } from '../../server/core/config.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { runSlaUntilIdle } from '../../server/modules/sla/job.js';
import { setupTestApp, TEST_PASSWORD, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 15 point 1: a quick-log (no dealId) links the customer's only open deal, says whether it counts and why not,
 * and an effective activity on a customer restarts the idle clocks of the customer's open deals — unless the stage
 * counts only the deal's own activities (`idleFrom: deal`).
 */
const pipelineYaml = `key: quicklog_demo
name: 快速记录演示
stages:
  - key: qualify
    name: 需求确认
    probability: 10
    sla:
      idle: true
      ladder:
        - { after: 7wd, colour: red, notify: [owner, owner.lead] }
  - key: tender
    name: 招标
    probability: 50
    allowSkip: true
    sla:
      idle: true
      idleFrom: deal
      ladder:
        - { after: 7wd, colour: red, notify: [owner] }
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('quick-log honesty', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  async function as(username: string): Promise<Requester> {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    return (req) => t.app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie } } as InjectOptions);
  }
  const seller: Requester = async (req) => (await as('seller_a'))(req);
  const run = () => runSlaUntilIdle({ db: t.db, dialect: t.dialect, clock: t.clock, config: loadConfig({ ACTIONFLOW_DATA_DIR: '/tmp/actionflow-quicklog-test' }) });
  const timers = (dealId: string) => t.db.selectFrom('sla_timers').select(['status', 'cancel_reason', 'anchor_at', 'due_at']).where('subject_id', '=', dealId).orderBy('created_at').execute();

  async function setup() {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00') });
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), pipelineYaml);
  }
  const newCustomer = async (name: string) => (await seller({ method: 'POST', url: '/api/customers', payload: { name } })).json().id as string;
  const newDeal = async (customerId: string, title: string, stageKey?: string) => {
    const res = await seller({ method: 'POST', url: '/api/deals', payload: { title, customerId, pipelineId: 'quicklog_demo', ...(stageKey ? { stageKey, skipReason: '老客户续单' } : {}) } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const quickLog = (payload: Record<string, unknown>) => seller({ method: 'POST', url: '/api/activities', payload: { type: 'visit', ...payload } });

  it('quick-log restarts the idle clock of the customer’s only open deal, linking it and saying so', async () => {
    await setup();
    const customerId = await newCustomer('浙一医院骨科');
    const dealId = await newDeal(customerId, '关节耗材');
    await run();
    expect((await timers(dealId)).map((x) => x.due_at)).toEqual([sh('2026-11-11T10:00:00')]);

    t.clock.set(sh('2026-11-06T16:30:00'));
    const res = await quickLog({ customerId, summary: '拜访王主任，介绍集采应对方案', nextAction: '周三上门演示', nextActionAt: sh('2026-11-11T10:00:00') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dealId, dealLink: 'auto', effective: true, effectiveReason: 'counts', openDeals: [] });
    await run();
    // Fri 11-06 16:30 + 7 working days → Tue 11-17 16:30: the seller's visit kept the deal out of escalation.
    expect((await timers(dealId)).map((x) => [x.status, x.cancel_reason, x.anchor_at, x.due_at])).toEqual([
      ['cancelled', 'restarted', sh('2026-11-02T10:00:00'), null],
      ['active', null, sh('2026-11-06T16:30:00'), sh('2026-11-17T16:30:00')],
    ]);
  });

  it('says why a summary-only visit does not count, and that a next action makes it count', async () => {
    await setup();
    const customerId = await newCustomer('邵逸夫医院');
    const dealId = await newDeal(customerId, '试剂');
    await run();
    t.clock.set(sh('2026-11-04T11:00:00'));
    const res = await quickLog({ customerId, summary: '拜访了一下，聊了很多' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dealId, effective: false, effectiveReason: 'needs_next_action' });
    await run();
    expect((await timers(dealId)).map((x) => x.status)).toEqual(['active']);
    const none = await quickLog({ customerId, summary: '打招呼', effect: 'none' });
    expect(none.json().effectiveReason).toBe('marked_none');
  });

  it('with several open deals leaves the choice to the seller, yet the customer-level visit restarts every deal whose stage allows it', async () => {
    await setup();
    const customerId = await newCustomer('中山医院');
    const a = await newDeal(customerId, '设备 A');
    const b = await newDeal(customerId, '设备 B');
    const tender = await newDeal(customerId, '招标项目', 'tender');
    await run();
    t.clock.set(sh('2026-11-05T15:00:00'));
    const res = await quickLog({ customerId, summary: '与设备科沟通', outcome: '预算已批' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dealId: null, dealLink: 'ask', effective: true });
    expect(res.json().openDeals.map((d: { id: string }) => d.id).sort()).toEqual([a, b, tender].sort());
    await run();
    for (const id of [a, b]) expect((await timers(id)).filter((x) => x.status === 'active').map((x) => x.anchor_at)).toEqual([sh('2026-11-05T15:00:00')]);
    // The tender stage counts only activities linked to the deal itself.
    expect((await timers(tender)).map((x) => [x.status, x.anchor_at])).toEqual([['active', sh('2026-11-02T10:00:00')]]);

    // An explicit null dealId is a customer-level note: no auto-link.
    const solo = await newCustomer('单商机医院');
    await newDeal(solo, '单一商机');
    expect((await quickLog({ customerId: solo, dealId: null, summary: '电话', outcome: '下月采购' })).json()).toMatchObject({ dealId: null, dealLink: 'none' });
  });
});
