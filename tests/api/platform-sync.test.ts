/**
 * Contact sync over time, on both databases: a department renamed on the platform renames its team (same team: the
 * mapping is kept) unless an admin renamed it by hand; members moved between departments move team, also into a
 * department this very run creates; and each member's change is one transaction with its link — a member whose
 * write fails leaves no user behind, while the others are applied and the run lists the failure.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import type { FakePlatforms } from '../support/fake-platforms.js';
import { connect, startFake } from '../support/platforms.js';

describe('platform contact sync: renames, moves, one transaction per member', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  const teamOfUser = async (username: string) => (await t.db.selectFrom('users').select('team_id').where('username', '=', username).executeTakeFirstOrThrow()).team_id;
  const teamNamed = (name: string) => t.db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();

  it('renames teams and moves members as the platform does, keeping the department → team mapping and hand renames', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom', { sync: { parentTeamId: t.org.teams.east } });
    fake.members = [
      { id: 'li', name: '李一', mobile: '13700000001', depts: ['3'] },
      { id: 'zhao', name: '赵二', mobile: '13700000002', depts: ['2'] },
    ];
    const admin = await t.as('admin');
    const sync = async () => {
      const res = await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: false } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect((await sync()).status).toBe('applied');
    const sales = (await teamNamed('华东销售部'))!;
    const store1 = (await teamNamed('华东一店'))!;
    expect(await teamOfUser('wecom-li')).toBe(store1.id);
    expect(await teamOfUser('wecom-zhao')).toBe(sales.id);

    // An admin renames the sales team by hand; on WeCom both departments are renamed, a new store opens,
    // 赵二 moves to the first store and 李一 to the new one.
    await t.db.updateTable('teams').set({ name: '华东大区（手改）' }).where('id', '=', sales.id).execute();
    fake.depts = [
      { id: '2', name: '华东销售中心', parentId: '1' },
      { id: '3', name: '华东一店（旗舰）', parentId: '2' },
      { id: '4', name: '华东二店', parentId: '2' },
    ];
    fake.members = [
      { id: 'li', name: '李一', mobile: '13700000001', depts: ['4'] },
      { id: 'zhao', name: '赵二', mobile: '13700000002', depts: ['3'] },
    ];
    const dry = await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: true } });
    expect(dry.json().plan.counts).toMatchObject({ teamsCreated: 1, teamsRenamed: 1, usersMoved: 2, fieldsKept: 1 });
    expect((await teamNamed('华东一店'))?.id).toBe(store1.id);

    const run = await sync();
    expect(run.status).toBe('applied');
    const renamed = (await t.db.selectFrom('teams').selectAll().where('id', '=', store1.id).executeTakeFirstOrThrow()).name;
    expect(renamed).toBe('华东一店（旗舰）');
    // The hand rename stands (the plan says so); asked to overwrite, the platform's name wins.
    expect((await t.db.selectFrom('teams').select('name').where('id', '=', sales.id).executeTakeFirstOrThrow()).name).toBe('华东大区（手改）');
    expect(run.plan.teams).toEqual(expect.arrayContaining([expect.objectContaining({ externalId: '2', action: 'kept', previousName: '华东大区（手改）' })]));
    const store2 = (await teamNamed('华东二店'))!;
    expect(store2.parent_id).toBe(sales.id);
    expect(await teamOfUser('wecom-zhao')).toBe(store1.id);
    expect(await teamOfUser('wecom-li')).toBe(store2.id);
    // The user's team path moved with them (scope follows the team).
    expect((await t.db.selectFrom('users').select('team_path').where('username', '=', 'wecom-li').executeTakeFirstOrThrow()).team_path).toBe(store2.path);
    const deptLinks = await t.db.selectFrom('platform_links').select(['external_id', 'local_id']).where('connection_id', '=', id).where('kind', '=', 'dept').orderBy('external_id').execute();
    expect(deptLinks).toEqual([
      { external_id: '2', local_id: sales.id },
      { external_id: '3', local_id: store1.id },
      { external_id: '4', local_id: store2.id },
    ]);
    await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: false, overwrite: true } });
    expect((await t.db.selectFrom('teams').select('name').where('id', '=', sales.id).executeTakeFirstOrThrow()).name).toBe('华东销售中心');
    // Nothing left to do: a further run changes nothing.
    expect((await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: true } })).json().plan.counts).toMatchObject({ teamsCreated: 0, teamsRenamed: 0, usersMoved: 0, usersCreated: 0, usersUpdated: 0 });
   }, 60_000);

  it('a member whose write fails half-way leaves no user; the others are applied and the run is partial', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom', { sync: { parentTeamId: t.org.teams.east } });
    // The database refuses the binding of member "boom" — after their user row was written in the same transaction.
    if (t.dialect === 'sqlite') {
      await sql`CREATE TRIGGER refuse_boom BEFORE INSERT ON platform_links WHEN NEW.external_id = 'boom' BEGIN SELECT RAISE(ABORT, 'link refused'); END`.execute(t.db);
    } else {
      await sql`CREATE OR REPLACE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN IF NEW.external_id = 'boom' THEN RAISE EXCEPTION 'link refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(t.db);
      await sql`CREATE TRIGGER refuse_boom BEFORE INSERT ON platform_links FOR EACH ROW EXECUTE FUNCTION refuse_boom()`.execute(t.db);
    }
    fake.members = [
      { id: 'first', name: '先到', mobile: '13700000011', depts: ['3'] },
      { id: 'boom', name: '出错', mobile: '13700000012', depts: ['3'] },
      { id: 'last', name: '后到', mobile: '13700000013', depts: ['3'] },
    ];
    const admin = await t.as('admin');
    const res = await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: false } });
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    expect(run.status).toBe('partial');
    expect(run.plan.failed).toEqual([{ externalId: 'boom', name: '出错', error: expect.stringContaining('link refused') }]);
    expect(run.error).toContain('出错');
    const users = await t.db.selectFrom('users').select('username').where('username', 'like', 'wecom-%').orderBy('username').execute();
    expect(users.map((u) => u.username)).toEqual(['wecom-first', 'wecom-last']);
    expect(await t.db.selectFrom('users').select('id').where('phone', '=', '13700000012').execute()).toEqual([]);
    const audits = await t.db.selectFrom('audit_log').select('after').where('entity', '=', 'user').where('action', '=', 'create').execute();
    expect(audits.filter((a) => String(a.after).includes('wecom-boom'))).toEqual([]);
  });
});
