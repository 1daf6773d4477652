import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { addUser, insertDeal, insertTask, ownerOf } from '../support/leads.js';

describe('hand-over of a leaving seller', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};
  const assignee = async (id: string) => (await t.db.selectFrom('tasks').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow()).assignee_id;
  const handover = async (username: string, userId: string, payload: Record<string, unknown>) =>
    (await t.as(username))({ method: 'POST', url: `/api/users/${userId}/handover`, payload });

  beforeAll(async () => {
    t = await setupTestApp();
    ids.a3 = await addUser(t, 'seller_a3', t.org.teams.eastTeam1);
    ids.a4 = await addUser(t, 'seller_a4', t.org.teams.eastTeam1);
    const a = await t.as('seller_a');
    // Hand-over walks records in creation order; a second apart makes that order certain.
    const create = async (name: string) => {
      t.clock.advance(1000);
      return (await a({ method: 'POST', url: '/api/customers', payload: { name } })).json().id as string;
    };
    ids.c1 = await create('客户一');
    ids.c2 = await create('客户二');
    ids.c3 = await create('客户三');
    const me = t.org.users.sellerA.id;
    ids.deal1 = await insertDeal(t, ids.c1, me);
    ids.deal2 = await insertDeal(t, ids.c2, me);
    ids.wonDeal = await insertDeal(t, ids.c1, me, 'won');
    ids.taskOnDeal1 = await insertTask(t, me, { dealId: ids.deal1 });
    t.clock.advance(1000);
    ids.looseTask = await insertTask(t, me, {});
    ids.doneTask = await insertTask(t, me, { customerId: ids.c2 }, 'done');
  });
  afterAll(async () => t?.close());

  it('refuses bad input naming the field, and out-of-scope users, without moving anything', async () => {
    const { sellerA, sellerA2, sellerB } = t.org.users;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ to: [] }, 'to'],
      [{ to: [sellerA.id] }, 'to.0'],
      [{ to: [sellerA2.id, 'nobody'] }, 'to.1'],
      [{ to: [sellerA2.id, sellerB.id] }, 'to.1'], // outside the lead's team
      [{ to: [sellerA2.id, sellerA2.id] }, 'to'],
      [{ to: [sellerA2.id], strategy: 'random' }, 'strategy'],
    ];
    for (const [payload, field] of cases) {
      const res = await handover('lead_east1', sellerA.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields[0].field).toBe(field);
    }
    expect((await handover('seller_a2', sellerA.id, { to: [sellerA2.id] })).statusCode).toBe(403);
    expect((await handover('lead_east1', sellerB.id, { to: [sellerA2.id] })).statusCode).toBe(404);
    expect(await ownerOf(t, 'customers', ids.c1)).toBe(sellerA.id);
  });

  it('hands customers, open deals and open tasks to two sellers by customer, leaves closed ones, deactivates', async () => {
    const { sellerA, sellerA2 } = t.org.users;
    const at = t.clock.now().toISOString();
    await t.db.insertInto('api_tokens').values({ id: 'tok-leaver', user_id: sellerA.id, name: 'crm sync', token_hash: 'h-leaver', created_at: at, last_used_at: null, revoked_at: null }).execute();
    const res = await handover('lead_east1', sellerA.id, { to: [sellerA2.id, ids.a3], strategy: 'by_customer', deactivate: true });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ moved: { customers: 3, deals: 2, tasks: 2 }, deactivated: true });
    // The same deactivation as the user form: the leaver's API tokens stop working too, not only their sessions.
    expect((await t.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', 'tok-leaver').executeTakeFirstOrThrow()).revoked_at).not.toBeNull();
    expect(body.recipients).toEqual([
      { id: sellerA2.id, name: 'seller_a2', customers: 2, deals: 1, tasks: 1 },
      { id: ids.a3, name: 'seller_a3', customers: 1, deals: 1, tasks: 1 },
    ]);
    expect(await ownerOf(t, 'customers', ids.c1)).toBe(sellerA2.id);
    expect(await ownerOf(t, 'customers', ids.c2)).toBe(ids.a3);
    expect(await ownerOf(t, 'customers', ids.c3)).toBe(sellerA2.id);
    expect(await ownerOf(t, 'deals', ids.deal1)).toBe(sellerA2.id); // stays with its customer
    expect(await ownerOf(t, 'deals', ids.deal2)).toBe(ids.a3);
    expect(await ownerOf(t, 'deals', ids.wonDeal)).toBe(sellerA.id);
    expect(await assignee(ids.taskOnDeal1)).toBe(sellerA2.id);
    expect(await assignee(ids.looseTask)).toBe(ids.a3);
    expect(await assignee(ids.doneTask)).toBe(sellerA.id);

    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'seller_a', password: 'password123' } });
    expect(login.statusCode).toBe(401);
    const a2 = await t.as('seller_a2');
    expect((await a2({ method: 'GET', url: `/api/customers/${ids.c1}` })).statusCode).toBe(200);

    const audit = await t.db.selectFrom('audit_log').select(['entity', 'action']).where('action', '=', 'handover').execute();
    expect(audit.filter((x) => x.entity === 'customer')).toHaveLength(3);
    expect(audit.filter((x) => x.entity === 'deal')).toHaveLength(2);
    expect(audit.filter((x) => x.entity === 'task')).toHaveLength(2);
    expect(audit.filter((x) => x.entity === 'user')).toHaveLength(1);
    const events = await t.db.selectFrom('events').select(['type', 'payload']).where('entity_id', 'in', [ids.c1, ids.deal1, ids.looseTask]).execute();
    const handed = events.filter((e) => JSON.parse(e.payload).via === 'handover').map((e) => e.type).sort();
    expect(handed).toEqual(['customer.updated', 'deal.updated', 'task.updated']);
    const history = await t.db.selectFrom('lead_assignments').selectAll().where('method', '=', 'handover').execute();
    expect(history).toHaveLength(3);
  });

  it('round robin deals out customers, deals and tasks each in turn', async () => {
    const { sellerA2 } = t.org.users;
    const res = await handover('rm_east', sellerA2.id, { to: [ids.a3, ids.a4], strategy: 'round_robin' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ moved: { customers: 2, deals: 1, tasks: 1 }, deactivated: false });
    expect(res.json().recipients).toEqual([
      { id: ids.a3, name: 'seller_a3', customers: 1, deals: 1, tasks: 1 },
      { id: ids.a4, name: 'seller_a4', customers: 1, deals: 0, tasks: 0 },
    ]);
    expect(await ownerOf(t, 'customers', ids.c1)).toBe(ids.a3);
    expect(await ownerOf(t, 'customers', ids.c3)).toBe(ids.a4);
  });
});
