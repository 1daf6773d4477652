import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/core/clock.js';
import { loadConfig } from '../../server/core/config.js';
import type { Deps } from '../../server/core/http.js';
import { openDatabase } from '../../server/db/index.js';
import { startWorker } from '../../server/jobs/worker.js';
import { findChannel, reserveSlot } from '../../server/modules/channels/repo.js';
import { claimDue, dispatchDue, type DispatcherOptions } from '../../server/modules/notifications/dispatcher.js';
import { outboxJob } from '../../server/modules/notifications/job.js';
import { enqueueNotification, enqueueWebhook, type NotifyChannel } from '../../server/modules/notifications/outbox.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { TEST_DATABASE_URL } from '../support/database.js';
import { decodeQuotedPrintable, startRobotReceiver, startSmtpReceiver, startWebhookReceiver, type RobotReceiver } from '../support/receivers.js';

const config = loadConfig({ ACTIONFLOW_PUBLIC_URL: 'https://crm.example.com', ACTIONFLOW_OUTBOUND_ALLOW: '127.0.0.1,::1,localhost' });

describe('outbox dispatcher: retries, backoff, rate limits, dead letters, concurrency', () => {
  let t: TestContext;
  let deps: Deps;
  let admin: Requester;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    t = await setupTestApp();
    deps = { db: t.db, dialect: t.dialect, clock: t.clock, config };
    admin = await t.as('admin');
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await t?.close();
  });

  async function robot(kind: 'wecom' | 'dingtalk' | 'feishu', opts: { secret?: string; channelSecret?: string } = {}) {
    const receiver = await startRobotReceiver(kind, { now: () => t.clock.now(), secret: opts.secret });
    closers.push(() => receiver.close());
    const res = await admin({
      method: 'POST',
      url: '/api/channels',
      payload: { kind, name: `${kind}-${Math.random()}`, settings: { format: 'text' }, secrets: { webhookUrl: receiver.url, secret: opts.channelSecret ?? opts.secret ?? null } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { receiver, channelId: res.json().id as string };
  }

  /** Messages addressed to the channel: recipients are resolved per team, so target the company-wide kind. */
  const notify = (key: string, kind: NotifyChannel, title = key) =>
    t.db.transaction().execute((trx) => enqueueNotification(trx, t.clock, { idempotencyKey: key, userId: t.org.users.sellerA.id, title, body: `正文 ${key}`, link: '/deals/x', channels: [kind] }));

  const drain = async (options: DispatcherOptions = {}) => {
    let total = 0;
    for (let n = await dispatchDue(deps, options); n > 0; n = await dispatchDue(deps, options)) total += n;
    return total;
  };
  const rowsOf = (channelId: string) => t.db.selectFrom('outbox').selectAll().where('channel_id', '=', channelId).orderBy('created_at').execute();
  const deliveredTitles = (r: RobotReceiver) => r.accepted.map((m) => m.text.split('\n')[0]);
  /** Only one robot of a kind serves a team at a time; disable the previous test's one. */
  const disableAll = () => t.db.updateTable('channels').set({ enabled: 0 }).execute();

  it('keeps retrying while a robot is down and delivers every message exactly once when it is back', async () => {
    await disableAll();
    const { receiver, channelId } = await robot('dingtalk', { secret: 'SECdown' });
    for (let i = 0; i < 5; i++) await notify(`down-${i}`, 'dingtalk');
    await receiver.down();
    expect(await drain()).toBe(5);
    let rows = await rowsOf(channelId);
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 1 && /ECONNREFUSED/.test(r.last_error ?? ''))).toBe(true);
    expect(rows[0].next_attempt_at).toBe(new Date(t.clock.now().getTime() + 5000).toISOString());
    // Still down for the 5 s and 10 s retries; back before the third.
    t.clock.advance(5_000);
    await drain();
    t.clock.advance(10_000);
    await drain();
    rows = await rowsOf(channelId);
    expect(rows.map((r) => r.attempts)).toEqual(Array(5).fill(3));
    await receiver.up();
    for (let step = 0; step < 20 && (await rowsOf(channelId)).some((r) => r.status !== 'sent'); step++) {
      t.clock.advance(5_000);
      await drain();
    }
    rows = await rowsOf(channelId);
    expect(rows.every((r) => r.status === 'sent' && r.last_error === null)).toBe(true);
    expect(deliveredTitles(receiver).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `down-${i}`).sort());
    expect(receiver.answers.filter((a) => !a.startsWith('0 '))).toEqual([]);
    t.clock.advance(3600_000);
    expect(await drain()).toBe(0);
    expect(receiver.accepted).toHaveLength(5);
  });

  it('backs off when the robot answers "too fast" and never dead-letters for it', async () => {
    await disableAll();
    const { receiver, channelId } = await robot('wecom');
    for (let i = 0; i < 3; i++) await notify(`fast-${i}`, 'wecom');
    receiver.tooFastNext(6);
    await drain({ maxAttempts: 2 });
    let rows = await rowsOf(channelId);
    expect(rows.map((r) => [r.status, r.attempts, r.last_error])).toEqual(Array(3).fill(['pending', 1, 'wecom 45009: api freq out of limit']));
    t.clock.advance(5_000);
    await drain({ maxAttempts: 2 });
    rows = await rowsOf(channelId);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(3).fill(['pending', 2]));
    expect(rows[0].next_attempt_at).toBe(new Date(t.clock.now().getTime() + 10_000).toISOString());
    t.clock.advance(9_000);
    expect(await drain({ maxAttempts: 2 })).toBe(0);
    t.clock.advance(1_000);
    await drain({ maxAttempts: 2 });
    expect((await rowsOf(channelId)).every((r) => r.status === 'sent')).toBe(true);
    expect(deliveredTitles(receiver).sort()).toEqual(['fast-0', 'fast-1', 'fast-2']);
  });

  it('dead-letters a bad signature with the robot’s message; retry works after the secret is fixed', async () => {
    await disableAll();
    const { receiver, channelId } = await robot('feishu', { secret: 'feishu-right', channelSecret: 'feishu-wrong' });
    await notify('sign-1', 'feishu');
    await notify('sign-2', 'feishu');
    await drain();
    const rows = await rowsOf(channelId);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['dead', 1], ['dead', 1]]);
    let res = await admin({ method: 'GET', url: '/api/outbox?status=dead' });
    expect(res.statusCode).toBe(200);
    const dead = res.json().items.filter((i: { channel: { id: string } | null }) => i.channel?.id === channelId);
    expect(dead).toHaveLength(2);
    expect(dead[0]).toMatchObject({ kind: 'feishu', status: 'dead', attempts: 1, lastError: 'feishu 19021: sign match fail or timestamp is not within one hour from current time' });
    expect(res.body).not.toContain('feishu-wrong');
    expect(res.body).not.toContain(receiver.url);

    // Retrying before the fix fails again the same way; after the fix it goes through.
    res = await admin({ method: 'POST', url: `/api/outbox/${rows[0].id}/retry` });
    expect(res.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await drain();
    expect((await rowsOf(channelId))[0].status).toBe('dead');
    expect((await admin({ method: 'PATCH', url: `/api/channels/${channelId}`, payload: { secrets: { secret: 'feishu-right' } } })).statusCode).toBe(200);
    for (const row of rows) expect((await admin({ method: 'POST', url: `/api/outbox/${row.id}/retry` })).statusCode).toBe(200);
    await drain();
    expect((await rowsOf(channelId)).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(deliveredTitles(receiver).sort()).toEqual(['sign-1', 'sign-2']);
    expect((await admin({ method: 'POST', url: `/api/outbox/${rows[0].id}/retry` })).statusCode).toBe(422);
    expect((await admin({ method: 'POST', url: '/api/outbox/nope/retry' })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'outbox').where('entity_id', '=', rows[0].id).execute();
    expect(audit.map((a) => a.action)).toEqual(['retry', 'retry']);
    expect((await admin({ method: 'GET', url: '/api/outbox?status=gone' })).json().error.fields[0].field).toBe('status');
  });

  it('picks up a row whose dispatcher died mid-claim once the lease ends, exactly once', async () => {
    await disableAll();
    const { receiver, channelId } = await robot('wecom');
    await notify('orphan', 'wecom');
    const [claimed] = await claimDue(deps, 'crashed-worker', 10, 120_000);
    expect(claimed.claimed_by).toBe('crashed-worker');
    expect(await dispatchDue(deps, { workerId: 'other' })).toBe(0);
    t.clock.advance(120_000);
    expect(await dispatchDue(deps, { workerId: 'other' })).toBe(1);
    expect(deliveredTitles(receiver)).toEqual(['orphan']);
    expect((await rowsOf(channelId))[0]).toMatchObject({ status: 'sent', claimed_by: null, attempts: 1 });
  });

  it('delivers once when the same request is enqueued twice, even concurrently', async () => {
    await disableAll();
    const { receiver } = await robot('wecom');
    const results = await Promise.all([notify('same-key', 'wecom'), notify('same-key', 'wecom')]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    await notify('same-key', 'wecom');
    await drain();
    t.clock.advance(60_000);
    await drain();
    expect(deliveredTitles(receiver)).toEqual(['same-key']);
  });

  it('sends at most 20 messages a minute to one WeCom robot and the rest later, none lost', async () => {
    await disableAll();
    const { receiver, channelId } = await robot('wecom');
    const start = t.clock.now().getTime();
    // 25 messages within one minute, the dispatcher running after each.
    for (let i = 0; i < 25; i++) {
      await notify(`rate-${i}`, 'wecom');
      await drain();
      t.clock.advance(2_000);
    }
    expect(receiver.accepted).toHaveLength(20);
    const deferred = (await rowsOf(channelId)).filter((r) => r.status === 'pending');
    expect(deferred).toHaveLength(5);
    expect(deferred.every((r) => r.attempts === 0 && r.last_error === null)).toBe(true);
    for (let s = 0; s < 60; s++) {
      t.clock.advance(1_000);
      await drain();
    }
    expect(deliveredTitles(receiver).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `rate-${i}`).sort());
    const times = receiver.accepted.map((m) => m.at.getTime());
    for (const from of times) expect(times.filter((x) => x >= from && x < from + 60_000).length).toBeLessThanOrEqual(20);
    expect(times.filter((x) => x < start + 60_000)).toHaveLength(20);
    expect(receiver.answers.every((a) => a.startsWith('0 '))).toBe(true);
  });

  it('sends at most 5 a second to a Feishu bot', async () => {
    await disableAll();
    const { receiver } = await robot('feishu', { secret: 'fs' });
    for (let i = 0; i < 8; i++) await notify(`burst-${i}`, 'feishu');
    await drain();
    expect(receiver.accepted).toHaveLength(5);
    t.clock.advance(1_000);
    await drain();
    expect(receiver.accepted).toHaveLength(8);
    expect(receiver.answers.every((a) => a.startsWith('0 '))).toBe(true);
  });

  it('delivers e-mail over SMTP and SMS through the provider, retrying while the SMTP server is down', async () => {
    await disableAll();
    const smtp = await startSmtpReceiver();
    const port = smtp.port;
    await smtp.close();
    await t.db.updateTable('users').set({ email: 'seller.a@example.com', phone: '13800138000' }).where('id', '=', t.org.users.sellerA.id).execute();
    const mailSettings = { host: '127.0.0.1', port, secure: false, from: 'notify@example.com', locale: 'en' };
    const created = await admin({ method: 'POST', url: '/api/channels', payload: { kind: 'email', name: 'mail', settings: mailSettings } });
    expect(created.statusCode).toBe(201);
    const sms = { kind: 'sms', name: 'sms', settings: { provider: 'log', templateCode: 'SMS_9' } };
    expect((await admin({ method: 'POST', url: '/api/channels', payload: sms })).statusCode).toBe(201);
    await t.db.transaction().execute((trx) =>
      enqueueNotification(trx, t.clock, { idempotencyKey: 'mail-1', userId: t.org.users.sellerA.id, title: '任务逾期', titleEn: 'Task overdue', body: '回访', bodyEn: 'Call back', link: '/tasks/t9', subject: { type: 'task', id: 't9' }, channels: ['email', 'sms'] }),
    );
    await drain();
    const mailRow = await t.db.selectFrom('outbox').selectAll().where('idempotency_key', 'like', 'mail-1#email%').executeTakeFirstOrThrow();
    expect(mailRow).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('ECONNREFUSED') });
    const logged = await t.db.selectFrom('sms_log').selectAll().where('phone', '=', '13800138000').execute();
    expect(logged.map((s) => [s.template, JSON.parse(s.params)])).toEqual([['SMS_9', { title: '任务逾期', link: 'https://crm.example.com/tasks/t9' }]]);

    const back = await startSmtpReceiver();
    closers.push(back.close);
    const patched = await admin({ method: 'PATCH', url: `/api/channels/${created.json().id}`, payload: { settings: { ...mailSettings, port: back.port } } });
    expect(patched.statusCode).toBe(200);
    t.clock.advance(5_000);
    await drain();
    expect(back.messages).toHaveLength(1);
    expect(back.messages[0].to).toEqual(['seller.a@example.com']);
    expect(back.messages[0].raw).toContain('Subject: [Actionflow] Task overdue');
    expect(decodeQuotedPrintable(back.messages[0].raw)).toContain('Open task: https://crm.example.com/tasks/t9');
  });

  it('never delivers a row twice with three dispatchers running at once (separate connection pools on PostgreSQL)', async () => {
    await disableAll();
    const { receiver } = await robot('wecom');
    const hook = await startWebhookReceiver('s3cret');
    closers.push(hook.close);
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 300; i++) await enqueueWebhook(trx, t.clock, { idempotencyKey: `conc-${i}`, url: hook.url, secret: 's3cret', event: 'test.fired', payload: { i } });
    });
    for (let i = 0; i < 25; i++) await notify(`conc-robot-${i}`, 'wecom');

    const handles: Array<{ close(): Promise<void> }> = [];
    const workers: Deps[] = [deps];
    for (let w = 1; w < 3; w++) {
      if (t.dialect === 'postgres') {
        const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0].s;
        const handle = openDatabase(TEST_DATABASE_URL, { schema, poolSize: 4 });
        handles.push(handle);
        workers.push({ ...deps, db: handle.db });
      } else {
        workers.push(deps); // SQLite: one process, one connection; claims still must not overlap.
      }
    }
    // The rate-limit check-and-take is atomic across connections: 45 simultaneous attempts on a fresh robot → 20 slots.
    const fresh = await robot('wecom');
    const channel = (await findChannel(t.db, fresh.channelId))!;
    const takes = await Promise.all(Array.from({ length: 45 }, (_, i) => reserveSlot(workers[i % 3].db, t.dialect, t.clock, channel)));
    expect(takes.filter((x) => x.ok)).toHaveLength(20);
    await t.db.updateTable('channels').set({ enabled: 0 }).where('id', '=', fresh.channelId).execute();

    const sentBy = [0, 0, 0];
    const counting = (w: number): typeof fetch => async (input, init) => {
      sentBy[w]++;
      return fetch(input, init);
    };
    try {
      await Promise.all(
        workers.map(async (w, i) => {
          const options = { workerId: `worker-${i}`, batch: 7, fetch: counting(i) };
          while ((await dispatchDue(w, options)) > 0);
        }),
      );
    } finally {
      for (const h of handles) await h.close();
    }
    console.log(`[outbox concurrency] ${t.dialect}: HTTP requests per dispatcher ${sentBy.join(' / ')} (300 webhooks + 25 robot messages)`);
    const ids = hook.accepted.map((a) => a.body.id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(receiver.accepted).toHaveLength(20);
    expect(new Set(deliveredTitles(receiver)).size).toBe(20);
    expect(receiver.answers.every((a) => a.startsWith('0 '))).toBe(true);
    expect(sentBy.reduce((a, b) => a + b, 0)).toBe(320);
    if (t.dialect === 'postgres') expect(sentBy.filter((n) => n > 0).length).toBeGreaterThan(1);
    t.clock.advance(60_000);
    await drain();
    expect(receiver.accepted).toHaveLength(25);
    expect(hook.accepted).toHaveLength(300);
  });
});

describe('outbox dispatch latency with the worker loop (real time)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  it('dispatches a row within 5 s of it becoming due', { timeout: 30_000 }, async () => {
    const deps: Deps = { db: t.db, dialect: t.dialect, clock: systemClock, config };
    const hook = await startWebhookReceiver('lat');
    const dueAt = new Map<string, number>();
    const base = Date.now() + 300;
    for (let i = 0; i < 6; i++) {
      const due = base + i * 650;
      dueAt.set(`lat-${i}`, due);
      await t.db.transaction().execute(async (trx) => {
        await enqueueWebhook(trx, systemClock, { idempotencyKey: `lat-${i}`, url: hook.url, secret: 'lat', event: 'latency.probe', payload: { i } });
        await trx.updateTable('outbox').set({ next_attempt_at: new Date(due).toISOString() }).where('idempotency_key', '=', `webhook#lat-${i}`).execute();
      });
    }
    const worker = startWorker(deps, () => {}, [outboxJob]);
    try {
      const deadline = Date.now() + 15_000;
      while (hook.accepted.length < 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await worker.stop();
      await hook.close();
    }
    const arrivals = new Map(hook.accepted.map((a) => [a.body.id as string, a.receivedAt]));
    const delays = [...dueAt].map(([id, due]) => arrivals.get(id)! - due);
    const max = Math.max(...delays);
    const avg = delays.reduce((a, b) => a + b, 0) / delays.length;
    console.log(`[outbox latency] ${t.dialect}: due → delivered delays (ms) ${delays.join(', ')}; max ${max} ms, mean ${Math.round(avg)} ms (target ≤ 5000 ms)`);
    expect(arrivals.size).toBe(6);
    expect(max).toBeLessThanOrEqual(5000);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
  });
});
