import { afterEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type TestContext } from '../support/app.js';

/**
 * Issue 16 point 1: POST /api/activities/parse proposes the fields of a quick-log from one sentence — against the
 * caller's own customers (aliases included), nothing saved — and aliases are added by sellers and admins in scope.
 */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const SEED = '今天和浙一骨科王主任聊了膝关节置换耗材集采应对方案，他下周约厂家来演示，我负责协调时间';

describe('free-text quick-log parse', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  async function setup() {
    // Tuesday 2026-12-01 10:00 in Shanghai.
    t = await setupTestApp({ start: sh('2026-12-01T10:00:00') });
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '浙江大学医学院附属第一医院' } })).json().id as string;
    const contact = await seller({ method: 'POST', url: `/api/customers/${customerId}/contacts`, payload: { name: '王建国', title: '骨科主任' } });
    expect(contact.statusCode, contact.body).toBe(201);
    await seller({ method: 'POST', url: `/api/customers/${customerId}/contacts`, payload: { name: '李明', title: '采购科科长' } });
    const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: '膝关节置换耗材集采', customerId, pipelineId: 'b2b_six_step' } });
    expect(deal.statusCode, deal.body).toBe(201);
    return { seller, customerId, contactId: contact.json().id as string, dealId: deal.json().id as string };
  }

  it('fills the seed sentence from an alias, the contact, the open deal and next week; saves nothing', async () => {
    const { seller, customerId, contactId, dealId } = await setup();
    const before = await seller({ method: 'POST', url: '/api/activities/parse', payload: { text: SEED } });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ customer: null, unparsed: [{ field: 'customer', reason: 'not_found' }] });

    const alias = await seller({ method: 'POST', url: `/api/customers/${customerId}/aliases`, payload: { alias: '浙一' } });
    expect(alias.statusCode, alias.body).toBe(201);
    const dup = await seller({ method: 'POST', url: `/api/customers/${customerId}/aliases`, payload: { alias: ' 浙一 ' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0]).toMatchObject({ field: 'alias', code: 'duplicate' });

    const res = await seller({ method: 'POST', url: '/api/activities/parse', payload: { text: SEED } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      customer: { id: customerId, name: '浙江大学医学院附属第一医院' },
      contact: { id: contactId, name: '王建国', title: '骨科主任', isNew: false },
      type: 'visit',
      summary: '今天和浙一骨科王主任聊了膝关节置换耗材集采应对方案',
      nextAction: { text: '他下周约厂家来演示，我负责协调时间', dueAt: sh('2026-12-07T09:00:00') },
      dealId,
      occurredAt: null,
      unparsed: [],
    });
    const activities = await t.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(activities.n)).toBe(0);
    const tasks = await t.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(tasks.n)).toBe(0);
  });

  it('respects scope: another team’s seller matches none of these customers and cannot see or add their aliases', async () => {
    const { customerId } = await setup();
    const seller = await t.as('seller_a');
    await seller({ method: 'POST', url: `/api/customers/${customerId}/aliases`, payload: { alias: '浙一' } });
    const other = await t.as('seller_b');
    const res = await other({ method: 'POST', url: '/api/activities/parse', payload: { text: SEED } });
    expect(res.statusCode).toBe(200);
    expect(res.json().customer).toBeNull();
    expect(res.json().contact).toMatchObject({ id: null, name: '王主任', isNew: true });
    expect(res.json().dealId).toBeNull();
    expect((await other({ method: 'GET', url: `/api/customers/${customerId}/aliases` })).statusCode).toBe(404);
    expect((await other({ method: 'POST', url: `/api/customers/${customerId}/aliases`, payload: { alias: '浙大一院' } })).statusCode).toBe(404);
    // Support reads org-wide but does not edit aliases.
    const support = await t.as('support');
    const refused = await support({ method: 'POST', url: `/api/customers/${customerId}/aliases`, payload: { alias: '浙大一院' } });
    expect(refused.statusCode).toBe(403);
    // The lead of the seller's team sees the customer by its alias.
    const lead = await t.as('lead_east1');
    expect((await lead({ method: 'POST', url: '/api/activities/parse', payload: { text: SEED } })).json().customer?.id).toBe(customerId);
  });

  it('removes an alias (audited) and refuses a blank sentence naming the field', async () => {
    const { seller, customerId } = await setup();
    const alias = (await seller({ method: 'POST', url: `/api/customers/${customerId}/aliases`, payload: { alias: '浙一' } })).json();
    const list = await seller({ method: 'GET', url: `/api/customers/${customerId}/aliases` });
    expect(list.json()).toMatchObject({ items: [{ id: alias.id, alias: '浙一' }], total: 1 });
    expect((await seller({ method: 'DELETE', url: `/api/customers/${customerId}/aliases/${alias.id}` })).statusCode).toBe(200);
    expect((await seller({ method: 'GET', url: `/api/customers/${customerId}/aliases` })).json().total).toBe(0);
    const audit = await t.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', customerId).where('action', 'like', 'alias%').orderBy('at').orderBy('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['alias_add', 'alias_remove']);
    const blank = await seller({ method: 'POST', url: '/api/activities/parse', payload: { text: '   ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('text');
  });
});
