import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';

describe('custom fields', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  it('lets admins define fields per object, lists them and audits the change', async () => {
    const admin = await t.as('admin');
    const res = await admin({
      method: 'POST',
      url: '/api/custom-fields',
      payload: { entity: 'deal', key: 'tender_no', label: '招标编号', labelEn: 'Tender number', type: 'text', required: false },
    });
    expect(res.statusCode, res.body).toBe(201);
    t.clock.advance(1000);
    expect(res.json()).toMatchObject({ entity: 'deal', key: 'tender_no', label: '招标编号', labelEn: 'Tender number', type: 'text', options: [], required: false });
    const select = await admin({
      method: 'POST',
      url: '/api/custom-fields',
      payload: { entity: 'deal', key: 'budget_source', label: '资金来源', type: 'select', options: [{ value: 'fiscal', label: '财政', labelEn: 'Fiscal' }, { value: 'self', label: '自筹' }] },
    });
    expect(select.statusCode).toBe(201);
    const seller = await t.as('seller_a');
    const list = (await seller({ method: 'GET', url: '/api/custom-fields?entity=deal' })).json();
    expect(list.items.map((d: { key: string }) => d.key)).toEqual(['tender_no', 'budget_source']);
    expect((await seller({ method: 'GET', url: '/api/custom-fields?entity=customer' })).json()).toEqual({ items: [], total: 0 });
    const audit = (await admin({ method: 'GET', url: `/api/audit?entity=custom_field&id=${res.json().id}` })).json().items;
    expect(audit[0]).toMatchObject({ action: 'create', actor: { id: t.org.users.admin.id }, after: { key: 'tender_no', type: 'text' } });
  });

  it('refuses non-admins with 403 and duplicate keys with 409 naming key', async () => {
    const body = { entity: 'customer', key: 'beds', label: '床位数', type: 'number' };
    for (const who of ['seller_a', 'director', 'support']) {
      expect((await (await t.as(who))({ method: 'POST', url: '/api/custom-fields', payload: body })).statusCode).toBe(403);
    }
    const admin = await t.as('admin');
    expect((await admin({ method: 'POST', url: '/api/custom-fields', payload: body })).statusCode).toBe(201);
    const dup = await admin({ method: 'POST', url: '/api/custom-fields', payload: body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].field).toBe('key');
    // The same key on another object is a different field.
    expect((await admin({ method: 'POST', url: '/api/custom-fields', payload: { ...body, entity: 'activity' } })).statusCode).toBe(201);
  });

  it('deletes a definition (admin only), audited; stored values are dropped on the next write', async () => {
    const admin = await t.as('admin');
    const def = (await admin({ method: 'POST', url: '/api/custom-fields', payload: { entity: 'customer', key: 'grade', label: '等级', type: 'select', options: [{ value: 'a', label: 'A' }] } })).json();
    const seller = await t.as('seller_a');
    const customer = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '客户', custom: { grade: 'a', beds: 500 } } })).json();
    expect(customer.custom).toEqual({ grade: 'a', beds: 500 });
    expect((await seller({ method: 'DELETE', url: `/api/custom-fields/${def.id}` })).statusCode).toBe(403);
    t.clock.advance(1000);
    expect((await admin({ method: 'DELETE', url: `/api/custom-fields/${def.id}` })).statusCode).toBe(200);
    expect((await admin({ method: 'DELETE', url: `/api/custom-fields/${def.id}` })).statusCode).toBe(404);
    const patched = await seller({ method: 'PATCH', url: `/api/customers/${customer.id}`, payload: { custom: { beds: 600 } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().custom).toEqual({ beds: 600 });
    const audit = (await admin({ method: 'GET', url: `/api/audit?entity=custom_field&id=${def.id}` })).json().items;
    expect(audit[0]).toMatchObject({ action: 'delete', before: { key: 'grade' } });
  });

  it('validates activity custom values on write, user type against real users', async () => {
    const admin = await t.as('admin');
    expect((await admin({ method: 'POST', url: '/api/custom-fields', payload: { entity: 'activity', key: 'companion', label: '陪同人', type: 'user' } })).statusCode).toBe(201);
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '活动客户' } })).json().id;
    const bad = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, summary: '拜访', custom: { companion: 'ghost', beds: 'x' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['custom.beds', 'custom.companion']);
    const ok = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, summary: '拜访', custom: { companion: t.org.users.leadEast1.id, beds: 3 } } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().custom).toEqual({ companion: t.org.users.leadEast1.id, beds: 3 });
  });

  it.each([
    [{ key: 'x', label: 'X', type: 'text' }, 'entity'],
    [{ entity: 'invoice', key: 'x', label: 'X', type: 'text' }, 'entity'],
    [{ entity: 'deal', key: 'Bad Key', label: 'X', type: 'text' }, 'key'],
    [{ entity: 'deal', key: '1st', label: 'X', type: 'text' }, 'key'],
    [{ entity: 'deal', key: 'ok', label: '', type: 'text' }, 'label'],
    [{ entity: 'deal', key: 'ok', label: 'X', type: 'colour' }, 'type'],
    [{ entity: 'deal', key: 'ok', label: 'X', type: 'select' }, 'options'],
    [{ entity: 'deal', key: 'ok', label: 'X', type: 'multiselect', options: [] }, 'options'],
    [{ entity: 'deal', key: 'ok', label: 'X', type: 'select', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] }, 'options.1.value'],
    [{ entity: 'deal', key: 'ok', label: 'X', type: 'text', required: 'yes' }, 'required'],
  ])('POST /api/custom-fields %j → 400 naming %s', async (payload, field) => {
    const res = await (await t.as('admin'))({ method: 'POST', url: '/api/custom-fields', payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('names entity when listing without or with a bad one', async () => {
    const seller = await t.as('seller_a');
    for (const url of ['/api/custom-fields', '/api/custom-fields?entity=invoice']) {
      const res = await seller({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('entity');
    }
  });
});
