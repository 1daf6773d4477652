import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPoolSweep } from '../../server/modules/leads/pool-job.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { login } from '../support/leads.js';

/**
 * Issue 15 point 5: a seller told "this customer exists" about a customer in ANOTHER team's pool could neither see
 * nor claim it, and the transfer request was refused ("claim it instead"). There must always be a way forward:
 * a transfer request by default, a claim where the pool settings allow cross-team claims.
 */
describe('duplicate in another team’s pool', () => {
  let t: TestContext;
  let sellerA: Requester, sellerB: Requester, admin: Requester, director: Requester;
  const DAY = 86_400_000;

  beforeAll(async () => {
    t = await setupTestApp();
    [sellerA, sellerB, admin, director] = await Promise.all(['seller_a', 'seller_b', 'admin', 'director'].map((u) => login(t, u)));
    for (const [name, phone] of [['华南沉睡客户甲', '13900000011'], ['华南沉睡客户乙', '13900000012']]) {
      expect((await sellerB({ method: 'POST', url: '/api/customers', payload: { name, level: 'C', phone } })).statusCode).toBe(201);
    }
    expect((await admin({ method: 'PUT', url: '/api/pool/settings', payload: { levelDays: { C: 1 }, defaultDays: null } })).statusCode).toBe(200);
    t.clock.advance(3 * DAY);
    await runPoolSweep({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });
    expect(await t.db.selectFrom('customer_pool').select('customer_id').execute()).toHaveLength(2);
    [sellerA, admin, director] = await Promise.all(['seller_a', 'admin', 'director'].map((u) => login(t, u)));
  });
  afterAll(async () => t?.close());

  it('answers the duplicate with a transfer as the way forward, and the request goes through to a decision', async () => {
    const dup = await sellerA({ method: 'POST', url: '/api/customers', payload: { name: '沉睡客户（华东录入）', phone: '139 0000 0011' } });
    expect(dup.statusCode).toBe(409);
    const error = dup.json().error;
    expect(error).toMatchObject({ code: 'DUPLICATE_CUSTOMER', reason: 'duplicate_in_other_pool', inPool: true, wayForward: 'transfer' });
    expect(error.message).toContain('申请转移');
    // Claiming is not the way: the pool is another team's.
    expect((await sellerA({ method: 'POST', url: `/api/pool/${error.customer}/claim` })).statusCode).toBe(404);
    const requested = await sellerA({ method: 'POST', url: `/api/customers/${error.customer}/transfer-requests`, payload: { reason: '客户主动来电，由华东跟进' } });
    expect(requested.statusCode, requested.body).toBe(201);
    const resolved = await director({ method: 'POST', url: `/api/ownership-conflicts/${requested.json().id}/resolve`, payload: { action: 'transfer', note: '同意' } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const row = await t.db.selectFrom('customers').select('owner_id').where('id', '=', error.customer).executeTakeFirstOrThrow();
    expect(row.owner_id).toBe(t.org.users.sellerA.id);
    // It left the other team's pool with the transfer, and the pool log says so.
    expect(await t.db.selectFrom('customer_pool').select('customer_id').where('customer_id', '=', error.customer).execute()).toEqual([]);
    expect((await sellerA({ method: 'GET', url: `/api/customers/${error.customer}` })).statusCode).toBe(200);
  });

  it('where the settings allow cross-team claims, the way forward is a claim that works', async () => {
    expect((await admin({ method: 'PUT', url: '/api/pool/settings', payload: { levelDays: { C: 1 }, defaultDays: null, crossTeamClaim: true } })).json()).toMatchObject({ crossTeamClaim: true });
    const dup = await sellerA({ method: 'POST', url: '/api/customers', payload: { name: '另一家', phone: '13900000012' } });
    expect(dup.json().error).toMatchObject({ reason: 'duplicate_in_pool', wayForward: 'claim' });
    const customerId = dup.json().error.customer;
    // The transfer request is not needed then: it says to claim.
    expect((await sellerA({ method: 'POST', url: `/api/customers/${customerId}/transfer-requests`, payload: { reason: 'x' } })).statusCode).toBe(422);
    const claimed = await sellerA({ method: 'POST', url: `/api/pool/${customerId}/claim` });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().ownerId).toBe(t.org.users.sellerA.id);
  });
});
