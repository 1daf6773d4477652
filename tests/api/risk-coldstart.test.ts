/**
 * Cold start, rule by rule, on SQLite and PostgreSQL: a pipeline with no closed history shows only the expert rules,
 * each labelled as a rule with its threshold — a single contact on a deal ≥ ¥100,000, the close date pushed ≥ 2
 * times, in stage beyond the stage SLA (the SLA engine's own timer), no effective interaction in 10 working days —
 * raised through the patterns job (its consumer for events, its hourly sweep for what time alone makes true), and
 * not raised where the condition does not hold. (The 3-unanswered-touches rule: tests/api/risk-flags.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { patternsJob } from '../../server/modules/patterns/job.js';
import { slaJob } from '../../server/modules/sla/job.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { customerFor } from '../support/predictive-fixture.js';

const YAML = `key: cold_rules
name: 冷启动流程
stages:
  - key: lead
    name: 线索
    probability: 10
  - key: quote
    name: 报价
    probability: 50
    sla:
      ladder:
        - { after: 24h, colour: red, notify: [owner] }
  - key: won
    name: 赢单
    probability: 100
    terminal: won
  - key: lost
    name: 输单
    probability: 0
    terminal: lost
`;

interface Flag {
  kind: string;
  sourceKey: string;
  description: string;
  evidence: string;
  suggestion: string | null;
  drill: string | null;
}

describe('cold-start expert rules', () => {
  let t: TestContext;
  let seller: Requester;
  let pipelineId: string;
  let customerId: string;
  const job = { pass: () => patternsJob.pass!({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config }) };
  const sla = () => slaJob.pass!({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });

  const deal = async (title: string, extra: Record<string, unknown> = {}) => {
    const res = await seller({ method: 'POST', url: '/api/deals', payload: { title, customerId, pipelineId, stageKey: 'quote', amountFen: 2_000_000, expectedCloseDate: '2026-12-01', ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const rules = async (dealId: string) => {
    const res = await seller({ method: 'GET', url: `/api/deals/${dealId}/risks` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { mode: string; items: Flag[] };
    expect(body.mode).toBe('rules');
    // Only labelled rules, never a pattern, never a drill to "similar deals".
    expect(body.items.every((f) => f.kind === 'rule' && f.description.startsWith('规则：') && f.drill === null)).toBe(true);
    return new Map(body.items.map((f) => [f.sourceKey.replace('rule:', ''), f]));
  };

  beforeAll(async () => {
    // Sessions outlive the three weeks the last case moves the clock.
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z', config: { sessionTtlHours: 24 * 365 } });
    pipelineId = ((await importPipelineYaml(t.db, t.clock, systemActor('cli'), YAML)) as { id: string }).id;
    customerId = (await customerFor(t, t.org.users.sellerA.id, '冷启动医院')).customerId;
    seller = await t.as('seller_a');
  }, 120_000);
  afterAll(async () => t?.close());

  it('a single contact on a deal of ¥100,000 or more; not on a smaller deal', async () => {
    const big = await deal('大额单联系人', { amountFen: 20_000_000 });
    const small = await deal('小额商机');
    await job.pass();
    const flag = (await rules(big)).get('single_contact');
    expect(flag).toMatchObject({ description: '规则：金额 ≥ ¥100,000 的商机只有 1 位联系人', evidence: '规则：金额 ≥ ¥100,000 的商机只有 1 位联系人', suggestion: '结识第二位决策相关人（如技术主任）' });
    expect((await rules(small)).has('single_contact')).toBe(false);
  });

  it('the expected close date pushed twice; once is not enough', async () => {
    const id = await deal('推迟成交');
    const push = async (date: string) => {
      t.clock.advance(60_000);
      const res = await seller({ method: 'PATCH', url: `/api/deals/${id}`, payload: { expectedCloseDate: date } });
      expect(res.statusCode, res.body).toBe(200);
      await job.pass();
    };
    await push('2026-12-15');
    expect((await rules(id)).has('close_date_pushed')).toBe(false);
    await push('2027-01-10');
    expect((await rules(id)).get('close_date_pushed')).toMatchObject({ description: '规则：预计成交日期已推迟 2 次及以上' });
  });

  it('in stage beyond its SLA, by the SLA engine’s timer; then no effective interaction in 10 working days', async () => {
    const stalled = await deal('超时商机');
    await sla();
    await job.pass();
    expect((await rules(stalled)).has('stalled_sla')).toBe(false);
    // 25 hours on: the stage's 24 h level is reached; the hourly sweep sees it.
    t.clock.advance(25 * 3_600_000);
    await sla();
    await job.pass();
    expect((await rules(stalled)).get('stalled_sla')).toMatchObject({ description: '规则：停留超过阶段时限（SLA）' });
    expect((await rules(stalled)).has('no_interaction')).toBe(false);

    // Three weeks on (more than 10 working days since creation): silent deals are flagged, one with a call today is not.
    const talked = await deal('有互动商机');
    t.clock.advance(21 * 86_400_000);
    const call = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, dealId: talked, type: 'call', summary: '电话沟通', outcome: '客户有回应' } });
    expect(call.statusCode, call.body).toBe(201);
    await job.pass();
    expect((await rules(stalled)).get('no_interaction')).toMatchObject({ description: '规则：10 个工作日无有效互动', suggestion: '今天联系客户，约定下一步' });
    expect((await rules(talked)).has('no_interaction')).toBe(false);
  });
});
