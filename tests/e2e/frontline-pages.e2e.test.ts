/**
 * Issue 15 points 1 and 4 in a browser (their rules have API tests; these check what the user sees):
 * - quick-log on a customer with one open deal says it links that deal, and at save time says whether the visit
 *   counts as effective and why not ("add a next action"); with the customer's feedback it counts;
 * - the regional manager's digest page opens on their own region's roll-up (no error, no blank page) and previews the
 *   B2B figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCustomerWithDeal, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let seller: ApiCaller;
let pipelineId: string;

const pipelineYaml = `key: pages_e2e
name: 页面测试
stages:
  - key: s1
    name: 初访
    probability: 20
  - key: s2
    name: 方案
    probability: 50
  - key: won
    name: 成交
    probability: 100
    terminal: won
  - key: lost
    name: 输单
    probability: 0
    terminal: lost
`;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  pipelineId = await importPipeline(await server.as('admin'), pipelineYaml);
  seller = await server.as('seller_a');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('frontline pages', () => {
  it('quick-log links the only open deal and says at save time whether the visit counts, and why not', async () => {
    const { customerId, deal } = await createCustomerWithDeal(seller, { name: '台州市立医院' }, { title: '台州骨科设备', pipelineId, amountFen: 8_000_000 });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await page.goto(`${server.baseUrl}/quick-log?customerId=${customerId}`);
      await expect(page.getByTestId('quicklog-auto-deal').textContent()).resolves.toContain('台州骨科设备');
      await page.getByTestId('quicklog-summary').fill('拜访设备科，详细介绍了骨科动力系统，科长很感兴趣，要求提供同类医院的使用案例和报价区间');
      await page.getByTestId('quicklog-submit').click();
      const result = page.getByTestId('quicklog-result');
      await result.getByText('已保存，但不计为有效互动').waitFor();
      await expect(result.textContent()).resolves.toContain('补充下一步行动');
      await expect(result.textContent()).resolves.toContain('台州骨科设备');

      await page.getByTestId('quicklog-summary').fill('电话跟进设备科长，确认下周三带案例上门');
      // What the customer said counts too (the hint says "next action, or the customer's feedback").
      await page.getByTestId('quicklog-outcome').fill('科长同意下周三听使用案例介绍');
      await page.getByTestId('quicklog-submit').click();
      await result.getByText('已计为有效互动').waitFor();
    } finally {
      await context.close();
    }
    const logged = await seller<{ items: Array<{ dealId: string | null; effective: boolean }> }>('GET', `/api/activities?customerId=${customerId}`);
    expect(logged.body.items.map((a) => [a.dealId, a.effective]).sort()).toEqual([
      [deal.id, false],
      [deal.id, true],
    ]);
  });

  it("the regional manager's digest page opens on their region's roll-up and previews B2B figures", async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'rm_east');
    try {
      await page.goto(`${server.baseUrl}/digests`);
      await page.getByTestId('digest-team').getByText('华东大区 · 区域汇总').waitFor();
      await page.getByTestId('digest-preview').click();
      const card = page.getByTestId('digest-preview-card');
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('在手商机');
      expect(await page.getByTestId('digest-error').count()).toBe(0);
      expect(await page.locator('.ant-alert-error').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
