/**
 * The second approver decides with the history in front of them: on a two-step quote (¥60,000: regional manager,
 * then director) the director's phone shows who approved the first step, when, and with what comment. A rejection on
 * the phone needs a comment, which the seller then reads in the history before resubmitting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCustomerWithDeal, importPipeline, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

const PIPELINE = `key: quote_history
name: 报价流程
stages:
  - key: negotiate
    name: 价格谈判
    probability: 50
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

describe('approval history on the approver’s phone', () => {
  it('the director sees the regional manager’s approval, its time and comment on the pending card, then approves', async () => {
    const seller = await server.as('seller_a');
    const { deal } = await createCustomerWithDeal(seller, { name: '中山医院', phone: '13900005555' }, { title: 'MRI 一台', pipelineId: 'quote_history', amountFen: 6_000_000 });
    const submitted = await seller<{ id: string; steps: unknown[] }>('POST', '/api/approvals', { kind: 'quote', subject: { type: 'deal', id: deal.id }, values: { netPriceFen: 6_000_000, listPriceFen: 6_600_000 } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body.steps).toHaveLength(2);
    const rm = await server.as('rm_east');
    const first = await rm('POST', `/api/approvals/${submitted.body.id}/decision`, { decision: 'approve', comment: '价格合理，请总监定夺' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);

    const phone = await loggedInPage(browser, server.baseUrl, 'director', PHONE);
    try {
      await phone.page.goto(`${server.baseUrl}/approvals`);
      const card = phone.page.getByTestId('approval-card');
      await card.first().waitFor();
      expect(await card.count()).toBe(1);
      await expect(card.getByTestId('approval-envelope').textContent()).resolves.toContain('60,000');
      const history = card.getByTestId('approval-history-item');
      await history.first().waitFor();
      const lines = await history.allTextContents();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/提交 · seller_a/);
      expect(lines[1]).toMatch(/\d{2}:\d{2}.* · 同意 · rm_east：价格合理，请总监定夺/);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.screenshot({ path: 'test-results/approval-history-phone.png', fullPage: true, animations: 'disabled' });
      await phone.page.getByTestId('approval-comment').fill('同意');
      await phone.page.getByTestId('approval-approve').click();
      await phone.page.getByText('已同意', { exact: true }).first().waitFor();
    } finally {
      await phone.context.close();
    }

    const done = await seller<{ status: string; trail: Array<{ action: string; actor: { name: string } | null; comment: string | null }> }>('GET', `/api/approvals/${submitted.body.id}`);
    expect(done.body.status).toBe('approved');
    expect(done.body.trail.filter((x) => x.action === 'approved').map((x) => [x.actor?.name, x.comment])).toEqual([
      ['rm_east', '价格合理，请总监定夺'],
      ['director', '同意'],
    ]);
  });

  it('the regional manager rejects on a phone only with a comment; the seller reads why in the history and resubmits', async () => {
    const seller = await server.as('seller_a');
    const { deal } = await createCustomerWithDeal(seller, { name: '华东医院', phone: '13900006666' }, { title: '超声 两台', pipelineId: 'quote_history', amountFen: 3_000_000 });
    const submitted = await seller<{ id: string }>('POST', '/api/approvals', { kind: 'quote', subject: { type: 'deal', id: deal.id }, values: { netPriceFen: 3_000_000, listPriceFen: 4_000_000 } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const status = async () => (await seller<{ status: string }>('GET', `/api/approvals/${submitted.body.id}`)).body.status;

    const phone = await loggedInPage(browser, server.baseUrl, 'rm_east', PHONE);
    try {
      await phone.page.goto(`${server.baseUrl}/approvals`);
      const card = phone.page.getByTestId('approval-card').filter({ hasText: '超声 两台' });
      await card.waitFor();
      await card.getByTestId('approval-reject').click();
      await phone.page.locator('.ant-message-error').first().waitFor();
      expect(await status()).toBe('pending');
      await card.getByTestId('approval-comment').fill('折扣 25% 过大，请控制在 15% 以内');
      await card.getByTestId('approval-reject').click();
      await phone.page.getByText('已驳回', { exact: true }).first().waitFor();
    } finally {
      await phone.context.close();
    }
    expect(await status()).toBe('rejected');

    const desk = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await desk.page.goto(`${server.baseUrl}/approvals/${submitted.body.id}`);
      const history = desk.page.getByTestId('approval-history-item');
      await history.nth(1).waitFor();
      expect(await history.nth(1).textContent()).toMatch(/驳回 · rm_east：折扣 25% 过大，请控制在 15% 以内/);
      await desk.page.getByTestId('approval-resubmit').click();
      await desk.page.getByText('已重新提交', { exact: true }).first().waitFor();
      await expect.poll(() => desk.page.getByTestId('approval-history-item').count()).toBe(3);
    } finally {
      await desk.context.close();
    }
    expect(await status()).toBe('pending');
  });
});
