import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { addUser, insertDeal, insertTask, login } from '../support/leads.js';

/**
 * A user moving to another team takes the scope column (`team_path`) of what they own along: customers, deals,
 * activities and tasks re-tag themselves through the hook `org.ownerMoved` (org knows none of their tables).
 */
describe('a user changes team', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};
  const pathOf = async (table: 'customers' | 'deals' | 'activities' | 'tasks', id: string) =>
    (await t.db.selectFrom(table).select('team_path').where('id', '=', id).executeTakeFirstOrThrow()).team_path;

  beforeAll(async () => {
    t = await setupTestApp();
    ids.mover = await addUser(t, 'seller_mover', t.org.teams.eastTeam1);
    const mover = await login(t, 'seller_mover');
    const created = await mover({ method: 'POST', url: '/api/customers', payload: { name: '随人搬家的客户' } });
    expect(created.statusCode, created.body).toBe(201);
    ids.customer = created.json().id;
    const activity = await mover({ method: 'POST', url: '/api/activities', payload: { customerId: ids.customer, summary: '电话沟通', effect: 'none' } });
    expect(activity.statusCode, activity.body).toBe(201);
    ids.activity = activity.json().id;
    ids.deal = await insertDeal(t, ids.customer, ids.mover);
    ids.task = await insertTask(t, ids.mover, { customerId: ids.customer });
    const other = await (await login(t, 'seller_a'))({ method: 'POST', url: '/api/customers', payload: { name: '留在原团队的客户' } });
    ids.other = other.json().id;
  });
  afterAll(async () => t?.close());

  it('re-tags the mover’s customers, deals, activities and tasks, and nobody else’s', async () => {
    const east = await pathOf('customers', ids.other);
    expect(await pathOf('customers', ids.customer)).toBe(east);
    const res = await (await login(t, 'admin'))({ method: 'PATCH', url: `/api/users/${ids.mover}`, payload: { teamId: t.org.teams.southTeam } });
    expect(res.statusCode, res.body).toBe(200);
    const south = (await t.db.selectFrom('teams').select('path').where('id', '=', t.org.teams.southTeam).executeTakeFirstOrThrow()).path;
    expect(south).not.toBe(east);
    expect(await pathOf('customers', ids.customer)).toBe(south);
    expect(await pathOf('deals', ids.deal)).toBe(south);
    expect(await pathOf('activities', ids.activity)).toBe(south);
    expect(await pathOf('tasks', ids.task)).toBe(south);
    expect(await pathOf('customers', ids.other)).toBe(east);
  });
});
