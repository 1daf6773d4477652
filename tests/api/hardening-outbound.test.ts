import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { startRobotReceiver, startWebhookReceiver, type RobotReceiver } from '../support/receivers.js';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import { enqueueWebhook } from '../../server/modules/notifications/outbox.js';

/** Issue 14, defect 8: channel tests and robots may not reach loopback, private or link-local targets (SSRF). */
describe('hardening: outbound targets without an allow-list', () => {
  let t: TestContext;
  let robot: RobotReceiver;
  beforeAll(async () => {
    t = await setupTestApp({ config: { outboundAllow: [] } });
    robot = await startRobotReceiver('wecom', { now: () => t.clock.now() });
  });
  afterAll(async () => {
    await robot?.close();
    await t?.close();
  });

  it('refuses loopback, link-local and private robot URLs before connecting, and echoes no remote body', async () => {
    const admin = await t.as('admin');
    for (const webhookUrl of [robot.url, robot.url.replace('127.0.0.1', 'localhost'), 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.8/hook', 'http://[::1]:9/x']) {
      const created = await admin({ method: 'POST', url: '/api/channels', payload: { kind: 'wecom', name: `robot ${webhookUrl}`, secrets: { webhookUrl } } });
      expect(created.statusCode, created.body).toBe(201);
      const res = await admin({ method: 'POST', url: `/api/channels/${created.json().id}/test`, payload: {} });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ ok: false, response: null, error: expect.stringMatching(/refused: .*(loopback|private|link-local)/) });
    }
    expect(robot.accepted).toHaveLength(0);
  });

  it('rule webhooks go through the same guard: a loopback target is dead-lettered as refused and never contacted', async () => {
    const hook = await startWebhookReceiver('webhook-secret-1');
    try {
      await t.db.transaction().execute((trx) =>
        enqueueWebhook(trx, t.clock, { idempotencyKey: 'ssrf-hook-1', url: hook.url, secret: 'webhook-secret-1', event: 'deal.updated', payload: { id: 'd1' } }),
      );
      while ((await dispatchDue({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config })) > 0);
      const row = await t.db.selectFrom('outbox').select(['status', 'last_error']).where('idempotency_key', '=', 'webhook#ssrf-hook-1').executeTakeFirstOrThrow();
      expect(row.status).toBe('dead');
      expect(row.last_error).toMatch(/^refused: .*(loopback|private|link-local)/);
      expect(hook.accepted).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });
});
