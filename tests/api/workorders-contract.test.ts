/**
 * A work order can be about a contract (issue 9: "links to a customer, deal or (later) contract"): the order takes
 * the contract's customer and deal, shows its number as the subject, lists under the contract, and a contract outside
 * the requester's scope is refused naming the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType } from '../support/workorders.js';

describe('work orders about a contract', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  it('takes the contract customer and deal, names it by number, and refuses a contract outside the scope', async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    await addPresales(t, '交付部');
    await addType(t, { key: 'delivery', name: '交付', nameEn: 'Delivery', team: '交付部', response: '4bh', resolution: '16bh' });
    const contractOf = async (username: 'seller_a' | 'seller_b') => {
      const as = await t.as(username);
      const customerId = (await as({ method: 'POST', url: '/api/customers', payload: { name: `合同工单客户${username}` } })).json().id as string;
      const user = username === 'seller_a' ? t.org.users.sellerA : t.org.users.sellerB;
      const dealId = await insertDeal(t, customerId, user.id, 'won');
      const res = await as({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: '2026-11-01', amountFen: 500_000, plan: [{ dueDate: '2026-12-01', amountFen: 500_000, method: 'wire' }] } });
      expect(res.statusCode, res.body).toBe(201);
      return { id: res.json().id as string, number: res.json().number as string, customerId, dealId };
    };
    const mine = await contractOf('seller_a');
    const theirs = await contractOf('seller_b');
    const seller = await t.as('seller_a');

    const created = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'delivery', subject: { type: 'contract', id: mine.id }, title: '到货验收单据' } });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order.subject).toEqual({ type: 'contract', id: mine.id, title: mine.number });
    const stored = await t.db.selectFrom('work_orders').select(['customer_id', 'deal_id']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ customer_id: mine.customerId, deal_id: mine.dealId });
    const listed = (await seller({ method: 'GET', url: `/api/work-orders?view=mine&subjectType=contract&subjectId=${mine.id}` })).json();
    expect(listed.items.map((o: { id: string }) => o.id)).toEqual([order.id]);

    const refused = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'delivery', subject: { type: 'contract', id: theirs.id }, title: '越权' } });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ field: 'subject.id', code: 'not_found_contract' })]);
    expect(await t.db.selectFrom('work_orders').select('id').execute()).toHaveLength(1);
  });
});
