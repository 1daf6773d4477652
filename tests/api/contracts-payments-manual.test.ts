/**
 * Issue 10, point 3 on both databases: finance's own allocation of a payment (not FIFO) and its refusals (nothing
 * written), the evidence attachment of a payment, the invoice status of an instalment, and payments as append-only
 * facts (a reversal is a new row; the payment row never changes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { multipart } from '../support/imports.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

interface Instalment { id: string; status: string; paidFen: number; outstandingFen: number; invoiceStatus: string; invoiceNo: string | null }

describe('contracts: manual allocation, evidence, invoice status, append-only payments', () => {
  let t: TestContext;
  let contractId: string;
  let otherContractId: string;
  let lines: Instalment[];
  let otherLine: string;
  let evidenceId: string;
  let otherContractFile: string;
  let customerFile: string;

  const upload = async (entity: string, entityId: string, name: string) => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/attachments', ...multipart({ entity, entityId, kind: 'other' }, { name, content: PDF }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const tables = async () => ({
    payments: await t.db.selectFrom('payments').selectAll().orderBy('id').execute(),
    allocations: await t.db.selectFrom('payment_allocations').selectAll().orderBy('id').execute(),
  });

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-09-21T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '杭州康捷医疗' } })).json().id;
    const otherCustomer = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '宁波第二医院' } })).json().id;
    const plan = [
      { dueDate: '2026-10-20', amountFen: 100_000, method: 'wire' },
      { dueDate: '2026-11-20', amountFen: 100_000, method: 'wire' },
    ];
    const one = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: await insertDeal(t, customerId, t.org.users.sellerA.id, 'won'), signedAt: '2026-09-20', amountFen: 200_000, plan } });
    expect(one.statusCode, one.body).toBe(201);
    contractId = one.json().id;
    lines = one.json().instalments;
    const two = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: await insertDeal(t, otherCustomer, t.org.users.sellerA.id, 'won'), signedAt: '2026-09-20', amountFen: 200_000, plan } });
    expect(two.statusCode, two.body).toBe(201);
    otherContractId = two.json().id;
    otherLine = two.json().instalments[1].id;
    evidenceId = await upload('contract', contractId, '回单.pdf');
    otherContractFile = await upload('contract', otherContractId, '别的合同回单.pdf');
    customerFile = await upload('customer', customerId, '客户资料.pdf');
  });
  afterAll(async () => t?.close());

  const pay = async (payload: Record<string, unknown>) => (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${contractId}/payments`, payload: { receivedOn: '2026-09-21', method: 'wire', reference: 'B-100', ...payload } });

  it('refuses allocations over the payment, over an outstanding, or to another contract, naming the field; nothing written', async () => {
    const before = await tables();
    const over = await pay({ amountFen: 50_000, allocations: [{ instalmentId: lines[1].id, amountFen: 30_000 }, { instalmentId: lines[0].id, amountFen: 30_000 }] });
    expect(over.statusCode, over.body).toBe(422);
    expect(over.json().error.fields).toMatchObject([{ field: 'allocations', code: 'over_payment', params: { amountYuan: '¥500.00' } }]);
    const overOutstanding = await pay({ amountFen: 150_000, allocations: [{ instalmentId: lines[0].id, amountFen: 10_000 }, { instalmentId: lines[1].id, amountFen: 100_001 }] });
    expect(overOutstanding.statusCode, overOutstanding.body).toBe(422);
    expect(overOutstanding.json().error.fields).toMatchObject([{ field: 'allocations.1.amountFen', code: 'over_outstanding', params: { outstandingYuan: '¥1,000.00' } }]);
    const foreign = await pay({ amountFen: 50_000, allocations: [{ instalmentId: lines[1].id, amountFen: 10_000 }, { instalmentId: otherLine, amountFen: 10_000 }] });
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().error.fields).toMatchObject([{ field: 'allocations.1.instalmentId', code: 'not_found_instalment' }]);
    const twice = await pay({ amountFen: 50_000, allocations: [{ instalmentId: lines[1].id, amountFen: 10_000 }, { instalmentId: lines[1].id, amountFen: 10_000 }] });
    expect(twice.statusCode, twice.body).toBe(400);
    expect(twice.json().error.fields[0].field).toBe('allocations.1.instalmentId');
    const zero = await pay({ amountFen: 50_000, allocations: [{ instalmentId: lines[1].id, amountFen: 0 }] });
    expect(zero.statusCode, zero.body).toBe(400);
    expect(zero.json().error.fields[0].field).toBe('allocations.0.amountFen');
    expect(await tables()).toEqual(before);
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', contractId).where('action', '=', 'payment').execute()).toEqual([]);
  });

  it('finance allocates by hand to the second instalment: it is paid in part, the first stays open, the rest is credit', async () => {
    const res = await pay({ amountFen: 70_000, reference: 'B-101', evidenceFileId: evidenceId, allocations: [{ instalmentId: lines[1].id, amountFen: 60_000 }] });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.instalments.map((i: Instalment) => [i.id, i.status, i.paidFen, i.outstandingFen])).toEqual([
      [lines[0].id, 'open', 0, 100_000],
      [lines[1].id, 'partially_paid', 60_000, 40_000],
    ]);
    expect(c.payments).toHaveLength(1);
    expect(c.payments[0]).toMatchObject({ kind: 'payment', amountFen: 70_000, reference: 'B-101', evidenceFileId: evidenceId, unallocatedFen: 10_000, allocations: [{ instalmentId: lines[1].id, amountFen: 60_000, kind: 'manual' }] });
    expect(c.creditFen).toBe(10_000);
    expect((await (await t.as('finance'))({ method: 'GET', url: `/api/contracts/${contractId}/credit` })).json()).toMatchObject({ creditFen: 10_000, sources: [{ paymentId: c.payments[0].id, availableFen: 10_000 }] });
    // The ledger holds exactly one manual allocation; the credit is not an allocation anywhere.
    expect(await t.db.selectFrom('payment_allocations').select(['instalment_id', 'amount_fen', 'kind']).execute()).toEqual([{ instalment_id: lines[1].id, amount_fen: 60_000, kind: 'manual' }]);
    // The rest of the second instalment can be allocated by hand, one fen more cannot.
    const more = await pay({ amountFen: 40_001, allocations: [{ instalmentId: lines[1].id, amountFen: 40_001 }] });
    expect(more.statusCode).toBe(422);
    expect(more.json().error.fields[0]).toMatchObject({ field: 'allocations.0.amountFen', params: { outstandingYuan: '¥400.00' } });
  });

  it('evidence must be an attachment of this contract: another contract’s, a customer’s or an unknown id is refused', async () => {
    const before = await tables();
    for (const evidenceFileId of [otherContractFile, customerFile, 'no-such-file']) {
      const res = await pay({ amountFen: 1_000, evidenceFileId });
      expect(res.statusCode, `${evidenceFileId}: ${res.body}`).toBe(400);
      expect(res.json().error.fields).toMatchObject([{ field: 'evidenceFileId', code: 'evidence_not_on_contract' }]);
    }
    expect(await tables()).toEqual(before);
    const c = (await (await t.as('seller_a'))({ method: 'GET', url: `/api/contracts/${contractId}` })).json();
    expect(c.attachments.map((a: { id: string }) => a.id)).toEqual([evidenceId]);
    expect(c.payments[0].evidenceFileId).toBe(evidenceId);
  });

  it('finance sets the invoice status of an instalment; the seller cannot; a bad status names the field; support sees no amounts', async () => {
    const finance = await t.as('finance');
    const url = `/api/contracts/${contractId}/instalments/${lines[0].id}/invoice`;
    const seller = await t.as('seller_a');
    expect((await seller({ method: 'PUT', url, payload: { invoiceStatus: 'issued', invoiceNo: 'X' } })).statusCode).toBe(403);
    const bad = await finance({ method: 'PUT', url, payload: { invoiceStatus: 'paid' } });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('invoiceStatus');
    const foreign = await finance({ method: 'PUT', url: `/api/contracts/${contractId}/instalments/${otherLine}/invoice`, payload: { invoiceStatus: 'issued' } });
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().error.fields[0]).toMatchObject({ field: 'instalmentId', code: 'not_found_instalment' });
    expect(await t.db.selectFrom('contract_instalments').select(['invoice_status', 'invoice_no']).where('contract_id', 'in', [contractId, otherContractId]).where('invoice_status', '!=', 'not_issued').execute()).toEqual([]);
    const ok = await finance({ method: 'PUT', url, payload: { invoiceStatus: 'issued', invoiceNo: 'INV-2026-0042' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().instalments.map((i: Instalment) => [i.invoiceStatus, i.invoiceNo])).toEqual([
      ['issued', 'INV-2026-0042'],
      ['not_issued', null],
    ]);
    // The seller's view of the contract shows it too, and the change is audited with before/after.
    expect((await seller({ method: 'GET', url: `/api/contracts/${contractId}` })).json().instalments[0]).toMatchObject({ invoiceStatus: 'issued', invoiceNo: 'INV-2026-0042' });
    // The countdown board carries it on the instalment's row.
    const board = await finance({ method: 'GET', url: '/api/receivables' });
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json().items.find((r: { id: string }) => r.id === lines[0].id)).toMatchObject({ contract: { id: contractId }, invoiceStatus: 'issued', invoiceNo: 'INV-2026-0042' });
    expect(board.json().items.find((r: { id: string }) => r.id === lines[1].id)).toMatchObject({ invoiceStatus: 'not_issued', invoiceNo: null });
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', contractId).where('action', '=', 'invoice').executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after))).toMatchObject({ invoiceStatus: 'issued', invoiceNo: 'INV-2026-0042' });
    const support = await t.as('support');
    const view = await support({ method: 'GET', url: `/api/contracts/${contractId}` });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().instalments[0]).toMatchObject({ invoiceStatus: 'issued', invoiceNo: 'INV-2026-0042' });
    for (const key of ['amountFen', 'paidFen', 'outstandingFen', 'creditFen', 'unallocatedFen']) expect(view.body, key).not.toContain(`"${key}"`);
    expect((await support({ method: 'PUT', url, payload: { invoiceStatus: 'not_issued' } })).statusCode).toBe(403);
  });

  it('payments are append-only: a reversal is a new row, the original row is unchanged, the allocation is undone by a new entry', async () => {
    const finance = await t.as('finance');
    const [original] = await t.db.selectFrom('payments').selectAll().execute();
    const res = await finance({ method: 'POST', url: `/api/contracts/${contractId}/payments/${original.id}/reversal`, payload: { reason: '银行退票' } });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.selectFrom('payments').selectAll().orderBy('created_at').orderBy('kind').execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === original.id)).toEqual(original);
    expect(rows.find((r) => r.id !== original.id)).toMatchObject({ kind: 'reversal', reverses_id: original.id, amount_fen: 70_000, note: '银行退票' });
    expect(await t.db.selectFrom('payment_allocations').select(['amount_fen', 'kind']).where('payment_id', '=', original.id).orderBy('amount_fen', 'desc').execute()).toEqual([
      { amount_fen: 60_000, kind: 'manual' },
      { amount_fen: -60_000, kind: 'reversal' },
    ]);
    const c = res.json();
    expect(c.instalments.map((i: Instalment) => [i.status, i.paidFen])).toEqual([
      ['open', 0],
      ['open', 0],
    ]);
    expect(c.creditFen).toBe(0);
    expect(c.payments.find((p: { id: string }) => p.id === original.id)).toMatchObject({ evidenceFileId: evidenceId, reversedBy: expect.any(String) });
  });
});
