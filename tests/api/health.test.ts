/**
 * Customer health on both databases: a model published through the API and YAML (line numbers), the explained
 * score, an unchanged recompute writing and emitting nothing, colour changes confirmed over days firing each playbook
 * once (yellow → customer-success work order, red → retention plan with gated evidence and escalation on the
 * calendar, green → interview task with a cooldown), the trend warning, the preview and a quiet model switch, the
 * nightly job via tick, scope and the support view without amounts, and the backtest.
 */
import { backtestOutput } from '../../server/cli/health.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { replayUntil } from '../../server/jobs/replay.js';
import { composeModules } from '../../server/modules/index.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

// Mon 2026-11-02 10:00 Shanghai.
const START = '2026-11-02T02:00:00.000Z';
const DAY = 86_400_000;

const model = (over: Record<string, unknown> = {}) => ({
  name: '康捷医疗健康度',
  segmentBy: 'industry',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 2 },
  severeBelow: 10,
  coverageFloor: 0.5,
  missingDays: 7,
  trend: { drop: 15, days: 14 },
  groups: [
    {
      key: 'base',
      name: '基础维度',
      weight: 60,
      dimensions: [
        { key: 'purchase', name: '年采购额', weight: 50, source: { type: 'deals', measure: 'won_amount', days: 365 }, normalize: { points: [[0, 0], [10_000_000, 100]] } },
        { key: 'level', name: '客户等级', weight: 50, source: { type: 'field', field: 'level', map: { A: 100, B: 60, C: 20, D: 0 } }, normalize: { points: [[0, 0], [100, 100]] } },
      ],
    },
    {
      key: 'process',
      name: '过程维度',
      weight: 40,
      dimensions: [
        { key: 'visits', name: '近3月拜访', weight: 100, source: { type: 'activities', types: ['visit'], days: 90 }, normalize: { points: [[0, 0], [4, 100]] }, notApplicableFor: ['经销商'] },
      ],
    },
  ],
  ...over,
});

describe('customer health', () => {
  let t: TestContext;
  let admin: Requester;
  let seller: Requester;
  let customerId: string;
  const rules = () => processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
  const events = async (id: string) => t.db.selectFrom('events').select(['id', 'payload']).where('type', '=', 'customer.health_changed').where('entity_id', '=', id).orderBy('occurred_at').execute();
  const setLevel = (id: string, level: string) => t.db.updateTable('customers').set({ level }).where('id', '=', id).execute();
  const recompute = async (id: string) => {
    const res = await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId: id } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const nextDay = () => t.clock.advance(DAY);

  beforeAll(async () => {
    t = await setupTestApp({ start: START, config: { sessionTtlHours: 24 * 365 } });
    admin = await t.as('admin');
    seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: '杭州康捷医疗', level: 'A', industry: '医院' } });
    customerId = res.json().id;
    const deal = await insertDeal(t, customerId, t.org.users.sellerA.id, 'won');
    await t.db.updateTable('deals').set({ amount_fen: 10_000_000 }).where('id', '=', deal).execute();
    for (let i = 0; i < 4; i++) {
      const a = await seller({ method: 'POST', url: '/api/activities', payload: { type: 'visit', customerId, summary: `拜访 ${i}`, occurredAt: new Date(Date.parse(START) - i * DAY).toISOString() } });
      expect(a.statusCode, a.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('refuses a model whose weights do not sum to 100, naming the field; YAML errors carry line numbers', async () => {
    const bad = model();
    (bad.groups[0].dimensions[0] as { weight: number }).weight = 40;
    const res = await admin({ method: 'POST', url: '/api/health-models', payload: { definition: bad } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain('definition.groups.0.dimensions');
    const yaml = 'name: 模型\nbands:\n  green: 70\n  yellow: 40\ngroups:\n  - key: base\n    name: 基础\n    weight: 100\n    dimensions:\n      - key: x\n        name: X\n        weight: 100\n        source: { type: nope }\n        normalize: { points: [[0, 0], [1, 100]] }\n';
    const v = await admin({ method: 'POST', url: '/api/health-models/validate', headers: { 'content-type': 'text/yaml' }, payload: yaml });
    expect(v.json().ok).toBe(false);
    expect(v.json().errors[0]).toMatchObject({ line: 13, path: 'groups[0].dimensions[0].source.type' });
    expect((await seller({ method: 'POST', url: '/api/health-models', payload: { definition: model() } })).statusCode).toBe(403);
  });

  it('publishes version 1 and explains the score; an unchanged recompute writes and emits nothing', async () => {
    const res = await admin({ method: 'POST', url: '/api/health-models', payload: { definition: model() } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toBe(1);
    const first = await recompute(customerId);
    expect(first.written).toBe(1);
    const health = (await seller({ method: 'GET', url: `/api/customers/${customerId}/health` })).json();
    expect(health).toMatchObject({ score: 100, colour: 'green', modelVersion: 1, coverage: 1 });
    expect(health.contributions.map((c: { dimension: string; raw: number; normalized: number; weight: number; contribution: number }) => [c.dimension, c.raw, c.normalized, c.weight, c.contribution])).toEqual([
      ['purchase', 10_000_000, 100, 30, 30],
      ['level', 100, 100, 30, 30],
      ['visits', 4, 100, 40, 40],
    ]);
    const again = await recompute(customerId);
    expect(again).toEqual({ customers: 1, written: 0, changes: [] });
    expect(await t.db.selectFrom('health_scores').select('id').where('customer_id', '=', customerId).execute()).toHaveLength(1);
    expect(await events(customerId)).toHaveLength(0);
    // The YAML export round-trips through validation.
    const yaml = (await admin({ method: 'GET', url: '/api/health-models/export' })).body;
    expect((await admin({ method: 'POST', url: '/api/health-models/validate', headers: { 'content-type': 'text/yaml' }, payload: yaml })).json().ok).toBe(true);
  });

  it('support sees the explanation without the purchase amount; another seller does not see the customer', async () => {
    const support = await t.as('support');
    const res = await support({ method: 'GET', url: `/api/customers/${customerId}/health` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().contributions[0]).toMatchObject({ dimension: 'purchase', amount: true, normalized: 100 });
    expect(res.json().contributions[0]).not.toHaveProperty('raw');
    // The visit count is not an amount: support sees its raw value.
    expect(res.json().contributions[1]).toMatchObject({ amount: false, raw: expect.any(Number) });
    expect(res.body).not.toContain('10000000');
    const other = await t.as('seller_b');
    expect((await other({ method: 'GET', url: `/api/customers/${customerId}/health` })).statusCode).toBe(404);
    expect((await other({ method: 'POST', url: '/api/health/recompute', payload: { customerId } })).statusCode).toBe(404);
    expect((await other({ method: 'GET', url: '/api/health/customers' })).json().items).toEqual([]);
    expect((await seller({ method: 'GET', url: '/api/health/customers?colour=green' })).json().items.map((i: { customerId: string }) => i.customerId)).toEqual([customerId]);
    expect((await other({ method: 'POST', url: '/api/health/recompute', payload: {} })).statusCode).toBe(403);
  });

  it('turns yellow only after two days beyond the band, fires the trend warning, and the work order playbook once', async () => {
    nextDay();
    await setLevel(customerId, 'D'); // 100 → 70 points: a drop of 30 → trend warning, still green (needs < 65)
    await recompute(customerId);
    let h = (await seller({ method: 'GET', url: `/api/customers/${customerId}/health` })).json();
    expect(h).toMatchObject({ score: 70, colour: 'green', trendAlert: true });
    expect(h.moved.dimensions).toEqual([{ dimension: 'level', name: '客户等级', before: 30, after: 0, delta: -30 }]);
    const trend = await events(customerId);
    expect(trend.map((e) => JSON.parse(e.payload).kind)).toEqual(['trend']);
    expect(JSON.parse(trend[0].payload).deltas).toContainEqual({ dimension: 'level', delta: -30 });
    // The list filters by trend: the customer with the warning is listed, none without one.
    expect((await seller({ method: 'GET', url: '/api/health/customers?trend=true' })).json().items.map((i: { customerId: string; trendAlert: boolean }) => [i.customerId, i.trendAlert])).toEqual([[customerId, true]]);
    expect((await seller({ method: 'GET', url: '/api/health/customers?trend=false' })).json().items).toEqual([]);

    // Visits drop out of the 90-day window: 30 + 0 + 0 = 30 → red candidate; hysteresis needs two days.
    t.clock.advance(90 * DAY);
    await recompute(customerId);
    h = (await seller({ method: 'GET', url: `/api/customers/${customerId}/health` })).json();
    expect(h).toMatchObject({ score: 30, colour: 'green', pending: { colour: 'red', count: 1 } });
    await recompute(customerId); // same day: no second confirmation
    expect((await seller({ method: 'GET', url: `/api/customers/${customerId}/health` })).json().pending.count).toBe(1);
    await setLevel(customerId, 'B'); // 30 + 18 = 48 → a yellow candidate instead
    nextDay();
    await recompute(customerId);
    nextDay();
    const confirmed = await recompute(customerId);
    expect(confirmed.changes).toEqual([{ customerId, kind: 'colour', from: 'green', to: 'yellow' }]);
    await rules();
    await rules();
    const orders = await t.db.selectFrom('work_orders').innerJoin('work_order_types as ty', 'ty.id', 'work_orders.type_id').select(['ty.key', 'work_orders.requester_id']).where('customer_id', '=', customerId).execute();
    expect(orders).toEqual([{ key: 'customer-success', requester_id: t.org.users.sellerA.id }]);
  });

  it('turns red below the severe floor at once; the retention plan is gated on evidence and escalated when late', async () => {
    nextDay();
    await setLevel(customerId, 'D');
    await t.db.updateTable('deals').set({ amount_fen: 0 }).where('customer_id', '=', customerId).execute();
    const red = await recompute(customerId);
    expect(red.changes).toContainEqual({ customerId, kind: 'colour', from: 'yellow', to: 'red' });
    await rules();
    await rules();
    const plans = await t.db.selectFrom('health_retention_plans').selectAll().where('customer_id', '=', customerId).execute();
    expect(plans).toHaveLength(1);
    const planId = plans[0].id;
    const missing = await seller({ method: 'POST', url: `/api/retention-plans/${planId}/file`, payload: { plan: '月底前拜访院长', evidence: { conversation_summary: '已沟通' } } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'GATE_UNMET', fields: [{ field: 'evidence.competitor_prices', code: 'evidence_required' }] });
    expect((await t.db.selectFrom('health_retention_plans').select('status').where('id', '=', planId).executeTakeFirstOrThrow()).status).toBe('open');

    // The deadline is the shared SLA clock: 3 working days on the owner's team calendar, counted from the opening.
    expect(plans[0]).toMatchObject({ clock_target: '3wd', clock_team_id: t.org.teams.eastTeam1 });
    const jobs = composeModules().jobs.filter((j) => j.name === 'health-retention');
    const base = { db: t.db, dialect: t.dialect, config: t.config };
    // A day off declared on the due day moves the clock one working day later, as it moves every other clock:
    // nothing escalates at the old deadline, and the stored deadline follows the calendar.
    const oldDue = plans[0].due_at;
    const dueDay = new Date(Date.parse(oldDue) + 8 * 3_600_000).toISOString().slice(0, 10);
    const calendar = (await admin({ method: 'GET', url: '/api/calendar/settings' })).json();
    const put = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: calendar.timeZone, restWeekdays: calendar.restWeekdays, extraDaysOff: [dueDay], extraWorkdays: [] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(await replayUntil(base, new Date(Date.parse(oldDue) + 1000), jobs)).toEqual([]);
    const due = (await t.db.selectFrom('health_retention_plans').select('due_at').where('id', '=', planId).executeTakeFirstOrThrow()).due_at;
    expect(Date.parse(due)).toBeGreaterThan(Date.parse(oldDue));
    // Once the moved deadline passes, the plan is escalated once, to the owner and the owner's lead.
    const fired = await replayUntil(base, new Date(Date.parse(due) + 1000), jobs);
    expect(fired.map((f) => f.kind)).toEqual(['health.retention_escalated']);
    expect(fired[0].at).toBe(due);
    expect(await replayUntil(base, new Date(Date.parse(due) + 2000), jobs)).toEqual([]);
    await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: calendar.timeZone, restWeekdays: calendar.restWeekdays, extraDaysOff: [], extraWorkdays: [] } });
    const notified = await t.db.selectFrom('notifications').select('user_id').where('link', '=', `/retention-plans/${planId}`).execute();
    expect(new Set(notified.map((n) => n.user_id))).toEqual(new Set([t.org.users.sellerA.id, t.org.users.leadEast1.id]));

    const filed = await seller({ method: 'POST', url: `/api/retention-plans/${planId}/file`, payload: { plan: '月底前拜访院长', evidence: { conversation_summary: '已沟通', competitor_prices: '竞品报价低 8%' } } });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'filed', evidence: { competitor_prices: '竞品报价低 8%' } });
    expect((await (await t.as('seller_b'))({ method: 'GET', url: `/api/retention-plans/${planId}` })).statusCode).toBe(404);
  });

  it('previews a new version, then switching to it changes colour without running playbooks', async () => {
    await setLevel(customerId, 'A'); // 30: still red under version 1 (it would need 45 to leave red)
    expect((await recompute(customerId)).changes).toEqual([]);
    const lenient = model({ bands: { green: 20, yellow: 5 }, severeBelow: 1 });
    const preview = await admin({ method: 'POST', url: '/api/health-models/preview', payload: { definition: lenient } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ version: 2, customers: 1, changes: 1, transitions: [{ from: 'red', to: 'green', count: 1 }] });
    expect(preview.json().sample[0]).toMatchObject({ customerId, from: 'red', to: 'green' });
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition: lenient } })).statusCode).toBe(201);
    nextDay();
    const switched = await recompute(customerId);
    expect(switched.changes).toEqual([{ customerId, kind: 'colour', from: 'red', to: 'green' }]);
    const last = (await events(customerId)).at(-1)!;
    expect(JSON.parse(last.payload)).toMatchObject({ reason: 'model_switch', quiet: true });
    await rules();
    expect(await t.db.selectFrom('tasks').select('id').where('customer_id', '=', customerId).execute()).toHaveLength(0);
    const h = (await seller({ method: 'GET', url: `/api/customers/${customerId}/health` })).json();
    expect(h.history.map((x: { modelVersion: number }) => x.modelVersion)).toContain(1);
    expect(h.modelVersion).toBe(2);
  });

  it('the nightly job runs once per night through tick, and the green playbook respects its cooldown', async () => {
    // A second customer, red under v2's bands with no data but its level → green when its level rises.
    const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: '宁波第二医院', level: 'D', industry: '医院' } });
    const second = res.json().id as string;
    const jobs = composeModules().jobs.filter((j) => j.name === 'health-nightly');
    const base = { db: t.db, dialect: t.dialect, config: t.config };
    const night = new Date(t.clock.now().getTime() + DAY);
    // tick replays every night since the model was published (the test's clock jumped 90 days), each once.
    const fired = await replayUntil(base, night, jobs);
    const runs = fired.filter((f) => f.kind === 'health.run').map((f) => f.date as string);
    expect(runs.length).toBeGreaterThan(90);
    expect(new Set(runs).size).toBe(runs.length);
    expect(await replayUntil(base, night, jobs)).toEqual([]);
    expect((await t.db.selectFrom('health_scores').select('colour').where('customer_id', '=', second).execute()).map((r) => r.colour)).toEqual(['red']);
    await setLevel(second, 'A');
    t.clock.set(night);
    for (let i = 1; i <= 3; i++) await replayUntil(base, new Date(night.getTime() + i * DAY), jobs);
    const changes = (await events(second)).map((e) => JSON.parse(e.payload));
    expect(changes).toMatchObject([{ kind: 'colour', from: 'red', to: 'green' }]);
    t.clock.set(new Date(night.getTime() + 3 * DAY));
    await rules();
    await rules();
    expect(await t.db.selectFrom('tasks').select('title').where('customer_id', '=', second).execute()).toEqual([{ title: '季度深度需求访谈：宁波第二医院' }]);
    // Red at once below the severe floor, green again two days later: within the 90-day cooldown, no second task.
    await setLevel(second, 'D');
    nextDay();
    expect((await recompute(second)).changes).toContainEqual({ customerId: second, kind: 'colour', from: 'green', to: 'red' });
    await setLevel(second, 'A');
    nextDay();
    await recompute(second);
    nextDay();
    expect((await recompute(second)).changes).toContainEqual({ customerId: second, kind: 'colour', from: 'red', to: 'green' });
    await rules();
    await rules();
    expect(await t.db.selectFrom('tasks').select('title').where('customer_id', '=', second).execute()).toHaveLength(1);
  });

  it('backtest: a customer whose orders stopped, flagged before the last order', async () => {
    const res = await admin({ method: 'GET', url: '/api/health/backtest?months=12&leadDays=0&quietDays=0' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ customers: 1, flagged: 0 });
    expect((await seller({ method: 'GET', url: '/api/health/backtest' })).statusCode).toBe(403);
    // `actionflow health backtest`: the same figures, as text with the catch rate and lead time, or as the API's JSON.
    const options = { months: 12, leadDays: 0, quietDays: 0 };
    expect(JSON.parse(await backtestOutput(t.db, t.clock, { ...options, json: true }))).toEqual(res.json());
    const text = await backtestOutput(t.db, t.clock, options);
    expect(text).toContain('1 customers');
    expect(text).toContain('Caught ≥ 0 days before the last order: 0 of 1 (catch rate 0 %)');
    expect(text).toContain('Lead time: median —');
  });
});
