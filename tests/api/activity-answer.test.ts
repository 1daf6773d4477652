/**
 * `POST /api/activities` answers from the row it wrote and the names it read on the way, not by reading the row back:
 * the answer must equal what `GET /api/activities/:id` reads from the database, for an auto-linked deal, a given
 * deal, no deal, contacts and tags.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { setupTestApp, type TestContext } from '../support/app.js';

describe('activity write answer', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    const a = await t.as('seller_a');
    ids.one = (await a({ method: 'POST', url: '/api/customers', payload: { name: '上海瑞金医院' } })).json().id;
    ids.none = (await a({ method: 'POST', url: '/api/customers', payload: { name: '苏州康复中心' } })).json().id;
    ids.contact = (await a({ method: 'POST', url: `/api/customers/${ids.one}/contacts`, payload: { name: '王主任' } })).json().id;
    const now = t.clock.now().toISOString();
    const pipeline = newId();
    await t.db.insertInto('pipelines').values({ id: pipeline, key: 'b2b', name: 'B2B', name_en: null, template_key: null, definition: '{"stages":[]}', version: 1, archived: 0, created_at: now, updated_at: now }).execute();
    const owner = await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    ids.deal = newId();
    await t.db
      .insertInto('deals')
      .values({ id: ids.deal, title: '瑞金 DR 设备', customer_id: ids.one, pipeline_id: pipeline, stage_key: 'lead', status: 'open', owner_id: t.org.users.sellerA.id, team_path: owner.team_path, amount_fen: 100000, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now })
      .execute();
  });
  afterAll(async () => t?.close());

  it('equals the stored activity as read back, with or without a deal', async () => {
    const seller = await t.as('seller_a');
    const payloads = [
      { customerId: ids.one, summary: '电话沟通预算', contactIds: [ids.contact], outcome: '确认预算', tags: ['peer_case', 'material_sent'] },
      { customerId: ids.one, dealId: ids.deal, type: 'visit', summary: '上门演示', occurredAt: '2026-11-01T09:00:00+08:00' },
      { customerId: ids.one, dealId: null, summary: '只关于客户' },
      { customerId: ids.none, summary: '没有商机的客户' },
    ];
    const links: string[] = [];
    for (const payload of payloads) {
      const res = await seller({ method: 'POST', url: '/api/activities', payload });
      expect(res.statusCode, res.body).toBe(201);
      const { effect: _e, effectiveReason: _r, dealLink, openDeals: _o, task: _t, checklist: _c, ...answer } = res.json();
      links.push(dealLink);
      const stored = await seller({ method: 'GET', url: `/api/activities/${answer.id}` });
      expect(stored.statusCode).toBe(200);
      expect(answer).toEqual(stored.json());
    }
    expect(links).toEqual(['auto', 'given', 'none', 'none']);
  });
});
