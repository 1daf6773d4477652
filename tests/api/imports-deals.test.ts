import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { setupTestApp, type TestContext } from '../support/app.js';
import { runImport, xlsx } from '../support/imports.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { systemActor } from '../../server/core/policy.js';

const DEAL_HEADERS = ['商机名称', '客户名称', '销售流程', '阶段', '状态', '金额', '成交日期', '输单原因', '负责人'];
const ACTIVITY_HEADERS = ['客户名称', '商机名称', '跟进方式', '跟进时间', '跟进内容', '跟进人'];

describe('imports: deals and the follow-up history', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    // Customers the rows name: two of seller_a's (east), one of seller_b's (south).
    const admin = await t.as('admin');
    await runImport(admin, {
      name: 'customers.xlsx',
      content: await xlsx([
        ['客户名称', '手机号', '负责人'],
        ['杭州康复医院', '13900000001', 'seller_a'],
        ['宁波口腔医院', '13900000002', 'seller_a'],
        ['广州华康诊所', '13900000003', 'seller_b'],
      ]),
    });
  });
  afterAll(async () => t?.close());

  const count = async (table: 'deals' | 'activities' | 'events' | 'audit_log') => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
  const dealsFile = () =>
    xlsx([
      DEAL_HEADERS,
      ['康复科设备更新', '杭州康复医院', 'b2b_six_step', '需求诊断', '', '¥120,000', '', '', ''],
      ['口腔CT采购', '宁波口腔医院', 'B2B 六步销售流程', '', '赢单', '80000元', '2026-09-15', '', 'seller_a2'],
      ['口腔耗材年单', '宁波口腔医院', '', '', '输单', '3.5万', '2026年8月1日', '价格', ''],
      ['不存在的客户的商机', '无名医院', '', '', '', '1000', '', '', ''],
      ['阶段与状态矛盾', '杭州康复医院', 'b2b_six_step', '方案呈现', '赢单', '1000', '2026-09-01', '', ''],
      ['华南的商机', '广州华康诊所', '', '', '', '5000', '', '', ''],
    ]);

  // A team lead imports: they may give rows to anyone of their team, not touch the south's customers.
  it('deals: dry run = commit, closed history lands in its terminal stage, no per-row rule events, a re-run changes nothing, scope holds', async () => {
    const lead = await t.as('lead_east1');
    const before = { deals: await count('deals'), events: await count('events') };
    const flow = await runImport(lead, { name: '商机.xlsx', content: await dealsFile() }, { fields: { kind: 'deals' }, dryOnly: true });
    expect(flow.upload.suggested).toEqual(['title', 'customer', 'pipeline', 'stage', 'status', 'amount', 'closedOn', 'lostReason', 'owner']);
    expect(flow.dry.counts).toEqual({ created: 3, updated: 0, unchanged: 0, errors: 2, skipped: 0, conflicts: 0, denied: 1 });
    expect(await count('deals')).toBe(before.deals);
    const problems = (await lead({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=problems` })).json();
    expect(Object.fromEntries(problems.items.map((r: { row: number; verdict: string; problems: Array<{ code: string }> }) => [r.row, `${r.verdict}:${r.problems.map((p) => p.code).join(',')}`]))).toEqual({
      5: 'error:customer_unknown',
      6: 'error:stage_status_mismatch',
      7: 'denied:record_out_of_scope',
    });

    const commit = (await lead({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/commit`, payload: { wait: true } })).json();
    expect(commit.result).toEqual(flow.dry.counts);
    const deals = await t.db.selectFrom('deals').selectAll().where('title', 'in', ['康复科设备更新', '口腔CT采购', '口腔耗材年单']).orderBy('title').execute();
    expect(deals.map((d) => [d.title, d.stage_key, d.status, d.amount_fen, d.owner_id, d.lost_reason ?? null, d.status === 'open' ? null : d.stage_entered_at])).toEqual([
      ['口腔CT采购', 'signing_delivery', 'won', 8_000_000, t.org.users.sellerA2.id, null, '2026-09-14T16:00:00.000Z'],
      ['口腔耗材年单', 'lost', 'lost', 3_500_000, t.org.users.sellerA.id, 'price', '2026-07-31T16:00:00.000Z'],
      ['康复科设备更新', 'needs_diagnosis', 'open', 12_000_000, t.org.users.sellerA.id, null, null],
    ]);
    // The stage clock starts (deal.imported reaches the SLA engine) but no deal.created reaches the rules.
    const events = await t.db.selectFrom('events').select('type').where('entity_id', 'in', deals.map((d) => d.id)).execute();
    expect(events.map((e) => e.type).sort()).toEqual(['deal.imported', 'deal.imported', 'deal.imported']);
    expect(await count('events')).toBe(before.events + 3);

    const again = await runImport(lead, { name: '商机.xlsx', content: await dealsFile() }, { fields: { kind: 'deals' } });
    expect(again.dry.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await count('deals')).toBe(before.deals + 3);
  });

  it('activities: wall times in the org time zone, linked to the named deal, facts never edited, future and unknown deals refused', async () => {
    const lead = await t.as('lead_east1');
    const file = () =>
      xlsx([
        ACTIVITY_HEADERS,
        ['杭州康复医院', '康复科设备更新', '拜访', '2026-10-20 14:30', '与王主任沟通康复设备更新需求', ''],
        ['杭州康复医院', '', '电话', '2026/10/21', '电话确认演示时间', 'seller_a2'],
        ['宁波口腔医院', '不存在的商机', '微信', '2026-10-22 09:00', '发送报价', ''],
        ['宁波口腔医院', '', '电话', '2030-01-01 09:00', '未来的电话', ''],
        ['杭州康复医院', '', '飞鸽传书', '2026-10-23', '类型不认识', ''],
      ]);
    const flow = await runImport(lead, { name: '跟进记录.xlsx', content: await file() }, { fields: { kind: 'activities' } });
    expect(flow.upload.suggested).toEqual(['customer', 'deal', 'type', 'occurredAt', 'summary', 'owner']);
    expect(flow.dry.counts).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 3, skipped: 0, conflicts: 0, denied: 0 });
    expect(flow.commit!.result).toEqual(flow.dry.counts);
    const rows = await t.db.selectFrom('activities').selectAll().where('summary', 'in', ['与王主任沟通康复设备更新需求', '电话确认演示时间']).orderBy('occurred_at').execute();
    const deal = await t.db.selectFrom('deals').select('id').where('title', '=', '康复科设备更新').executeTakeFirstOrThrow();
    expect(rows.map((r) => [r.type, r.occurred_at, r.deal_id, r.owner_id])).toEqual([
      ['visit', '2026-10-20T06:30:00.000Z', deal.id, t.org.users.sellerA.id],
      ['call', '2026-10-20T16:00:00.000Z', null, t.org.users.sellerA2.id],
    ]);
    const errors = (await lead({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=error` })).json();
    expect(errors.items.map((r: { row: number; problems: Array<{ code: string }> }) => [r.row, r.problems[0]!.code])).toEqual([
      [4, 'deal_unknown'],
      [5, 'activity_in_future'],
      [6, 'select_unknown'],
    ]);
    const again = await runImport(lead, { name: '跟进记录.xlsx', content: await file() }, { fields: { kind: 'activities' } });
    expect(again.dry.counts).toMatchObject({ created: 0, unchanged: 2, errors: 3 });
  });

  it('undo: untouched created deals go, updated amounts come back, a deal with work since stays as a conflict', async () => {
    const admin = await t.as('admin');
    const flow = await runImport(admin, {
      name: 'undo.xlsx',
      content: await xlsx([
        ['商机名称', '客户名称', '金额'],
        ['康复科设备更新', '杭州康复医院', '150000'],
        ['新商机甲', '宁波口腔医院', '1000'],
        ['新商机乙', '宁波口腔医院', '2000'],
      ]),
    }, { fields: { kind: 'deals' } });
    expect(flow.commit!.result).toMatchObject({ created: 2, updated: 1 });
    const updated = await t.db.selectFrom('deals').select(['id', 'amount_fen']).where('title', '=', '康复科设备更新').executeTakeFirstOrThrow();
    expect(updated.amount_fen).toBe(15_000_000);
    const busy = await t.db.selectFrom('deals').selectAll().where('title', '=', '新商机乙').executeTakeFirstOrThrow();
    const customer = await t.db.selectFrom('customers').select('id').where('name', '=', '宁波口腔医院').executeTakeFirstOrThrow();
    const logged = await admin({ method: 'POST', url: '/api/activities', payload: { customerId: customer.id, dealId: busy.id, type: 'call', summary: '导入后的跟进', effect: 'probed_need' } });
    expect(logged.statusCode, logged.body).toBe(201);

    const undo = await admin({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/undo` });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json().undo).toMatchObject({ deleted: 1, restored: 1, conflicts: 1, conflictRows: [{ row: 4, name: '新商机乙', reason: 'has_work' }] });
    expect((await t.db.selectFrom('deals').select('amount_fen').where('id', '=', updated.id).executeTakeFirstOrThrow()).amount_fen).toBe(12_000_000);
    expect(await t.db.selectFrom('deals').select('id').where('title', '=', '新商机甲').execute()).toEqual([]);
    expect(await t.db.selectFrom('deal_stage_history').select('id').where('deal_id', 'not in', (await t.db.selectFrom('deals').select('id').execute()).map((d) => d.id)).execute()).toEqual([]);
  });

  it('mapping must name what each kind needs; an unknown kind is a 4xx naming the field', async () => {
    const admin = await t.as('admin');
    const up = await runImport(admin, { name: 'a.xlsx', content: await xlsx([['跟进内容'], ['x']]) }, { fields: { kind: 'activities' }, dryOnly: true }).catch((e: Error) => e);
    expect(String(up)).toContain('mapping_field_required');
    const { multipart } = await import('../support/imports.js');
    const bad = await admin({ method: 'POST', url: '/api/imports', ...multipart({ kind: 'contracts_and_more' }, { name: 'a.xlsx', content: await xlsx([['a'], ['b']]) }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('kind');
  });
});
