/**
 * Indexed substring search (FTS5 trigram on SQLite, pg_trgm on PostgreSQL): the index follows every write — create,
 * update, delete, contacts, merge — short queries ("华康") use the fallback, and results stay inside the scope.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCustomers } from '../../server/modules/leads/merge.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { customerMatches, dealMatches } from '../../server/modules/customers/search.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { systemActor } from '../../server/core/policy.js';

const SYSTEM = systemActor('cli');

describe('indexed search', () => {
  let t: TestContext;
  let director: Requester, sellerA: Requester, sellerB: Requester;

  const names = async (who: Requester, q: string, url = '/api/customers') => {
    const res = await who({ method: 'GET', url: `${url}?pageSize=100&q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { name?: string; title?: string }[]).map((r) => r.name ?? r.title).sort();
  };
  const create = async (who: Requester, payload: Record<string, unknown>) => {
    const res = await who({ method: 'POST', url: '/api/customers', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await setupTestApp();
    director = await t.as('director');
    sellerA = await t.as('seller_a');
    sellerB = await t.as('seller_b');
    await installTemplate(t.db, t.clock, SYSTEM, 'b2b_six_step');
  });
  afterAll(async () => t?.close());

  it('finds customers by a substring of the name (3+ characters through the index, 2 through the fallback)', async () => {
    await create(sellerA, { name: '杭州华康医疗器械有限公司', phone: '138 0013 8000' });
    await create(sellerA, { name: '宁波华康生物科技有限公司' });
    await create(sellerB, { name: '广州华康健康科技有限公司' });
    await create(sellerB, { name: 'Acme Medical (Shanghai) Co.' });
    expect(await names(director, '华康')).toHaveLength(3);
    expect(await names(director, '华康医疗')).toEqual(['杭州华康医疗器械有限公司']);
    expect(await names(director, '康生物')).toEqual(['宁波华康生物科技有限公司']);
    expect(await names(director, 'medical (shang')).toEqual(['Acme Medical (Shanghai) Co.']);
    expect(await names(director, '0013-8')).toEqual(['杭州华康医疗器械有限公司']);
    expect(await names(director, '不存在的名字')).toEqual([]);
    // LIKE wildcards typed by a user are literal.
    expect(await names(director, '华_医')).toEqual([]);
    expect(await names(director, '%')).toEqual([]);
  });

  it('keeps search inside the scope on the indexed and the short path', async () => {
    expect(await names(sellerA, '华康')).toEqual(['宁波华康生物科技有限公司', '杭州华康医疗器械有限公司']);
    expect(await names(sellerA, '广州华康')).toEqual([]);
    expect(await names(sellerB, '华康')).toEqual(['广州华康健康科技有限公司']);
    expect(await names(sellerB, '杭州华康')).toEqual([]);
    // The short path's total comes from a bounded sample: exact while the scope fits in it, and scoped.
    for (const [who, n] of [[director, 3], [sellerA, 2], [sellerB, 1]] as const) {
      const res = await who({ method: 'GET', url: `/api/customers?q=${encodeURIComponent('华康')}` });
      expect(res.json(), res.body).toMatchObject({ total: n, totalIsEstimate: false });
    }
    const deals = await director({ method: 'GET', url: `/api/deals?q=${encodeURIComponent('华康')}` });
    expect(deals.json()).toMatchObject({ totalIsEstimate: false });
    expect(deals.json().total).toBe(deals.json().items.length);
    const lead = await t.as('lead_east1');
    expect(await names(lead, '华康科技')).toEqual([]);
    expect(await names(lead, '生物科技')).toEqual(['宁波华康生物科技有限公司']);
  });

  it('follows updates and deletes of customers', async () => {
    const id = await create(sellerA, { name: '温州瑞丰贸易有限公司' });
    expect(await names(sellerA, '瑞丰贸易')).toHaveLength(1);
    expect((await sellerA({ method: 'PATCH', url: `/api/customers/${id}`, payload: { name: '温州永嘉贸易有限公司', phone: '0577-8888 1234' } })).statusCode).toBe(200);
    expect(await names(sellerA, '瑞丰贸易')).toEqual([]);
    expect(await names(sellerA, '永嘉贸易')).toEqual(['温州永嘉贸易有限公司']);
    expect(await names(sellerA, '88881234')).toEqual(['温州永嘉贸易有限公司']);
    expect((await sellerA({ method: 'DELETE', url: `/api/customers/${id}` })).statusCode).toBe(200);
    expect(await names(sellerA, '永嘉贸易')).toEqual([]);
    expect(await names(sellerA, '永嘉')).toEqual([]);
  });

  it('finds a customer by a contact’s name or phone, and forgets removed contacts', async () => {
    const id = await create(sellerA, { name: '苏州恒通设备有限公司' });
    const res = await sellerA({ method: 'POST', url: `/api/customers/${id}/contacts`, payload: { name: '欧阳振华', phone: '139-1234-5678' } });
    expect(res.statusCode).toBe(201);
    const contactId = res.json().id;
    expect(await names(sellerA, '欧阳振')).toEqual(['苏州恒通设备有限公司']);
    expect(await names(sellerA, '欧阳')).toEqual(['苏州恒通设备有限公司']);
    expect(await names(sellerA, '12345678')).toEqual(['苏州恒通设备有限公司']);
    expect(await names(sellerB, '欧阳振')).toEqual([]);
    await sellerA({ method: 'PATCH', url: `/api/contacts/${contactId}`, payload: { name: '司马相如' } });
    expect(await names(sellerA, '欧阳振')).toEqual([]);
    expect(await names(sellerA, '司马相')).toEqual(['苏州恒通设备有限公司']);
    expect((await sellerA({ method: 'DELETE', url: `/api/contacts/${contactId}` })).statusCode).toBe(200);
    expect(await names(sellerA, '司马相')).toEqual([]);
  });

  it('moves contacts’ matches to the survivor of a merge and drops the merged record', async () => {
    const survivor = await create(sellerA, { name: '常州金坛医疗有限公司' });
    const merged = await create(sellerA, { name: '常州金坛医疗器材厂' });
    await sellerA({ method: 'POST', url: `/api/customers/${merged}/contacts`, payload: { name: '诸葛孔明' } });
    expect(await names(sellerA, '诸葛孔')).toEqual(['常州金坛医疗器材厂']);
    await t.db.transaction().execute((trx) => mergeCustomers(trx, t.clock, t.org.users.sellerA.id, survivor, merged));
    expect(await names(sellerA, '诸葛孔')).toEqual(['常州金坛医疗有限公司']);
    expect(await names(sellerA, '金坛医疗器材')).toEqual([]);
    expect(await names(sellerA, '金坛')).toEqual(['常州金坛医疗有限公司']);
  });

  it('searches deals by title and by customer name, following title changes, within scope', async () => {
    const customerId = await create(sellerA, { name: '无锡新吴电子有限公司' });
    const created = await sellerA({ method: 'POST', url: '/api/deals', payload: { title: '监护仪采购项目', customerId, pipelineId: 'b2b_six_step' } });
    expect(created.statusCode, created.body).toBe(201);
    const dealId = created.json().id;
    expect(await names(sellerA, '监护仪采购', '/api/deals')).toEqual(['监护仪采购项目']);
    expect(await names(sellerA, '新吴电子', '/api/deals')).toEqual(['监护仪采购项目']);
    expect(await names(sellerA, '新吴', '/api/deals')).toEqual(['监护仪采购项目']);
    expect(await names(sellerB, '监护仪采购', '/api/deals')).toEqual([]);
    expect(await names(sellerB, '监护', '/api/deals')).toEqual([]);
    await sellerA({ method: 'PATCH', url: `/api/deals/${dealId}`, payload: { title: '呼吸机扩容项目' } });
    expect(await names(sellerA, '监护仪采购', '/api/deals')).toEqual([]);
    expect(await names(sellerA, '呼吸机扩容', '/api/deals')).toEqual(['呼吸机扩容项目']);
    const board = await sellerA({ method: 'GET', url: `/api/pipelines/b2b_six_step/board?q=${encodeURIComponent('呼吸机')}` });
    expect(board.json().columns.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(1);
  });

  it('keeps the index in step with rows written straight into the tables (imports, generators)', async () => {
    const owner = await t.db.selectFrom('users').select(['id', 'team_path']).where('id', '=', t.org.users.sellerB.id).executeTakeFirstOrThrow();
    const now = t.clock.now().toISOString();
    await t.db
      .insertInto('customers')
      .values({ id: 'direct-1', kind: 'company', name: '直接写入的鸿运客户', phone: null, phone_normalized: '13912340000', region: null, industry: null, source: null, level: null, credit_code: null, owner_id: owner.id, team_path: owner.team_path, custom: '{}', created_at: now, updated_at: now, deleted_at: null })
      .execute();
    expect(await names(sellerB, '鸿运客')).toEqual(['直接写入的鸿运客户']);
    expect(await names(sellerB, '2340000')).toEqual(['直接写入的鸿运客户']);
    await t.db.deleteFrom('customers').where('id', '=', 'direct-1').execute();
    expect(await names(sellerB, '鸿运客')).toEqual([]);
  });

  it('answers 3+ character queries from the trigram index itself', async () => {
    if (t.dialect === 'sqlite') {
      const { rows } = await sql<{ ref: string }>`select d.ref from search_fts f join search_docs d on d.id = f.rowid where search_fts match ${'"华康医疗"'}`.execute(t.db);
      expect(rows).toHaveLength(1);
      return;
    }
    // On a table this small the planner prefers a scan; without it, the trigram index must be able to answer.
    const plan = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return (await sql<{ 'QUERY PLAN': string }>`explain select id from customers where name ilike ${'%华康医疗%'}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('customers_name_trgm');
  });

  it('answers the list\'s whole search predicate (name, credit code, phone, contacts) from the indexes', async () => {
    if (t.dialect === 'sqlite') {
      const { sql: text, parameters } = t.db.selectFrom('customers').select('id').where(customerMatches(t.db, '138 0013')).compile();
      const values = [...parameters];
      const plan = (await sql<{ detail: string }>`explain query plan ${sql.raw(text.replace(/\?/g, () => sql.lit(values.shift() as string).compile(t.db).sql))}`.execute(t.db)).rows.map((r) => r.detail).join('\n');
      // The customers are looked up by id from the FTS matches (`f` is search_fts); nothing scans `customers`.
      expect(plan).toMatch(/SCAN f VIRTUAL TABLE INDEX \d+:M/);
      expect(plan).toContain('SEARCH customers USING COVERING INDEX sqlite_autoindex_customers_1 (id=?)');
      expect(plan).not.toMatch(/SCAN customers/);
      return;
    }
    // The earlier `id in (… union …)` form was hash-joined with a sequential scan of every customer at 100,000 rows.
    const planOf = (query: { compile(): { sql: string; parameters: readonly unknown[] } }) =>
      t.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const { sql: text, parameters } = query.compile();
        return (await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(text.replace(/\$(\d+)/g, (_, i) => sql.lit(parameters[Number(i) - 1] as string).compile(trx).sql))}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    const customers = await planOf(t.db.selectFrom('customers').select('id').where(customerMatches(t.db, '138 0013')));
    for (const index of ['BitmapOr', 'customers_name_trgm', 'customers_credit_code_trgm', 'customers_phone_trgm', 'customers_pkey', 'contacts_name_trgm', 'contacts_phone_trgm']) expect(customers).toContain(index);
    expect(customers).not.toContain('Hash Join');
    const deals = await planOf(t.db.selectFrom('deals').select('id').where(dealMatches(t.db, '华康医疗')));
    for (const index of ['BitmapOr', 'deals_title_trgm', 'deals_customer', 'customers_name_trgm']) expect(deals).toContain(index);
  });
});
