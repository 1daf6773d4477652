/** The action vocabulary (动作标签): admin-configured tags, attached to activities, listed and filtered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

describe('activity tags', () => {
  let t: TestContext;
  let admin: Requester, seller: Requester;
  let customerId = '';

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    [admin, seller] = await Promise.all([t.as('admin'), t.as('seller_a')]);
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '上海瑞金医院' } })).json().id;
  });
  afterAll(async () => t?.close());

  it('ships the seeds’ vocabulary; admins add and deactivate tags, others may not', async () => {
    const keys = (await seller({ method: 'GET', url: '/api/activity-tags' })).json().items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['price_confirmation', 'technical_comparison', 'competitor_sheet', 'second_walkthrough', 'material_sent']));
    const put = await admin({ method: 'PUT', url: '/api/activity-tags/site_survey', payload: { label: '现场勘查', labelEn: 'Site survey', suggestion: '安排现场勘查' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ key: 'site_survey', label: '现场勘查', active: true });
    expect((await seller({ method: 'PUT', url: '/api/activity-tags/x_y', payload: { label: 'x' } })).statusCode).toBe(403);
    expect((await admin({ method: 'PUT', url: '/api/activity-tags/Bad-Key', payload: { label: 'x' } })).statusCode).toBe(400);
    await admin({ method: 'PUT', url: '/api/activity-tags/site_survey', payload: { label: '现场勘查', active: false } });
    expect((await seller({ method: 'GET', url: '/api/activity-tags' })).json().items.map((i: { key: string }) => i.key)).not.toContain('site_survey');
    expect((await admin({ method: 'GET', url: '/api/activity-tags?all=true' })).json().items.map((i: { key: string }) => i.key)).toContain('site_survey');
  });

  it('an activity carries its tags; unknown or inactive tags are refused naming the field, nothing written', async () => {
    const res = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, type: 'call', summary: '确认报价', tags: ['price_confirmation', 'price_confirmation'] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().tags).toEqual(['price_confirmation']);
    const bad = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, summary: '勘查', tags: ['site_survey'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'tags', code: 'unknown_tag' })]);
    const list = (await seller({ method: 'GET', url: `/api/activities?customerId=${customerId}` })).json();
    expect(list.total).toBe(1);
    const byTag = (await seller({ method: 'GET', url: '/api/activities?tag=price_confirmation' })).json();
    expect(byTag.items.map((a: { id: string }) => a.id)).toEqual([res.json().id]);
    expect((await seller({ method: 'GET', url: '/api/activities?tag=technical_comparison' })).json().total).toBe(0);
  });
});
