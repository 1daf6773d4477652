/**
 * The 18:00 daily digest (seed 000 顾问日清): content of a seeded day with links, once-per-slot scheduling in
 * Asia/Shanghai with two job instances, a missed slot sent late once after a restart, robot delivery through the
 * outbox, settings validation.
 */
import { systemActor } from '../../server/core/policy.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.js';
import type { Deps } from '../../server/core/http.js';
import { newId } from '../../server/core/ids.js';
import type { DigestContent, DigestLine, LinkedRecord, TopSeller } from '../../server/modules/digests/content.js';
import { runDueDigests } from '../../server/modules/digests/service.js';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { startRobotReceiver, type RobotReceiver } from '../support/receivers.js';

const SYSTEM = systemActor('cli');

const URL_BASE = 'https://crm.example.com';
const pipelineYaml = `key: store_flow
name: 门店成交
stages:
  - { key: visit, name: 到店, probability: 20 }
  - { key: won, name: 成交, probability: 100, terminal: won }
  - { key: lost, name: 流失, probability: 0, terminal: lost }
`;

describe('daily digest (顾问日清)', () => {
  let t: TestContext;
  let deps: Deps;
  let regionRobot: RobotReceiver;
  let southRobot: RobotReceiver;
  let pipelineId: string;
  const ids: Record<string, string> = {};
  const path = async (userId: string) => (await t.db.selectFrom('users').select('team_path').where('id', '=', userId).executeTakeFirstOrThrow()).team_path;

  async function customer(name: string, ownerId: string, at: string, deleted = false) {
    const id = newId();
    await t.db.insertInto('customers').values({ id, kind: 'person', name, phone: null, phone_normalized: null, region: null, industry: null, source: null, level: null, credit_code: null, owner_id: ownerId, team_path: await path(ownerId), custom: '{}', created_at: at, updated_at: at, deleted_at: deleted ? at : null }).execute();
    return id;
  }
  async function deal(title: string, ownerId: string, customerId: string, status: 'open' | 'won' | 'lost', at: string) {
    const id = newId();
    const stage = status === 'open' ? 'visit' : status;
    await t.db.insertInto('deals').values({ id, title, customer_id: customerId, pipeline_id: pipelineId, stage_key: stage, status, owner_id: ownerId, team_path: await path(ownerId), amount_fen: 100_00, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: at, created_at: '2026-11-01T02:00:00.000Z', updated_at: at }).execute();
    return id;
  }
  async function activities(ownerId: string, customerId: string, n: number, effective: boolean, at: string) {
    for (let i = 0; i < n; i++) {
      await t.db.insertInto('activities').values({ id: newId(), type: 'visit', occurred_at: at, customer_id: customerId, deal_id: null, owner_id: ownerId, team_path: await path(ownerId), contact_ids: '[]', summary: '到店护理', outcome: null, next_action: null, next_action_at: null, effective: effective ? 1 : 0, custom: '{}', created_at: at }).execute();
    }
  }
  async function task(title: string, assigneeId: string, dueAt: string, status: 'open' | 'done', dealId: string | null = null) {
    const id = newId();
    await t.db.insertInto('tasks').values({ id, title, assignee_id: assigneeId, team_path: await path(assigneeId), due_at: dueAt, customer_id: null, deal_id: dealId, status, completed_at: status === 'done' ? dueAt : null, created_by: assigneeId, created_at: '2026-11-20T01:00:00.000Z', updated_at: dueAt }).execute();
    return id;
  }
  async function appointment(customerId: string, consultantId: string, at: string, status: string, checkedInAt: string | null = null) {
    const store = await t.db.selectFrom('users').select(['team_id', 'team_path']).where('id', '=', consultantId).executeTakeFirstOrThrow();
    const noShowDue = new Date(Date.parse(at) + 30 * 60_000).toISOString();
    await t.db.insertInto('appointments').values({ id: newId(), customer_id: customerId, phone: '13800000000', phone_normalized: '13800000000', store_id: store.team_id, team_path: store.team_path, consultant_id: consultantId, at, duration_minutes: 60, note: null, status, no_show_due_at: noShowDue, no_show_at: status === 'no_show' ? noShowDue : null, late: 0, checked_in_at: checkedInAt, checked_in_by: checkedInAt ? consultantId : null, cancelled_at: null, cancelled_by: null, followup_user_id: null, followup_task_id: null, reassigned_at: null, reassigned_by: null, created_by: consultantId, created_at: '2026-11-24T02:00:00.000Z', updated_at: at }).execute();
  }

  beforeAll(async () => {
    // 09:00 Asia/Shanghai on 2026-11-25: the seeded day.
    t = await setupTestApp({ start: '2026-11-25T01:00:00.000Z' });
    deps = { db: t.db, dialect: t.dialect, clock: t.clock, config: loadConfig({ ACTIONFLOW_PUBLIC_URL: `${URL_BASE}/`, ACTIONFLOW_OUTBOUND_ALLOW: '127.0.0.1,::1,localhost' }) };
    pipelineId = (await importPipelineYaml(t.db, t.clock, SYSTEM, pipelineYaml)).id;
    // The seeded teams are stores here: a store's digest counts arrivals and no-shows (B2B teams get B2B figures).
    await t.db.updateTable('teams').set({ kind: 'store' }).where('kind', '=', 'team').execute();
    const { sellerA, sellerA2, leadEast1, sellerB } = t.org.users;
    for (const [u, name] of [[sellerA, '张顾问'], [sellerA2, '李顾问'], [leadEast1, '王店长'], [sellerB, '陈顾问']] as const) {
      await t.db.updateTable('users').set({ display_name: name }).where('id', '=', u.id).execute();
    }

    // Seed 000: the region's Feishu group gets its stores' digests; 华南一组 has its own WeCom robot, set to English.
    regionRobot = await startRobotReceiver('feishu', { now: () => t.clock.now(), secret: 'SECregion' });
    southRobot = await startRobotReceiver('wecom', { now: () => t.clock.now() });
    const admin = await t.as('admin');
    const channel = async (body: Record<string, unknown>) => {
      const res = await admin({ method: 'POST', url: '/api/channels', payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.feishu = await channel({ kind: 'feishu', name: '华东区域总监群', teamId: t.org.teams.east, secrets: { webhookUrl: regionRobot.url, secret: 'SECregion' } });
    ids.wecom = await channel({ kind: 'wecom', name: '华南一组群', teamId: t.org.teams.southTeam, settings: { locale: 'en' }, secrets: { webhookUrl: southRobot.url } });
    ids.sms = await channel({ kind: 'sms', name: '短信', settings: { provider: 'log', templateCode: 'SMS_1' } });

    // 华东一组 on 2026-11-25 (local day = 2026-11-24T16:00Z … 2026-11-25T16:00Z).
    const old = await customer('老客户', sellerA.id, '2026-10-01T02:00:00.000Z');
    await customer('昨晚客户', sellerA.id, '2026-11-24T15:59:59.000Z');
    ids.newA = await customer('李女士', sellerA.id, '2026-11-25T02:00:00.000Z');
    ids.newA2 = await customer('赵女士', sellerA2.id, '2026-11-25T05:00:00.000Z');
    await customer('删掉的客户', sellerA.id, '2026-11-25T03:00:00.000Z', true);
    await t.db.insertInto('contacts').values({ id: newId(), customer_id: old, name: '老客户的女儿', title: null, decision_power: null, phone: null, email: null, created_at: '2026-11-25T06:00:00.000Z', updated_at: '2026-11-25T06:00:00.000Z' }).execute();
    ids.wonA1 = await deal('年卡 A', sellerA.id, old, 'won', '2026-11-25T03:00:00.000Z');
    ids.wonA2 = await deal('疗程卡 B', sellerA.id, ids.newA, 'won', '2026-11-25T07:00:00.000Z');
    ids.wonA21 = await deal('体验卡 C', sellerA2.id, ids.newA2, 'won', '2026-11-25T06:00:00.000Z');
    await deal('昨天成交', sellerA.id, old, 'won', '2026-11-24T15:00:00.000Z');
    await deal('流失单', sellerA.id, old, 'lost', '2026-11-25T04:00:00.000Z');
    await deal('跟进中', sellerA2.id, old, 'open', '2026-11-25T04:00:00.000Z');
    await activities(sellerA.id, old, 1, true, '2026-11-25T03:00:00.000Z');
    await activities(sellerA.id, old, 3, false, '2026-11-25T03:00:00.000Z');
    await activities(sellerA2.id, old, 4, true, '2026-11-25T04:00:00.000Z');
    await activities(leadEast1.id, old, 6, true, '2026-11-25T05:00:00.000Z');
    await activities(sellerA2.id, old, 9, true, '2026-11-24T05:00:00.000Z'); // yesterday
    ids.overdue1 = await task('回访李女士', sellerA.id, '2026-11-25T08:00:00.000Z', 'open', ids.wonA2);
    ids.overdue2 = await task('补资料', sellerA2.id, '2026-11-20T08:00:00.000Z', 'open');
    await task('今晚回访', sellerA.id, '2026-11-25T12:00:00.000Z', 'open'); // due after 18:00: not overdue yet
    await task('已完成', sellerA.id, '2026-11-25T02:00:00.000Z', 'done');
    await appointment(ids.newA, sellerA.id, '2026-11-25T02:00:00.000Z', 'arrived', '2026-11-25T01:58:00.000Z');
    await appointment(ids.newA2, sellerA2.id, '2026-11-25T05:00:00.000Z', 'arrived', '2026-11-25T05:10:00.000Z');
    await appointment(old, sellerA.id, '2026-11-25T03:00:00.000Z', 'no_show');
    await appointment(old, sellerA.id, '2026-11-25T11:00:00.000Z', 'booked');
    await appointment(old, sellerA2.id, '2026-11-25T04:00:00.000Z', 'cancelled');
    await appointment(old, sellerA.id, '2026-11-24T04:00:00.000Z', 'no_show'); // yesterday
    // 华南一组: one deal; 华东二组: nothing at all.
    const southCustomer = await customer('广州客户', sellerB.id, '2026-11-01T02:00:00.000Z');
    await deal('华南年卡', sellerB.id, southCustomer, 'won', '2026-11-25T04:00:00.000Z');
  });
  afterAll(async () => {
    await regionRobot?.close();
    await southRobot?.close();
    await t?.close();
  });

  const twoInstances = async () => (await Promise.all([runDueDigests(deps), runDueDigests({ ...deps })])).reduce((a, b) => a + b, 0);
  const count = async (table: 'digests' | 'outbox') => (await t.db.selectFrom(table).select('id').execute()).length;

  it('runs at 18:00 Asia/Shanghai, not at 17:59, once per team even with two job instances', async () => {
    t.clock.set('2026-11-25T09:00:00.000Z');
    expect(await twoInstances()).toBe(0);
    t.clock.set('2026-11-25T09:59:59.999Z');
    expect(await twoInstances()).toBe(0);
    expect(await count('digests')).toBe(0);
    t.clock.set('2026-11-25T10:00:00.000Z');
    expect(await twoInstances()).toBe(3); // 华东一组, 华东二组, 华南一组 (regions and the company get none)
    expect(await twoInstances()).toBe(0);
    t.clock.set('2026-11-25T10:30:00.000Z');
    expect(await twoInstances()).toBe(0);
    expect(await count('digests')).toBe(3);
    // One robot message per team: the two 华东 teams to the region's Feishu group, 华南一组 to its WeCom robot.
    const outbox = await t.db.selectFrom('outbox').select(['channel_id', 'recipient']).execute();
    expect(outbox.map((o) => o.channel_id).sort()).toEqual([ids.feishu, ids.feishu, ids.wecom].sort());
  });

  it('counts the seeded day: arrivals, deals won, no-shows, new contacts, overdue tasks, top 3, each with record links', async () => {
    const res = await (await t.as('lead_east1'))({ method: 'GET', url: `/api/digests?team=${t.org.teams.eastTeam1}&date=2026-11-25` });
    expect(res.statusCode, res.body).toBe(200);
    const [digest] = res.json().items as Array<{ content: DigestContent; markdown: Record<'zh-CN' | 'en', { title: string; body: string }> }>;
    expect(res.json().items).toHaveLength(1);
    expect(digest).toMatchObject({ date: '2026-11-25', slot: '18:00', scheduledFor: '2026-11-25T10:00:00.000Z', status: 'sent', late: false });
    const lines = Object.fromEntries(digest.content.lines.map((l: DigestLine) => [l.key, l]));
    expect(Object.fromEntries(Object.entries(lines).map(([k, l]: [string, DigestLine]) => [k, l.count]))).toEqual({ arrivals: 2, dealsWon: 3, noShows: 1, newContacts: 3, overdueTasks: 2 });
    expect(lines.dealsWon.records.map((r: LinkedRecord) => r.url)).toEqual([`${URL_BASE}/deals/${ids.wonA2}`, `${URL_BASE}/deals/${ids.wonA21}`, `${URL_BASE}/deals/${ids.wonA1}`]);
    expect(lines.arrivals.records.map((r: LinkedRecord) => r.url).sort()).toEqual([`${URL_BASE}/customers/${ids.newA}`, `${URL_BASE}/customers/${ids.newA2}`].sort());
    expect(lines.newContacts.records.map((r: LinkedRecord) => r.label)).toEqual(['赵女士', '李女士', '老客户的女儿（老客户）']);
    expect(lines.overdueTasks.records.map((r: LinkedRecord) => [r.label, r.url])).toEqual([['补资料', `${URL_BASE}/tasks`], ['回访李女士', `${URL_BASE}/deals/${ids.wonA2}`]]);
    expect(lines.noShows.url).toBe(`${URL_BASE}/digests?team=${t.org.teams.eastTeam1}&date=2026-11-25#noShows`);
    expect(digest.content.topSellers.map((s: TopSeller) => [s.rank, s.name, s.dealsWon, s.effectiveActivities])).toEqual([
      [1, '张顾问', 2, 1],
      [2, '李顾问', 1, 4],
      [3, '王店长', 0, 6],
    ]);
    expect(digest.markdown['zh-CN'].title).toBe('【顾问日清】华东一组 2026-11-25');
    expect(digest.markdown.en.body).toContain('- Deals won: [3](');

    // 华东二组 had nothing: zeros and no top sellers, still sent.
    const empty = (await (await t.as('admin'))({ method: 'GET', url: `/api/digests?team=${t.org.teams.eastTeam2}&date=2026-11-25` })).json().items[0];
    expect(empty.content.lines.map((l: DigestLine) => l.count)).toEqual([0, 0, 0, 0, 0]);
    expect(empty.content.topSellers).toEqual([]);
  });

  it('pushes markdown to the robots through the outbox, in each robot’s language, and shows the delivery', async () => {
    while ((await dispatchDue(deps)) > 0);
    expect(regionRobot.accepted).toHaveLength(2);
    expect(southRobot.accepted).toHaveLength(1);
    const team1 = regionRobot.accepted.find((m) => m.text.startsWith('【顾问日清】华东一组'))!;
    expect(team1.body.card?.elements?.[0]?.tag).toBe('markdown');
    expect(team1.text).toContain(`- 今日成交：[3](${URL_BASE}/digests?team=${t.org.teams.eastTeam1}&date=2026-11-25#dealsWon) · [疗程卡 B](${URL_BASE}/deals/${ids.wonA2})`);
    expect(team1.text).toContain('1. 张顾问（成交 2 · 有效跟进 1）');
    expect(team1.text).toContain(`[在 Actionflow 中打开](${URL_BASE}/digests?team=${t.org.teams.eastTeam1}&date=2026-11-25)`);
    expect(southRobot.accepted[0].body.msgtype).toBe('markdown');
    expect(southRobot.accepted[0].text).toContain('Daily digest · 华南一组 · 2026-11-25');
    expect(southRobot.accepted[0].text).toContain('1. 陈顾问 (won 1, effective activities 0)');
    const res = await (await t.as('seller_a'))({ method: 'GET', url: `/api/digests?team=${t.org.teams.eastTeam1}` });
    expect(res.json().items[0].deliveries).toEqual([expect.objectContaining({ channelId: ids.feishu, kind: 'feishu', status: 'sent' })]);
    // A seller of another team does not see 华东一组's digest.
    expect((await (await t.as('seller_b'))({ method: 'GET', url: `/api/digests?team=${t.org.teams.eastTeam1}` })).statusCode).toBe(404);
  });

  it('a restart after a missed 18:00 sends that digest once, marked late (迟发 / late)', async () => {
    t.clock.set('2026-11-26T09:30:00.000Z'); // 17:30 on the 26th; then the server is down until 09:30 on the 27th
    expect(await twoInstances()).toBe(0);
    // A clock moved mid-pass (a worker stepped, tick --at) does not split the pass: it runs as of its first instant,
    // so the 18:00 it has not reached yet is neither sent nor claimed as an on-time digest.
    const instants = ['2026-11-26T09:30:00.000Z'];
    const moving = { ...deps, clock: { now: () => new Date(instants.shift() ?? '2026-11-27T01:30:00.000Z') } };
    expect(await runDueDigests(moving)).toBe(0);
    t.clock.set('2026-11-27T01:30:00.000Z');
    expect(await runDueDigests({ ...deps })).toBe(3); // a fresh process: the job keeps no state outside the database
    expect(await twoInstances()).toBe(0);
    const late = await t.db.selectFrom('digests').selectAll().where('date', '=', '2026-11-26').execute();
    expect(late.map((d) => [d.slot, d.late])).toEqual([['18:00', 1], ['18:00', 1], ['18:00', 1]]);
    while ((await dispatchDue(deps)) > 0);
    expect(regionRobot.accepted.filter((m) => m.text.startsWith('【顾问日清】华东一组 2026-11-26（迟发）'))).toHaveLength(1);
    expect(southRobot.accepted.filter((m) => m.text.includes('Daily digest · 华南一组 · 2026-11-26 (late)'))).toHaveLength(1);
    // The late digest counts the whole missed day: the 25th's no-show board is not in it.
    const content = JSON.parse(late.find((d) => d.team_id === t.org.teams.eastTeam1)!.content) as DigestContent;
    expect(content.lines.map((l: DigestLine) => l.count)).toEqual([0, 0, 0, 0, 3]);
    // The 27th's own 18:00 runs on time.
    t.clock.set('2026-11-27T10:00:01.000Z');
    expect(await twoInstances()).toBe(3);
    expect((await t.db.selectFrom('digests').select('late').where('date', '=', '2026-11-27').execute()).map((d) => d.late)).toEqual([0, 0, 0]);
    expect(await count('digests')).toBe(9);
  });
});

describe('digest settings', () => {
  let t: TestContext;
  let deps: Deps;
  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-25T01:00:00.000Z' });
    deps = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.config };
  });
  afterAll(async () => t?.close());

  it('validates cron, enabled and channels with 4xx naming the field, and checks who may change them', async () => {
    const lead = await t.as('lead_east1');
    const admin = await t.as('admin');
    const team = t.org.teams.eastTeam1;
    const put = (who: typeof lead, payload: unknown, teamId = team) => who({ method: 'PUT', url: `/api/digests/settings?team=${teamId}`, payload: payload as object });
    const fieldsOf = (res: { json(): { error: { fields: Array<{ field: string }> } } }) => res.json().error.fields.map((f) => f.field);

    const got = await lead({ method: 'GET', url: `/api/digests/settings?team=${team}` });
    expect(got.json()).toMatchObject({ cron: '0 18 * * *', timeZone: 'Asia/Shanghai', enabled: true, channels: null, targets: [], nextRunAt: '2026-11-25T10:00:00.000Z' });

    for (const [payload, field] of [
      [{ cron: '0 25 * * *' }, 'cron'],
      [{ cron: '0 18 * *' }, 'cron'],
      [{ cron: '' }, 'cron'],
      [{ enabled: 'yes' }, 'enabled'],
      [{ channels: 'all' }, 'channels'],
      [{ channels: ['no-such-channel'] }, 'channels.0'],
      [{ colour: 'red' }, ''],
    ] as const) {
      const res = await put(lead, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      if (field) expect(fieldsOf(res), JSON.stringify(payload)).toContain(field);
    }
    const smsId = (await admin({ method: 'POST', url: '/api/channels', payload: { kind: 'sms', name: '短信', settings: { provider: 'log', templateCode: 'S' } } })).json().id;
    const southRobot = (await admin({ method: 'POST', url: '/api/channels', payload: { kind: 'dingtalk', name: '华南群', teamId: t.org.teams.southTeam, secrets: { webhookUrl: 'http://127.0.0.1:9/robot/send?access_token=x' } } })).json().id;
    const bad = await put(lead, { channels: [smsId, southRobot] });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['channels.0', 'channels.1']);
    expect(await t.db.selectFrom('digest_settings').select('team_id').execute()).toEqual([]); // nothing written

    expect((await put(await t.as('seller_a'), { enabled: false })).statusCode).toBe(403);
    expect((await put(lead, { enabled: false }, t.org.teams.southTeam)).statusCode).toBe(404);
    expect((await put(admin, { enabled: false }, t.org.teams.east)).statusCode).toBe(400);

    const ok = await put(lead, { cron: '30 17 * * 1-5', channels: [] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ cron: '30 17 * * 1-5', channels: [], enabled: true, nextRunAt: '2026-11-25T09:30:00.000Z' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'digest_settings').execute();
    expect(audit.map((a) => [a.entity_id, a.action])).toEqual([[team, 'create']]);

    // The new slot runs at 17:30; a disabled team gets nothing.
    expect((await put(admin, { enabled: false }, t.org.teams.eastTeam2)).statusCode).toBe(200);
    t.clock.set('2026-11-25T09:30:00.000Z');
    expect(await runDueDigests(deps)).toBe(1);
    const rows = await t.db.selectFrom('digests').select(['team_id', 'slot', 'channel_ids']).execute();
    expect(rows).toEqual([{ team_id: team, slot: '17:30', channel_ids: '[]' }]);
    t.clock.set('2026-11-25T10:00:00.000Z');
    expect(await runDueDigests(deps)).toBe(1); // 华南一组 at its default 18:00; 华东二组 is disabled
    expect((await t.db.selectFrom('digests').select('team_id').where('slot', '=', '18:00').execute()).map((r) => r.team_id)).toEqual([t.org.teams.southTeam]);
  });
});
