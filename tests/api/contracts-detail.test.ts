/**
 * Issue 10 on both databases: the stable surface exactly as the issue names it (a client sending only those fields
 * and reading only those keys), and the morning meeting's one read — the contract with its customer, the recent
 * activities on its deal and customer, the invoice status of each instalment, and the evidence on the contract and on
 * its deal (a delivery receipt 签收单).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { multipart } from '../support/imports.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

describe('contracts: the stable surface and the morning-meeting view', () => {
  let t: TestContext;
  let customerId: string;
  let dealId: string;
  let contractId: string;

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    const seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '杭州康捷医疗' } })).json().id;
    dealId = await insertDeal(t, customerId, t.org.users.sellerA.id, 'won');
  });
  afterAll(async () => t?.close());

  it('POST /api/contracts with only { dealId, signedAt, amountFen, plan: [{ dueDate, amountFen, method }] }; GET /api/contracts/{id} names every instalment key', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: '2026-10-30', amountFen: 300_000, plan: [{ dueDate: '2026-11-03', amountFen: 100_000, method: 'wire' }, { dueDate: '2026-11-20', amountFen: 200_000, method: 'letter_of_credit' }] } });
    expect(res.statusCode, res.body).toBe(201);
    contractId = res.json().id;
    const read = await (await t.as('finance'))({ method: 'GET', url: `/api/contracts/${contractId}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().instalments).toEqual([
      expect.objectContaining({ id: expect.any(String), dueDate: '2026-11-03', effectiveDueDate: '2026-11-03', amountFen: 100_000, paidFen: 0, outstandingFen: 100_000, status: 'open', band: 'red' }),
      expect.objectContaining({ id: expect.any(String), dueDate: '2026-11-20', effectiveDueDate: '2026-11-20', amountFen: 200_000, paidFen: 0, outstandingFen: 200_000, status: 'open', band: 'normal' }),
    ]);
  });

  it('POST /api/contracts/{id}/payments with only { amountFen, receivedOn, method, reference }; the board and the ageing by each groupBy', async () => {
    const finance = await t.as('finance');
    const paid = await finance({ method: 'POST', url: `/api/contracts/${contractId}/payments`, payload: { amountFen: 40_000, receivedOn: '2026-11-02', method: 'wire', reference: 'HSBC-001' } });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().instalments[0]).toMatchObject({ paidFen: 40_000, outstandingFen: 60_000, status: 'partially_paid', band: 'red' });
    const board = await finance({ method: 'GET', url: '/api/receivables?asOf=2026-11-05' });
    expect(board.statusCode, board.body).toBe(200);
    // Nov 3 is 2 days past: overdue on top.
    expect(board.json().items.map((i: { status: string; band: string; daysToDue: number }) => [i.status, i.band, i.daysToDue])).toEqual([['overdue', 'red', -2], ['open', 'normal', 15]]);
    for (const groupBy of ['customer', 'seller', 'team']) {
      const ageing = await finance({ method: 'GET', url: `/api/receivables/ageing?asOf=2026-11-05&groupBy=${groupBy}` });
      expect(ageing.statusCode, `${groupBy}: ${ageing.body}`).toBe(200);
      expect(ageing.json().totals, groupBy).toEqual({ current: 200_000, d1_30: 60_000, d31_60: 0, d61_90: 0, d90_plus: 0, totalFen: 260_000 });
      expect(ageing.json().groups, groupBy).toHaveLength(1);
    }
    expect((await finance({ method: 'GET', url: '/api/receivables/ageing?asOf=2026-11-05&groupBy=region' })).statusCode).toBe(400);
  });

  it('scope: the owner, their lead, the regional manager, the director and finance read it; a teammate and another region do not', async () => {
    for (const user of ['seller_a', 'lead_east1', 'rm_east', 'director', 'finance', 'admin']) {
      expect((await (await t.as(user))({ method: 'GET', url: `/api/contracts/${contractId}` })).statusCode, user).toBe(200);
      expect((await (await t.as(user))({ method: 'GET', url: '/api/receivables?asOf=2026-11-05' })).json().items, user).toHaveLength(2);
    }
    for (const user of ['seller_a2', 'seller_b']) {
      expect((await (await t.as(user))({ method: 'GET', url: `/api/contracts/${contractId}` })).statusCode, user).toBe(404);
      expect((await (await t.as(user))({ method: 'GET', url: '/api/receivables?asOf=2026-11-05' })).json().items, user).toEqual([]);
    }
  });

  it('one read for the morning meeting: customer, recent talks on the deal and the customer, invoice status, evidence on the contract and the deal', async () => {
    const seller = await t.as('seller_a');
    const otherCustomer = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '宁波第二医院' } })).json().id;
    const log = async (payload: Record<string, unknown>) => {
      const res = await seller({ method: 'POST', url: '/api/activities', payload: { type: 'call', ...payload } });
      expect(res.statusCode, res.body).toBe(201);
    };
    await log({ customerId, dealId, summary: '客户确认验收完成', occurredAt: sh('2026-11-01T09:00:00') });
    await log({ customerId, summary: '财务处称月底付款', occurredAt: sh('2026-11-02T09:00:00') });
    await log({ customerId: otherCustomer, summary: '别的客户', occurredAt: sh('2026-11-02T09:30:00') });
    const upload = async (entity: string, entityId: string, kind: string, name: string) => {
      const res = await seller({ method: 'POST', url: '/api/attachments', ...multipart({ entity, entityId, kind }, { name, content: PDF }) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const scan = await upload('contract', contractId, 'signed_contract', '合同扫描件.pdf');
    const receipt = await upload('deal', dealId, 'delivery_receipt', '签收单.pdf');
    const finance = await t.as('finance');
    const first = (await finance({ method: 'GET', url: `/api/contracts/${contractId}` })).json();
    const invoiced = await finance({ method: 'PUT', url: `/api/contracts/${contractId}/instalments/${first.instalments[0].id}/invoice`, payload: { invoiceStatus: 'issued', invoiceNo: 'FP-2026-0001' } });
    expect(invoiced.statusCode, invoiced.body).toBe(200);

    const c = (await finance({ method: 'GET', url: `/api/contracts/${contractId}` })).json();
    expect(c.customer).toEqual({ id: customerId, name: '杭州康捷医疗' });
    expect(c.activities.map((a: { summary: string }) => a.summary)).toEqual(['财务处称月底付款', '客户确认验收完成']);
    expect(c.activities[0]).toMatchObject({ type: 'call', owner: 'seller_a', occurredAt: sh('2026-11-02T09:00:00') });
    expect(c.instalments.map((i: { invoiceStatus: string; invoiceNo: string | null }) => [i.invoiceStatus, i.invoiceNo])).toEqual([['issued', 'FP-2026-0001'], ['not_issued', null]]);
    expect(c.attachments).toEqual([
      expect.objectContaining({ id: scan, entity: 'contract', kind: 'signed_contract', filename: '合同扫描件.pdf' }),
      expect.objectContaining({ id: receipt, entity: 'deal', kind: 'delivery_receipt', filename: '签收单.pdf' }),
    ]);
    // The deal's file is evidence to read, not a bank slip of this contract: a payment cannot cite it.
    const cite = await finance({ method: 'POST', url: `/api/contracts/${contractId}/payments`, payload: { amountFen: 1, receivedOn: '2026-11-02', method: 'wire', evidenceFileId: receipt } });
    expect(cite.statusCode).toBe(400);
    expect(cite.json().error.fields).toMatchObject([{ field: 'evidenceFileId' }]);
  });
});
