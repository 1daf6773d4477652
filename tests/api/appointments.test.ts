import { systemActor } from '../../server/core/policy.js';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import { detectNoShows } from '../../server/modules/appointments/job.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const SYSTEM = systemActor('cli');

/** Shanghai wall-clock time → stored UTC instant. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const MIN = 60_000;

describe('store appointments and no-shows', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  const deps = () => ({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });

  /** Monday 2026-11-02 10:00 Shanghai; an SMS channel (log provider) and a WeCom robot bound to the store 华东一组. */
  async function setup() {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00') });
    const admin = await t.as('admin');
    const channels = [
      { kind: 'sms', name: '短信', settings: { provider: 'log', signName: '颜界' } },
      { kind: 'wecom', name: '华东一组店群', teamId: t.org.teams.eastTeam1, secrets: { webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k' } },
    ];
    for (const payload of channels) expect((await admin({ method: 'POST', url: '/api/channels', payload })).statusCode).toBe(201);
  }

  async function book(as: Requester, body: Record<string, unknown>) {
    const res = await as({ method: 'POST', url: '/api/appointments', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  /** A consultant of the neighbouring store 华东二组 (same region). */
  async function neighbour() {
    const lead = await t.db.selectFrom('users').selectAll().where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    const team = await t.db.selectFrom('teams').selectAll().where('id', '=', t.org.teams.eastTeam2).executeTakeFirstOrThrow();
    const id = newId();
    await t.db.insertInto('users').values({ ...lead, id, username: 'seller_e2', display_name: '邻店顾问', team_id: team.id, team_path: team.path }).execute();
    return id;
  }

  it('finds or creates the customer by normalised phone and queues the confirmation SMS with named parameters', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const first = await book(seller, { phone: '138 0013 8000', at: sh('2026-11-02T15:00:00') });
    expect(first).toMatchObject({
      status: 'booked',
      durationMinutes: 60,
      customerCreated: true,
      store: { id: t.org.teams.eastTeam1, name: '华东一组' },
      consultant: { id: t.org.users.sellerA.id },
      customer: { name: '138****8000' },
      confirmation: { queued: true, template: 'APPOINTMENT_CONFIRM', params: { duration: '60', store: '华东一组', time: '11月2日 15:00' } },
    });
    const second = await book(seller, { phone: '+86 13800138000', at: sh('2026-11-03T11:00:00'), durationMinutes: 90, name: '李女士' });
    const third = await book(await t.as('seller_a2'), { phone: '0086-138-0013-8000', at: sh('2026-11-04T11:00:00') });
    expect([second.customerCreated, third.customerCreated]).toEqual([false, false]);
    expect(new Set([first.customer.id, second.customer.id, third.customer.id]).size).toBe(1);
    const customers = await t.db.selectFrom('customers').selectAll().where('phone_normalized', '=', '13800138000').execute();
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ kind: 'person', owner_id: t.org.users.sellerA.id, source: '门店预约' });

    const queued = await t.db.selectFrom('outbox').selectAll().where('kind', '=', 'sms').orderBy('created_at').execute();
    expect(queued.map((r) => [r.idempotency_key, r.recipient])).toEqual(
      [first, second, third].map((a) => [`sms#appointment-confirm:${a.id}`, '13800138000']),
    );
    // Through the real dispatcher into the log provider: the template and its named parameters as the provider gets them.
    await dispatchDue(deps());
    const sent = await t.db.selectFrom('sms_log').selectAll().orderBy('sent_at').execute();
    expect(sent.map((s) => [s.template, JSON.parse(s.params)])).toContainEqual(['APPOINTMENT_CONFIRM', { duration: '90', store: '华东一组', time: '11月3日 11:00' }]);
    expect(sent).toHaveLength(3);
  });

  it('marks a no-show at exactly +30:00, not at +29:59, notifies the store manager once and lists it on the board', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const appt = await book(seller, { phone: '13900139000', at: sh('2026-11-02T15:00:00'), name: '李女士' });

    t.clock.set(sh('2026-11-02T15:29:59.999'));
    expect(await detectNoShows(deps())).toEqual([]);
    expect((await seller({ method: 'GET', url: `/api/appointments/${appt.id}` })).json().status).toBe('booked');

    t.clock.set(sh('2026-11-02T15:30:00'));
    const [marked, again] = await Promise.all([detectNoShows(deps()), detectNoShows(deps())]);
    expect([...marked, ...again].map((m) => [m.id, m.markedAt, m.managers])).toEqual([[appt.id, sh('2026-11-02T15:30:00'), [t.org.users.leadEast1.id]]]);
    t.clock.advance(5 * MIN);
    expect(await detectNoShows(deps())).toEqual([]);

    const notes = await t.db.selectFrom('notifications').selectAll().where('subject_id', '=', appt.id).execute();
    expect(notes.map((n) => n.user_id)).toEqual([t.org.users.leadEast1.id]);
    expect(notes[0].title).toBe('未到店：seller_a 负责的 李女士（预约 15:00）');
    const robot = await t.db.selectFrom('outbox').select(['kind', 'recipient']).where('idempotency_key', 'like', `appointment-noshow:${appt.id}#%`).execute();
    expect(robot).toEqual([{ kind: 'wecom', recipient: t.org.users.leadEast1.id }]);
    const events = await t.db.selectFrom('events').select('type').where('entity_id', '=', appt.id).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['appointment.created', 'appointment.no_show']);

    const lead = await t.as('lead_east1');
    const board = (await lead({ method: 'GET', url: `/api/appointments?status=no_show&store=${t.org.teams.eastTeam1}&consultant=${t.org.users.sellerA.id}&date=2026-11-02` })).json();
    expect(board.items.map((a: { id: string }) => a.id)).toEqual([appt.id]);
    const otherConsultant = (await lead({ method: 'GET', url: `/api/appointments?status=no_show&consultant=${t.org.users.sellerA2.id}` })).json();
    expect(otherConsultant.total).toBe(0);
    const otherDay = (await lead({ method: 'GET', url: '/api/appointments?status=no_show&date=2026-11-03' })).json();
    expect(otherDay.total).toBe(0);

    // The customer turns up late: one tap still works and clears the no-show.
    const late = await (await t.as('seller_a2'))({ method: 'POST', url: `/api/appointments/${appt.id}/check-in` });
    expect(late.json(), late.body).toMatchObject({ status: 'arrived', late: true, checkedInAt: sh('2026-11-02T15:35:00'), checkedInBy: t.org.users.sellerA2.id });
  });

  it('marks each of 300 due appointments once with three detectors racing (row claims on PostgreSQL)', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const template = await book(seller, { phone: '13000130000', at: sh('2026-11-02T15:00:00') });
    const row = await t.db.selectFrom('appointments').selectAll().where('id', '=', template.id).executeTakeFirstOrThrow();
    await t.db.insertInto('appointments').values(Array.from({ length: 299 }, () => ({ ...row, id: newId() }))).execute();
    t.clock.set(sh('2026-11-02T15:30:00'));
    const seen: string[] = [];
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (;;) {
          const marked = await detectNoShows(deps(), 20);
          if (!marked.length) return;
          seen.push(...marked.map((m) => m.id));
        }
      }),
    );
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
    const notes = await t.db.selectFrom('notifications').select('subject_id').where('user_id', '=', t.org.users.leadEast1.id).execute();
    expect(notes).toHaveLength(300);
    expect(new Set(notes.map((n) => n.subject_id)).size).toBe(300);
    const events = await t.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where('type', '=', 'appointment.no_show').executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(300);
  });

  it('never marks an appointment checked in before +30 min', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const appt = await book(seller, { phone: '13700137000', at: sh('2026-11-02T15:00:00') });
    t.clock.set(sh('2026-11-02T15:29:00'));
    const res = await seller({ method: 'POST', url: `/api/appointments/${appt.id}/check-in` });
    expect(res.json()).toMatchObject({ status: 'arrived', late: false, checkedInAt: sh('2026-11-02T15:29:00') });
    t.clock.set(sh('2026-11-02T18:00:00'));
    expect(await detectNoShows(deps())).toEqual([]);
    expect((await seller({ method: 'GET', url: `/api/appointments/${appt.id}` })).json().status).toBe('arrived');
    const cancelled = await book(seller, { phone: '13700137001', at: sh('2026-11-02T19:00:00') });
    expect((await seller({ method: 'POST', url: `/api/appointments/${cancelled.id}/cancel` })).json().status).toBe('cancelled');
    t.clock.set(sh('2026-11-02T20:00:00'));
    expect(await detectNoShows(deps())).toEqual([]);
    expect((await seller({ method: 'POST', url: `/api/appointments/${cancelled.id}/check-in` })).statusCode).toBe(422);
  });

  it('reassigns the follow-up call in one action: a task due in 2 hours, a neighbouring store allowed, other regions not', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const appt = await book(seller, { phone: '13600136000', at: sh('2026-11-02T15:00:00'), name: '王女士' });
    const lead = await t.as('lead_east1');
    const early = await lead({ method: 'POST', url: `/api/appointments/${appt.id}/reassign`, payload: { to: t.org.users.sellerA2.id } });
    expect(early.statusCode).toBe(422);
    t.clock.set(sh('2026-11-02T15:30:00'));
    await detectNoShows(deps());

    const neighbourId = await neighbour();
    const candidates = (await lead({ method: 'GET', url: '/api/appointments/reassign-candidates' })).json();
    expect(candidates.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([t.org.users.sellerA2.id, neighbourId]));
    expect(candidates.items.map((u: { id: string }) => u.id)).not.toContain(t.org.users.sellerB.id);

    const south = await lead({ method: 'POST', url: `/api/appointments/${appt.id}/reassign`, payload: { to: t.org.users.sellerB.id } });
    expect(south.statusCode).toBe(400);
    expect(south.json().error.fields).toEqual([{ field: 'to', code: 'outside_reach', message: '须为本门店或本大区相邻门店的顾问' }]);
    expect((await seller({ method: 'POST', url: `/api/appointments/${appt.id}/reassign`, payload: { to: t.org.users.sellerA2.id } })).statusCode).toBe(403);

    t.clock.set(sh('2026-11-02T15:40:00'));
    const res = await lead({ method: 'POST', url: `/api/appointments/${appt.id}/reassign`, payload: { to: neighbourId } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.followUp).toMatchObject({ userId: neighbourId, name: '邻店顾问', taskStatus: 'open', dueAt: sh('2026-11-02T17:40:00') });
    const task = await t.db.selectFrom('tasks').selectAll().where('id', '=', body.task.id).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ assignee_id: neighbourId, due_at: sh('2026-11-02T17:40:00'), status: 'open', created_by: t.org.users.leadEast1.id, customer_id: appt.customer.id });
    expect(task.title).toContain('王女士');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', appt.id).where('action', '=', 'reassign').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ followUpUserId: neighbourId, followUpTaskId: task.id });

    // The neighbour sees the handed-over appointment; handing it again cancels their task so one call stays pending.
    const neighbourApi = await t.as('seller_e2');
    expect((await neighbourApi({ method: 'GET', url: `/api/appointments/${appt.id}` })).statusCode).toBe(200);
    const again = await lead({ method: 'POST', url: `/api/appointments/${appt.id}/reassign`, payload: { to: t.org.users.sellerA2.id } });
    expect(again.statusCode).toBe(200);
    expect((await t.db.selectFrom('tasks').select('status').where('id', '=', task.id).executeTakeFirstOrThrow()).status).toBe('cancelled');
    expect((await neighbourApi({ method: 'GET', url: `/api/appointments/${appt.id}` })).statusCode).toBe(404);

    // The customer turns up after all: the late check-in cancels the pending call.
    const arrived = await seller({ method: 'POST', url: `/api/appointments/${appt.id}/check-in` });
    expect(arrived.json()).toMatchObject({ status: 'arrived', late: true, followUp: { userId: t.org.users.sellerA2.id, taskStatus: 'cancelled' } });
  });

  it('scopes reads and check-in: another store’s consultant gets 404, managers see their store or region', async () => {
    await setup();
    const sellerA = await t.as('seller_a');
    const appt = await book(sellerA, { phone: '13500135000', at: sh('2026-11-02T15:00:00') });
    const sellerB = await t.as('seller_b');
    expect((await sellerB({ method: 'GET', url: `/api/appointments/${appt.id}` })).statusCode).toBe(404);
    expect((await sellerB({ method: 'POST', url: `/api/appointments/${appt.id}/check-in` })).statusCode).toBe(404);
    expect((await sellerB({ method: 'POST', url: `/api/appointments/${appt.id}/cancel` })).statusCode).toBe(404);
    expect((await sellerB({ method: 'GET', url: '/api/appointments' })).json().total).toBe(0);
    // A colleague of the same store lists only their own, yet may check the customer in at the door.
    const sellerA2 = await t.as('seller_a2');
    expect((await sellerA2({ method: 'GET', url: '/api/appointments' })).json().total).toBe(0);
    const southBooking = await book(sellerB, { phone: '13500135001', at: sh('2026-11-02T16:00:00') });
    const ids = async (username: string) => ((await (await t.as(username))({ method: 'GET', url: '/api/appointments' })).json().items as { id: string }[]).map((a) => a.id).sort();
    expect(await ids('lead_east1')).toEqual([appt.id]);
    expect(await ids('rm_east')).toEqual([appt.id]);
    expect(await ids('director')).toEqual([appt.id, southBooking.id].sort());
    expect((await sellerA2({ method: 'POST', url: `/api/appointments/${appt.id}/check-in` })).json().status).toBe('arrived');
    expect((await (await t.as('rm_east'))({ method: 'POST', url: '/api/appointments', payload: { phone: '13500135002', at: sh('2026-11-02T16:00:00') } })).statusCode).toBe(403);
  });

  it('reports store figures: arrivals, deals won, no-shows and the no-show second-touch rate', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const a1 = await book(seller, { phone: '13100131001', at: sh('2026-11-02T14:00:00') });
    const a2 = await book(seller, { phone: '13100131002', at: sh('2026-11-02T14:30:00') });
    const a3 = await book(seller, { phone: '13100131003', at: sh('2026-11-02T15:00:00') });
    await book(seller, { phone: '13100131004', at: sh('2026-11-03T15:00:00') });
    await seller({ method: 'POST', url: `/api/appointments/${a1.id}/check-in` });
    t.clock.set(sh('2026-11-02T15:30:00'));
    expect((await detectNoShows(deps())).map((m) => m.id).sort()).toEqual([a2.id, a3.id].sort());
    const lead = await t.as('lead_east1');
    const handed = (await lead({ method: 'POST', url: `/api/appointments/${a2.id}/reassign`, payload: { to: t.org.users.sellerA2.id } })).json();
    await (await t.as('seller_a2'))({ method: 'PATCH', url: `/api/tasks/${handed.task.id}`, payload: { status: 'done' } });
    await lead({ method: 'POST', url: `/api/appointments/${a3.id}/reassign`, payload: { to: t.org.users.sellerA.id } });

    // Two deals won today by the store's consultants, one yesterday, one by another region: only the first two count.
    const pipeline = await importPipelineYaml(t.db, t.clock, SYSTEM, 'key: beauty\nname: 美业\nstages:\n  - { key: consult, name: 咨询, probability: 10 }\n  - { key: won, name: 成交, probability: 100, terminal: won }\n');
    const customerId = a1.customer.id;
    const team1 = (await t.db.selectFrom('teams').select('path').where('id', '=', t.org.teams.eastTeam1).executeTakeFirstOrThrow()).path;
    const south = (await t.db.selectFrom('teams').select('path').where('id', '=', t.org.teams.southTeam).executeTakeFirstOrThrow()).path;
    const deal = (owner: string, path: string, wonAt: string) => ({
      id: newId(), title: '年卡', customer_id: customerId, pipeline_id: pipeline.id, stage_key: 'won', status: 'won', owner_id: owner, team_path: path, amount_fen: 980000,
      expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: wonAt, created_at: wonAt, updated_at: wonAt,
    });
    await t.db.insertInto('deals').values([
      deal(t.org.users.sellerA.id, team1, sh('2026-11-02T14:20:00')),
      deal(t.org.users.sellerA2.id, team1, sh('2026-11-02T16:00:00')),
      deal(t.org.users.sellerA.id, team1, sh('2026-11-01T16:00:00')),
      deal(t.org.users.sellerB.id, south, sh('2026-11-02T16:00:00')),
    ]).execute();

    const stats = await lead({ method: 'GET', url: `/api/appointments/stats?store=${t.org.teams.eastTeam1}&from=2026-11-02&to=2026-11-02` });
    expect(stats.json(), stats.body).toMatchObject({ appointments: 3, arrivals: 1, noShows: 2, dealsWon: 2, noShowFollowedUp: 1, noShowSecondTouchRate: 0.5 });
    const week = (await lead({ method: 'GET', url: `/api/appointments/stats?from=2026-11-01&to=2026-11-07` })).json();
    expect(week).toMatchObject({ appointments: 4, arrivals: 1, noShows: 2, dealsWon: 3 });
    const mine = (await seller({ method: 'GET', url: '/api/appointments/stats?from=2026-11-02&to=2026-11-02' })).json();
    expect(mine).toMatchObject({ appointments: 3, dealsWon: 1 });
  });

  it('accepts a full-width phone from a Chinese IME as the same customer, stored and texted half-width', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const first = await book(seller, { phone: '１３８　００１３　８０００', at: sh('2026-11-02T15:00:00') });
    expect(first).toMatchObject({ customerCreated: true, customer: { name: '138****8000' } });
    const second = await book(seller, { phone: '13800138000', at: sh('2026-11-03T15:00:00') });
    expect(second).toMatchObject({ customerCreated: false, customer: { id: first.customer.id } });
    const customer = await t.db.selectFrom('customers').select(['phone', 'phone_normalized']).where('id', '=', first.customer.id).executeTakeFirstOrThrow();
    expect(customer).toEqual({ phone: '138 0013 8000', phone_normalized: '13800138000' });
    const sms = await t.db.selectFrom('outbox').select('recipient').where('kind', '=', 'sms').execute();
    expect(sms.map((r) => r.recipient)).toEqual(['13800138000', '13800138000']);
  });

  it('refuses bad input with 4xx naming the field and writes nothing', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const field = async (payload: unknown, url = '/api/appointments', method: 'POST' | 'GET' = 'POST') => {
      const res = await seller({ method, url, ...(method === 'POST' ? { payload: payload as object } : {}) });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.fields.map((f: { field: string }) => f.field);
    };
    expect(await field({ at: sh('2026-11-02T15:00:00') })).toEqual(['phone']);
    expect(await field({ phone: 'abc', at: sh('2026-11-02T15:00:00') })).toEqual(['phone']);
    expect(await field({ phone: '12 34', at: sh('2026-11-02T15:00:00') })).toEqual(['phone']);
    expect(await field({ phone: '13800138000', at: '明天下午' })).toEqual(['at']);
    expect(await field({ phone: '13800138000', at: sh('2026-11-02T09:30:00') })).toEqual(['at']);
    expect(await field({ phone: '13800138000', at: sh('2026-11-02T15:00:00'), durationMinutes: 0 })).toEqual(['durationMinutes']);
    expect(await field(null, '/api/appointments/stats?from=2026-11-03&to=2026-11-02', 'GET')).toEqual(['to']);
    expect(await field(null, '/api/appointments/stats?from=yesterday&to=2026-11-02', 'GET')).toEqual(['from']);
    expect(await field(null, '/api/appointments?status=late', 'GET')).toEqual(['status']);
    expect(await t.db.selectFrom('appointments').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('customers').selectAll().execute()).toEqual([]);
    const appt = await book(seller, { phone: '13800138000', at: sh('2026-11-02T15:00:00') });
    const lead = await t.as('lead_east1');
    const res = await lead({ method: 'POST', url: `/api/appointments/${appt.id}/reassign`, payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('to');
    expect((await lead({ method: 'POST', url: `/api/appointments/${newId()}/check-in` })).statusCode).toBe(404);
  });
});
