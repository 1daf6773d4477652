import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { runImport, xlsx } from '../support/imports.js';

type Entry = { key: string; label: string; parentKey: string | null; aliases: string[] };

/**
 * Issue 15 point 9: region, industry, source and level are admin-managed dictionaries with a China region list; every
 * write path stores the entry's key whatever spelling was typed ("浙江杭州" and "浙江省杭州市" are one value), so the
 * filter finds both customers. A value no entry means is refused on every customer write path with a 400 naming the
 * field (on the old code it was stored as typed, fragmenting filters again); an import reports it as a row error.
 */
describe('customer dictionaries', () => {
  let t: TestContext;
  let seller: Requester, admin: Requester;
  beforeAll(async () => {
    t = await setupTestApp();
    [seller, admin] = await Promise.all(['seller_a', 'admin'].map((u) => t.as(u)));
  });
  afterAll(async () => t?.close());

  it('ships the provinces of China with their main cities under them, findable by short names', async () => {
    const regions: Entry[] = (await seller({ method: 'GET', url: '/api/dictionaries?kind=region' })).json().items;
    // Top level: the 34 province-level divisions and the seven sales areas (华东 …, migration 0038).
    const areas = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
    expect(regions.filter((r) => r.parentKey === null && areas.includes(r.key)).map((r) => r.key).sort()).toEqual([...areas].sort());
    const provinces = regions.filter((r) => r.parentKey === null && !areas.includes(r.key));
    expect(provinces).toHaveLength(34);
    expect(provinces.map((p) => p.key)).toEqual(expect.arrayContaining(['浙江省', '广东省', '北京市', '新疆维吾尔自治区', '香港特别行政区']));
    const hangzhou = regions.find((r) => r.key === '浙江省杭州市')!;
    expect(hangzhou).toMatchObject({ parentKey: '浙江省', label: '浙江省杭州市' });
    expect(hangzhou.aliases).toEqual(expect.arrayContaining(['浙江杭州', '杭州市']));
    for (const r of regions.filter((x) => x.parentKey)) expect(provinces.map((p) => p.key)).toContain(r.parentKey);
  });

  it('stores the key for any known spelling on create and edit, so one filter finds them all', async () => {
    const create = (payload: Record<string, unknown>) => seller({ method: 'POST', url: '/api/customers', payload });
    const a = await create({ name: '杭州甲医院', region: '浙江杭州', industry: '医院', level: 'A' });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ region: '浙江省杭州市' });
    const b = await create({ name: '杭州乙医院', region: '浙江省杭州市' });
    expect(b.json().region).toBe('浙江省杭州市');
    const c = await create({ name: '杭州丙诊所', region: '上海' });
    expect(c.json().region).toBe('上海市');
    const edited = await seller({ method: 'PATCH', url: `/api/customers/${c.json().id}`, payload: { region: ' 杭州市 ' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().region).toBe('浙江省杭州市');
    const found = (await seller({ method: 'GET', url: `/api/customers?region=${encodeURIComponent('浙江省杭州市')}&pageSize=50` })).json();
    expect(found.items.map((x: { name: string }) => x.name).sort()).toEqual(['杭州丙诊所', '杭州乙医院', '杭州甲医院'].sort());
    const rows = await t.db.selectFrom('customers').select('region').where('name', 'in', ['杭州甲医院', '杭州乙医院', '杭州丙诊所']).execute();
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['浙江省杭州市']));
  });

  it('refuses a value no entry means on create, edit and lead intake, naming the field in Chinese and English', async () => {
    const refused = await seller({ method: 'POST', url: '/api/customers', payload: { name: '海外客户', region: 'Singapore' }, headers: { 'accept-language': 'zh-CN' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ field: 'region', code: 'not_in_dictionary', params: expect.objectContaining({ value: 'Singapore' }) })]);
    expect(refused.json().error.fields[0].message).toContain('不在可选值中');
    expect(await t.db.selectFrom('customers').select('id').where('name', '=', '海外客户').execute()).toEqual([]);
    const en = await seller({ method: 'POST', url: '/api/customers', payload: { name: '海外客户', industry: '造船' }, headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields[0]).toMatchObject({ field: 'industry', code: 'not_in_dictionary' });
    expect(en.json().error.fields[0].message).toContain('is not one of the allowed values');
    // A sales area is a region entry; the store booking's own source is a source entry.
    const area = await seller({ method: 'POST', url: '/api/customers', payload: { name: '华东某医院', region: '华东区', source: '门店预约' } });
    expect(area.statusCode, area.body).toBe(201);
    expect(area.json()).toMatchObject({ region: '华东', source: '门店预约' });
    const edit = await seller({ method: 'PATCH', url: `/api/customers/${area.json().id}`, payload: { level: 'VIP' } });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.fields[0]).toMatchObject({ field: 'level', code: 'not_in_dictionary' });
    const lead = await admin({ method: 'POST', url: '/api/leads', payload: { name: '直播线索', source: '快手' } });
    expect(lead.statusCode).toBe(400);
    expect(lead.json().error.fields[0]).toMatchObject({ field: 'source', code: 'not_in_dictionary' });
  });

  it('keeps a value stored before the rule when the record is saved again, and refuses changing to another unknown one', async () => {
    const c = await seller({ method: 'POST', url: '/api/customers', payload: { name: '老数据医院' } });
    await t.db.updateTable('customers').set({ region: '东海片区' }).where('id', '=', c.json().id).execute();
    const resaved = await seller({ method: 'PATCH', url: `/api/customers/${c.json().id}`, payload: { name: '老数据医院（新）', region: '东海片区' } });
    expect(resaved.statusCode, resaved.body).toBe(200);
    expect(resaved.json().region).toBe('东海片区');
    const changed = await seller({ method: 'PATCH', url: `/api/customers/${c.json().id}`, payload: { region: '西海片区' } });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.fields[0].field).toBe('region');
  });

  it('an import maps known spellings and reports an unknown region as a row error', async () => {
    const flow = await runImport(admin, {
      name: 'regions.xlsx',
      content: await xlsx([
        ['客户名称', '手机号', '地区'],
        ['字典导入甲公司', '13800138071', '浙江杭州'],
        ['字典导入乙公司', '13800138072', '东海片区'],
      ]),
    });
    expect(flow.commit!.result).toMatchObject({ created: 1, errors: 1 });
    const rows = (await admin({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=error` })).json().items;
    expect(rows.map((r: { problems: Array<{ column: string; code: string }> }) => r.problems.map((p) => `${p.column}:${p.code}`))).toEqual([['地区:select_unknown']]);
    expect((await t.db.selectFrom('customers').select('region').where('name', '=', '字典导入甲公司').executeTakeFirstOrThrow()).region).toBe('浙江省杭州市');
  });

  it('maps an alias an admin adds, and not one that was retired', async () => {
    const entry = await admin({ method: 'POST', url: '/api/dictionaries', payload: { kind: 'source', label: '抖音直播', aliases: ['抖音', 'douyin'] } });
    expect(entry.statusCode, entry.body).toBe(201);
    const made = await seller({ method: 'POST', url: '/api/customers', payload: { name: '直播来的客户', source: 'DouYin' } });
    expect(made.json().source).toBe('抖音直播');
    await admin({ method: 'PATCH', url: `/api/dictionaries/${entry.json().id}`, payload: { active: false } });
    const retired = await seller({ method: 'POST', url: '/api/customers', payload: { name: '又一个直播客户', source: '抖音' } });
    expect(retired.statusCode).toBe(400);
    expect(retired.json().error.fields[0]).toMatchObject({ field: 'source', code: 'not_in_dictionary' });
  });
});
