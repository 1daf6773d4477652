/**
 * The model-version preview steps each customer from its stored hysteresis state, as the first computation after
 * publishing does (both databases). Two customers score yellow under version 1 with hysteresis k = 2: one has a day
 * already counted (one computation away from yellow), the other none. A renamed version 2 turns both yellow at the
 * switch; the preview says which one the switch alone causes (quiet) and which one version 1 would confirm at that
 * computation anyway — and after publishing, that one's yellow playbook fires, the other's does not. A version
 * published with playbooks on runs them for the changes the switch alone causes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const DAY = 86_400_000;
const model = (name: string) => ({
  name,
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 2 },
  groups: [{ key: 'base', name: '基础', weight: 100, dimensions: [{ key: 'level', name: '客户等级', weight: 100, source: { type: 'field', field: 'level', map: { A: 100, B: 60, D: 0 } }, normalize: { points: [[0, 0], [100, 100]] } }] }],
});

describe('health model preview from the stored hysteresis state', () => {
  let t: TestContext;
  let admin: Requester;
  let seller: Requester;
  let due: string;
  let fresh: string;
  const recompute = async (customerId: string) => {
    const res = await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const setLevel = (id: string, level: string) => t.db.updateTable('customers').set({ level }).where('id', '=', id).execute();

  beforeAll(async () => {
    // Mon 2026-11-02 10:00 Shanghai.
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z', config: { sessionTtlHours: 24 * 365 } });
    admin = await t.as('admin');
    seller = await t.as('seller_a');
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition: model('等级模型') } })).statusCode).toBe(201);
    due = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '温州第一医院', level: 'A' } })).json().id;
    fresh = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '温州第二医院', level: 'A' } })).json().id;
    for (const id of [due, fresh]) expect((await recompute(id)).written).toBe(1);
    // Day 2: the first falls to 60 (< 70 − 5): yellow pending, one of two days counted.
    t.clock.advance(DAY);
    await setLevel(due, 'B');
    await recompute(due);
    await recompute(fresh);
    const h = (await seller({ method: 'GET', url: `/api/customers/${due}/health` })).json();
    expect(h).toMatchObject({ colour: 'green', pending: { colour: 'yellow', count: 1 } });
    // Day 3: the second falls to 60 too, not computed yet (nothing pending).
    t.clock.advance(DAY);
    await setLevel(fresh, 'B');
  });
  afterAll(async () => t?.close());

  it('tells the change the switch alone causes from the one version 1 would confirm now', async () => {
    const res = await admin({ method: 'POST', url: '/api/health-models/preview', payload: { definition: model('等级模型（改名）') } });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ version: 2, customers: 2, changes: 2, quiet: 1, transitions: [{ from: 'green', to: 'yellow', count: 2 }] });
    const byId = Object.fromEntries(preview.sample.map((s: { customerId: string }) => [s.customerId, s]));
    expect(byId[due]).toMatchObject({ from: 'green', to: 'yellow', score: 60, reason: 'confirmed', pending: { colour: 'yellow', count: 1 } });
    expect(byId[fresh]).toMatchObject({ from: 'green', to: 'yellow', score: 60, reason: 'model_switch', pending: null });
    // The preview writes nothing.
    expect(await t.db.selectFrom('health_scores').select('id').execute()).toHaveLength(3);
  });

  it('after publishing, the first computation does what the preview said: one playbook, one quiet change', async () => {
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition: model('等级模型（改名）') } })).statusCode).toBe(201);
    expect((await recompute(due)).changes).toEqual([{ customerId: due, kind: 'colour', from: 'green', to: 'yellow' }]);
    expect((await recompute(fresh)).changes).toEqual([{ customerId: fresh, kind: 'colour', from: 'green', to: 'yellow' }]);
    const payloads = await t.db.selectFrom('events').select(['entity_id', 'payload']).where('type', '=', 'customer.health_changed').execute();
    const of = (id: string) => JSON.parse(payloads.find((p) => p.entity_id === id)!.payload);
    expect(of(due)).toMatchObject({ reason: 'confirmed', modelVersion: 2 });
    expect(of(due)).not.toHaveProperty('quiet');
    expect(of(fresh)).toMatchObject({ reason: 'model_switch', quiet: true });
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    const orders = await t.db.selectFrom('work_orders').select('customer_id').execute();
    expect(orders.map((o) => o.customer_id)).toEqual([due]);
  });

  it('a switch the admin publishes with playbooks on runs them for the changes it alone causes', async () => {
    t.clock.advance(DAY);
    // Green from 55 on: both (60) turn green at the switch, which version 2 would not have done.
    const lenient = { ...model('等级模型（宽松）'), bands: { green: 55, yellow: 30 } };
    const preview = (await admin({ method: 'POST', url: '/api/health-models/preview', payload: { definition: lenient } })).json();
    expect(preview).toMatchObject({ version: 3, changes: 2, quiet: 2, transitions: [{ from: 'yellow', to: 'green', count: 2 }] });
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition: lenient, firePlaybooks: true } })).statusCode).toBe(201);
    for (const id of [due, fresh]) expect((await recompute(id)).changes).toEqual([{ customerId: id, kind: 'colour', from: 'yellow', to: 'green' }]);
    const last = await t.db.selectFrom('events').select(['entity_id', 'payload']).where('type', '=', 'customer.health_changed').orderBy('seq', 'desc').limit(2).execute();
    for (const e of last) expect(JSON.parse(e.payload)).toMatchObject({ reason: 'model_switch', modelVersion: 3 });
    for (const e of last) expect(JSON.parse(e.payload)).not.toHaveProperty('quiet');
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    // Green → the quarterly needs-interview task, for each.
    const tasks = await t.db.selectFrom('tasks').select(['customer_id', 'title']).execute();
    expect(new Set(tasks.map((x) => x.customer_id))).toEqual(new Set([due, fresh]));
    expect(tasks.every((x) => x.title.startsWith('季度深度需求访谈'))).toBe(true);
  });
});
