/**
 * Contracts with payment plans through the staged import (both databases): one row per contract, instalment columns
 * or an equal split; the plan must sum exactly (row error naming the difference); contract number is the natural
 * key (same terms → unchanged, other terms → an error, never an amendment); scope; dry run = commit; undo keeps a
 * contract that has a payment since.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { runImport, xlsx } from '../support/imports.js';

const HEADERS = ['合同编号', '客户名称', '商机名称', '签订日期', '合同金额', '第1期付款日', '第1期金额', '第1期付款方式', '第2期付款日', '第2期金额', '第2期付款方式', '分期数', '首期付款日'];

describe('imports: contracts with payment plans', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-10-20T02:00:00.000Z' });
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    const admin = await t.as('admin');
    await runImport(admin, { name: 'customers.xlsx', content: await xlsx([['客户名称', '手机号', '负责人'], ['杭州康复医院', '13900000001', 'seller_a'], ['宁波口腔医院', '13900000002', 'seller_a'], ['广州华康诊所', '13900000003', 'seller_b']]) });
    await runImport(
      admin,
      { name: 'deals.xlsx', content: await xlsx([['商机名称', '客户名称', '状态', '金额', '成交日期'], ['康复科设备更新', '杭州康复医院', '赢单', '100000', '2026-09-20'], ['口腔CT采购', '宁波口腔医院', '赢单', '80000', '2026-09-15'], ['华南的商机', '广州华康诊所', '赢单', '5000', '2026-09-01']]) },
      { fields: { kind: 'deals' } },
    );
  });
  afterAll(async () => t?.close());

  const count = async (table: 'contracts' | 'contract_instalments' | 'events') => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
  const file = (firstAmount = '¥30,000') =>
    xlsx([
      HEADERS,
      ['HT-IMP-001', '杭州康复医院', '康复科设备更新', '2026-09-20', '¥100,000', '2026-10-01', firstAmount, '电汇', '2026/11/1', '70000元', '银行承兑汇票', '', ''],
      ['HT-IMP-002', '宁波口腔医院', '口腔CT采购', '2026年9月15日', '80000', '', '', '', '', '', '', '3', '2026-10-15'],
      ['HT-IMP-003', '杭州康复医院', '康复科设备更新', '2026-09-20', '100000', '2026-10-01', '50000', '', '', '', '', '', ''],
      ['HT-IMP-004', '广州华康诊所', '华南的商机', '2026-09-01', '5000', '2026-10-01', '5000', '', '', '', '', '', ''],
      ['HT-IMP-001', '杭州康复医院', '康复科设备更新', '2026-09-20', '100000', '2026-10-01', '100000', '', '', '', '', '', ''],
      ['HT-IMP-005', '宁波口腔医院', '不存在的商机', '2026-09-15', '1000', '2026-10-01', '1000', '', '', '', '', '', ''],
      ['HT-IMP-006', '宁波口腔医院', '口腔CT采购', '2026-09-15', '1000', '2026-10-01', '1000', '飞鸽传书', '', '', '', '', ''],
      ['HT-IMP-007', '宁波口腔医院', '口腔CT采购', '2026-09-15', '1000', '', '', '', '', '', '', '', ''],
    ]);

  it('a lead imports: dry run writes nothing, commit = dry run, plans exact, errors name their code, a re-run changes nothing', async () => {
    const lead = await t.as('lead_east1');
    const before = { contracts: await count('contracts'), events: await count('events') };
    const flow = await runImport(lead, { name: '合同.xlsx', content: await file() }, { fields: { kind: 'contracts' }, dryOnly: true });
    expect(flow.upload.suggested).toEqual(['number', 'customer', 'deal', 'signedAt', 'amount', 'p1Due', 'p1Amount', 'p1Method', 'p2Due', 'p2Amount', 'p2Method', 'parts', 'firstDueDate']);
    expect(flow.dry.counts).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 5, skipped: 0, conflicts: 0, denied: 1 });
    expect(await count('contracts')).toBe(before.contracts);
    expect(await count('events')).toBe(before.events);
    const problems = (await lead({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=problems` })).json();
    const byRow = Object.fromEntries(problems.items.map((r: { row: number; verdict: string; problems: Array<{ code: string }> }) => [r.row, `${r.verdict}:${r.problems.map((p) => p.code).join(',')}`]));
    expect(byRow).toEqual({
      4: 'error:plan_sum_mismatch',
      5: 'denied:record_out_of_scope',
      6: 'error:duplicate_in_file',
      7: 'error:deal_unknown',
      8: 'error:select_unknown',
      9: 'error:plan_required',
    });
    const mismatch = problems.items.find((r: { row: number }) => r.row === 4).problems[0];
    expect(mismatch).toMatchObject({ column: '合同金额', params: { differenceFen: 5_000_000, differenceYuan: '¥50,000.00' } });
    expect(mismatch.message).toContain('相差 ¥50,000.00');

    const commit = (await lead({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/commit`, payload: { wait: true } })).json();
    expect(commit.result).toEqual(flow.dry.counts);
    const created = await t.db.selectFrom('contracts').select(['id', 'number', 'amount_fen', 'owner_id']).where('number', 'in', ['HT-IMP-001', 'HT-IMP-002']).orderBy('number').execute();
    expect(created.map((c) => [c.number, Number(c.amount_fen), c.owner_id])).toEqual([
      ['HT-IMP-001', 10_000_000, t.org.users.sellerA.id],
      ['HT-IMP-002', 8_000_000, t.org.users.sellerA.id],
    ]);
    const finance = await t.as('finance');
    const one = (await finance({ method: 'GET', url: `/api/contracts/${created[0]!.id}` })).json();
    expect(one.instalments.map((i: { dueDate: string; effectiveDueDate: string; amountFen: number; method: string }) => [i.dueDate, i.effectiveDueDate, i.amountFen, i.method])).toEqual([
      ['2026-10-01', '2026-10-08', 3_000_000, 'wire'],
      ['2026-11-01', '2026-11-02', 7_000_000, 'bank_acceptance'],
    ]);
    // Equal split: the remainder fen goes to the last part.
    const split = (await finance({ method: 'GET', url: `/api/contracts/${created[1]!.id}` })).json();
    expect(split.instalments.map((i: { dueDate: string; amountFen: number }) => [i.dueDate, i.amountFen])).toEqual([
      ['2026-10-15', 2_666_666],
      ['2026-11-15', 2_666_666],
      ['2026-12-15', 2_666_668],
    ]);
    // Each created contract has its audit entry, like one registered by hand.
    expect(await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'contract').where('entity_id', 'in', created.map((c) => c.id)).where('action', '=', 'create').execute()).toHaveLength(2);

    const again = await runImport(lead, { name: '合同.xlsx', content: await file() }, { fields: { kind: 'contracts' } });
    expect(again.dry.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.commit!.result).toEqual(again.dry.counts);
    expect(await count('contracts')).toBe(before.contracts + 2);
  });

  it('an existing number with other terms is an error, never an amendment', async () => {
    const admin = await t.as('admin');
    const flow = await runImport(admin, { name: '合同2.xlsx', content: await file('¥40,000') }, { fields: { kind: 'contracts' }, dryOnly: true });
    const rows = (await admin({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=error` })).json();
    // Row 2's plan now sums to 110,000 against 100,000.
    expect(rows.items.find((r: { row: number }) => r.row === 2).problems[0].code).toBe('plan_sum_mismatch');
    const changed = await runImport(
      admin,
      { name: '合同3.xlsx', content: await xlsx([HEADERS, ['HT-IMP-001', '杭州康复医院', '康复科设备更新', '2026-09-20', '100000', '2026-10-01', '40000', '电汇', '2026-11-01', '60000', '银行承兑汇票', '', '']]) },
      { fields: { kind: 'contracts' }, dryOnly: true },
    );
    expect(changed.dry.counts).toMatchObject({ created: 0, unchanged: 0, errors: 1 });
    const err = (await admin({ method: 'GET', url: `/api/imports/${changed.upload.import.id}/rows?verdict=error` })).json().items[0].problems[0];
    expect(err).toMatchObject({ code: 'contract_differs', column: '合同编号' });
  });

  it('undo: an untouched imported contract goes; one with a payment since stays as a conflict', async () => {
    const admin = await t.as('admin');
    const flow = await runImport(
      admin,
      {
        name: 'undo.xlsx',
        content: await xlsx([
          ['合同编号', '客户名称', '商机名称', '签订日期', '合同金额', '分期数', '首期付款日'],
          ['HT-UNDO-1', '宁波口腔医院', '口腔CT采购', '2026-09-15', '2000', '2', '2026-10-15'],
          ['HT-UNDO-2', '宁波口腔医院', '口腔CT采购', '2026-09-15', '3000', '1', '2026-10-15'],
        ]),
      },
      { fields: { kind: 'contracts' } },
    );
    expect(flow.commit!.result).toMatchObject({ created: 2 });
    const busy = await t.db.selectFrom('contracts').select('id').where('number', '=', 'HT-UNDO-2').executeTakeFirstOrThrow();
    const paid = await (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${busy.id}/payments`, payload: { amountFen: 100_000, receivedOn: '2026-10-16', method: 'wire', reference: 'R1' } });
    expect(paid.statusCode, paid.body).toBe(201);
    const undo = await admin({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/undo` });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json().undo).toMatchObject({ deleted: 1, restored: 0, conflicts: 1, conflictRows: [{ row: 3, name: 'HT-UNDO-2', reason: 'has_work' }] });
    expect(await t.db.selectFrom('contracts').select('id').where('number', '=', 'HT-UNDO-1').execute()).toEqual([]);
    expect(await t.db.selectFrom('contract_instalments').select('id').where('contract_id', 'not in', (await t.db.selectFrom('contracts').select('id').execute()).map((c) => c.id)).execute()).toEqual([]);
    expect(await t.db.selectFrom('contracts').select('id').where('number', '=', 'HT-UNDO-2').execute()).toHaveLength(1);
  });

  it('a seller may not import a contract on another seller’s deal', async () => {
    const sellerB = await t.as('seller_b');
    const flow = await runImport(sellerB, { name: 'b.xlsx', content: await xlsx([HEADERS.slice(0, 7), ['HT-B-1', '杭州康复医院', '康复科设备更新', '2026-09-20', '1000', '2026-10-01', '1000']]) }, { fields: { kind: 'contracts' }, dryOnly: true });
    expect(flow.dry.counts).toMatchObject({ created: 0, denied: 1 });
  });
});
