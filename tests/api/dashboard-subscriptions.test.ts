import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.js';
import type { Deps } from '../../server/core/http.js';
import { systemActor } from '../../server/core/policy.js';
import { runDueSubscriptions } from '../../server/modules/digests/subscriptions.js';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { startRobotReceiver, type RobotReceiver } from '../support/receivers.js';

const URL_BASE = 'https://crm.example.cn';

describe('dashboard subscriptions: the war room pushed to a robot on a schedule', () => {
  let t: TestContext;
  let deps: Deps;
  let eastRobot: RobotReceiver;
  let southRobot: RobotReceiver;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Friday 2026-11-27 10:00 in Shanghai.
    t = await setupTestApp({ start: '2026-11-27T02:00:00.000Z', config: { sessionTtlHours: 24 * 30 } });
    deps = { db: t.db, dialect: t.dialect, clock: t.clock, config: loadConfig({ ACTIONFLOW_PUBLIC_URL: `${URL_BASE}/`, ACTIONFLOW_OUTBOUND_ALLOW: '127.0.0.1,::1,localhost' }) };
    ids.pipeline = (await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step')).id;
    eastRobot = await startRobotReceiver('wecom', { now: () => t.clock.now() });
    southRobot = await startRobotReceiver('wecom', { now: () => t.clock.now() });
    const admin = await t.as('admin');
    const channel = async (body: Record<string, unknown>) => {
      const res = await admin({ method: 'POST', url: '/api/channels', payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.east = await channel({ kind: 'wecom', name: '华东一组群', teamId: t.org.teams.eastTeam1, secrets: { webhookUrl: eastRobot.url } });
    ids.south = await channel({ kind: 'wecom', name: '华南一组群', teamId: t.org.teams.southTeam, secrets: { webhookUrl: southRobot.url } });
    // Two deals in 华东一组, three in 华南: the lead's figures count only the first two.
    const deals = async (who: Requester, n: number, prefix: string) => {
      for (let i = 0; i < n; i++) {
        const c = await who({ method: 'POST', url: '/api/customers', payload: { name: `${prefix}客户${i}`, phone: `1370000${prefix === '华东' ? 1 : 2}${String(i).padStart(3, '0')}` } });
        expect(c.statusCode, c.body).toBe(201);
        const d = await who({ method: 'POST', url: '/api/deals', payload: { title: `${prefix}商机${i}`, customerId: c.json().id, pipelineId: ids.pipeline, amountFen: 100_000 } });
        expect(d.statusCode, d.body).toBe(201);
      }
    };
    await deals(await t.as('seller_a'), 2, '华东');
    await deals(await t.as('seller_b'), 3, '华南');
  });
  afterAll(async () => {
    await eastRobot?.close();
    await southRobot?.close();
    await t?.close();
  });

  it('a lead subscribes with the weekly default; robots of other teams, bad crons, sellers are refused', async () => {
    const lead = await t.as('lead_east1');
    const res = await lead({ method: 'POST', url: '/api/dashboard-subscriptions', payload: { name: '华东一组周报', metrics: ['funnel', 'stalled'], channels: [ids.east] } });
    expect(res.statusCode, res.body).toBe(201);
    const sub = res.json();
    expect(sub).toMatchObject({ cron: '0 9 * * 1', enabled: true, timeZone: 'Asia/Shanghai', nextRunAt: '2026-11-30T01:00:00.000Z', channels: [ids.east] });
    ids.sub = sub.id;

    const refused = await lead({ method: 'POST', url: '/api/dashboard-subscriptions', payload: { name: 'x', channels: [ids.south], cron: '0 9 * *' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`).sort()).toEqual(['channels.0:other_team_channel', 'cron:invalid_cron']);
    expect((await (await t.as('seller_a'))({ method: 'POST', url: '/api/dashboard-subscriptions', payload: { name: 'x', channels: [ids.east] } })).statusCode).toBe(403);
    // Someone else's subscription is not there for them.
    expect((await (await t.as('rm_east'))({ method: 'POST', url: `/api/dashboard-subscriptions/${ids.sub}/preview` })).statusCode).toBe(404);
  });

  it('pushes once at Monday 09:00 across two processes, with the figures the lead sees on the dashboard and a link to it', async () => {
    t.clock.set('2026-11-30T00:59:59.000Z');
    expect(await runDueSubscriptions(deps)).toBe(0);
    t.clock.set('2026-11-30T01:00:00.000Z');
    const pushed = (await Promise.all([runDueSubscriptions(deps), runDueSubscriptions({ ...deps })])).reduce((a, b) => a + b, 0);
    expect(pushed).toBe(1);
    expect(await runDueSubscriptions(deps)).toBe(0);
    while ((await dispatchDue(deps)) > 0);
    expect(southRobot.accepted).toHaveLength(0);
    expect(eastRobot.accepted).toHaveLength(1);
    const text = eastRobot.accepted[0]!.text;

    const lead = await t.as('lead_east1');
    const funnelRes = await lead({ method: 'GET', url: `/api/metrics/funnel?pipelineId=${ids.pipeline}` });
    expect(funnelRes.statusCode, funnelRes.body).toBe(200);
    const funnel = funnelRes.json();
    const first = funnel.answer.cohort[0];
    expect(first.entered.value).toBe(2);
    expect(text).toContain(`- ${first.stage.name}：进入 ${first.entered.value} · `);
    expect(text).toContain('**漏斗（同期群）**');
    expect(text).toContain(`](${URL_BASE}/dashboard)`);
    // The org-wide figure (5) is not what the lead's group gets.
    const all = (await (await t.as('admin'))({ method: 'GET', url: `/api/metrics/funnel?pipelineId=${ids.pipeline}` })).json();
    expect(all.answer.cohort[0].entered.value).toBe(5);

    // The next slot is a week later; a disabled subscription pushes nothing.
    const off = await lead({ method: 'PATCH', url: `/api/dashboard-subscriptions/${ids.sub}`, payload: { enabled: false } });
    expect(off.statusCode, off.body).toBe(200);
    t.clock.set('2026-12-07T01:00:00.000Z');
    expect(await runDueSubscriptions(deps)).toBe(0);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'dashboard_subscription').where('entity_id', '=', ids.sub).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });
});
