/**
 * The shipped playbooks are ordinary rules an admin edits (both databases): each passes the checks an edit runs, the
 * red playbook's evidence list and deadline changed through the rules API shape the next retention plan, and a
 * disabled yellow playbook opens no work order when a customer's yellow is confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { ruleDefinitionSchema } from '../../server/modules/rules/definition.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const DAY = 86_400_000;
const RED = '00000000-0000-4000-8000-00000000a703';
const YELLOW = '00000000-0000-4000-8000-00000000a702';
const definition = {
  name: '等级',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 1 },
  severeBelow: 10,
  groups: [{ key: 'base', name: '基础', weight: 100, dimensions: [{ key: 'level', name: '客户等级', weight: 100, source: { type: 'field', field: 'level', map: { A: 100, B: 50, D: 0 } }, normalize: { points: [[0, 0], [100, 100]] } }] }],
};

describe('health playbooks are editable rules', () => {
  let t: TestContext;
  let admin: Requester;
  let seller: Requester;
  const rules = async () => {
    for (let i = 0; i < 2; i++) await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
  };
  const customer = async (name: string) => {
    const id = (await seller({ method: 'POST', url: '/api/customers', payload: { name, level: 'A' } })).json().id as string;
    expect((await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId: id } })).json()).toMatchObject({ written: 1 });
    return id;
  };
  const fall = async (id: string, level: string) => {
    t.clock.advance(DAY);
    await t.db.updateTable('customers').set({ level }).where('id', '=', id).execute();
    return (await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId: id } })).json();
  };

  beforeAll(async () => {
    // Mon 2026-11-02 10:00 Shanghai.
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z', config: { sessionTtlHours: 24 * 365 } });
    admin = await t.as('admin');
    seller = await t.as('seller_a');
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition } })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('every shipped rule passes the rule checks an edit runs (the playbooks once had keys the format refused)', async () => {
    const rows = await t.db.selectFrom('rules').select(['key', 'definition']).execute();
    expect(rows.map((r) => r.key).sort()).toEqual(['health_green_interview', 'health_red_retention', 'health_trend_warning', 'health_yellow_work_order']);
    const schema = ruleDefinitionSchema('Asia/Shanghai');
    for (const r of rows) expect(schema.safeParse(JSON.parse(r.definition)).error?.issues, r.key).toBeUndefined();
  });

  it('the red playbook edited to one evidence item and 5 working days opens a plan that asks for exactly that', async () => {
    const evidence = [{ key: 'visit_report', name: '院长拜访报告', nameEn: 'Director visit report' }];
    const patch = await admin({ method: 'PATCH', url: `/api/rules/${RED}`, payload: { actions: [{ type: 'require_retention_plan', config: { workingDays: 5, evidence } }] } });
    expect(patch.statusCode, patch.body).toBe(200);
    const id = await customer('金华第一医院');
    expect((await fall(id, 'D')).changes).toEqual([{ customerId: id, kind: 'colour', from: 'green', to: 'red' }]);
    await rules();
    const health = (await seller({ method: 'GET', url: `/api/customers/${id}/health` })).json();
    expect(health.retentionPlans).toHaveLength(1);
    const plan = health.retentionPlans[0];
    expect(plan).toMatchObject({ status: 'open', required: evidence });
    // Tue 10:00 + 5 working days: the following Tuesday, a week later.
    expect(Date.parse(plan.dueAt) - Date.parse(plan.createdAt)).toBe(7 * DAY);
    const filed = await seller({ method: 'POST', url: `/api/retention-plans/${plan.id}/file`, payload: { plan: '院长面谈', evidence: { visit_report: '已拜访' } } });
    expect(filed.statusCode, filed.body).toBe(200);
  });

  it('a disabled yellow playbook opens no work order for a confirmed yellow', async () => {
    const off = await admin({ method: 'PATCH', url: `/api/rules/${YELLOW}`, payload: { enabled: false } });
    expect(off.statusCode, off.body).toBe(200);
    const id = await customer('金华第二医院');
    expect((await fall(id, 'B')).changes).toEqual([{ customerId: id, kind: 'colour', from: 'green', to: 'yellow' }]);
    await rules();
    expect(await t.db.selectFrom('work_orders').select('id').where('customer_id', '=', id).execute()).toEqual([]);
    expect((await admin({ method: 'PATCH', url: `/api/rules/${YELLOW}`, payload: { enabled: true } })).statusCode).toBe(200);
    const other = await customer('金华第三医院');
    await fall(other, 'B');
    await rules();
    expect(await t.db.selectFrom('work_orders').select('id').where('customer_id', '=', other).execute()).toHaveLength(1);
  });
});
