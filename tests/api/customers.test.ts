import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';

describe('customers and contacts', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};

  const create = async (username: string, body: Record<string, unknown>) => {
    const res = await (await t.as(username))({ method: 'POST', url: '/api/customers', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await setupTestApp();
    ids.a1 = (await create('seller_a', { name: '上海瑞金医院', phone: '+86 138-0013-8000', region: '上海', industry: '医院', creditCode: '12310000425005186N' })).id;
    ids.a2 = (await create('seller_a', { name: '苏州康复中心', phone: '0512-6523 0000', region: '江苏', industry: '医院' })).id;
    ids.a3 = (await create('seller_a', { kind: 'person', name: 'Zhang Wei', region: '浙江', level: 'A', source: 'referral' })).id;
    ids.a2x = (await create('seller_a2', { name: '杭州口腔诊所', region: '浙江', industry: '诊所' })).id;
    ids.b1 = (await create('seller_b', { name: '广州医疗器械公司', region: '广东', industry: '医药流通', phone: '020-8888 1234' })).id;
  });
  afterAll(async () => t?.close());

  it('creates a customer owned by the caller, with normalised phone and team path of the owner', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'GET', url: `/api/customers/${ids.a1}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '上海瑞金医院',
      phoneNormalized: '13800138000',
      creditCode: '12310000425005186N',
      owner: { id: t.org.users.sellerA.id, name: 'seller_a' },
      contacts: [],
      counts: { deals: 0, activities: 0 },
    });
    const row = await t.db.selectFrom('customers').innerJoin('users', 'users.id', 'customers.owner_id').select(['customers.team_path', 'users.team_path as owner_path']).where('customers.id', '=', ids.a1).executeTakeFirstOrThrow();
    expect(row.team_path).toBe(row.owner_path);
  });

  it('paginates with total and a second page', async () => {
    const director = await t.as('director');
    const p1 = await director({ method: 'GET', url: '/api/customers?pageSize=2&sort=name' });
    const p2 = await director({ method: 'GET', url: '/api/customers?pageSize=2&page=2&sort=name' });
    const p3 = await director({ method: 'GET', url: '/api/customers?pageSize=2&page=3&sort=name' });
    expect(p1.json().total).toBe(5);
    expect(p1.json().items).toHaveLength(2);
    expect(p2.json().items).toHaveLength(2);
    expect(p3.json().items).toHaveLength(1);
    const all = [...p1.json().items, ...p2.json().items, ...p3.json().items].map((c: { id: string }) => c.id);
    expect(new Set(all).size).toBe(5);
  });

  it('searches name, phone digits (any format) and credit code', async () => {
    const director = await t.as('director');
    const names = async (q: string) =>
      (await director({ method: 'GET', url: `/api/customers?q=${encodeURIComponent(q)}` })).json().items.map((c: { name: string }) => c.name);
    expect(await names('瑞金')).toEqual(['上海瑞金医院']);
    expect(await names('138 0013')).toEqual(['上海瑞金医院']);
    expect(await names('12310000425005186n')).toEqual(['上海瑞金医院']);
    expect(await names('zhang')).toEqual(['Zhang Wei']);
    expect(await names('%')).toEqual([]);
  });

  it('filters by region, industry, level, source and owner', async () => {
    const director = await t.as('director');
    const get = async (qs: string) => (await director({ method: 'GET', url: `/api/customers?${qs}` })).json();
    expect((await get(`region=${encodeURIComponent('浙江')}`)).total).toBe(2);
    expect((await get(`industry=${encodeURIComponent('医院')}`)).total).toBe(2);
    expect((await get('level=A&source=referral')).items[0].id).toBe(ids.a3);
    expect((await get(`ownerId=${t.org.users.sellerB.id}`)).items.map((c: { id: string }) => c.id)).toEqual([ids.b1]);
  });

  it('sorts by whitelisted fields both ways and refuses others naming sort', async () => {
    const director = await t.as('director');
    const regions = async (sort: string) => (await director({ method: 'GET', url: `/api/customers?sort=${sort}` })).json().items.map((c: { region: string }) => c.region);
    const asc = await regions('region');
    expect(asc).toEqual([...asc].sort());
    expect(await regions('-region')).toEqual([...asc].reverse());
    const bad = await director({ method: 'GET', url: '/api/customers?sort=password_hash' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('sort');
  });

  it('applies the scope matrix to lists and to reads/writes by id', async () => {
    const listIds = async (username: string) =>
      (await (await t.as(username))({ method: 'GET', url: '/api/customers?pageSize=100' })).json().items.map((c: { id: string }) => c.id).sort();
    expect(await listIds('seller_a')).toEqual([ids.a1, ids.a2, ids.a3].sort());
    expect(await listIds('lead_east1')).toEqual([ids.a1, ids.a2, ids.a3, ids.a2x].sort());
    expect(await listIds('rm_east')).toEqual([ids.a1, ids.a2, ids.a3, ids.a2x].sort());
    expect(await listIds('seller_b')).toEqual([ids.b1]);
    expect(await listIds('director')).toHaveLength(5);
    expect(await listIds('support')).toHaveLength(5);

    const sellerA = await t.as('seller_a');
    for (const req of [
      { method: 'GET' as const, url: `/api/customers/${ids.b1}` },
      { method: 'PATCH' as const, url: `/api/customers/${ids.b1}`, payload: { name: 'hijack' } },
      { method: 'DELETE' as const, url: `/api/customers/${ids.b1}` },
      { method: 'POST' as const, url: `/api/customers/${ids.b1}/contacts`, payload: { name: '李' } },
    ]) {
      const res = await sellerA(req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const lead = await t.as('lead_east1');
    expect((await lead({ method: 'GET', url: `/api/customers/${ids.b1}` })).statusCode).toBe(404);
    expect((await lead({ method: 'GET', url: `/api/customers/${ids.a2x}` })).statusCode).toBe(200);
    const still = await t.db.selectFrom('customers').select(['name', 'deleted_at']).where('id', '=', ids.b1).executeTakeFirstOrThrow();
    expect(still).toEqual({ name: '广州医疗器械公司', deleted_at: null });
  });

  it('limits who may become owner: sellers themselves, leads their subtree', async () => {
    const sellerA = await t.as('seller_a');
    const res = await sellerA({ method: 'POST', url: '/api/customers', payload: { name: 'X', ownerId: t.org.users.sellerA2.id } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.fields[0].field).toBe('ownerId');
    const lead = await t.as('lead_east1');
    expect((await lead({ method: 'POST', url: '/api/customers', payload: { name: 'X', ownerId: t.org.users.sellerB.id } })).statusCode).toBe(403);
    const ok = await lead({ method: 'POST', url: '/api/customers', payload: { name: '组长分配客户', ownerId: t.org.users.sellerA2.id } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().owner.id).toBe(t.org.users.sellerA2.id);
    const missing = await lead({ method: 'POST', url: '/api/customers', payload: { name: 'X', ownerId: 'nobody' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].field).toBe('ownerId');
    ids.leadMade = ok.json().id;
  });

  it('moves the customer to the new owner’s team when the owner changes, and audits before/after', async () => {
    const director = await t.as('director');
    t.clock.advance(60_000);
    const res = await director({ method: 'PATCH', url: `/api/customers/${ids.leadMade}`, payload: { ownerId: t.org.users.sellerB.id, level: 'B' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().owner.id).toBe(t.org.users.sellerB.id);
    expect((await (await t.as('lead_east1'))({ method: 'GET', url: `/api/customers/${ids.leadMade}` })).statusCode).toBe(404);
    expect((await (await t.as('seller_b'))({ method: 'GET', url: `/api/customers/${ids.leadMade}` })).statusCode).toBe(200);
    const audit = (await director({ method: 'GET', url: `/api/audit?entity=customer&id=${ids.leadMade}` })).json().items;
    expect(audit[0]).toMatchObject({
      action: 'update',
      actor: { id: t.org.users.director.id },
      before: { ownerId: t.org.users.sellerA2.id, level: null },
      after: { ownerId: t.org.users.sellerB.id, level: 'B' },
    });
    expect(audit[1]).toMatchObject({ action: 'create', after: { name: '组长分配客户' } });
    const events = await t.db.selectFrom('events').select(['type']).where('entity_id', '=', ids.leadMade).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.updated']);
  });

  it('soft-deletes: hidden from lists and reads, row and audit kept', async () => {
    const seller = await t.as('seller_a');
    const id = (await create('seller_a', { name: '待删除客户' })).id;
    t.clock.advance(60_000);
    expect((await seller({ method: 'DELETE', url: `/api/customers/${id}` })).statusCode).toBe(200);
    expect((await seller({ method: 'GET', url: `/api/customers/${id}` })).statusCode).toBe(404);
    expect((await seller({ method: 'DELETE', url: `/api/customers/${id}` })).statusCode).toBe(404);
    const list = (await seller({ method: 'GET', url: `/api/customers?q=${encodeURIComponent('待删除')}` })).json();
    expect(list.total).toBe(0);
    const row = await t.db.selectFrom('customers').select('deleted_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.deleted_at).toBe(t.clock.now().toISOString());
    const audit = (await (await t.as('director'))({ method: 'GET', url: `/api/audit?entity=customer&id=${id}` })).json().items;
    expect(audit[0]).toMatchObject({ action: 'delete', before: { name: '待删除客户' }, after: null });
  });

  it('manages contacts inside the customer’s scope, with audit', async () => {
    const seller = await t.as('seller_a');
    const add = await seller({
      method: 'POST',
      url: `/api/customers/${ids.a1}/contacts`,
      payload: { name: '王主任', title: '设备科主任', decisionPower: 'decision_maker', phone: '13900001111', email: 'wang@example.cn' },
    });
    expect(add.statusCode, add.body).toBe(201);
    const contactId = add.json().id;
    t.clock.advance(60_000);
    const patched = await seller({ method: 'PATCH', url: `/api/contacts/${contactId}`, payload: { decisionPower: 'influencer' } });
    expect(patched.json()).toMatchObject({ name: '王主任', decisionPower: 'influencer' });
    const detail = (await seller({ method: 'GET', url: `/api/customers/${ids.a1}` })).json();
    expect(detail.contacts).toEqual([expect.objectContaining({ id: contactId, title: '设备科主任' })]);
    const sellerB = await t.as('seller_b');
    expect((await sellerB({ method: 'PATCH', url: `/api/contacts/${contactId}`, payload: { name: 'x' } })).statusCode).toBe(404);
    expect((await sellerB({ method: 'DELETE', url: `/api/contacts/${contactId}` })).statusCode).toBe(404);
    const audit = (await seller({ method: 'GET', url: `/api/audit?entity=contact&id=${contactId}` })).json().items;
    expect(audit[0]).toMatchObject({ action: 'update', before: { decisionPower: 'decision_maker' }, after: { decisionPower: 'influencer' } });
    expect((await seller({ method: 'DELETE', url: `/api/contacts/${contactId}` })).statusCode).toBe(200);
    expect((await seller({ method: 'GET', url: `/api/customers/${ids.a1}` })).json().contacts).toEqual([]);
  });

  it('accepts full-width phones (Chinese IME) on create, update and contacts, storing them half-width', async () => {
    const seller = await t.as('seller_a');
    // The same number as 上海瑞金医院's, typed full-width: a duplicate, not a malformed phone.
    const dup = await seller({ method: 'POST', url: '/api/customers', payload: { name: '全角号码客户', phone: '１３８００１３８０００' } });
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_CUSTOMER', customer: ids.a1, matchedOn: ['phone'] });
    const created = await create('seller_a', { name: '上海第六人民医院', phone: '（０２１）６４３６　９１８１' });
    expect(created).toMatchObject({ phone: '(021)6436 9181', phoneNormalized: '02164369181' });
    const patched = await seller({ method: 'PATCH', url: `/api/customers/${created.id}`, payload: { phone: '＋８６　１３９－１２３４－５６７８' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ phone: '+86 139-1234-5678', phoneNormalized: '13912345678' });
    const found = await seller({ method: 'GET', url: '/api/customers?q=13912345678' });
    expect(found.json().items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    const contact = await seller({ method: 'POST', url: `/api/customers/${created.id}/contacts`, payload: { name: '赵医生', phone: '１３７００００２２２２' } });
    expect(contact.statusCode, contact.body).toBe(201);
    expect(contact.json().phone).toBe('13700002222');
    // Full-width letters are still not a phone.
    const bad = await seller({ method: 'PATCH', url: `/api/customers/${created.id}`, payload: { phone: '１３８ＡＢＣ' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['phone']);
    // Too few digits to be any real number.
    const short = await seller({ method: 'PATCH', url: `/api/customers/${created.id}`, payload: { phone: '12' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0]).toMatchObject({ field: 'phone', code: 'phone_invalid', params: { min: 7, max: 15 }, message: '须为 7 到 15 位数字的电话号码' });
    expect((await t.db.selectFrom('customers').select('phone').where('id', '=', created.id).executeTakeFirstOrThrow()).phone).toBe('+86 139-1234-5678');
    expect((await seller({ method: 'DELETE', url: `/api/customers/${created.id}` })).statusCode).toBe(200);
  });

  it('validates custom fields, naming custom.<key>, including user-type values', async () => {
    const admin = await t.as('admin');
    for (const def of [
      { entity: 'customer', key: 'bed_count', label: '床位数', labelEn: 'Beds', type: 'number', required: true },
      { entity: 'customer', key: 'grade', label: '医院等级', type: 'select', options: [{ value: '3A', label: '三甲' }, { value: '2A', label: '二甲' }] },
      { entity: 'customer', key: 'engineer', label: '负责工程师', type: 'user' },
    ]) {
      expect((await admin({ method: 'POST', url: '/api/custom-fields', payload: def })).statusCode).toBe(201);
    }
    const seller = await t.as('seller_a');
    const fields = async (custom: Record<string, unknown>) => {
      const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: '自定义字段客户', custom } });
      expect(res.statusCode).toBe(400);
      return res.json().error.fields.map((f: { field: string }) => f.field).sort();
    };
    expect(await fields({})).toEqual(['custom.bed_count']);
    expect(await fields({ bed_count: 'many', grade: '5A' })).toEqual(['custom.bed_count', 'custom.grade']);
    expect(await fields({ bed_count: 800, engineer: 'ghost' })).toEqual(['custom.engineer']);
    expect(await fields({ bed_count: 800, typo: 1 })).toEqual(['custom.typo']);
    const ok = await seller({ method: 'POST', url: '/api/customers', payload: { name: '自定义字段客户', custom: { bed_count: 800, grade: '3A', engineer: t.org.users.support.id } } });
    expect(ok.statusCode, ok.body).toBe(201);
    const patched = await seller({ method: 'PATCH', url: `/api/customers/${ok.json().id}`, payload: { custom: { grade: '2A' } } });
    expect(patched.json().custom).toEqual({ bed_count: 800, grade: '2A', engineer: t.org.users.support.id });
    const cleared = await seller({ method: 'PATCH', url: `/api/customers/${ok.json().id}`, payload: { custom: { bed_count: null } } });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.fields[0].field).toBe('custom.bed_count');
    // The required field blocks creation of other customers, so remove it for later tests.
    const defs = (await admin({ method: 'GET', url: '/api/custom-fields?entity=customer' })).json().items;
    for (const d of defs) await admin({ method: 'DELETE', url: `/api/custom-fields/${d.id}` });
  });

  it.each([
    ['POST', '/api/customers', { name: '' }, 'name'],
    ['POST', '/api/customers', { region: 'x' }, 'name'],
    ['POST', '/api/customers', { name: 'x', kind: 'robot' }, 'kind'],
    ['POST', '/api/customers', { name: 'x', phone: 'call me' }, 'phone'],
    ['POST', '/api/customers', { name: 'x', creditCode: '12345' }, 'creditCode'],
    ['POST', '/api/customers', { name: 'x', creditCode: '91310115MA1K3YJ12I' }, 'creditCode'],
    ['POST', '/api/customers', { name: 'x', custom: 'nope' }, 'custom'],
    ['PATCH', '/api/customers/:a1', { name: '' }, 'name'],
    ['PATCH', '/api/customers/:a1', {}, 'body'],
    ['GET', '/api/customers?page=0', undefined, 'page'],
    ['GET', '/api/customers?pageSize=1000', undefined, 'pageSize'],
    ['GET', '/api/customers?kind=robot', undefined, 'kind'],
    ['POST', '/api/customers/:a1/contacts', { name: '' }, 'name'],
    ['POST', '/api/customers/:a1/contacts', { name: '李', decisionPower: 'boss' }, 'decisionPower'],
    ['POST', '/api/customers/:a1/contacts', { name: '李', email: 'not-mail' }, 'email'],
    ['POST', '/api/customers/:a1/contacts', { name: '李', phone: 'abc' }, 'phone'],
    ['PATCH', '/api/contacts/:contact', { decisionPower: 'boss' }, 'decisionPower'],
    ['PATCH', '/api/contacts/:contact', { name: '' }, 'name'],
    ['PATCH', '/api/contacts/:contact', {}, 'body'],
  ] as const)('%s %s %j → 400 naming %s', async (method, url, payload, field) => {
    const seller = await t.as('seller_a');
    ids.contact ??= (await seller({ method: 'POST', url: `/api/customers/${ids.a2}/contacts`, payload: { name: '赵' } })).json().id;
    const res = await seller({ method, url: url.replace(':a1', ids.a1).replace(':contact', ids.contact), ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});
