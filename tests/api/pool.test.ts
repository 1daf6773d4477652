import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { addUser, insertDeal, insertTask, login, ownerOf } from '../support/leads.js';
import { runPoolSweep } from '../../server/modules/leads/pool-job.js';
import { exclusiveSweep } from '../../server/modules/leads/pool.js';

const DAY = 86_400_000;

describe('customer pool (公海)', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};
  const sweep = () => runPoolSweep({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });
  const pooledIds = async () => (await t.db.selectFrom('customer_pool').select('customer_id').execute()).map((r) => r.customer_id).sort();

  beforeAll(async () => {
    t = await setupTestApp();
    ids.sellerA3 = await addUser(t, 'seller_a3', t.org.teams.eastTeam1);
    const a = await login(t, 'seller_a');
    const create = async (requester: typeof a, payload: Record<string, unknown>) => {
      const res = await requester({ method: 'POST', url: '/api/customers', payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.idleC = await create(a, { name: '丙级沉睡客户', level: 'C', phone: '13800000001' });
    ids.idleC2 = await create(a, { name: '丙级无效跟进客户', level: 'C' });
    ids.workedC = await create(a, { name: '丙级跟进客户', level: 'C' });
    ids.idleA = await create(a, { name: '甲级客户', level: 'A' });
    ids.idleC3 = await create(a, { name: '丙级客户三', level: 'C' });
    ids.idleC4 = await create(a, { name: '丙级客户四', level: 'C' });
    ids.leaverCustomer = await create(await login(t, 'seller_a2'), { name: '离职销售的客户', level: 'A' });
    ids.southC = await create(await login(t, 'seller_b'), { name: '华南丙级客户', level: 'C' });
    ids.openDeal = await insertDeal(t, ids.idleC, t.org.users.sellerA.id);
    ids.wonDeal = await insertDeal(t, ids.idleC, t.org.users.sellerA.id, 'won');
    ids.openTask = await insertTask(t, t.org.users.sellerA.id, { customerId: ids.idleC });
    ids.doneTask = await insertTask(t, t.org.users.sellerA.id, { customerId: ids.idleC }, 'done');
  });
  afterAll(async () => t?.close());

  it('refuses bad settings naming the field', async () => {
    const admin = await login(t, 'admin');
    const cron = await admin({ method: 'PUT', url: '/api/pool/settings', payload: { cron: 'every day at 2' } });
    expect(cron.statusCode).toBe(400);
    expect(cron.json().error.fields[0].field).toBe('cron');
    const days = await admin({ method: 'PUT', url: '/api/pool/settings', payload: { levelDays: { A: 0 } } });
    expect(days.statusCode).toBe(400);
    expect(days.json().error.fields[0].field).toBe('levelDays.A');
    expect((await (await login(t, 'seller_a'))({ method: 'PUT', url: '/api/pool/settings', payload: {} })).statusCode).toBe(403);
  });

  it('returns customers after N days without effective activity (per level), not after N-1; inactive owners at once', async () => {
    t.clock.advance(5 * DAY);
    let a = await login(t, 'seller_a');
    expect((await a({ method: 'POST', url: '/api/activities', payload: { customerId: ids.workedC, summary: '上门拜访，确认预算', effect: 'probed_need' } })).statusCode).toBe(201);
    expect((await a({ method: 'POST', url: '/api/activities', payload: { customerId: ids.idleC2, summary: '打招呼', effect: 'none' } })).statusCode).toBe(201);
    const admin = await login(t, 'admin');
    expect((await admin({ method: 'PATCH', url: `/api/users/${t.org.users.sellerA2.id}`, payload: { active: false } })).statusCode).toBe(200);

    t.clock.advance(8 * DAY); // 13 days after creation: C (14 days) not yet due
    expect(await sweep()).toBe(1);
    expect(await pooledIds()).toEqual([ids.leaverCustomer]);

    t.clock.advance(DAY); // 14 days
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0); // same slot: once
    expect(await pooledIds()).toEqual([ids.idleC, ids.idleC2, ids.idleC3, ids.idleC4, ids.leaverCustomer, ids.southC].sort());
    expect(await t.db.selectFrom('pool_runs').select('slot').execute()).toHaveLength(2);

    a = await login(t, 'seller_a');
    // Held by the team's manager meanwhile; the former owner no longer sees it; open deal follows, open task cancelled.
    expect(await ownerOf(t, 'customers', ids.idleC)).toBe(t.org.users.leadEast1.id);
    expect(await ownerOf(t, 'customers', ids.southC)).toBe(t.org.users.admin.id); // no manager in 华南 below the company
    expect((await a({ method: 'GET', url: `/api/customers/${ids.idleC}` })).statusCode).toBe(404);
    expect(await ownerOf(t, 'deals', ids.openDeal)).toBe(t.org.users.leadEast1.id);
    expect(await ownerOf(t, 'deals', ids.wonDeal)).toBe(t.org.users.sellerA.id);
    const status = async (id: string) => (await t.db.selectFrom('tasks').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    expect(await status(ids.openTask)).toBe('cancelled');
    expect(await status(ids.doneTask)).toBe('done');

    const log = await t.db.selectFrom('pool_log').selectAll().where('action', '=', 'return').execute();
    expect(log).toHaveLength(6);
    expect(log.find((l) => l.customer_id === ids.idleC)).toMatchObject({ user_id: t.org.users.sellerA.id, team_id: t.org.teams.eastTeam1 });
    expect(log.find((l) => l.customer_id === ids.leaverCustomer)!.reason).toContain('no longer active');
    const audits = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'pool_return').where('entity', '=', 'customer').execute();
    expect(audits).toHaveLength(6);
  });

  it('lists the caller’s team subtree pool with masked phones and the caller’s limits', async () => {
    const list = (await (await login(t, 'seller_a'))({ method: 'GET', url: '/api/pool' })).json();
    expect(list.items.map((i: { customerId: string }) => i.customerId).sort()).toEqual([ids.idleC, ids.idleC2, ids.idleC3, ids.idleC4, ids.leaverCustomer].sort());
    const idle = list.items.find((i: { customerId: string }) => i.customerId === ids.idleC);
    expect(idle).toMatchObject({ phoneMasked: '138****0001', level: 'C', formerOwner: { id: t.org.users.sellerA.id }, team: { name: '华东一组' } });
    expect(list.limits).toMatchObject({ claimsToday: 0, claimsPerDay: 5, maxHeld: 200 });
    const south = (await (await login(t, 'seller_b'))({ method: 'GET', url: '/api/pool' })).json();
    expect(south.items.map((i: { customerId: string }) => i.customerId)).toEqual([ids.southC]);
  });

  it('claims within the per-day and held limits; every claim recorded', async () => {
    const admin = await login(t, 'admin');
    expect((await admin({ method: 'PUT', url: '/api/pool/settings', payload: { claimsPerDay: 2, maxHeld: 100 } })).statusCode).toBe(200);
    const a3 = await login(t, 'seller_a3');
    const claim = (id: string) => a3({ method: 'POST', url: `/api/pool/${id}/claim` });

    const first = await claim(ids.idleC);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ownerId: ids.sellerA3, moved: { deals: 1, tasks: 0 }, limits: { claimsToday: 1, held: 1 } });
    expect(await ownerOf(t, 'customers', ids.idleC)).toBe(ids.sellerA3);
    expect(await ownerOf(t, 'deals', ids.openDeal)).toBe(ids.sellerA3);
    expect((await claim(ids.idleC)).json().error.code).toBe('POOL_NOT_AVAILABLE');
    expect((await claim(ids.southC)).statusCode).toBe(404); // another region's pool
    expect((await claim(ids.idleC2)).statusCode).toBe(200);
    const over = await claim(ids.idleC3);
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ code: 'POOL_DAILY_LIMIT', limits: { claimsToday: 2, claimsPerDay: 2 } });

    t.clock.advance(DAY); // a new local day
    const admin2 = await login(t, 'admin');
    const a3b = await login(t, 'seller_a3');
    const claimNext = (id: string) => a3b({ method: 'POST', url: `/api/pool/${id}/claim` });
    expect((await admin2({ method: 'PUT', url: '/api/pool/settings', payload: { claimsPerDay: 2, maxHeld: 2 } })).statusCode).toBe(200);
    const held = await claimNext(ids.idleC3);
    expect(held.statusCode).toBe(422);
    expect(held.json().error).toMatchObject({ code: 'POOL_HOLD_LIMIT', limits: { held: 2, maxHeld: 2 } });
    expect((await admin2({ method: 'PUT', url: '/api/pool/settings', payload: { claimsPerDay: 2, maxHeld: 100 } })).statusCode).toBe(200);

    // Two sellers race for one customer: exactly one gets it.
    const race = await Promise.all([claimNext(ids.idleC3), (await login(t, 'seller_a'))({ method: 'POST', url: `/api/pool/${ids.idleC3}/claim` })]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    const claims = await t.db.selectFrom('pool_log').selectAll().where('action', '=', 'claim').execute();
    expect(claims).toHaveLength(3);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'pool_claim').where('entity', '=', 'customer').execute()).toHaveLength(3);
    const log = (await (await login(t, 'lead_east1'))({ method: 'GET', url: '/api/pool/log' })).json().items;
    expect(log.filter((l: { action: string }) => l.action === 'claim')).toHaveLength(3);
    expect(log.filter((l: { action: string }) => l.action === 'return')).toHaveLength(5);

    // A fresh claim restarts the clock: the next sweep leaves it with its new owner.
    t.clock.advance(DAY);
    await sweep();
    expect(await ownerOf(t, 'customers', ids.idleC)).toBe(ids.sellerA3);
  });

  it('answers the same 404 for an unknown id and for a customer outside every pool the caller can see (no existence oracle)', async () => {
    const a3 = await login(t, 'seller_a3');
    const privateCustomer = await (await login(t, 'seller_b'))({ method: 'POST', url: '/api/customers', payload: { name: '华南私有客户' } });
    const outside = await a3({ method: 'POST', url: `/api/pool/${privateCustomer.json().id}/claim` });
    const unknown = await a3({ method: 'POST', url: '/api/pool/00000000-0000-4000-8000-000000000000/claim' });
    expect(outside.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(outside.json().error.code).toBe(unknown.json().error.code);
    expect(outside.json().error.message).toBe(unknown.json().error.message);
    // A colleague's own customer (same team, never pooled) is no different.
    const colleagues = await (await login(t, 'seller_a'))({ method: 'POST', url: '/api/customers', payload: { name: '同组私有客户' } });
    expect((await a3({ method: 'POST', url: `/api/pool/${colleagues.json().id}/claim` })).statusCode).toBe(404);
  });

  it('refuses a non-admin before validating the body, and a concurrent sweep with 409 SWEEP_RUNNING', async () => {
    t.clock.advance(DAY); // the next daily slot is due (for the scheduled sweep below)
    const seller = await login(t, 'seller_a');
    const bad = await seller({ method: 'PUT', url: '/api/pool/settings', payload: { cron: 12, levelDays: 'x' } });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error.fields).toBeUndefined();
    const admin = await login(t, 'admin');
    // A sweep in progress (held open here) makes the next one fail with SWEEP_RUNNING instead of colliding.
    let started!: () => void;
    const begun = new Promise<void>((resolve) => (started = resolve));
    let finish!: () => void;
    const release = new Promise<number>((resolve) => (finish = () => resolve(0)));
    const slotsBefore = (await t.db.selectFrom('pool_runs').select('slot').execute()).length;
    const held = exclusiveSweep(t.db, t.dialect, () => (started(), release));
    await begun;
    await expect(exclusiveSweep(t.db, t.dialect, async () => 1)).rejects.toMatchObject({ code: 'SWEEP_RUNNING' });
    // The scheduled sweep takes the same lock: with a slot due it does not run beside the manual one and leaves the
    // slot for its next pass.
    expect(await sweep()).toBe(0);
    if (t.dialect === 'postgres') {
      // SQLite has one connection, so there an HTTP request waits for the running sweep's transaction instead.
      const refused = await admin({ method: 'POST', url: '/api/pool/sweep', payload: {} });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('SWEEP_RUNNING');
    }
    finish();
    await held;
    // Lock released: the due slot runs once.
    expect(await sweep()).toBe(1);
    expect(await t.db.selectFrom('pool_runs').select('slot').execute()).toHaveLength(slotsBefore + 1);
    expect((await admin({ method: 'POST', url: '/api/pool/sweep', payload: {} })).statusCode).toBe(200);
  });
});
