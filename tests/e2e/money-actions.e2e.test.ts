/**
 * Money actions in the browser: a seller files a payment claim on an overdue instalment; finance confirms it (the
 * payment form opens pre-filled from the claim) and the instalment is paid; a seller records an amendment (补充协议)
 * splitting an instalment in two, the form showing the plan's difference until it balances, and a second plan
 * version appears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { created, createCustomerWithDeal, DESKTOP, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let contractId: string;
let dealId: string;

const pipelineYaml = `key: money_actions_e2e
name: 回款操作测试
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
  const { deal } = await createCustomerWithDeal(seller, { name: '宁波康联医疗' }, { title: '监护仪采购', pipelineId: 'money_actions_e2e' });
  const contract = await created<{ id: string }>(seller, '/api/contracts', { dealId: deal.id, signedAt: day(-30), amountFen: 12_345_600, plan: [{ dueDate: day(-1), amountFen: 2_345_600, method: 'wire' }, { dueDate: day(60), amountFen: 10_000_000, method: 'wire' }] });
  contractId = contract.id;
  dealId = deal.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('money actions in the browser', () => {
  it('a seller files a payment claim; finance confirms it and the instalment is paid', async () => {
    const seller = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await seller.page.goto(`${server.baseUrl}/contracts/${contractId}`);
      await seller.page.getByTestId('file-claim').click();
      await seller.page.getByTestId('claim-amount').fill('23456');
      await seller.page.getByTestId('claim-reference').fill('客户称已电汇 CMB-0001');
      await seller.page.getByTestId('claim-submit').click();
      await seller.page.getByTestId('claim-pending').waitFor();
      // A seller sees no finance buttons.
      expect(await seller.page.getByTestId('claim-confirm').count()).toBe(0);
    } finally {
      await seller.context.close();
    }
    const finance = await loggedInPage(browser, server.baseUrl, 'finance', DESKTOP);
    try {
      await finance.page.goto(`${server.baseUrl}/contracts/${contractId}`);
      await finance.page.getByTestId('claim-confirm').click();
      // The payment form is filled from the claim: amount and reference.
      expect(await finance.page.getByTestId('payment-amount').inputValue()).toBe('23456.00');
      expect(await finance.page.getByTestId('payment-reference').inputValue()).toBe('客户称已电汇 CMB-0001');
      await finance.page.getByTestId('payment-submit').click();
      await finance.page.getByTestId('claim-confirmed').waitFor();
      await finance.page.waitForFunction(() => document.querySelector('[data-testid="instalment-1"]')?.getAttribute('data-status') === 'paid');
    } finally {
      await finance.context.close();
    }
    const contract = (await (await server.as('finance'))<{ claims: Array<{ status: string; paymentId: string | null }>; instalments: Array<{ status: string }> }>('GET', `/api/contracts/${contractId}`)).body;
    expect(contract.claims).toMatchObject([{ status: 'confirmed', paymentId: expect.any(String) }]);
    expect(contract.instalments[0]!.status).toBe('paid');
  });

  it('a seller records an amendment splitting an instalment; the plan must balance; a second plan version appears', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/contracts/${contractId}`);
      await page.getByTestId('amend-plan').click();
      await page.getByTestId('amend-line-amount-2').fill('60000');
      await page.getByTestId('amend-reason').click();
      expect(await page.getByTestId('amend-difference').textContent()).toContain('40,000.00');
      await page.getByTestId('amend-add-line').click();
      // The new line takes the difference; it needs its due date.
      expect(await page.getByTestId('amend-line-amount-3').inputValue()).toBe('40000.00');
      const date = page.getByTestId('amend-line-3').getByPlaceholder('约定付款日');
      await date.click();
      await date.fill(day(90));
      await date.press('Enter');
      await page.getByTestId('amend-reason').fill('补充协议：第二期拆分为两期');
      expect(await page.getByTestId('amend-difference').textContent()).toContain('一致');
      await page.getByTestId('amend-submit').click();
      await page.getByTestId('plan-version-2').waitFor();
      await page.getByTestId('instalment-3').waitFor();
    } finally {
      await context.close();
    }
    const contract = (await (await server.as('finance'))<{ planVersion: number; instalments: Array<{ amountFen: number; dueDate: string }> }>('GET', `/api/contracts/${contractId}`)).body;
    expect(contract.planVersion).toBe(2);
    expect(contract.instalments.map((i) => [i.amountFen, i.dueDate])).toEqual([
      [2_345_600, day(-1)],
      [6_000_000, day(60)],
      [4_000_000, day(90)],
    ]);
  });

  it('a seller registers a second contract on the deal page, instalment by instalment with a planned invoice date', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/deals/${dealId}`);
      await page.getByRole('tab', { name: '合同与回款' }).click();
      await page.getByTestId('register-contract').click();
      await page.getByTestId('contract-amount').fill('5000');
      await page.getByTestId('plan-mode').getByText('逐期填写').click();
      const firstDue = page.getByTestId('amend-line-1').getByPlaceholder('约定付款日');
      await firstDue.click();
      await firstDue.fill(day(30));
      await firstDue.press('Enter');
      await page.getByTestId('amend-line-amount-1').fill('2000');
      await page.getByTestId('amend-add-line').click();
      const secondDue = page.getByTestId('amend-line-2').getByPlaceholder('约定付款日');
      await secondDue.click();
      await secondDue.fill(day(60));
      await secondDue.press('Enter');
      const invoice = page.getByTestId('amend-line-2').getByPlaceholder('计划开票日');
      await invoice.click();
      await invoice.fill(day(55));
      await invoice.press('Enter');
      expect(await page.getByTestId('amend-difference').textContent()).toContain('一致');
      await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByText('合同已登记').waitFor();
    } finally {
      await context.close();
    }
    const list = (await (await server.as('seller_a'))<{ items: Array<{ id: string; amountFen: number }> }>('GET', `/api/contracts?dealId=${dealId}`)).body.items;
    const second = list.find((c) => c.id !== contractId)!;
    const contract = (await (await server.as('finance'))<{ instalments: Array<{ amountFen: number; dueDate: string; invoiceDate: string | null }> }>('GET', `/api/contracts/${second.id}`)).body;
    expect(contract.instalments.map((i) => [i.amountFen, i.dueDate, i.invoiceDate])).toEqual([
      [200_000, day(30), null],
      [300_000, day(60), day(55)],
    ]);
  });
});
