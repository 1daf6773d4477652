/**
 * A small, hand-checked world for the metrics tests: one pipeline (lead → qualify → quote → won | lost) and deals
 * whose stage histories, activities, tasks, cadence steps and SLA clocks are written straight into the tables with
 * chosen instants, so every expected figure can be worked out by hand (see tests/api/metrics.test.ts).
 */
import { newId } from '../../server/core/ids.js';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import type { TestContext } from './app.js';

export const INSIGHT_YAML = `key: insight_demo
name: 洞察演示流程
nameEn: Insight demo
stages:
  - key: lead
    name: 线索
    nameEn: Lead
    probability: 10
    sla:
      ladder:
        - { after: 3wd, notify: [owner] }
  - key: qualify
    name: 需求确认
    nameEn: Qualify
    probability: 30
    allowSkip: true
    gate:
      checklist:
        - { key: budget, label: 确认预算 }
    sla:
      ladder:
        - { after: 5wd, notify: [owner] }
  - key: quote
    name: 报价
    nameEn: Quote
    probability: 60
    gate:
      requiredFields: [amountFen, expectedCloseDate]
  - key: won
    name: 赢单
    probability: 100
    terminal: won
  - key: lost
    name: 输单
    probability: 0
    terminal: lost
`;

type Step = [stage: string, at: string, direction?: string, skipReason?: string];

export class InsightWorld {
  pipelineId = '';
  constructor(private readonly t: TestContext) {}

  async pipeline() {
    const p = await importPipelineYaml(this.t.db, this.t.clock, systemActor('cli'), INSIGHT_YAML);
    this.pipelineId = (p as { id: string }).id;
    return this.pipelineId;
  }

  async customer(name: string, ownerId: string, segment: { industry?: string; source?: string } = {}) {
    const owner = await this.t.db.selectFrom('users').select('team_path').where('id', '=', ownerId).executeTakeFirstOrThrow();
    const id = newId();
    const now = '2026-10-01T00:00:00.000Z';
    await this.t.db
      .insertInto('customers')
      .values({ id, kind: 'company', name, phone: null, phone_normalized: null, region: '华东', industry: segment.industry ?? '医疗', source: segment.source ?? '展会', level: null, credit_code: null, owner_id: ownerId, team_path: owner.team_path, custom: '{}', created_at: now, updated_at: now, deleted_at: null })
      .execute();
    return id;
  }

  /** A deal walked through `steps` (each leaves the previous stage); status from the last stage. */
  async deal(title: string, ownerId: string, customerId: string, steps: Step[], extra: { amountFen?: number; expectedCloseDate?: string | null; lostReason?: string } = {}) {
    const owner = await this.t.db.selectFrom('users').select('team_path').where('id', '=', ownerId).executeTakeFirstOrThrow();
    const id = newId();
    const last = steps[steps.length - 1];
    const status = last[0] === 'won' ? 'won' : last[0] === 'lost' ? 'lost' : 'open';
    await this.t.db
      .insertInto('deals')
      .values({ id, title, customer_id: customerId, pipeline_id: this.pipelineId, stage_key: last[0], status, owner_id: ownerId, team_path: owner.team_path, amount_fen: extra.amountFen ?? 100_000, expected_close_date: extra.expectedCloseDate === undefined ? '2026-12-31' : extra.expectedCloseDate, checklist: '{}', custom: '{}', stage_entered_at: last[1], created_at: steps[0][1], updated_at: last[1], lost_reason: status === 'lost' ? (extra.lostReason ?? null) : null })
      .execute();
    for (const [i, [stage, at, direction, reason]] of steps.entries()) {
      await this.t.db
        .insertInto('deal_stage_history')
        .values({ id: newId(), deal_id: id, stage_key: stage, entered_at: at, left_at: steps[i + 1]?.[1] ?? null, entered_by: ownerId, direction: direction ?? (i === 0 ? 'created' : 'forward'), skip_reason: reason ?? null })
        .execute();
    }
    return id;
  }

  async activity(ownerId: string, customerId: string, dealId: string | null, at: string, effective = 1, nextActionAt: string | null = null, tags: string[] = []) {
    const owner = await this.t.db.selectFrom('users').select('team_path').where('id', '=', ownerId).executeTakeFirstOrThrow();
    const id = newId();
    await this.t.db
      .insertInto('activities')
      .values({ id, type: 'call', occurred_at: at, customer_id: customerId, deal_id: dealId, owner_id: ownerId, team_path: owner.team_path, contact_ids: '[]', summary: `call ${at}`, outcome: null, next_action: nextActionAt ? 'follow up' : null, next_action_at: nextActionAt, effective, custom: '{}', created_at: at })
      .execute();
    if (tags.length) await this.t.db.insertInto('activity_tags').values(tags.map((tag_key) => ({ activity_id: id, tag_key }))).execute();
  }

  async task(assigneeId: string, dealId: string, dueAt: string, status = 'open') {
    const owner = await this.t.db.selectFrom('users').select('team_path').where('id', '=', assigneeId).executeTakeFirstOrThrow();
    await this.t.db
      .insertInto('tasks')
      .values({ id: newId(), title: 'next step', assignee_id: assigneeId, team_path: owner.team_path, due_at: dueAt, customer_id: null, deal_id: dealId, status, completed_at: null, created_by: assigneeId, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' })
      .execute();
  }

  /** A cadence run on the deal with steps: [key, due, status, completedAt]. */
  async steps(dealId: string, customerId: string, stage: string, steps: Array<[string, string, string, string | null]>) {
    const runId = newId();
    if (!(await this.t.db.selectFrom('cadences').select('id').where('id', '=', 'c1').executeTakeFirst())) {
      await this.t.db
        .insertInto('cadences')
        .values({ id: 'c1', key: 'golden', name: '黄金七天', name_en: 'Golden seven days', definition: '{}', version: 1, created_by: null, created_at: '2026-10-01T00:00:00.000Z', updated_at: '2026-10-01T00:00:00.000Z' })
        .execute();
    }
    await this.t.db
      .insertInto('cadence_runs')
      .values({ id: runId, cadence_id: 'c1', cadence_key: 'golden', deal_id: dealId, customer_id: customerId, stage_key: stage, anchor_at: steps[0][1], status: 'active', stop_reason: null, started_by: 'test', started_at: steps[0][1], ended_at: null })
      .execute();
    for (const [i, [key, due, status, completedAt]] of steps.entries()) {
      await this.t.db
        .insertInto('cadence_steps')
        .values({ id: newId(), run_id: runId, step_index: i, step_key: key, spec: '{}', task_id: null, due_at: due, status, deliverable: null, completed_at: completedAt })
        .execute();
    }
  }

  /** A stage clock; `firstDueAt` also writes its level-1 firing (the first deadline passed at that instant). */
  async slaClock(dealId: string, stage: string, anchorAt: string, levelReached: number, status: string, firstDueAt?: string) {
    const id = newId();
    await this.t.db
      .insertInto('sla_timers')
      .values({ id, subject_type: 'deal', subject_id: dealId, kind: 'stage_dwell', stage_key: stage, ladder: '[]', anchor_at: anchorAt, next_level: levelReached + 1, due_at: null, last_due_at: null, level_reached: levelReached, colour: levelReached ? 'red' : 'on_time', status, cancel_reason: null, team_id: null, created_at: anchorAt, updated_at: anchorAt })
      .execute();
    if (firstDueAt) {
      await this.t.db
        .insertInto('sla_firings')
        .values({ id: newId(), timer_id: id, level: 1, subject_type: 'deal', subject_id: dealId, due_at: firstDueAt, fired_at: firstDueAt, recipients: '[]', channels: '[]' })
        .execute();
    }
  }
}

/** The world of tests/api/metrics.test.ts (expected figures worked out there); returns the deal ids d1…d8. */
export async function seedInsightWorld(t: TestContext): Promise<Record<string, string>> {
  const w = new InsightWorld(t);
  const deals: Record<string, string> = {};
  await w.pipeline();
  const u = t.org.users;
  const cA = await w.customer('浙一医院', u.sellerA.id, { industry: '医疗', source: '展会' });
  const cA2 = await w.customer('杭州机械', u.sellerA2.id, { industry: '制造', source: '官网' });
  const cB = await w.customer('中山一院', u.sellerB.id, { industry: '医疗', source: '官网' });
  deals.d1 = await w.deal('D1 back and forth', u.sellerA.id, cA, [['lead', '2026-11-03T02:00:00.000Z'], ['qualify', '2026-11-05T02:00:00.000Z'], ['quote', '2026-11-10T02:00:00.000Z'], ['qualify', '2026-11-12T02:00:00.000Z', 'backward'], ['quote', '2026-11-16T02:00:00.000Z']], { expectedCloseDate: null });
  deals.d2 = await w.deal('D2 skip then lost', u.sellerA.id, cA, [['lead', '2026-11-03T03:00:00.000Z'], ['quote', '2026-11-06T02:00:00.000Z', 'skip', '客户主动来电'], ['lost', '2026-11-20T02:00:00.000Z']], { lostReason: 'price' });
  deals.d3 = await w.deal('D3 lost at lead', u.sellerA2.id, cA2, [['lead', '2026-11-04T02:00:00.000Z'], ['lost', '2026-11-09T02:00:00.000Z']]);
  deals.d4 = await w.deal('D4 planned', u.sellerB.id, cB, [['lead', '2026-11-04T03:00:00.000Z']]);
  deals.d5 = await w.deal('D5 won', u.sellerB.id, cB, [['lead', '2026-10-01T02:00:00.000Z'], ['qualify', '2026-11-02T02:00:00.000Z'], ['quote', '2026-11-03T02:00:00.000Z'], ['won', '2026-11-09T02:00:00.000Z']]);
  deals.d6 = await w.deal('D6 stalled', u.sellerB.id, cB, [['lead', '2026-11-02T02:00:00.000Z']]);
  deals.d7 = await w.deal('D7 fresh', u.sellerA2.id, cA2, [['lead', '2026-11-27T02:00:00.000Z']]);
  // Across National Day 2026: Wed 30 Sep 10:00 → Fri 9 Oct 10:00 (Beijing) = 14/24 + 1 Oct 8 + 10/24 = 2 working days.
  deals.d8 = await w.deal('D8 national day', u.sellerA2.id, cA2, [['lead', '2026-09-30T02:00:00.000Z'], ['qualify', '2026-10-09T02:00:00.000Z']]);
  await w.activity(u.sellerB.id, cB, deals.d4, '2026-11-10T02:00:00.000Z');
  await w.task(u.sellerB.id, deals.d4, '2026-12-02T02:00:00.000Z');
  await w.activity(u.sellerA.id, cA, deals.d1, '2026-11-11T02:00:00.000Z', 0);
  await w.activity(u.sellerA.id, cA, deals.d1, '2026-11-12T02:00:00.000Z');
  await w.activity(u.sellerA2.id, cA2, deals.d8, '2026-11-27T02:00:00.000Z');
  await w.steps(deals.d1, cA, 'quote', [
    ['s1', '2026-11-24T02:00:00.000Z', 'done', '2026-11-23T02:00:00.000Z'],
    ['s2', '2026-11-25T02:00:00.000Z', 'done', '2026-11-26T02:00:00.000Z'],
    ['s3', '2026-11-26T02:00:00.000Z', 'open', null],
    ['s4', '2026-12-03T02:00:00.000Z', 'open', null],
    ['s5', '2026-11-25T03:00:00.000Z', 'cancelled', null],
  ]);
  await w.slaClock(deals.d4, 'lead', '2026-11-04T03:00:00.000Z', 1, 'active');
  await w.slaClock(deals.d6, 'lead', '2026-11-02T02:00:00.000Z', 1, 'exhausted');
  await w.slaClock(deals.d1, 'qualify', '2026-11-05T02:00:00.000Z', 0, 'cancelled');
  await w.slaClock(deals.d7, 'lead', '2026-11-27T02:00:00.000Z', 0, 'active');
  // D8 is still in qualify past its first deadline (20 Nov) with the gate's budget item unticked: a missed gate action.
  await w.slaClock(deals.d8, 'qualify', '2026-10-09T02:00:00.000Z', 1, 'active', '2026-11-20T02:00:00.000Z');
  // Consistency (non-effective logs, so IDI and stalled keep their figures) compares need / pain-point tags only; the
  // action tags beside them would change every answer if they were counted: 浙一医院 logged by A and B with one of two
  // needs in common (partial; 2 of 3 with the shared action tag), 杭州机械 by A and A2 with the same need (agree; partial
  // with A2's action tag), 中山一院 by B (no tag) and A2 (a need: disagree).
  await w.activity(u.sellerA.id, cA, null, '2026-11-18T02:00:00.000Z', 0, null, ['need_price_sensitive', 'price_confirmation']);
  await w.activity(u.sellerB.id, cA, null, '2026-11-18T03:00:00.000Z', 0, null, ['need_price_sensitive', 'need_delivery_time', 'price_confirmation']);
  await w.activity(u.sellerA.id, cA2, null, '2026-11-19T02:00:00.000Z', 0, null, ['need_clinical_evidence']);
  await w.activity(u.sellerA2.id, cA2, null, '2026-11-19T03:00:00.000Z', 0, null, ['need_clinical_evidence', 'competitor_sheet']);
  await w.activity(u.sellerA2.id, cB, null, '2026-11-19T04:00:00.000Z', 0, null, ['need_after_sales', 'technical_comparison']);
  return deals;
}
