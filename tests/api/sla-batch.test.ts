/**
 * Set-based SLA firing gives the same results as firing one timer at a time: two identical sets of timers on the
 * same subjects, one fired with batches of one timer, the other a day later with one batch for all, leave the same
 * firings, timer states, inbox entries, outbox rows (one robot row per firing mentioning every recipient),
 * interventions and events, once each. And the batch notification path equals the one-by-one path row for row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { newId } from '../../server/core/ids.js';
import { loadCalendars } from '../../server/modules/calendar/schedules.js';
import { enqueueNotification, type NotificationRequest } from '../../server/modules/notifications/outbox.js';
import { enqueueNotifications } from '../../server/modules/notifications/outbox-batch.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { fireDue } from '../../server/modules/sla/fire.js';
import { setupTestApp, type TestContext } from '../support/app.js';

const pipelineYaml = `key: batch_demo
name: 批量演示
stages:
  - { key: open_stage, name: 跟进中, nameEn: Open, probability: 10 }
  - { key: won, name: 成交, probability: 100, terminal: won }
`;

const T0 = '2026-11-02T02:00:00.000Z';
const DAY = 86_400_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

// Three levels: owner + lead in red; the regional manager must intervene (owner told too); then a role by name.
const ladder = JSON.stringify([
  { after: '1h', since: 'entry', colour: 'yellow', notify: ['owner', 'owner.lead'] },
  { after: '1h', since: 'previous_level', colour: 'red', notify: ['owner', 'owner.regional_manager'], require: 'intervention' },
  { after: '2h', since: 'previous_level', notify: ['role:director', 'user:seller_b'], channels: ['inapp', 'dingtalk'] },
]);

describe('set-based SLA firing', () => {
  let t: TestContext;
  const subjects: Array<{ type: 'deal' | 'task'; id: string }> = [];

  beforeAll(async () => {
    t = await setupTestApp({ start: T0 });
    const SYSTEM = systemActor('cli');
    await importPipelineYaml(t.db, t.clock, SYSTEM, pipelineYaml);
    const admin = await t.as('admin');
    const robots = [
      { kind: 'wecom', name: '华东大区群', teamId: t.org.teams.east, secrets: { webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k' } },
      { kind: 'dingtalk', name: '公司群', secrets: { webhookUrl: 'http://127.0.0.1:9/robot/send?access_token=t', secret: 'SECabc' } },
    ];
    for (const payload of robots) expect((await admin({ method: 'POST', url: '/api/channels', payload })).statusCode).toBe(201);
    const { users } = t.org;
    // Deals of three owners (one deactivated later: inbox only), a won deal (skipped), tasks, and a vanished subject.
    for (const [owner, title] of [
      ['seller_a', '骨科耗材入院'],
      ['seller_a', '检验科设备'],
      ['seller_b', '华南耗材'],
      ['seller_a2', '心内科耗材'],
      ['seller_a', '已成交项目'],
    ] as const) {
      const as = await t.as(owner);
      const user = await t.db.selectFrom('users').select(['id', 'team_path']).where('username', '=', owner).executeTakeFirstOrThrow();
      const customerId = newId();
      await t.db
        .insertInto('customers')
        .values({ id: customerId, kind: 'company', name: `${title}医院`, phone: null, phone_normalized: null, region: '华东', industry: '医疗', source: null, level: null, credit_code: null, owner_id: user.id, team_path: user.team_path, custom: '{}', created_at: T0, updated_at: T0, deleted_at: null })
        .execute();
      const deal = await as({ method: 'POST', url: '/api/deals', payload: { title, customerId, pipelineId: 'batch_demo' } });
      expect(deal.statusCode, deal.body).toBe(201);
      subjects.push({ type: 'deal', id: deal.json().id });
    }
    await t.db.updateTable('deals').set({ status: 'won' }).where('id', '=', subjects[4].id).execute();
    await t.db.updateTable('users').set({ active: 0 }).where('id', '=', users.sellerA2.id).execute();
    for (const [assignee, title] of [
      [users.sellerA, '回访客户'],
      [users.sellerB, '提交报价'],
    ] as const) {
      const id = newId();
      const path = (await t.db.selectFrom('users').select('team_path').where('id', '=', assignee.id).executeTakeFirstOrThrow()).team_path;
      await t.db.insertInto('tasks').values({ id, title, assignee_id: assignee.id, team_path: path, due_at: T0, customer_id: null, deal_id: null, status: 'open', completed_at: null, created_by: assignee.id, created_at: T0, updated_at: T0 }).execute();
      subjects.push({ type: 'task', id });
    }
    subjects.push({ type: 'deal', id: 'vanished-deal' });
  });
  afterAll(() => t?.close());

  /** One timer per subject, tagged with the set, anchored at `anchor` (level 1 an hour later, a minute apart). */
  async function insertSet(tag: string, anchor: string) {
    await t.db
      .insertInto('sla_timers')
      .values(
        subjects.map((s, i) => ({
          id: `${tag}-${i}`,
          subject_type: s.type,
          subject_id: s.id,
          kind: s.type === 'deal' ? 'stage_dwell' : 'task_due',
          stage_key: s.type === 'deal' ? 'open_stage' : null,
          ladder,
          anchor_at: plus(anchor, i * 60_000),
          next_level: 1,
          due_at: plus(anchor, 3_600_000 + i * 60_000),
          last_due_at: null,
          level_reached: 0,
          colour: 'on_time',
          status: 'active',
          cancel_reason: null,
          team_id: null,
          created_at: anchor,
          updated_at: anchor,
        })),
      )
      .execute();
  }

  const fire = async (batchSize: number) =>
    fireDue({ db: t.db, dialect: t.dialect, clock: t.clock, calendars: await loadCalendars(t.db, 'Asia/Shanghai'), batchSize }, 10_000);

  /** Everything a set's firings wrote, with its tag and its time offset taken out. */
  async function outcome(tag: string, offsetMs: number) {
    const back = (iso: string | null) => (iso ? plus(iso, -offsetMs) : null);
    const untag = (text: string) => text.replaceAll(`${tag}-`, 'T-');
    const mine = `${tag}-%`;
    const firings = await t.db.selectFrom('sla_firings').selectAll().where('timer_id', 'like', mine).orderBy('timer_id').orderBy('level').execute();
    const timers = await t.db.selectFrom('sla_timers').selectAll().where('id', 'like', mine).orderBy('id').execute();
    const notes = await t.db.selectFrom('notifications').selectAll().where('idempotency_key', 'like', `sla:${mine}`).orderBy('idempotency_key').execute();
    const outbox = await t.db.selectFrom('outbox').selectAll().where('idempotency_key', 'like', `sla:${mine}`).orderBy('idempotency_key').execute();
    const interventions = await t.db.selectFrom('sla_interventions').selectAll().where('timer_id', 'like', mine).orderBy('timer_id').orderBy('level').orderBy('user_id').execute();
    const events = await t.db.selectFrom('events').selectAll().where('type', 'in', ['sla.level_reached', 'task.overdue']).where('payload', 'like', `%"${mine}`).orderBy('seq').execute();
    return {
      firings: firings.map((f) => ({ timer: untag(f.timer_id), level: f.level, subject: `${f.subject_type}:${f.subject_id}`, dueAt: back(f.due_at), firedAt: back(f.fired_at), recipients: f.recipients, channels: f.channels })),
      timers: timers.map((r) => ({ id: untag(r.id), next: r.next_level, due: back(r.due_at), last: back(r.last_due_at), reached: r.level_reached, colour: r.colour, status: r.status, reason: r.cancel_reason, updated: back(r.updated_at) })),
      notes: notes.map((n) => ({ key: untag(n.idempotency_key!), user: n.user_id, title: n.title, body: n.body, titleEn: n.title_en, bodyEn: n.body_en, link: n.link, subject: `${n.subject_type}:${n.subject_id}`, at: back(n.created_at) })),
      outbox: outbox.map((o) => ({ key: untag(o.idempotency_key), kind: o.kind, channel: o.channel_id, recipient: o.recipient, payload: JSON.parse(o.payload), status: o.status, at: back(o.created_at) })),
      interventions: interventions.map((i) => ({ timer: untag(i.timer_id), level: i.level, user: i.user_id, subject: i.subject_id, status: i.status, at: back(i.created_at) })),
      events: events.map((e) => {
        const payload = JSON.parse(e.payload) as Record<string, unknown>;
        return { type: e.type, entity: `${e.entity}:${e.entity_id}`, payload: { ...payload, timerId: untag(String(payload.timerId)), dueAt: back(String(payload.dueAt)) }, at: back(e.occurred_at) };
      })
        // Events of one pass share their instant; their order among timers is not part of the contract (a bulk
        // insert on PostgreSQL may number them differently from one insert per firing).
        .sort((x, y) => `${x.at}|${x.payload.timerId}|${String((x.payload as Record<string, unknown>).level)}|${x.type}`.localeCompare(`${y.at}|${y.payload.timerId}|${String((y.payload as Record<string, unknown>).level)}|${y.type}`)),
    };
  }

  it('fires the same levels to the same people, with the same rows, one timer per transaction or all at once', async () => {
    await insertSet('one', T0);
    await insertSet('all', plus(T0, 10 * DAY));
    // Every level of the first set falls due by +5 h; the second set's a day later.
    t.clock.set(plus(T0, 5 * 3_600_000));
    const oneByOne = await fire(1);
    t.clock.set(plus(T0, 10 * DAY + 5 * 3_600_000));
    const allAtOnce = await fire(250);
    expect(allAtOnce).toBe(oneByOne);

    const a = await outcome('one', 0);
    const b = await outcome('all', 10 * DAY);
    expect(b).toEqual(a);
    // And the outcome is the ladder's: 6 live subjects × 3 levels, the won deal and the vanished one cancelled.
    expect(a.firings).toHaveLength(6 * 3);
    expect(a.timers.filter((r) => r.status === 'cancelled').map((r) => r.reason).sort()).toEqual(['subject_closed', 'subject_missing']);
    expect(a.timers.filter((r) => r.status === 'exhausted')).toHaveLength(6);
    expect(a.events.filter((e) => e.type === 'task.overdue')).toHaveLength(2);
    const { users } = t.org;
    expect(a.interventions.filter((i) => i.timer === 'T-0').map((i) => i.user)).toEqual([users.rmEast.id]);
    // One robot row per firing and robot, naming both recipients of level 1 of seller A's first deal.
    const robot = a.outbox.filter((o) => o.key.startsWith('sla:T-0:1#wecom'));
    expect(robot).toHaveLength(1);
    expect(robot[0].payload.mentions.map((m: { name: string }) => m.name).sort()).toEqual(['lead_east1', 'seller_a']);
    // The deactivated owner keeps an inbox entry but no robot mention.
    expect(a.notes.some((n) => n.user === users.sellerA2.id)).toBe(true);
    expect(a.outbox.some((o) => o.payload.mentions?.some((m: { name: string }) => m.name === 'seller_a2'))).toBe(false);

    // Exactly once: nothing is due any more, and a further pass writes nothing.
    const before = JSON.stringify([await outcome('one', 0), await outcome('all', 10 * DAY)]);
    expect(await fire(250)).toBe(0);
    expect(JSON.stringify([await outcome('one', 0), await outcome('all', 10 * DAY)])).toBe(before);
  });

  it('enqueues a batch of notifications exactly as one call per request would', async () => {
    const { users } = t.org;
    const request = (tag: string, firing: string, userId: string, extra: Partial<NotificationRequest> = {}): NotificationRequest => ({
      idempotencyKey: `${tag}:${firing}:${userId}`,
      userId,
      title: `提醒 ${firing}`,
      titleEn: `Reminder ${firing}`,
      body: '请跟进',
      link: '/deals/x',
      subject: { type: 'deal', id: 'x' },
      ...extra,
    });
    const requests = (tag: string) => [
      request(tag, 'f1', users.sellerA.id),
      request(tag, 'f1', users.leadEast1.id),
      request(tag, 'f1', users.sellerA.id), // the same key twice: counts once
      request(tag, 'f2', users.sellerB.id, { channels: ['inapp'] }),
      request(tag, 'f3', users.sellerA2.id), // deactivated: inbox only
      request(tag, 'f4', users.rmEast.id, { channels: ['wecom'] }),
      request(tag, 'f4', users.director.id, { channels: ['wecom'] }), // no wecom robot serves the company level
    ];
    // A robot row queued before the batch for firing f1 (a recipient notified earlier): the batch adds its mentions.
    await t.db.updateTable('users').set({ active: 1 }).where('id', '=', users.sellerA2.id).execute();
    for (const tag of ['single', 'batch']) await enqueueNotification(t.db, t.clock, request(tag, 'f1', users.sellerA2.id, { idempotencyKey: `${tag}:early2`, firingKey: `${tag}:f1` }));
    await t.db.updateTable('users').set({ active: 0 }).where('id', '=', users.sellerA2.id).execute();

    for (const r of requests('single')) await enqueueNotification(t.db, t.clock, r);
    const created = await enqueueNotifications(t.db, t.clock, requests('batch'));
    expect(created).toEqual(['batch:f1:' + users.sellerA.id, 'batch:f1:' + users.leadEast1.id, 'batch:f2:' + users.sellerB.id, 'batch:f3:' + users.sellerA2.id, 'batch:f4:' + users.rmEast.id, 'batch:f4:' + users.director.id]);
    expect(await enqueueNotifications(t.db, t.clock, requests('batch'))).toEqual([]);

    const rows = async (tag: string) => {
      const untag = (s: string) => s.replaceAll(`${tag}:`, '');
      const notes = await t.db.selectFrom('notifications').select(['idempotency_key', 'user_id', 'title', 'title_en', 'body', 'link']).where('idempotency_key', 'like', `${tag}:%`).orderBy('idempotency_key').execute();
      const outbox = await t.db.selectFrom('outbox').select(['idempotency_key', 'kind', 'channel_id', 'recipient', 'payload', 'status']).where('idempotency_key', 'like', `${tag}:%`).orderBy('idempotency_key').execute();
      return {
        notes: notes.map((n) => ({ ...n, idempotency_key: untag(n.idempotency_key!) })),
        outbox: outbox.map((o) => ({ ...o, idempotency_key: untag(o.idempotency_key), payload: JSON.parse(o.payload) })),
      };
    };
    const single = await rows('single');
    expect(await rows('batch')).toEqual(single);
    expect(single.outbox.map((o) => o.kind).sort()).toEqual(['dingtalk', 'wecom', 'wecom']);
    const f1Wecom = single.outbox.find((o) => o.idempotency_key.startsWith('f1#wecom'))!;
    expect(f1Wecom.payload.mentions.map((m: { name: string }) => m.name)).toEqual(['seller_a2', 'seller_a', 'lead_east1']);
  });
});
