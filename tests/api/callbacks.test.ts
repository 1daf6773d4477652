import { afterEach, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { callbacksJob } from '../../server/modules/callbacks/job.js';
import { drawSample } from '../../server/modules/callbacks/draw.js';
import { setupTestApp, TEST_PASSWORD, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 16 point 4: each month a share of the customers with logged visits in a team is drawn reproducibly (seed
 * recorded), a call-back task goes to the team's checker or manager, results are recorded and unconfirmed visits
 * are flagged per seller. The draw runs once per team and month.
 */
describe('random verification call-backs', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  const login = async (username: string): Promise<Requester> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    return (req) => t.app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie } } as InjectOptions);
  };

  it('draws the share reproducibly once per team and month, tasks the manager, flags unconfirmed visits', async () => {
    t = await setupTestApp({ start: '2026-11-10T02:00:00.000Z' });
    const admin = await login('admin');
    const defaults = await admin({ method: 'GET', url: '/api/callback-settings' });
    expect(defaults.json().items).toEqual([{ teamId: null, team: null, shareBp: 500, checker: null }]);
    expect((await admin({ method: 'PUT', url: '/api/callback-settings', payload: { teamId: null, shareBp: 5000, checkerId: null } })).statusCode).toBe(200);
    expect((await admin({ method: 'PUT', url: '/api/callback-settings', payload: { teamId: t.org.teams.southTeam, shareBp: 1000, checkerId: t.org.users.admin.id } })).statusCode).toBe(200);
    const settings = (await admin({ method: 'GET', url: '/api/callback-settings' })).json().items;
    expect(settings.find((r: { teamId: string | null }) => r.teamId === null)).toMatchObject({ shareBp: 5000, checker: null });
    expect(settings.find((r: { teamId: string | null }) => r.teamId === t.org.teams.southTeam)).toMatchObject({ shareBp: 1000, team: { id: t.org.teams.southTeam } });
    expect((await (await login('seller_a'))({ method: 'GET', url: '/api/callback-settings' })).statusCode).toBe(403);
    expect((await admin({ method: 'PUT', url: '/api/callback-settings', payload: { teamId: t.org.teams.southTeam, shareBp: 5000, checkerId: null } })).statusCode).toBe(200);
    const sellerA = await login('seller_a');
    const sellerB = await login('seller_b');
    const visit = async (who: Requester, name: string, type = 'visit') => {
      const customerId = (await who({ method: 'POST', url: '/api/customers', payload: { name } })).json().id as string;
      const res = await who({ method: 'POST', url: '/api/activities', payload: { customerId, type, summary: `拜访${name}` } });
      expect(res.statusCode, res.body).toBe(201);
      return customerId;
    };
    const east = [await visit(sellerA, '浙一医院'), await visit(sellerA, '省人民医院'), await visit(sellerA, '邵逸夫医院')];
    await visit(sellerA, '只打电话的客户', 'call');
    const south = [await visit(sellerB, '中山一院')];

    t.clock.set('2026-11-30T16:00:00.000Z'); // 2026-12-01 00:00 in Shanghai
    const deps = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.config };
    expect(await callbacksJob.nextDue!(deps)).toBe('2026-11-30T16:00:00.000Z');
    const first = await callbacksJob.pass!(deps);
    expect(first.fired.map((f) => [f.subject?.id, f.drawn, f.population]).sort()).toEqual(
      [
        [t.org.teams.eastTeam1, 2, 3],
        [t.org.teams.southTeam, 1, 1],
      ].sort(),
    );
    expect((await callbacksJob.pass!(deps)).did).toBe(0);
    expect(await callbacksJob.nextDue!(deps)).toBeNull();

    const draws = await t.db.selectFrom('callback_draws').selectAll().orderBy('team_id').execute();
    expect(draws.every((d) => d.month === '2026-11' && d.share_bp === 5000 && d.seed.length === 32)).toBe(true);
    const eastDraw = draws.find((d) => d.team_id === t.org.teams.eastTeam1)!;
    const items = await t.db.selectFrom('callback_items').select('customer_id').where('draw_id', '=', eastDraw.id).execute();
    // The recorded seed repeats the draw.
    expect(items.map((i) => i.customer_id).sort()).toEqual(drawSample(east, 5000, eastDraw.seed).sort());
    const tasks = await t.db.selectFrom('tasks').select(['id', 'assignee_id', 'title']).where('title', 'like', '随机抽检回访%').orderBy('title').execute();
    expect(tasks.map((x) => [x.id === eastDraw.task_id || x.id === draws.find((d) => d.team_id === t.org.teams.southTeam)!.task_id, x.assignee_id]).sort()).toEqual(
      [
        [true, t.org.users.leadEast1.id],
        [true, t.org.users.director.id],
      ].sort(),
    );

    const lead = await login('lead_east1');
    const listed = (await lead({ method: 'GET', url: '/api/callbacks?month=2026-11' })).json();
    expect(listed.total).toBe(1);
    const [first1, second1] = listed.items[0].items;
    expect(first1.visits).toHaveLength(1);
    expect(first1.seller.id).toBe(t.org.users.sellerA.id);
    expect((await lead({ method: 'POST', url: `/api/callback-items/${first1.id}/result`, payload: { result: 'not_confirmed', note: '客户说当天没有人来' } })).json().result).toMatchObject({ result: 'not_confirmed' });
    expect((await lead({ method: 'POST', url: `/api/callback-items/${second1.id}/result`, payload: { result: 'unreachable' } })).statusCode).toBe(200);
    t.clock.advance(3600_000); // called again an hour later and reached
    expect((await lead({ method: 'POST', url: `/api/callback-items/${second1.id}/result`, payload: { result: 'confirmed' } })).json().result.result).toBe('confirmed');
    const report = (await lead({ method: 'GET', url: '/api/callbacks/report?month=2026-11' })).json();
    expect(report.items).toEqual([
      expect.objectContaining({ seller: { id: t.org.users.sellerA.id, name: 'seller_a' }, drawn: 2, confirmed: 1, notConfirmed: 1, unreachable: 0, open: 0, flagged: [expect.objectContaining({ itemId: first1.id, visitIds: first1.visits.map((v: { id: string }) => v.id) })] }),
    ]);
    // Sellers neither see nor record call-backs; the south draw is not the east lead's.
    const seller = await login('seller_a');
    expect((await seller({ method: 'GET', url: '/api/callbacks' })).json().total).toBe(0);
    expect((await seller({ method: 'POST', url: `/api/callback-items/${first1.id}/result`, payload: { result: 'confirmed' } })).statusCode).toBe(404);
    // On the customer's timeline: the seller sees the outcome of the visits a checker called about, and only those.
    const verifications = (await seller({ method: 'GET', url: `/api/callbacks/verifications?customerId=${first1.customer.id}` })).json();
    expect(verifications.items).toEqual([expect.objectContaining({ activityId: first1.visits[0].id, month: '2026-11', result: 'not_confirmed' })]);
    const undrawn = east.find((id) => !listed.items[0].items.some((i: { customer: { id: string } }) => i.customer.id === id))!;
    expect((await seller({ method: 'GET', url: `/api/callbacks/verifications?customerId=${undrawn}` })).json().items).toEqual([]);
    expect((await seller({ method: 'GET', url: `/api/callbacks/verifications?customerId=${south[0]}` })).statusCode).toBe(404);
    expect(south).toHaveLength(1);
    expect((await (await login('director'))({ method: 'GET', url: '/api/callbacks?month=2026-11' })).json().total).toBe(2);
  });

  it('a checker who manages nobody has the call-back page in their abilities; other non-managers do not', async () => {
    t = await setupTestApp({ start: '2026-12-01T02:00:00.000Z' });
    const abilitiesOf = async (username: string) => (await (await login(username))({ method: 'GET', url: '/api/me/abilities' })).json().abilities.callback;
    expect(await abilitiesOf('support')).toMatchObject({ record: false, check: false });
    const admin = await login('admin');
    const supportId = t.org.users.support.id;
    const put = await admin({ method: 'PUT', url: '/api/callback-settings', payload: { teamId: t.org.teams.eastTeam1, shareBp: 500, checkerId: supportId } });
    expect(put.statusCode, put.body).toBe(200);
    expect(await abilitiesOf('support')).toMatchObject({ record: false, check: true });
    expect(await abilitiesOf('seller_a')).toMatchObject({ record: false, check: false });
    expect(await abilitiesOf('lead_east1')).toMatchObject({ record: true });

    // The month's draw tasks the named checker, not the team's manager; the checker lists and records it.
    await admin({ method: 'PUT', url: '/api/callback-settings', payload: { teamId: t.org.teams.eastTeam1, shareBp: 10000, checkerId: supportId } });
    const sellerA = await login('seller_a');
    const customerId = (await sellerA({ method: 'POST', url: '/api/customers', payload: { name: '温州医科大学附属第一医院' } })).json().id as string;
    expect((await sellerA({ method: 'POST', url: '/api/activities', payload: { customerId, type: 'visit', summary: '拜访设备科' } })).statusCode).toBe(201);
    t.clock.set('2027-01-01T02:00:00.000Z');
    await callbacksJob.pass!({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });
    const draw = await t.db.selectFrom('callback_draws').select(['task_id', 'checker_id']).where('team_id', '=', t.org.teams.eastTeam1).executeTakeFirstOrThrow();
    expect(draw.checker_id).toBe(supportId);
    expect((await t.db.selectFrom('tasks').select('assignee_id').where('id', '=', draw.task_id!).executeTakeFirstOrThrow()).assignee_id).toBe(supportId);
    const checker = await login('support');
    const listed = (await checker({ method: 'GET', url: '/api/callbacks?month=2026-12' })).json();
    expect(listed.total).toBe(1);
    const itemId = listed.items[0].items[0].id as string;
    expect((await checker({ method: 'POST', url: `/api/callback-items/${itemId}/result`, payload: { result: 'confirmed' } })).statusCode).toBe(200);
  });
});
