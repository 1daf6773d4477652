import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { setupTestApp, TEST_PASSWORD, type TestContext } from '../support/app.js';
import { creditCode, multipart, runImport, xlsx } from '../support/imports.js';
import { startCommit, startDryRun, resumeImport } from '../../server/modules/imports/service.js';
import { heapBounded } from '../../server/core/heap.js';

const HEADERS = ['客户名称', '手机号', '统一社会信用代码', '地区', '负责人', '联系人', '职位'];

describe('imports: staged customer import', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  const count = async (table: 'customers' | 'events' | 'outbox' | 'audit_log' | 'contacts' | 'ownership_conflicts') =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);

  it('dry run writes nothing, commit reports the same numbers, and a re-run changes nothing', async () => {
    const admin = await t.as('admin');
    const content = await xlsx([
      HEADERS,
      ['杭州一号医疗有限公司', '138 0013 8001', creditCode(1), '华东', 'seller_a', '张伟', '采购经理'],
      ['杭州二号医疗有限公司', '+86 13800138002', creditCode(2), '华东', 'seller_a', '', ''],
      ['上海三号公司', '1.38E+10', '', '华东', 'seller_a', '', ''],
      ['上海四号公司', '13800138004', '91330100MA2ABCDE1X', '华东', 'seller_a', '', ''],
      ['', '13800138005', '', '', '', '', ''],
      ['深圳五号公司', '13800138006', '', '华南', 'nobody', '', ''],
      ['杭州一号医疗公司', '13800138001', '', '', '', '', ''],
    ]);
    const before = { customers: await count('customers'), events: await count('events'), outbox: await count('outbox'), audit: await count('audit_log') };
    const flow = await runImport(admin, { name: '客户.xlsx', content }, { dryOnly: true });
    expect(flow.upload.import.format).toBe('xlsx');
    expect(flow.upload.suggested).toEqual(['name', 'phone', 'creditCode', 'region', 'owner', 'contactName', 'contactTitle']);
    expect(flow.upload.preview[0]).toEqual({ row: 2, cells: ['杭州一号医疗有限公司', '138 0013 8001', creditCode(1), '华东', 'seller_a', '张伟', '采购经理'] });
    expect(flow.dry.status).toBe('validated');
    expect(flow.dry.counts).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 5, skipped: 0, conflicts: 0, denied: 0 });
    expect({ customers: await count('customers'), events: await count('events'), outbox: await count('outbox'), audit: await count('audit_log') }).toEqual(before);

    const rows = (await admin({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=error`, headers: { 'accept-language': 'en' } })).json();
    const byRow = Object.fromEntries(rows.items.map((r: { row: number; problems: Array<{ code: string; column: string | null }> }) => [r.row, r.problems.map((p) => `${p.column}:${p.code}`)]));
    expect(byRow).toEqual({
      4: ['手机号:phone_scientific'],
      5: ['统一社会信用代码:credit_code_check'],
      6: ['客户名称:required'],
      7: ['负责人:owner_unknown'],
      8: ['null:duplicate_in_file'],
    });
    expect(rows.items.find((r: { row: number }) => r.row === 4).problems[0].message).toContain('scientific notation');

    const commit = await admin({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/commit`, payload: { wait: true } });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().status).toBe('committed');
    expect(commit.json().result).toEqual(flow.dry.counts);
    const created = await t.db.selectFrom('customers').selectAll().where('name', 'like', '杭州_号医疗有限公司').orderBy('name').execute();
    expect(created.map((c) => [c.name, c.phone_normalized, c.owner_id, c.credit_code])).toEqual([
      ['杭州一号医疗有限公司', '13800138001', t.org.users.sellerA.id, creditCode(1)],
      ['杭州二号医疗有限公司', '13800138002', t.org.users.sellerA.id, creditCode(2)],
    ]);
    const contacts = await t.db.selectFrom('contacts').select(['name', 'title']).where('customer_id', '=', created[0]!.id).execute();
    expect(contacts).toEqual([{ name: '张伟', title: '采购经理' }]);
    const audits = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', created[0]!.id).execute();
    expect(audits).toEqual([{ action: 'create', actor_id: t.org.users.admin.id }]);
    // No customer.created per row: one summary notification for the importer instead.
    expect(await count('events')).toBe(before.events);
    const note = await t.db.selectFrom('notifications').select(['title', 'body']).where('user_id', '=', t.org.users.admin.id).where('link', '=', `/imports/${flow.upload.import.id}`).execute();
    expect(note).toEqual([{ title: '导入完成：客户.xlsx', body: '新建 2，更新 0，未变 0，错误 5' }]);

    const again = await runImport(admin, { name: '客户.xlsx', content });
    expect(again.dry.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: 5 });
    expect(again.commit!.result).toEqual(again.dry.counts);
    expect(await count('customers')).toBe(before.customers + 2);
  });

  it('maps region, industry, source and level onto the admin dictionaries; closed lists refuse unknown values', async () => {
    const admin = await t.as('admin');
    const flow = await runImport(admin, {
      name: 'dict.xlsx',
      content: await xlsx([
        ['客户名称', '手机号', '地区', '行业', '来源', '客户级别'],
        ['温州字典一号公司', '13800138050', '浙江温州', '医院', '展会', 'a'],
        ['温州字典二号公司', '13800138051', '华东', '制造业', 'Website', 'B'],
        ['温州字典三号公司', '13800138052', '浙江省', '造船', '展会', 'A'],
      ]),
    });
    expect(flow.commit!.result).toMatchObject({ created: 2, errors: 1 });
    const rows = await t.db.selectFrom('customers').select(['name', 'region', 'industry', 'source', 'level']).where('name', 'like', '温州字典%').orderBy('phone_normalized').execute();
    expect(rows).toEqual([
      { name: '温州字典一号公司', region: '浙江省温州市', industry: '医院', source: '展会', level: 'A' },
      { name: '温州字典二号公司', region: '华东', industry: '制造业', source: '官网', level: 'B' },
    ]);
    const problems = (await admin({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=error` })).json().items[0].problems;
    expect(problems.map((p: { column: string; code: string }) => `${p.column}:${p.code}`)).toEqual(['行业:select_unknown']);
  });

  it('error file round trip: the corrected error file processes only those rows (CSV, GBK)', async () => {
    const admin = await t.as('admin');
    const content = await xlsx([
      HEADERS,
      ['广州六号公司', '13800138010', '', '华南', 'seller_b', '', ''],
      ['广州七号公司', '1.3800138E10', '', '华南', 'seller_b', '', ''],
      ['广州八号公司', '13800138012', '9133', '华南', 'seller_b', '', ''],
    ]);
    const flow = await runImport(admin, { name: 'gz.xlsx', content });
    expect(flow.commit!.result).toMatchObject({ created: 1, errors: 2 });
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await admin({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/errors?format=${format}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`gz-errors.${format}`);
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const values = wb.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
        expect(values.map((r) => r[0])).toEqual(['客户名称', '广州七号公司', '广州八号公司']);
        continue;
      }
      const text = res.rawPayload.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe([...HEADERS, '原行号 / Row', '错误 / Errors'].join(','));
      expect(lines[1]).toContain('广州七号公司,1.3800138E10');
      expect(lines[1]).toContain(',3,[手机号] 电话被 Excel 存成了科学计数法');
      // Correct the two rows and send the file back the way Chinese Excel saves CSV: GBK.
      const fixed = lines.map((l) => l.replace('1.3800138E10', '13800138011').replace(',9133,', `,${creditCode(8)},`)).join('\r\n');
      const again = await runImport(admin, { name: 'gz-errors.csv', content: iconv.encode(fixed + '\r\n', 'gbk') });
      expect(again.upload.import).toMatchObject({ format: 'csv', encoding: 'gb18030' });
      expect(again.upload.suggested.slice(-2)).toEqual([null, null]);
      expect(again.dry.totalRows).toBe(2);
      expect(again.commit!.result).toMatchObject({ created: 2, updated: 0, errors: 0 });
    }
    const names = await t.db.selectFrom('customers').select('name').where('name', 'like', '广州%').orderBy('name').execute();
    expect(names.map((n) => n.name)).toEqual(['广州七号公司', '广州八号公司', '广州六号公司']);
  });

  it('duplicates: policy skip/update, a name-only match goes to the conflict queue, sellers cannot touch others’ customers', async () => {
    const sellerB = await t.as('seller_b');
    const existing = await sellerB({ method: 'POST', url: '/api/customers', payload: { name: '佛山九号科技有限公司', phone: '13800138020', region: '华南' } });
    expect(existing.statusCode, existing.body).toBe(201);
    const id = existing.json().id;
    const sellerA = await t.as('seller_a');
    const content = await xlsx([
      ['公司名称', '联系电话', '区域'],
      ['九号佛山分部', '13800138020', '华东'], // phone match: someone else's customer → denied
      ['佛山九号科技股份有限公司', '', '西北'], // name-only match → conflict queue
    ]);
    const conflictsBefore = await count('ownership_conflicts');
    const flow = await runImport(sellerA, { name: 'fs.xlsx', content });
    expect(flow.dry.counts).toMatchObject({ denied: 1, conflicts: 1, created: 0, updated: 0 });
    expect(flow.commit!.result).toEqual(flow.dry.counts);
    const after = await t.db.selectFrom('customers').select(['region', 'owner_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after).toEqual({ region: '华南', owner_id: t.org.users.sellerB.id });
    expect(await count('ownership_conflicts')).toBe(conflictsBefore + 1);
    const queue = await t.db.selectFrom('ownership_conflicts').select(['customer_id', 'requester_id', 'owner_id', 'status']).where('customer_id', '=', id).execute();
    expect(queue).toEqual([{ customer_id: id, requester_id: t.org.users.sellerA.id, owner_id: t.org.users.sellerB.id, status: 'open' }]);

    // The admin may update it; with the skip policy the row is skipped instead.
    const admin = await t.as('admin');
    const phoneOnly = await xlsx([['公司名称', '联系电话', '区域'], ['佛山九号', '13800138020', '华中']]);
    const skipped = await runImport(admin, { name: 'fs2.xlsx', content: phoneOnly }, { options: { duplicates: 'skip' } });
    expect(skipped.commit!.result).toMatchObject({ skipped: 1, updated: 0 });
    const updated = await runImport(admin, { name: 'fs3.xlsx', content: phoneOnly }, { options: { duplicates: 'update' } });
    expect(updated.commit!.result).toMatchObject({ updated: 1 });
    expect(await t.db.selectFrom('customers').select(['name', 'region']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ name: '佛山九号', region: '华中' });
    const created = await runImport(admin, { name: 'fs4.xlsx', content: phoneOnly }, { options: { duplicates: 'create' } });
    expect(created.commit!.result).toMatchObject({ created: 1 });
  });

  it('undo deletes untouched created customers, restores updated fields, and lists records changed since as conflicts', async () => {
    const admin = await t.as('admin');
    const base = await xlsx([['客户名称', '手机号', '地区', '负责人'], ['南京一号公司', '13800138030', '华东', 'seller_a']]);
    await runImport(admin, { name: 'nj0.xlsx', content: base });
    const flow = await runImport(
      admin,
      { name: 'nj.xlsx', content: await xlsx([['客户名称', '手机号', '地区', '负责人'], ['南京一号公司', '13800138030', '江苏', 'seller_a'], ['南京二号公司', '13800138031', '华东', 'seller_a'], ['南京三号公司', '13800138032', '华东', 'seller_a']]) },
    );
    expect(flow.commit!.result).toMatchObject({ created: 2, updated: 1 });
    const two = await t.db.selectFrom('customers').selectAll().where('name', '=', '南京二号公司').executeTakeFirst();
    const three = await t.db.selectFrom('customers').selectAll().where('name', '=', '南京三号公司').executeTakeFirst();
    t.clock.advance(60_000);
    const touched = await admin({ method: 'PATCH', url: `/api/customers/${three!.id}`, payload: { level: 'A' } });
    expect(touched.statusCode, touched.body).toBe(200);
    t.clock.advance(60_000);
    const res = await admin({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/undo` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().undo).toMatchObject({ deleted: 1, restored: 1, conflicts: 1, conflictRows: [{ row: 4, customerId: three!.id, reason: 'changed_since' }] });
    expect(res.json().import.status).toBe('undone');
    expect((await t.db.selectFrom('customers').select('deleted_at').where('id', '=', two!.id).executeTakeFirstOrThrow()).deleted_at).not.toBeNull();
    expect((await t.db.selectFrom('customers').select('deleted_at').where('id', '=', three!.id).executeTakeFirstOrThrow()).deleted_at).toBeNull();
    expect((await t.db.selectFrom('customers').select('region').where('name', '=', '南京一号公司').executeTakeFirstOrThrow()).region).toBe('华东');
    const again = await admin({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/undo` });
    expect(again.statusCode).toBe(422);
  });

  it('finds a duplicate of a row staged in an earlier chunk (keys kept in the database, not in memory), then drops the keys', async () => {
    const admin = await t.as('admin');
    const rows: string[][] = [['客户名称', '手机号', '统一社会信用代码', '负责人']];
    // CHUNK (500) rows + a few: the twins of rows 2 and 3 arrive in the second chunk, one by credit code, one by phone.
    for (let i = 0; i < 503; i++) rows.push([`分块${i}号贸易有限公司`, `1371000${String(i).padStart(4, '0')}`, creditCode(7000 + i), 'seller_a']);
    rows.push(['分块甲号贸易有限公司', '13799990001', creditCode(7000), 'seller_a']);
    rows.push(['分块乙号贸易有限公司', '13710000001', '', 'seller_a']);
    const flow = await runImport(admin, { name: 'chunks.xlsx', content: await xlsx(rows) }, { dryOnly: true });
    expect(flow.dry.counts).toMatchObject({ created: 503, errors: 2 });
    const problems = (await admin({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=error` })).json();
    expect(problems.items.map((r: { row: number; problems: Array<{ code: string; params: { row: number } }> }) => [r.row, r.problems[0]!.code, r.problems[0]!.params.row])).toEqual([
      [505, 'duplicate_in_file', 2],
      [506, 'duplicate_in_file', 3],
    ]);
    expect(await t.db.selectFrom('import_row_keys').select('key').where('import_id', '=', flow.upload.import.id).execute()).toEqual([]);
  });

  it('dry run and commit hold the heap bound (core/heap.ts) from their first batch to their last, and lift it after', async () => {
    const admin = await t.as('admin');
    const rows = [['客户名称', '手机号', '负责人']];
    for (let i = 0; i < 7; i++) rows.push([`常州${i}号公司`, `1380013808${i}`, 'seller_a']);
    const up = await admin({ method: 'POST', url: '/api/imports', ...multipart({}, { name: 'cz.xlsx', content: await xlsx(rows) }) });
    expect(up.statusCode, up.body).toBe(201);
    const { import: imp, suggested } = up.json();
    const deps = { db: t.db, clock: t.clock, config: t.config };
    const actor = { id: t.org.users.admin.id, username: 'admin', displayName: 'admin', role: 'admin' as const, teamId: '', teamPath: '' };
    const seen: boolean[] = [];
    const dry = await startDryRun(deps, actor, imp.id, { mapping: suggested, options: { mode: 'upsert', duplicates: 'update', perRowEvents: false, defaultOwnerId: null }, wait: true }, () => seen.push(heapBounded()));
    expect(dry.counts).toMatchObject({ created: 7, errors: 0 });
    expect(heapBounded()).toBe(false);
    const committed = await startCommit(deps, actor, imp.id, { wait: true }, { batchSize: 3, afterBatch: () => void seen.push(heapBounded()) });
    expect(committed).toMatchObject({ status: 'committed', result: { created: 7, errors: 0 } });
    // One progress report of the dry run, three commit batches: all inside the bound.
    expect(seen).toEqual([true, true, true, true]);
    expect(heapBounded()).toBe(false);
    expect(await t.db.selectFrom('customers').select('id').where('name', 'like', '常州%').execute()).toHaveLength(7);
  });

  it('resumes a commit that died between batches, without duplicates', async () => {
    const admin = await t.as('admin');
    const rows = [['客户名称', '手机号', '负责人']];
    for (let i = 0; i < 7; i++) rows.push([`苏州${i}号公司`, `1380013806${i}`, 'seller_a']);
    const flow = await runImport(admin, { name: 'sz.xlsx', content: await xlsx(rows) }, { dryOnly: true });
    const id = flow.upload.import.id;
    const deps = { db: t.db, clock: t.clock, config: t.config };
    const actor = { id: t.org.users.admin.id, username: 'admin', displayName: 'admin', role: 'admin' as const, teamId: '', teamPath: '' };
    // The process "dies" after the first batch of 3 rows: the hook throws before the next batch starts.
    await expect(startCommit(deps, actor, id, { wait: true }, { batchSize: 3, afterBatch: () => Promise.reject(new Error('killed')) })).rejects.toThrow('killed');
    // A dead process leaves its status as it was; put it back as kill -9 would have (the failure handler ran here).
    await t.db.updateTable('imports').set({ status: 'committing', error: null, lease_until: new Date(t.clock.now().getTime() + 60_000).toISOString() }).where('id', '=', id).execute();
    expect(await t.db.selectFrom('customers').select('id').where('name', 'like', '苏州%').execute()).toHaveLength(3);
    const state = await t.db.selectFrom('imports').select(['committed_through', 'applied_rows', 'lease_until']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(state).toMatchObject({ committed_through: 4, applied_rows: 3 });
    // While the lease holds nobody else may take it; after it runs out, resume finishes the rest.
    await expect(resumeImport(deps, id)).rejects.toMatchObject({ code: 'CONFLICT' });
    t.clock.advance(3 * 60_000);
    const bounded: boolean[] = [];
    const counts = await resumeImport(deps, id, { batchSize: 3, afterBatch: () => void bounded.push(heapBounded()) });
    expect(counts).toMatchObject({ created: 7, errors: 0 });
    // The resumed commit (the path of the resume job and `import resume`) runs inside the heap bound too.
    expect(bounded).toEqual([true, true]);
    expect(heapBounded()).toBe(false);
    expect(await t.db.selectFrom('customers').select('id').where('name', 'like', '苏州%').execute()).toHaveLength(7);
    const done = (await admin({ method: 'GET', url: `/api/imports/${id}` })).json();
    expect(done).toMatchObject({ status: 'committed', appliedRows: 7, result: { created: 7 } });
  });

  it('cancel stops a running commit after its batch (summary says cancelled), what it wrote stays until undo; a validated import cancels at once', async () => {
    const admin = await t.as('admin');
    const rows = [['客户名称', '手机号', '负责人']];
    for (let i = 0; i < 7; i++) rows.push([`无锡${i}号公司`, `1380013807${i}`, 'seller_a']);
    const flow = await runImport(admin, { name: 'wx.xlsx', content: await xlsx(rows) }, { dryOnly: true });
    const id = flow.upload.import.id;
    const deps = { db: t.db, clock: t.clock, config: t.config };
    const actor = { id: t.org.users.admin.id, username: 'admin', displayName: 'admin', role: 'admin' as const, teamId: '', teamPath: '' };
    // The importer presses "cancel" while the commit runs: after its first batch of 3 rows.
    const cancelled = await startCommit(deps, actor, id, { wait: true }, {
      batchSize: 3,
      afterBatch: async (n) => {
        if (n !== 1) return;
        const res = await admin({ method: 'POST', url: `/api/imports/${id}/cancel` });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().status).toBe('committing');
      },
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', appliedRows: 3, result: { created: 3 } });
    expect(await t.db.selectFrom('customers').select('id').where('name', 'like', '无锡%').execute()).toHaveLength(3);
    const note = await t.db.selectFrom('notifications').select('title').where('link', '=', `/imports/${id}`).execute();
    expect(note).toEqual([{ title: '导入已取消：wx.xlsx' }]);
    // A cancelled import is not committed again; undo takes back what it wrote.
    expect((await admin({ method: 'POST', url: `/api/imports/${id}/commit`, payload: { wait: true } })).statusCode).toBe(422);
    const undone = await admin({ method: 'POST', url: `/api/imports/${id}/undo` });
    expect(undone.json().undo).toMatchObject({ deleted: 3, conflicts: 0 });

    const idle = await runImport(admin, { name: 'wx2.xlsx', content: await xlsx(rows) }, { dryOnly: true });
    const res = await admin({ method: 'POST', url: `/api/imports/${idle.upload.import.id}/cancel` });
    expect(res.json().status).toBe('cancelled');
    expect((await admin({ method: 'POST', url: `/api/imports/${idle.upload.import.id}/commit`, payload: { wait: true } })).statusCode).toBe(422);
  });

  it('a manager importing without an owner column: the lead-assignment rules pick the owner and record why', async () => {
    const admin = await t.as('admin');
    const rules = (enabled: boolean) => admin({ method: 'PUT', url: '/api/lead-assignment', payload: { enabled, rules: [{ key: 'south', name: '华南', when: { regions: ['华南'] }, teamId: t.org.teams.southTeam, method: 'least_load' }] } });
    expect((await rules(true)).statusCode).toBe(200);
    try {
      const lead = await t.as('lead_east1');
      const flow = await runImport(lead, { name: 'gz.xlsx', content: await xlsx([['客户名称', '手机号', '地区'], ['广州导入分配有限公司', '13800138090', '华南']]) });
      expect(flow.commit!.result).toMatchObject({ created: 1, errors: 0 });
      const customer = await t.db.selectFrom('customers').select(['id', 'owner_id']).where('name', '=', '广州导入分配有限公司').executeTakeFirstOrThrow();
      expect(customer.owner_id).toBe(t.org.users.sellerB.id);
      const record = await t.db.selectFrom('lead_assignments').selectAll().where('customer_id', '=', customer.id).executeTakeFirstOrThrow();
      expect(record).toMatchObject({ rule: 'south', method: 'least_load', user_id: t.org.users.sellerB.id });
    } finally {
      expect((await rules(false)).statusCode).toBe(200);
    }
  });

  it('with per-row events switched on, each created customer emits its event (rules and robots react as to a hand-made one)', async () => {
    const admin = await t.as('admin');
    const before = await count('events');
    const flow = await runImport(admin, { name: 'ev.xlsx', content: await xlsx([['客户名称', '手机号', '负责人'], ['常州事件一号公司', '13800138095', 'seller_a'], ['常州事件二号公司', '13800138096', 'seller_a']]) }, { options: { perRowEvents: true } });
    expect(flow.commit!.result).toMatchObject({ created: 2 });
    const ids = (await t.db.selectFrom('customers').select('id').where('name', 'like', '常州事件%').execute()).map((c) => c.id);
    const events = await t.db.selectFrom('events').select(['type', 'entity_id']).where('entity_id', 'in', ids).execute();
    expect(events.map((e) => e.type).sort()).toEqual(['customer.created', 'customer.created']);
    expect(await count('events')).toBe(before + 2);
  });

  it('history shows who, when, file, counts and status; scope keeps other sellers’ imports out; bad input is a 4xx', async () => {
    const sellerA = await t.as('seller_a');
    const mine = (await sellerA({ method: 'GET', url: '/api/imports' })).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i: { by: { id: string } }) => i.by.id === t.org.users.sellerA.id)).toBe(true);
    const all = (await (await t.as('director'))({ method: 'GET', url: '/api/imports' })).json().items;
    expect(all.length).toBeGreaterThan(mine.length);
    const other = all.find((i: { by: { id: string } }) => i.by.id !== t.org.users.sellerA.id);
    expect((await sellerA({ method: 'GET', url: `/api/imports/${other.id}` })).statusCode).toBe(404);
    expect((await (await t.as('support'))({ method: 'POST', url: '/api/imports', ...multipart({}, { name: 'a.csv', content: Buffer.from('客户名称\n甲\n') }) })).statusCode).toBe(403);
    const up = (await sellerA({ method: 'POST', url: '/api/imports', ...multipart({}, { name: 'a.csv', content: Buffer.from('客户名称,电话\n甲公司,13800138099\n') }) })).json();
    const bad = await sellerA({ method: 'POST', url: `/api/imports/${up.import.id}/dry-run`, payload: { mapping: ['phone', 'nonsense'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual(['mapping.1:mapping_unknown_field', 'mapping:mapping_name_required']);
    expect((await sellerA({ method: 'POST', url: `/api/imports/${up.import.id}/commit`, payload: {} })).statusCode).toBe(422);
    const preset = await sellerA({ method: 'POST', url: '/api/import-presets', payload: { name: '我的模板', headers: ['客户名称', '电话'], mapping: ['name', 'phone'] } });
    expect(preset.statusCode, preset.body).toBe(200);
    const again = (await sellerA({ method: 'POST', url: '/api/imports', ...multipart({}, { name: 'b.csv', content: Buffer.from('电话,客户名称\n13800138098,乙公司\n') }) })).json();
    expect(again.preset).toMatchObject({ name: '我的模板' });
    expect(again.suggested).toEqual(['phone', 'name']);
  });
  // Last: sessions expire when the clock jumps a week.
  it('refuses an undo after 7 days', async () => {
    const admin = await t.as('admin');
    const flow = await runImport(admin, { name: 'late.xlsx', content: await xlsx([['客户名称', '手机号'], ['无锡一号公司', '13800138040']]) });
    t.clock.advance(8 * 86_400_000);
    // The week-old session expired with the jump: log in again.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
    const cookie = `af_session=${login.cookies.find((c) => c.name === 'af_session')!.value}`;
    const res = await t.app.inject({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/undo`, headers: { 'accept-language': 'en', cookie } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ reason: 'import_undo_expired', message: 'An import can be undone within 7 days only' });
  });

});
