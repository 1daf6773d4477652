import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { materialsJob } from '../../server/modules/materials/job.js';
import type { InjectOptions } from 'fastify';
import { setupTestApp, TEST_PASSWORD, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 16 point 3: tracked material links. Opening needs no session, records each open (time, device, time on
 * page) on the customer's timeline with a `material.opened` event; expired and revoked links are refused; the page
 * shows nothing of other records; robots do not count; opens are rate-limited; the "not opened within 24 h" rule
 * trigger fires once.
 */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47';
const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = `----actionflow${newId()}`;
  const chunks: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('tracked material links', () => {
  let t: TestContext;
  let seller: Requester;
  let customerId: string;
  afterEach(() => t?.close());

  async function setup() {
    t = await setupTestApp({ start: '2026-12-01T02:00:00.000Z' });
    seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '浙江大学医学院附属第一医院' } })).json().id;
  }
  const upload = async (name: string) => (await seller({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'customer', entityId: customerId }, { name, content: PDF }) })).json().id as string;
  const share = (payload: Record<string, unknown>) => seller({ method: 'POST', url: '/api/material-links', payload: { customerId, expiresAt: '2026-12-08T02:00:00.000Z', ...payload } });
  const open = (url: string, ua = PHONE_UA) => t.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { 'user-agent': ua } });
  /** A new session (the clock moves days ahead; sessions expire). */
  const login = async (username: string): Promise<Requester> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    return (req) => t.app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie } } as InjectOptions);
  };
  const links = async () => (await (seller = await login('seller_a'))({ method: 'GET', url: `/api/material-links?customerId=${customerId}` })).json().items;

  it('records each open on the customer timeline with device and time on page; shows nothing else', async () => {
    await setup();
    const attachmentId = await upload('膝关节集采应对方案.pdf');
    const secret = await upload('内部底价表.pdf');
    const created = await share({ attachmentId, title: '集采应对方案' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, url } = created.json();
    expect(url).toMatch(/\/m\/[A-Za-z0-9_-]{43}$/);
    expect(await t.db.selectFrom('material_links').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow()).not.toMatchObject({ token_hash: url.split('/m/')[1] });

    t.clock.set('2026-12-03T02:14:00.000Z');
    const page = await open(url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('集采应对方案');
    // Nothing of the seller's records: no customer, no other attachment, no ids.
    for (const hidden of ['浙江大学医学院附属第一医院', customerId, id, attachmentId, secret, '内部底价表', 'seller_a']) expect(page.body).not.toContain(hidden);
    const beacon = /data-beacon="([^"]+)"/.exec(page.body)![1];
    const file = await t.app.inject({ method: 'GET', url: `${new URL(url).pathname}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // The page reports about 95 s on it (twice; the longest counts); a made-up beacon changes nothing.
    await t.app.inject({ method: 'POST', url: '/m/beacon', headers: { 'content-type': 'text/plain;charset=UTF-8' }, payload: JSON.stringify({ b: beacon, ms: 40_000 }) });
    expect((await t.app.inject({ method: 'POST', url: '/m/beacon', headers: { 'content-type': 'text/plain;charset=UTF-8' }, payload: JSON.stringify({ b: beacon, ms: 95_000 }) })).statusCode).toBe(204);
    await t.app.inject({ method: 'POST', url: '/m/beacon', headers: { 'content-type': 'text/plain;charset=UTF-8' }, payload: JSON.stringify({ b: 'x'.repeat(32), ms: 9_000_000 }) });

    t.clock.set('2026-12-03T02:20:00.000Z');
    await open(url, DESKTOP_UA);
    // A chat app drawing the link's card is not the customer.
    await open(url, 'Mozilla/5.0 (compatible; Googlebot/2.1)');
    const [link] = await links();
    expect(link).toMatchObject({ id, opens: 2, lastOpenedAt: '2026-12-03T02:20:00.000Z', secondsOnPage: 95, status: 'active', summary: { zh: '客户已打开“集采应对方案” 2 次，最近 12-03 10:20' } });
    const detail = (await (seller = await login('seller_a'))({ method: 'GET', url: `/api/material-links/${id}` })).json();
    expect(detail.openings).toEqual([
      { at: '2026-12-03T02:20:00.000Z', device: 'desktop', secondsOnPage: null },
      { at: '2026-12-03T02:14:00.000Z', device: 'mobile', secondsOnPage: 95 },
    ]);
    const events = await t.db.selectFrom('events').select(['entity', 'entity_id', 'payload']).where('type', '=', 'material.opened').orderBy('seq').execute();
    expect(events.map((e) => [e.entity, e.entity_id, JSON.parse(e.payload).device])).toEqual([
      ['customer', customerId, 'mobile'],
      ['customer', customerId, 'desktop'],
    ]);
    // Another team's seller neither lists nor reads the link.
    const other = await login('seller_b');
    expect((await other({ method: 'GET', url: `/api/material-links/${id}` })).statusCode).toBe(404);
    expect((await other({ method: 'GET', url: `/api/material-links?customerId=${customerId}` })).statusCode).toBe(404);
  });

  it("refuses to share a file of another customer's record, even the seller's own (no customer's documents open for another)", async () => {
    await setup();
    const other = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '浙江省人民医院' } })).json().id as string;
    const visit = await seller({ method: 'POST', url: '/api/activities', payload: { customerId: other, type: 'visit', summary: '拜访骨科主任，介绍报价' } });
    expect(visit.statusCode, visit.body).toBe(201);
    const onOtherCustomer = (await seller({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'customer', entityId: other }, { name: '省人医合同扫描件.pdf', content: PDF }) })).json().id as string;
    const onOtherVisit = (await seller({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'activity', entityId: visit.json().id }, { name: '省人医报价单.pdf', content: PDF }) })).json().id as string;
    for (const attachmentId of [onOtherCustomer, onOtherVisit]) {
      const res = await share({ attachmentId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'attachmentId', code: 'other_customer' })]);
    }
    expect(await t.db.selectFrom('material_links').select('id').execute()).toHaveLength(0);
    // The same visit's quote shared with its own customer is fine.
    expect((await seller({ method: 'POST', url: '/api/material-links', payload: { customerId: other, attachmentId: onOtherVisit, expiresAt: '2026-12-08T02:00:00.000Z' } })).statusCode).toBe(201);
    expect((await share({ attachmentId: await upload('方案.pdf') })).statusCode).toBe(201);
  });

  it('refuses expired and revoked links and unknown tokens; a URL link redirects; opens are rate-limited', async () => {
    await setup();
    const video = (await share({ url: 'https://video.example.com/case/42', title: '案例视频', expiresAt: '2026-12-02T02:00:00.000Z' })).json();
    const redirect = await open(video.url);
    expect([redirect.statusCode, redirect.headers.location]).toEqual([302, 'https://video.example.com/case/42']);
    t.clock.set('2026-12-02T02:00:00.000Z');
    const expired = await open(video.url);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('该链接已过期或已被撤回');
    expect(expired.body).not.toContain('video.example.com');

    seller = await login('seller_a');
    const sheet = (await share({ url: 'https://example.com/price.xlsx' })).json();
    expect((await seller({ method: 'POST', url: `/api/material-links/${sheet.id}/revoke` })).json()).toMatchObject({ status: 'revoked' });
    expect((await open(sheet.url)).statusCode).toBe(410);
    expect((await t.app.inject({ method: 'GET', url: '/m/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/m/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/file' })).statusCode).toBe(410);

    const busy = (await share({ url: 'https://example.com/deck.pdf' })).json();
    for (let i = 0; i < 30; i++) expect((await open(busy.url)).statusCode).toBe(302);
    expect((await open(busy.url)).statusCode).toBe(429);
    t.clock.advance(3600_000 + 1);
    expect((await open(busy.url)).statusCode).toBe(302);
    seller = await login('seller_a');
    expect((await links()).find((l: { id: string }) => l.id === busy.id).opens).toBe(31);

    // Input errors name the field.
    seller = await login('seller_a');
    const both = await share({ url: 'https://example.com/a', attachmentId: 'x' });
    expect([both.statusCode, both.json().error.fields[0]]).toEqual([400, expect.objectContaining({ field: 'attachmentId', code: 'material_source' })]);
    const past = await share({ url: 'https://example.com/a', expiresAt: '2026-11-01T00:00:00.000Z' });
    expect([past.statusCode, past.json().error.fields[0].field]).toEqual([400, 'expiresAt']);
    const ftp = await share({ url: 'ftp://example.com/a' });
    expect([ftp.statusCode, ftp.json().error.fields[0].field]).toEqual([400, 'url']);
  });

  it('"not opened within 24 h" fires once per link; "opened" fires per open', async () => {
    await setup();
    const admin = await login('admin');
    for (const rule of [
      { key: 'material_unread', name: '方案24小时未打开', trigger: { type: 'material.not_opened', hours: 24 }, actions: [{ type: 'notify', config: { recipients: ['owner'], title: '客户 24 小时未打开资料：{{record.name}}' } }] },
      { key: 'material_read', name: '客户正在看方案', trigger: { type: 'material.opened' }, actions: [{ type: 'notify', config: { recipients: ['owner'], title: '客户正在看资料：{{record.name}}' } }] },
    ]) {
      const res = await admin({ method: 'POST', url: '/api/rules', payload: rule });
      expect(res.statusCode, res.body).toBe(201);
    }
    t.clock.advance(60_000);
    const unread = (await share({ url: 'https://example.com/plan.pdf', title: '方案' })).json();
    const read = (await share({ url: 'https://example.com/quote.pdf', title: '报价' })).json();
    const late = (await share({ url: 'https://example.com/late.pdf', title: '晚读' })).json();
    t.clock.advance(3 * 3600_000);
    await open(read.url);
    t.clock.advance(25 * 3600_000);
    await open(late.url); // opened after its 24 h: still counts as not opened in time
    const deps = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.config };
    const first = await materialsJob.pass!(deps);
    const second = await materialsJob.pass!(deps);
    expect(first.fired.map((f) => f.subject?.id).sort()).toEqual([unread.id, late.id].sort());
    expect(second).toEqual({ did: 0, fired: [] });
    await processRuleEvents(deps);
    await processRuleEvents(deps);
    const titles = (await t.db.selectFrom('notifications').select('title').where('user_id', '=', t.org.users.sellerA.id).execute()).map((n) => n.title).sort();
    expect(titles).toEqual(['客户 24 小时未打开资料：浙江大学医学院附属第一医院', '客户 24 小时未打开资料：浙江大学医学院附属第一医院', '客户正在看资料：浙江大学医学院附属第一医院', '客户正在看资料：浙江大学医学院附属第一医院']);
    expect(await materialsJob.nextDue!(deps)).toBeNull();
  });
});
