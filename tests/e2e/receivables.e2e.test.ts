/**
 * Receivables in the browser: finance opens the countdown board, clicks a red (overdue) instalment, sees the contract
 * with its customer, plan, latest talk, invoice and the deal's delivery receipt, records the payment in the form, and the row turns normal (paid today stays on the
 * board as normal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { created, createCustomerWithDeal, DESKTOP, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import { PASSWORD, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let number: string;

const pipelineYaml = `key: money_e2e
name: 回款测试
stages:
  - key: signing
    name: 签约
    probability: 90
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  await importPipeline(await server.as('admin'), pipelineYaml);
  const seller = await server.as('seller_a');
  const { customerId, deal } = await createCustomerWithDeal(seller, { name: '杭州康捷合作医院' }, { title: '彩超采购项目', pipelineId: 'money_e2e' });
  // Due yesterday: overdue (a day off moves it at most onto the next working day, still within the red band).
  const contract = await created<{ id: string; number: string }>(seller, '/api/contracts', { dealId: deal.id, signedAt: day(-30), amountFen: 12_345_600, plan: [{ dueDate: day(-1), amountFen: 2_345_600, method: 'wire' }, { dueDate: day(60), amountFen: 10_000_000, method: 'wire' }] });
  number = contract.number;
  // The morning meeting's material: a talk on the deal, the invoice of the first instalment, a delivery receipt on the deal.
  expect((await seller('POST', '/api/activities', { customerId, dealId: deal.id, type: 'call', summary: '客户确认设备已验收' })).status).toBe(201);
  const finance = await server.as('finance');
  const detail = await finance<{ instalments: Array<{ id: string }> }>('GET', `/api/contracts/${contract.id}`);
  expect((await finance('PUT', `/api/contracts/${contract.id}/instalments/${detail.body.instalments[0].id}/invoice`, { invoiceStatus: 'issued', invoiceNo: 'FP-20261101' })).status).toBe(200);
  const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'seller_a', password: PASSWORD }) });
  const form = new FormData();
  form.set('entity', 'deal');
  form.set('entityId', deal.id);
  form.set('kind', 'delivery_receipt');
  form.set('file', new Blob([Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n')]), '设备签收单.pdf');
  const upload = await fetch(`${server.baseUrl}/api/attachments`, { method: 'POST', headers: { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] }, body: form });
  expect(upload.status, await upload.text()).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('receivables in the browser', () => {
  it('finance opens the board, clicks a red instalment, records a payment, the row turns normal', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'finance', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/receivables`);
      const row = page.getByTestId(`board-row-${number}-1`);
      await row.waitFor();
      expect(await row.getAttribute('data-band')).toBe('red');
      expect(await page.getByTestId(`board-row-${number}-2`).getAttribute('data-band')).toBe('normal');
      await row.click();
      const detail = page.getByTestId('contract-detail');
      await detail.waitFor();
      // Everything about the contract in one click: customer, the latest talk, the invoice, the deal's delivery receipt.
      const text = await detail.textContent();
      for (const seen of ['杭州康捷合作医院', '客户确认设备已验收', 'FP-20261101']) expect(text).toContain(seen);
      await detail.getByTestId('deal-evidence').getByText('设备签收单.pdf').waitFor();
      await page.getByTestId('record-payment').click();
      // The form suggests what is open on the contract; pay the first instalment exactly.
      await page.getByTestId('payment-amount').fill('23456');
      await page.getByTestId('payment-reference').fill('HSBC-20261201-001');
      await page.getByTestId('payment-submit').click();
      await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-band') === 'normal', `board-row-${number}-1`);
      expect(await row.getAttribute('data-status')).toBe('paid');
      expect(await page.getByTestId('instalment-1').getAttribute('data-status')).toBe('paid');
    } finally {
      await context.close();
    }
    const contract = (await (await server.as('finance'))<{ items: Array<{ contract: { number: string }; seq: number; status: string }> }>('GET', '/api/receivables')).body.items.find((i) => i.contract.number === number && i.seq === 1);
    expect(contract?.status).toBe('paid');
  });
});
