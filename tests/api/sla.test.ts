import { systemActor } from '../../server/core/policy.js';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { loadConfig } from '../../server/core/config.js';
import { tickAt, tickJson } from '../../server/cli/tick.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { runSlaUntilIdle } from '../../server/modules/sla/job.js';
import { slaStateFor } from '../../server/modules/sla/service.js';
import type { InjectOptions } from 'fastify';
import { setupTestApp, TEST_PASSWORD, type Requester, type TestContext } from '../support/app.js';

const SYSTEM = systemActor('cli');

// A pipeline whose first stage carries the seeds' ladder: 7 working days idle → red + owner and lead; 14 → the
// regional manager must intervene; 48 h later → the next level up (director).
const pipelineYaml = `key: sla_demo
name: 时效演示
stages:
  - key: qualify
    name: 需求确认
    nameEn: Qualify
    probability: 10
    sla:
      idle: true
      ladder:
        - { after: 7wd, colour: red, notify: [owner, owner.lead] }
        - { after: 14wd, notify: [owner.regional_manager], require: intervention }
        - { after: 48h, since: previous_level, notify: [next_up] }
  - key: propose
    name: 方案报价
    probability: 50
    sla:
      ladder:
        - { after: 3wd, colour: yellow, notify: [owner], channels: [inapp, wecom] }
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

/** Shanghai wall-clock time → stored UTC instant. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('SLA timers and escalation ladders', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  /** Sessions last 12 hours and the clock jumps days, so every request logs in afresh at the current instant. */
  async function as(username: string): Promise<Requester> {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    return (req) => t.app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie } } as InjectOptions);
  }
  const seller: Requester = async (req) => (await as('seller_a'))(req);

  async function setup(start: string) {
    t = await setupTestApp({ start });
    await importPipelineYaml(t.db, t.clock, SYSTEM, pipelineYaml);
    // A WeCom robot for the east region and a company-wide DingTalk robot: the recipients' default channels.
    const admin = await as('admin');
    const robots = [
      { kind: 'wecom', name: '华东大区群', teamId: t.org.teams.east, secrets: { webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k' } },
      { kind: 'dingtalk', name: '公司群', secrets: { webhookUrl: 'http://127.0.0.1:9/robot/send?access_token=t', secret: 'SECabc' } },
    ];
    for (const payload of robots) expect((await admin({ method: 'POST', url: '/api/channels', payload })).statusCode).toBe(201);
  }
  /** External messages queued for a timer, as "kind recipient" pairs. */
  const outbox = async (timerId: string) =>
    (await t.db.selectFrom('outbox').select(['kind', 'recipient']).where('idempotency_key', 'like', `sla:${timerId}:%`).execute()).map((r) => `${r.kind} ${r.recipient}`).sort();
  const deps = () => ({ db: t.db, dialect: t.dialect, clock: t.clock, config: loadConfig({ ACTIONFLOW_DATA_DIR: '/tmp/actionflow-sla-test' }) });
  const run = () => runSlaUntilIdle(deps());
  const at = async (local: string) => {
    t.clock.set(sh(local));
    return run();
  };

  async function newCustomer() {
    const now = t.clock.now().toISOString();
    const id = newId();
    await t.db
      .insertInto('customers')
      .values({ id, kind: 'company', name: `医院${id.slice(0, 4)}`, phone: null, phone_normalized: null, region: '华东', industry: '医疗', source: null, level: null, credit_code: null, owner_id: t.org.users.sellerA.id, team_path: (await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow()).team_path, custom: '{}', created_at: now, updated_at: now, deleted_at: null })
      .execute();
    return id;
  }
  async function newDeal(title: string) {
    const customerId = await newCustomer();
    const res = await seller({ method: 'POST', url: '/api/deals', payload: { title, customerId, pipelineId: 'sla_demo' } });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as string, customerId };
  }
  const notes = (subjectId: string) =>
    t.db.selectFrom('notifications').select(['user_id', 'idempotency_key', 'created_at', 'title']).where('subject_id', '=', subjectId).orderBy('created_at').orderBy('user_id').execute();
  const who = (rows: Array<{ user_id: string }>) => rows.map((r) => r.user_id).sort();
  const state = async (type: 'deal' | 'task', id: string) => (await slaStateFor(t.db, type, [id])).get(id)!;

  it('walks the idle ladder at the right instants to the right people, across National Day and a weekend', async () => {
    await setup(sh('2026-09-29T10:00:00'));
    const { users } = t.org;
    const deal = await newDeal('骨科耗材入院');
    await run();
    const timer = await t.db.selectFrom('sla_timers').selectAll().where('subject_id', '=', deal.id).executeTakeFirstOrThrow();
    // 7 working days after Tue 9-29 10:00: 9-30, 10-08, 10-09, Sat 10-10 (make-up day), 10-12, 10-13, 10-14.
    expect(timer).toMatchObject({ kind: 'stage_idle', stage_key: 'qualify', status: 'active', due_at: sh('2026-10-14T10:00:00'), colour: 'on_time' });
    expect(await state('deal', deal.id)).toEqual({ state: 'on_time', dueAt: sh('2026-10-14T10:00:00'), level: 0 });

    expect(await at('2026-10-14T09:59:59.999')).toEqual([]);
    expect(await notes(deal.id)).toEqual([]);

    const first = await at('2026-10-14T10:00:00');
    expect(first.map((f) => [f.level, f.recipients.sort()])).toEqual([[1, [users.leadEast1.id, users.sellerA.id].sort()]]);
    const afterFirst = await notes(deal.id);
    expect(who(afterFirst)).toEqual([users.leadEast1.id, users.sellerA.id].sort());
    expect(afterFirst.map((n) => n.idempotency_key).sort()).toEqual([`sla:${timer.id}:1:${users.leadEast1.id}`, `sla:${timer.id}:1:${users.sellerA.id}`].sort());
    expect(afterFirst[0].title).toContain('需求确认');
    // No channels on the level: in-app plus every robot serving the recipients' team — one message per robot for
    // the firing, mentioning both recipients (not one identical post per recipient).
    const robotRows = await t.db.selectFrom('outbox').select(['kind', 'payload']).where('idempotency_key', 'like', `sla:${timer.id}:%`).orderBy('kind').execute();
    expect(robotRows.map((r) => r.kind)).toEqual(['dingtalk', 'wecom']);
    const names = await t.db.selectFrom('users').select('display_name').where('id', 'in', [users.leadEast1.id, users.sellerA.id]).execute();
    for (const row of robotRows) {
      const mentions = (JSON.parse(row.payload) as { mentions: Array<{ name: string }> }).mentions.map((m) => m.name).sort();
      expect(mentions).toEqual(names.map((n) => n.display_name).sort());
    }
    expect(afterFirst.every((n) => n.created_at === sh('2026-10-14T10:00:00'))).toBe(true);
    expect(await state('deal', deal.id)).toEqual({ state: 'red', dueAt: sh('2026-10-23T10:00:00'), level: 1 });
    const api = (await seller({ method: 'GET', url: `/api/sla/state?subject=deal&ids=${deal.id},${newId()}` })).json();
    expect(api.items).toEqual([{ id: deal.id, sla: { state: 'red', dueAt: sh('2026-10-23T10:00:00'), level: 1 } }]);

    // 14 working days: 10-15, 10-16, (weekend), 10-19 … 10-23 → the regional manager, who must intervene.
    expect(await at('2026-10-23T09:59:00')).toEqual([]);
    const second = await at('2026-10-23T10:00:00');
    expect(second.map((f) => [f.level, f.recipients, f.intervention])).toEqual([[2, [users.rmEast.id], true]]);
    // 48 elapsed hours after level 2, a Sunday, weekends notwithstanding → the director.
    expect(await at('2026-10-25T09:59:00')).toEqual([]);
    const third = await at('2026-10-25T10:00:00');
    expect(third.map((f) => [f.level, f.recipients])).toEqual([[3, [users.director.id]]]);

    const all = await notes(deal.id);
    expect(all.map((n) => [n.created_at, n.user_id])).toEqual(
      [
        [sh('2026-10-14T10:00:00'), users.leadEast1.id],
        [sh('2026-10-14T10:00:00'), users.sellerA.id],
        [sh('2026-10-23T10:00:00'), users.rmEast.id],
        [sh('2026-10-25T10:00:00'), users.director.id],
      ].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
    );
    const events = await t.db.selectFrom('events').select(['type', 'payload']).where('type', '=', 'sla.level_reached').where('entity_id', '=', deal.id).orderBy('seq').execute();
    expect(events.map((e) => JSON.parse(e.payload).level)).toEqual([1, 2, 3]);
    expect((await t.db.selectFrom('sla_timers').select('status').where('id', '=', timer.id).executeTakeFirstOrThrow()).status).toBe('exhausted');

    // The regional manager sees it under "needs my intervention" and resolves it; the others have nothing there.
    const rm = await as('rm_east');
    const list = (await rm({ method: 'GET', url: '/api/sla/interventions' })).json();
    expect(list.open).toBe(1);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'open', level: 2, subject: { type: 'deal', id: deal.id, title: '骨科耗材入院' }, owner: { id: users.sellerA.id }, stageKey: 'qualify', stillEscalating: true });
    expect((await (await as('lead_east1'))({ method: 'GET', url: '/api/sla/interventions' })).json().total).toBe(0);
    const id = list.items[0].id;
    expect((await seller({ method: 'POST', url: `/api/sla/interventions/${id}/resolve`, payload: { note: 'x' } })).statusCode).toBe(404);
    const noNote = await rm({ method: 'POST', url: `/api/sla/interventions/${id}/resolve`, payload: { note: ' ' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields[0].field).toBe('note');
    const resolved = await rm({ method: 'POST', url: `/api/sla/interventions/${id}/resolve`, payload: { note: '已陪同拜访设备科' } });
    expect(resolved.json()).toMatchObject({ status: 'resolved', note: '已陪同拜访设备科' });
    expect((await rm({ method: 'POST', url: `/api/sla/interventions/${id}/resolve`, payload: { note: 'again' } })).statusCode).toBe(422);
    expect((await rm({ method: 'GET', url: '/api/sla/interventions?status=open' })).json()).toMatchObject({ total: 0, open: 0 });

    // Nothing more to fire, ever.
    expect(await at('2027-03-01T10:00:00')).toEqual([]);
    expect(await notes(deal.id)).toHaveLength(4);
  });

  it('cancels the stage clock when the deal moves, and starts the new stage’s ladder from the move', async () => {
    await setup(sh('2026-11-02T10:00:00'));
    const deal = await newDeal('移动的商机');
    await run();
    t.clock.set(sh('2026-11-05T15:00:00'));
    expect((await seller({ method: 'POST', url: `/api/deals/${deal.id}/move`, payload: { toStage: 'propose' } })).statusCode).toBe(200);
    await run();
    const timers = await t.db.selectFrom('sla_timers').selectAll().where('subject_id', '=', deal.id).orderBy('created_at').execute();
    expect(timers.map((x) => [x.stage_key, x.status, x.cancel_reason])).toEqual([
      ['qualify', 'cancelled', 'stage_changed'],
      ['propose', 'active', null],
    ]);
    // 3 working days after Thu 11-05 15:00 → Tue 11-10 15:00 (weekend skipped): yellow, owner only.
    expect(timers[1].due_at).toBe(sh('2026-11-10T15:00:00'));
    expect(await at('2026-11-10T14:59:00')).toEqual([]);
    const fired = await at('2026-11-10T15:00:00');
    expect(fired.map((f) => [f.level, f.colour, f.recipients, f.channels])).toEqual([[1, 'yellow', [t.org.users.sellerA.id], ['inapp', 'wecom']]]);
    // The level names its channels: WeCom only, although a DingTalk robot serves the owner too.
    expect(await outbox(timers[1].id)).toEqual([`wecom ${t.org.users.sellerA.id}`]);
    expect((await state('deal', deal.id)).state).toBe('yellow');
    // The old stage's 7-working-day deadline (11-11 10:00) passes silently.
    expect(await at('2026-11-30T10:00:00')).toEqual([]);
    expect(await notes(deal.id)).toHaveLength(1);

    // Winning closes every clock; the colour goes with it.
    await seller({ method: 'POST', url: `/api/deals/${deal.id}/move`, payload: { toStage: 'won' } });
    await run();
    expect(await state('deal', deal.id)).toEqual({ state: 'on_time', dueAt: null, level: 0 });
  });

  it('restarts an idle clock on an effective activity, not on an ineffective one', async () => {
    await setup(sh('2026-11-02T10:00:00'));
    const deal = await newDeal('跟进中的商机');
    await run();
    const log = (payload: Record<string, unknown>) => seller({ method: 'POST', url: '/api/activities', payload: { customerId: deal.customerId, dealId: deal.id, ...payload } });
    t.clock.set(sh('2026-11-06T16:30:00'));
    expect((await log({ type: 'call', summary: '未接通' })).statusCode).toBe(201);
    await run();
    const timers1 = await t.db.selectFrom('sla_timers').selectAll().where('subject_id', '=', deal.id).execute();
    expect(timers1.map((x) => [x.status, x.due_at])).toEqual([['active', sh('2026-11-11T10:00:00')]]);

    expect((await log({ type: 'visit', summary: '拜访主任', outcome: '确认月用量 200 套' })).statusCode).toBe(201);
    await run();
    const timers2 = await t.db.selectFrom('sla_timers').selectAll().where('subject_id', '=', deal.id).orderBy('created_at').execute();
    // Fri 11-06 16:30 + 7 working days → Tue 11-17 16:30.
    expect(timers2.map((x) => [x.status, x.cancel_reason, x.anchor_at, x.due_at])).toEqual([
      ['cancelled', 'restarted', sh('2026-11-02T10:00:00'), null],
      ['active', null, sh('2026-11-06T16:30:00'), sh('2026-11-17T16:30:00')],
    ]);
    expect(await at('2026-11-11T10:00:00')).toEqual([]);
    expect(await at('2026-11-17T16:29:00')).toEqual([]);
    expect((await at('2026-11-17T16:30:00')).map((f) => f.level)).toEqual([1]);
    expect(who(await notes(deal.id))).toEqual([t.org.users.leadEast1.id, t.org.users.sellerA.id].sort());
  });

  it('notifies a task’s assignee at its due time and the lead a working day later; a completed task fires nothing', async () => {
    await setup(sh('2026-11-02T10:00:00'));
    const create = async (title: string, dueAt: string) => (await seller({ method: 'POST', url: '/api/tasks', payload: { title, dueAt } })).json().id as string;
    const late = await create('发送报价', sh('2026-11-06T18:00:00'));
    const done = await create('寄送样品', sh('2026-11-06T18:00:00'));
    const moved = await create('回访', sh('2026-11-06T18:00:00'));
    await run();
    expect((await seller({ method: 'PATCH', url: `/api/tasks/${done}`, payload: { status: 'done' } })).statusCode).toBe(200);
    expect((await seller({ method: 'PATCH', url: `/api/tasks/${moved}`, payload: { dueAt: sh('2026-11-20T18:00:00') } })).statusCode).toBe(200);
    await run();
    expect((await t.db.selectFrom('sla_timers').select(['status', 'cancel_reason']).where('subject_id', '=', done).executeTakeFirstOrThrow())).toEqual({ status: 'cancelled', cancel_reason: 'completed' });

    const due = await at('2026-11-06T18:00:00');
    expect(due.map((f) => [f.subject.id, f.level, f.recipients])).toEqual([[late, 1, [t.org.users.sellerA.id]]]);
    const overdue = await t.db.selectFrom('events').select('entity_id').where('type', '=', 'task.overdue').execute();
    expect(overdue.map((e) => e.entity_id)).toEqual([late]);
    expect(await state('task', late)).toMatchObject({ state: 'red', level: 1, dueAt: sh('2026-11-09T18:00:00') });
    // Fri 18:00 + 1 working day = Mon 11-09 18:00 → the lead.
    expect(await at('2026-11-09T17:59:00')).toEqual([]);
    expect((await at('2026-11-09T18:00:00')).map((f) => [f.subject.id, f.level, f.recipients])).toEqual([[late, 2, [t.org.users.leadEast1.id]]]);
    expect(await notes(done)).toEqual([]);
    expect(await notes(moved)).toEqual([]);
    expect((await at('2026-11-20T18:00:00')).map((f) => f.subject.id)).toEqual([moved]);
  });

  it('tick --at evaluates everything as of an instant and fires nothing new when run twice', async () => {
    await setup(sh('2026-11-02T10:00:00'));
    const a = await newDeal('回填一');
    const b = await newDeal('回填二');
    const base = { db: t.db, dialect: t.dialect, config: loadConfig({ ACTIONFLOW_DATA_DIR: '/tmp/actionflow-sla-test' }) };
    // Events are consumed first, then every level due by 11-25 fires in deadline order: 7wd (11-11), 14wd (11-20), +48h (11-22).
    const all = tickJson(await tickAt(base, new Date(sh('2026-11-25T00:00:00'))));
    // Every time-driven job is replayed (pool sweeps and digests too, covered in tick.test.ts); here the SLA levels.
    const first = all.filter((f) => f.kind.startsWith('sla.'));
    expect(first).toHaveLength(6);
    expect(first.map((f) => [f.subject!.id, f.level]).sort()).toEqual([[a.id, 1], [a.id, 2], [a.id, 3], [b.id, 1], [b.id, 2], [b.id, 3]].sort());
    expect(first[0]).toEqual({
      kind: 'sla.deal',
      at: sh('2026-11-11T10:00:00'),
      timer: expect.any(String),
      subject: { type: 'deal', id: expect.any(String) },
      level: 1,
      colour: 'red',
      recipients: expect.any(Array),
      channels: [],
      intervention: false,
    });
    const firings = await t.db.selectFrom('sla_firings').select(['due_at', 'fired_at']).where('subject_id', '=', a.id).orderBy('level').execute();
    expect(firings.map((f) => f.due_at)).toEqual([sh('2026-11-11T10:00:00'), sh('2026-11-20T10:00:00'), sh('2026-11-22T10:00:00')]);
    // Fired in time order, before the next other kind's deadline (a sweep or a digest) or at the instant itself.
    for (const f of firings) expect(f.fired_at >= sh('2026-11-22T10:00:00') && f.fired_at <= sh('2026-11-25T00:00:00')).toBe(true);
    expect(await tickAt(base, new Date(sh('2026-11-25T00:00:00')))).toEqual([]);
    // Later on, only other kinds (daily digests, pool sweeps) have anything due.
    expect((await tickAt(base, new Date(sh('2027-06-01T00:00:00')))).filter((f) => f.kind.startsWith('sla.'))).toEqual([]);
    // The ladders' notifications (other jobs replayed over those seven months, call-back draws say, have their own).
    expect(await t.db.selectFrom('notifications').select('id').where('idempotency_key', 'like', 'sla:%').execute()).toHaveLength(8);
  });

  it('moves pending deadlines when an admin changes the calendar, leaving fired levels alone', async () => {
    await setup(sh('2026-11-02T10:00:00'));
    const deal = await newDeal('日历变更');
    await run();
    const due = async () => (await t.db.selectFrom('sla_timers').select('due_at').where('subject_id', '=', deal.id).where('status', '=', 'active').executeTakeFirstOrThrow()).due_at;
    expect(await due()).toBe(sh('2026-11-11T10:00:00'));
    const admin = await as('admin');
    const put = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: 'Asia/Shanghai', restWeekdays: [6, 7], extraDaysOff: ['2026-11-05', '2026-11-06'], extraWorkdays: [] } });
    expect(put.statusCode).toBe(200);
    await run();
    // Two working days fewer before the deadline: Mon 11-02 + 7 → Fri 11-13.
    expect(await due()).toBe(sh('2026-11-13T10:00:00'));
    expect(await at('2026-11-11T10:00:00')).toEqual([]);
    expect((await at('2026-11-13T10:00:00')).map((f) => f.level)).toEqual([1]);
  });

  it('gives a clock to a deal that was bulk-loaded without events, once', async () => {
    await setup(sh('2026-11-02T10:00:00'));
    const customerId = await newCustomer();
    const pipeline = await t.db.selectFrom('pipelines').select('id').where('key', '=', 'sla_demo').executeTakeFirstOrThrow();
    const owner = await t.db.selectFrom('users').select(['id', 'team_path']).where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    const id = newId();
    const entered = sh('2026-10-26T09:00:00');
    await t.db
      .insertInto('deals')
      .values({ id, title: '导入的商机', customer_id: customerId, pipeline_id: pipeline.id, stage_key: 'qualify', status: 'open', owner_id: owner.id, team_path: owner.team_path, amount_fen: 0, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: entered, created_at: entered, updated_at: entered })
      .execute();
    // A pipeline row written by hand without stages (an old fixture did so) reads as no stages: the reconcile, which
    // walks every pipeline, still gives the imported deal its clock instead of failing on the first malformed row.
    await t.db.insertInto('pipelines').values({ id: newId(), key: 'bare', name: 'bare', name_en: null, template_key: null, definition: '{}', version: 1, archived: 0, created_at: entered, updated_at: entered }).execute();
    // Mon 10-26 09:00 + 7 working days = Wed 11-04 09:00: already due when the engine first sees it.
    t.clock.set(sh('2026-11-05T10:00:00'));
    const fired = await run();
    expect(fired.map((f) => [f.subject.id, f.level, f.dueAt])).toEqual([[id, 1, sh('2026-11-04T09:00:00')]]);
    expect(await run()).toEqual([]);
    expect(await t.db.selectFrom('sla_timers').select('id').where('subject_id', '=', id).execute()).toHaveLength(1);
  });

  it('validates the state query naming the field', async () => {
    await setup(sh('2026-11-02T10:00:00'));
    const bad = await seller({ method: 'GET', url: '/api/sla/state?subject=invoice&ids=a' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('subject');
    const noIds = await seller({ method: 'GET', url: '/api/sla/state?subject=deal&ids=,' });
    expect(noIds.json().error.fields[0].field).toBe('ids');
  });
});
