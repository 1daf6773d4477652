import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml, installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/** Issue 15 point 2: creating a deal in a later stage does not pass the earlier gates unchecked. */
const yaml = `key: late_start
name: 后段创建
stages:
  - key: s1
    name: 线索
    probability: 10
    allowSkip: true
    gate:
      requiredFields: [amountFen]
  - key: s2
    name: 需求
    probability: 30
    allowSkip: true
    gate:
      checklist:
        - { key: pain_point, label: 痛点记录 }
  - key: s3
    name: 方案
    probability: 60
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

describe('creating a deal in a later stage', () => {
  let t: TestContext;
  let seller: Requester;
  let customerId: string;

  beforeAll(async () => {
    t = await setupTestApp();
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), yaml);
    seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '后段创建医院' } })).json().id;
  });
  afterAll(async () => t?.close());

  const create = (payload: Record<string, unknown>) => seller({ method: 'POST', url: '/api/deals', payload: { title: '后段商机', customerId, ...payload } });

  it('refuses stage 5 of the six-step pipeline when an earlier gate is unmet and may not be skipped', async () => {
    const res = await create({ pipelineId: 'b2b_six_step', stageKey: 'objection_handling', amountFen: 100_000_00, skipReason: '老客户' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'SKIP_NOT_ALLOWED' });
    expect(res.json().error.stages).toContain('lead_assignment');
    expect(res.json().error.fields[0].field).toBe('stageKey');
    const count = await t.db.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('needs a skip reason for skippable stages whose gates are unmet, records it, and does not skip met gates', async () => {
    const missing = await create({ pipelineId: 'late_start', stageKey: 's3' });
    expect([missing.statusCode, missing.json().error.fields[0].field]).toEqual([400, 'skipReason']);
    expect(missing.json().error.fields[0].params.stages).toBe('s1, s2');

    // The amount meets s1's gate: only s2 is skipped.
    const ok = await create({ pipelineId: 'late_start', stageKey: 's3', amountFen: 5_000_00, skipReason: '客户已在线下完成需求调研' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().history).toEqual([expect.objectContaining({ stageKey: 's3', direction: 'created', skipReason: '客户已在线下完成需求调研' })]);
    const audit = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', ok.json().id).where('action', '=', 'create').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toMatchObject({ skipped: ['s2'], skipReason: '客户已在线下完成需求调研' });

    // In the first stage nothing is skipped and no reason is asked.
    expect((await create({ pipelineId: 'late_start' })).statusCode).toBe(201);
  });
});
