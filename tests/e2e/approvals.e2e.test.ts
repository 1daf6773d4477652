import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCustomerWithDeal, importPipeline, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

const PIPELINE = `key: quote_gate
name: 报价流程
stages:
  - key: negotiate
    name: 价格谈判
    probability: 50
    gate:
      approvals:
        - { kind: quote, label: 报价审批, labelEn: Quote approval }
  - key: contract
    name: 签约
    probability: 80
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  await importPipeline(await server.as('admin'), PIPELINE);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('quote approval (报价审批) from the deal page to the gate', () => {
  it('a seller requests it, the regional manager approves on a phone, the deal passes the gate', async () => {
    const seller = await server.as('seller_a');
    const { deal } = await createCustomerWithDeal(seller, { name: '瑞金医院', phone: '13900003333' }, { title: '监护仪 20 台', pipelineId: 'quote_gate', amountFen: 3_000_000 });
    const refused = await seller<{ error: { code: string; unmet: Array<{ code: string }> } }>('POST', `/api/deals/${deal.id}/move`, { toStage: 'contract' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.unmet.map((u) => u.code)).toEqual(['APPROVAL_REQUIRED']);

    // The seller asks from the deal page: list price ¥33,000, net price prefilled from the deal (¥30,000).
    const desk = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await desk.page.goto(`${server.baseUrl}/deals/${deal.id}`);
      await desk.page.getByTestId('deal-request-approval').click();
      await desk.page.getByTestId('approval-list-price').fill('33000');
      await expect(desk.page.getByTestId('approval-net-price').inputValue()).resolves.toBe('30000.00');
      await desk.page.getByTestId('approval-submit').click();
      await desk.page.getByText('已提交审批').waitFor();
      await desk.page.screenshot({ path: 'test-results/approval-requested.png', animations: 'disabled' });
    } finally {
      await desk.context.close();
    }

    // The regional manager decides on a 375-px phone: values, envelope and the step are on the card.
    const phone = await loggedInPage(browser, server.baseUrl, 'rm_east', PHONE);
    try {
      await phone.page.goto(`${server.baseUrl}/approvals`);
      const card = phone.page.getByTestId('approval-card').first();
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('监护仪 20 台');
      await expect(phone.page.getByTestId('approval-envelope').first().textContent()).resolves.toContain('9.10 %');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.getByTestId('approval-comment').fill('同意，尽快签约');
      await phone.page.screenshot({ path: 'test-results/approval-phone.png', animations: 'disabled' });
      await phone.page.getByTestId('approval-approve').click();
      await phone.page.getByText('已同意', { exact: true }).first().waitFor();
    } finally {
      await phone.context.close();
    }

    const approvals = await seller<{ items: Array<{ status: string; trail?: unknown; steps: Array<{ approvers: Array<{ comment: string | null }> }> }> }>('GET', `/api/approvals?dealId=${deal.id}`);
    expect(approvals.body.items).toMatchObject([{ status: 'approved', steps: [{ approvers: [{ comment: '同意，尽快签约' }] }] }]);
    const moved = await seller<{ stageKey: string }>('POST', `/api/deals/${deal.id}/move`, { toStage: 'contract' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.stageKey).toBe('contract');
  });
});
