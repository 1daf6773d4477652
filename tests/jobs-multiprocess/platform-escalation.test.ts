/**
 * PostgreSQL only: a personal SLA escalation reaches the right person's WeCom exactly once with two worker processes
 * running every registered job (SLA firing → notification → outbox row → app message) against the fake platforms.
 * The deal's owner and their team lead are both bound to WeCom members; the ladder notifies the lead only.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import type { FakePlatforms } from '../support/fake-platforms.js';
import { connect, startFake } from '../support/platforms.js';
import { stopChildren, type Child } from '../support/processes.js';
import { killAll, startWorkers, stepAll } from '../support/worker-fleet.js';

const secretKey = randomBytes(32).toString('base64');
const T0 = '2026-11-02T02:00:00.000Z';

describe('a personal SLA escalation goes to the right WeCom member once across two processes (PostgreSQL)', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  let children: Child[] = [];

  beforeAll(async () => {
    t = await setupTestApp({ start: T0, config: { secretKey } });
    expect(t.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
    fake = await startFake(t);
  }, 60_000);

  afterAll(async () => {
    await killAll(children);
    await fake?.close();
    await t?.close();
  });

  it('fires the level once and sends one app message to the lead, none to the owner', async () => {
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'also', kinds: ['sla'] } });
    fake.members = [
      { id: 'zhangsan', name: '张三', mobile: '13800138001', depts: ['3'] },
      { id: 'lisi', name: '李四', mobile: '13800138002', depts: ['3'] },
    ];
    const admin = await t.as('admin');
    for (const [userId, externalId] of [[t.org.users.sellerA.id, 'zhangsan'], [t.org.users.leadEast1.id, 'lisi']]) {
      expect((await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId, externalId } })).statusCode).toBe(200);
    }
    const pipeline = await importPipelineYaml(t.db, t.clock, systemActor('cli'), 'key: mp_platform\nname: 多进程\nstages:\n  - key: open_stage\n    name: 跟进\n    probability: 10\n  - key: won\n    name: 成交\n    probability: 100\n    terminal: won\n');
    const now = t.clock.now().toISOString();
    const seller = await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    const customerId = newId();
    const dealId = newId();
    await t.db.insertInto('customers').values({ id: customerId, kind: 'company', name: '升级客户', phone: null, phone_normalized: null, region: null, industry: null, source: null, level: null, credit_code: null, owner_id: t.org.users.sellerA.id, team_path: seller.team_path, custom: '{}', created_at: now, updated_at: now, deleted_at: null }).execute();
    await t.db.insertInto('deals').values({ id: dealId, title: '升级商机', customer_id: customerId, pipeline_id: pipeline.id, stage_key: 'open_stage', status: 'open', owner_id: t.org.users.sellerA.id, team_path: seller.team_path, amount_fen: 0, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now }).execute();
    const ladder = JSON.stringify([{ after: '1wd', since: 'entry', colour: 'red', notify: ['owner.lead'] }]);
    await t.db.insertInto('sla_timers').values({ id: newId(), subject_type: 'deal', subject_id: dealId, kind: 'stage_dwell', stage_key: 'open_stage', ladder, anchor_at: now, next_level: 1, due_at: '2026-11-02T03:00:00.000Z', last_due_at: null, level_reached: 0, colour: 'on_time', status: 'active', cancel_reason: null, team_id: null, created_at: now, updated_at: now }).execute();

    children = await startWorkers(t.db, 2, { ACTIONFLOW_SECRET_KEY: secretKey }, 'platform worker');
    stepAll(children, '2026-11-02T03:01:00.000Z');

    const deadline = Date.now() + 30_000;
    while (!fake.sent.length) {
      if (Date.now() > deadline) {
        const firings = await t.db.selectFrom('sla_firings').select('id').execute();
        const outbox = await t.db.selectFrom('outbox').select(['kind', 'status', 'last_error', 'recipient']).execute();
        const notes = await t.db.selectFrom('notifications').select(['user_id', 'idempotency_key']).execute();
        throw new Error(`no app message; notes ${JSON.stringify(notes)} lead ${t.org.users.leadEast1.id} links ${JSON.stringify(await t.db.selectFrom('platform_links').selectAll().execute())}; firings ${firings.length}; outbox ${JSON.stringify(outbox)}; refusals: ${fake.refusals.join('; ')}; log ${fake.log.join(',')}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    // Give a duplicate the time to appear before counting.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(fake.sent.map((m) => m.to)).toEqual(['lisi']);
    expect(fake.sent[0].body).toMatchObject({ msgtype: 'textcard', agentid: 1000002, textcard: { url: expect.stringContaining(`/deals/${dealId}`) } });
    expect(await t.db.selectFrom('sla_firings').select('id').execute()).toHaveLength(1);
    expect(await t.db.selectFrom('outbox').select(['kind', 'status']).where('kind', '=', 'wecom_app').execute()).toEqual([{ kind: 'wecom_app', status: 'sent' }]);
    const results = await stopChildren<{ fired: Record<string, number> }>(children);
    expect(results.reduce((n, r) => n + (r.fired['sla.deal'] ?? 0), 0)).toBe(1);
    expect(fake.refusals).toEqual([]);
  }, 120_000);
});
