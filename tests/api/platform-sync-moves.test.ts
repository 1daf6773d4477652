/**
 * Contact sync: departments re-parented on the platform and members who come back, on both databases, against the
 * fake WeCom. A department moved under another one moves its team with the whole subtree: the teams' paths, their
 * users' and their records' scope paths follow (the east manager no longer sees the moved store's customer); a team an
 * admin moved by hand stays where they put it (unless overwrite). A leaver the sync deactivated is reactivated when
 * they return (audited); a user an admin deactivated stays inactive. The nightly sync runs once per slot even when
 * two workers pass at the same time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import type { FakePlatforms } from '../support/fake-platforms.js';
import { connect, depsOf, startFake } from '../support/platforms.js';
import { nightlySyncJob } from '../../server/modules/platforms/job.js';
import { toActor } from '../../server/modules/auth/repo.js';
import { moveTeamIn } from '../../server/modules/org/service.js';

describe('platform contact sync: re-parented departments and returning leavers', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  const team = (name: string) => t.db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const user = (username: string) => t.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

  it('a re-parented department moves its team, subtree, users and records; a hand move is kept; leavers come back', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom', { sync: { deptTeams: { '2': t.org.teams.east, '5': t.org.teams.south } } });
    fake.depts = [
      { id: '2', name: '华东销售部', parentId: '1' },
      { id: '3', name: '华东一店', parentId: '2' },
      { id: '6', name: '一店直营组', parentId: '3' },
      { id: '4', name: '华东二店', parentId: '2' },
      { id: '5', name: '华南销售部', parentId: '1' },
    ];
    fake.members = [
      { id: 'li', name: '李一', mobile: '13700000001', depts: ['6'] },
      { id: 'zhao', name: '赵二', mobile: '13700000002', depts: ['4'] },
      { id: 'qian', name: '钱三', mobile: '13700000003', depts: ['4'] },
    ];
    const admin = await t.as('admin');
    const sync = async (overwrite = false) => {
      const res = await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: false, overwrite } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect((await sync()).status).toBe('applied');
    const store1 = await team('华东一店');
    const store2 = await team('华东二店');
    expect(store1.parent_id).toBe(t.org.teams.east);
    const li = await user('wecom-li');
    const customer = await admin({ method: 'POST', url: '/api/customers', payload: { name: '直营组客户', ownerId: li.id } });
    expect(customer.statusCode, customer.body).toBe(201);
    const customerId = customer.json().id as string;
    const rmEast = await t.as('rm_east');
    expect((await rmEast({ method: 'GET', url: `/api/customers/${customerId}` })).statusCode).toBe(200);

    // An admin moves 华东二店 under 华南 by hand (the org use case); on WeCom, 华东一店 moves under 华南销售部,
    // 华东二店 stays under 华东; 赵二 leaves; an admin deactivates 钱三, who is still listed on WeCom.
    const adminActor = toActor(await user('admin'));
    await t.db.transaction().execute((trx) => moveTeamIn(trx, t.clock, adminActor, store2.id, t.org.teams.south));
    await admin({ method: 'PATCH', url: `/api/users/${(await user('wecom-qian')).id}`, payload: { active: false } });
    fake.depts = fake.depts.map((d) => (d.id === '3' ? { ...d, parentId: '5' } : d));
    fake.members = fake.members.map((m) => (m.id === 'zhao' ? { ...m, left: true } : m));

    const dry = (await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: true } })).json();
    expect(dry.plan.counts).toMatchObject({ teamsMoved: 1, usersDeactivated: 1, usersReactivated: 0, fieldsKept: 2 });
    expect((await t.db.selectFrom('teams').select('parent_id').where('id', '=', store1.id).executeTakeFirstOrThrow()).parent_id).toBe(t.org.teams.east);

    const run = await sync();
    expect(run.plan.teams).toEqual(expect.arrayContaining([expect.objectContaining({ externalId: '3', action: 'move' }), expect.objectContaining({ externalId: '4', action: 'kept-move' })]));
    const south = await t.db.selectFrom('teams').selectAll().where('id', '=', t.org.teams.south).executeTakeFirstOrThrow();
    const moved = await team('华东一店');
    expect(moved).toMatchObject({ parent_id: south.id, path: `${south.path}${store1.id}/` });
    const group = await team('一店直营组');
    expect(group.path).toBe(`${moved.path}${group.id}/`);
    expect((await user('wecom-li')).team_path).toBe(group.path);
    expect((await t.db.selectFrom('customers').select('team_path').where('id', '=', customerId).executeTakeFirstOrThrow()).team_path).toBe(group.path);
    // Scope follows the move: the east manager no longer sees the store's customer.
    expect((await rmEast({ method: 'GET', url: `/api/customers/${customerId}` })).statusCode).toBe(404);
    expect((await team('华东二店')).parent_id).toBe(t.org.teams.south);
    const moveAudit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'team').where('entity_id', '=', store1.id).where('action', '=', 'update').execute();
    expect(moveAudit.map((a) => JSON.parse(String(a.after)))).toEqual([{ parentId: south.id, path: moved.path }]);
    expect((await user('wecom-zhao')).active).toBe(0);
    expect((await user('wecom-qian')).active).toBe(0);

    // 赵二 comes back: reactivated, audited; 钱三 stays deactivated (an admin's decision) — until overwrite.
    fake.members = fake.members.map((m) => (m.id === 'zhao' ? { ...m, left: false } : m));
    const back = await sync();
    expect(back.plan.counts).toMatchObject({ usersReactivated: 1, usersCreated: 0, teamsMoved: 0 });
    const zhao = await user('wecom-zhao');
    expect(zhao.active).toBe(1);
    const trail = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'user').where('entity_id', '=', zhao.id).where('action', '=', 'update').execute();
    const changes = trail.map((a) => [JSON.parse(String(a.before)).active, JSON.parse(String(a.after)).active]);
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(expect.arrayContaining([[1, 0], [0, 1]]));
    expect((await user('wecom-qian')).active).toBe(0);
    await sync(true);
    expect((await user('wecom-qian')).active).toBe(1);
    expect((await team('华东二店')).parent_id).toBe(t.org.teams.east);
  }, 60_000);

  it('nightly: the 02:30 slot applies the sync once although two workers pass at the same time; the next pass does nothing', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom', { sync: { nightly: true, parentTeamId: t.org.teams.east } });
    fake.members = [{ id: 'night', name: '夜班同步', mobile: '13700000099', depts: ['3'] }];
    expect(await nightlySyncJob.run(depsOf(t))).toBe(0);
    t.clock.advance(26 * 3600_000);
    const passes = await Promise.all([nightlySyncJob.run(depsOf(t)), nightlySyncJob.run(depsOf(t))]);
    expect(passes.sort()).toEqual([0, 1]);
    const runs = await t.db.selectFrom('platform_sync_runs').selectAll().where('connection_id', '=', id).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'applied', dry_run: 0 });
    expect(runs[0].slot).toMatch(/T18:30:00/);
    expect((await user('wecom-night')).active).toBe(1);
    expect(await nightlySyncJob.run(depsOf(t))).toBe(0);
  }, 60_000);
});
