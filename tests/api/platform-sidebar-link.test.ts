/**
 * The sidebar's "link this external contact" and the personal platform-message preference, on both databases: a
 * seller links a WeCom external contact to her own customer and the sidebar then opens it; a customer outside her
 * scope, or a link someone else made to one, is refused without writing a row; bad bodies name their field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import type { FakePlatforms } from '../support/fake-platforms.js';
import { connect, startFake } from '../support/platforms.js';

describe('sidebar contact link and message preference', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  async function setup() {
    t = await setupTestApp();
    fake = await startFake(t);
    return connect(t, fake, 'wecom');
  }

  async function customerOf(caller: Requester, name: string, phone: string): Promise<string> {
    const res = await caller({ method: 'POST', url: '/api/customers', payload: { name, phone } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  const contactLinks = () => t.db.selectFrom('platform_links').select(['external_id', 'local_id', 'source']).where('kind', '=', 'contact').orderBy('external_id').execute();

  it('links an external contact to her own customer and the sidebar opens it; another scope is refused with nothing written', async () => {
    const connectionId = await setup();
    const sellerA = await t.as('seller_a');
    const sellerB = await t.as('seller_b');
    const mine = await customerOf(sellerA, '宁波客户', '13900005555');
    const theirs = await customerOf(sellerB, '广州客户', '13900006666');

    const before = await sellerA({ method: 'GET', url: `/api/platforms/sidebar?connectionId=${connectionId}&externalContactId=wmNEW01` });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().customer).toBeNull();

    const link = await sellerA({ method: 'POST', url: '/api/platforms/sidebar/link', payload: { connectionId, externalContactId: 'wmNEW01', customerId: mine } });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toMatchObject({ customer: { id: mine, name: '宁波客户', phone: '13900005555' }, me: { id: t.org.users.sellerA.id } });
    const after = await sellerA({ method: 'GET', url: `/api/platforms/sidebar?connectionId=${connectionId}&externalContactId=wmNEW01` });
    expect(after.json().customer).toMatchObject({ id: mine, name: '宁波客户' });
    expect(await contactLinks()).toEqual([{ external_id: 'wmNEW01', local_id: mine, source: 'manual' }]);

    // A customer she cannot see is not found, named on the field; nothing is linked.
    const foreign = await sellerA({ method: 'POST', url: '/api/platforms/sidebar/link', payload: { connectionId, externalContactId: 'wmNEW02', customerId: theirs } });
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect(foreign.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([['customerId', 'not_found_customer']]);

    // Seller B's link to her own customer cannot be re-pointed by seller A, who does not see that customer.
    expect((await sellerB({ method: 'POST', url: '/api/platforms/sidebar/link', payload: { connectionId, externalContactId: 'wmB01', customerId: theirs } })).statusCode).toBe(200);
    const repoint = await sellerA({ method: 'POST', url: '/api/platforms/sidebar/link', payload: { connectionId, externalContactId: 'wmB01', customerId: mine } });
    expect(repoint.statusCode, repoint.body).toBe(403);
    expect(repoint.json().error.code).toBe('FORBIDDEN');
    expect(await contactLinks()).toEqual([
      { external_id: 'wmB01', local_id: theirs, source: 'manual' },
      { external_id: 'wmNEW01', local_id: mine, source: 'manual' },
    ]);

    const missingConnection = await sellerA({ method: 'POST', url: '/api/platforms/sidebar/link', payload: { connectionId: 'nope', externalContactId: 'wmNEW03', customerId: mine } });
    expect(missingConnection.statusCode).toBe(404);
    expect(await contactLinks()).toHaveLength(2);
  });

  it('answers 400 naming the field for a bad link body or an unknown preference mode, and keeps the saved mode', async () => {
    const connectionId = await setup();
    const seller = await t.as('seller_a');
    const mine = await customerOf(seller, '宁波客户', '13900005555');
    const bad: Array<[unknown, string]> = [
      [{ connectionId, customerId: mine }, 'externalContactId'],
      [{ connectionId, externalContactId: '   ', customerId: mine }, 'externalContactId'],
      [{ externalContactId: 'wm1', customerId: mine }, 'connectionId'],
      [{ connectionId, externalContactId: 'wm1' }, 'customerId'],
      [{ connectionId, externalContactId: 'x'.repeat(129), customerId: mine }, 'externalContactId'],
    ];
    for (const [payload, field] of bad) {
      const res = await seller({ method: 'POST', url: '/api/platforms/sidebar/link', payload: payload as object });
      expect(res.statusCode, `${JSON.stringify(payload)} → ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields.map((f: { field: string }) => f.field), res.body).toContain(field);
    }
    expect(await contactLinks()).toEqual([]);

    const initial = await seller({ method: 'GET', url: '/api/me/platform-messages' });
    expect(initial.json()).toEqual({ mode: 'default', bindings: [] });
    const saved = await seller({ method: 'PUT', url: '/api/me/platform-messages', payload: { mode: 'instead' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().mode).toBe('instead');

    for (const payload of [{ mode: 'sometimes' }, {}, { mode: 'off', extra: 1 }]) {
      const res = await seller({ method: 'PUT', url: '/api/me/platform-messages', payload });
      expect(res.statusCode, `${JSON.stringify(payload)} → ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields.length, res.body).toBeGreaterThan(0);
    }
    expect((await seller({ method: 'PUT', url: '/api/me/platform-messages', payload: { mode: 'sometimes' } })).json().error.fields[0].field).toBe('mode');
    expect((await seller({ method: 'GET', url: '/api/me/platform-messages' })).json().mode).toBe('instead');
    // Another user's preference is their own.
    expect((await (await t.as('seller_a2'))({ method: 'GET', url: '/api/me/platform-messages' })).json().mode).toBe('default');
  });

  it('lists the platform accounts bound to me with the connection they belong to', async () => {
    const connectionId = await setup();
    const admin = await t.as('admin');
    const bind = await admin({ method: 'POST', url: `/api/platforms/${connectionId}/bindings`, payload: { userId: t.org.users.sellerA.id, externalId: 'zhangsan' } });
    expect(bind.statusCode, bind.body).toBe(200);
    const mine = await (await t.as('seller_a'))({ method: 'GET', url: '/api/me/platform-messages' });
    expect(mine.json()).toEqual({ mode: 'default', bindings: [{ connectionId, platform: 'wecom', name: 'wecom 应用', externalId: 'zhangsan' }] });
    expect((await (await t.as('seller_b'))({ method: 'GET', url: '/api/me/platform-messages' })).json().bindings).toEqual([]);
  });
});
