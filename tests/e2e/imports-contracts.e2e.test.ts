/**
 * Contracts with payment plans imported in the browser (issue 13): the seller picks "合同与付款计划", uploads an .xlsx,
 * maps the one column the suggestion does not know, dry-runs (a plan that does not add up is reported with the
 * difference, nothing is written), commits, and finds the contract on the deal page with its instalments.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCustomerWithDeal, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';
import { xlsx } from '../support/imports.js';

let server: RunningServer;
let browser: Browser;
let seller: ApiCaller;
let dealId: string;
let file: string;

const pipelineYaml = `key: import_contracts_e2e
name: 合同导入测试
stages:
  - key: signing
    name: 签约
    probability: 90
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  await importPipeline(await server.as('admin'), pipelineYaml);
  seller = await server.as('seller_a');
  ({ deal: { id: dealId } } = await createCustomerWithDeal(seller, { name: '温州导入合同医院' }, { title: '手术室净化工程', pipelineId: 'import_contracts_e2e' }));
  file = join(mkdtempSync(join(tmpdir(), 'e2e-import-contracts-')), '合同导入.xlsx');
  writeFileSync(
    file,
    await xlsx([
      ['合同编号', '客户名称', '商机名称', '签订日期', '合同金额', '第1期付款日', '第1期金额', '第1期付款方式', '第2期付款日', '第2期金额', '第2期付款方式', '合同附言'],
      ['HT-E2E-IMP-01', '温州导入合同医院', '手术室净化工程', '2026-09-20', '¥120,000', '2026-10-15', '40000', '电汇', '2026-12-15', '80000元', '银行承兑汇票', '分两期'],
      // 40,000 + 70,000 ≠ 120,000: a row error naming the ¥10,000 difference.
      ['HT-E2E-IMP-02', '温州导入合同医院', '手术室净化工程', '2026-09-20', '120000', '2026-10-15', '40000', '电汇', '2026-12-15', '70000', '电汇', ''],
    ]),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('import contracts in the browser', () => {
  it('uploads contracts, maps a column, dry-runs, commits and opens the contract with its plan', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await page.goto(`${server.baseUrl}/imports`);
      await page.getByText('合同与付款计划').click();
      await page.locator('input[type=file]').setInputFiles(file);
      // The remarks header is not a known synonym: map it to the contract's note by hand.
      const select = page.locator('.ant-select:visible', { has: page.getByRole('combobox', { name: 'map-合同附言' }) }).first();
      await select.waitFor();
      await select.click();
      // Fifty-odd fields: type to find the one.
      await page.keyboard.type('备注');
      await page.locator('.ant-select-item-option[title="备注"]').click();
      await page.getByRole('button', { name: '预检（不写入）' }).click();

      await page.waitForURL(/\/imports\/[0-9a-f-]+$/);
      await page.getByText('已预检').waitFor();
      const counts = page.getByTestId('import-counts');
      await expect.poll(async () => (await counts.innerText()).replace(/\s+/g, ' ')).toContain('新建 1');
      await page.getByText('相差 ¥10,000.00').waitFor();
      const before = await seller<{ items: unknown[] }>('GET', `/api/contracts?dealId=${dealId}`);
      expect(before.body.items).toHaveLength(0);

      await page.getByRole('button', { name: '确认导入' }).click();
      await page.getByText('已完成').waitFor();
      await expect.poll(async () => page.getByTestId('import-progress').innerText()).toBe('2 / 2');

      await page.goto(`${server.baseUrl}/deals/${dealId}`);
      await page.getByRole('tab', { name: '合同与回款' }).click();
      await page.getByRole('link', { name: 'HT-E2E-IMP-01' }).click();
      const detail = page.getByTestId('contract-detail');
      await detail.waitFor();
      expect(await detail.textContent()).toContain('温州导入合同医院');
      await page.getByTestId('instalment-2').waitFor();
      const plan = [await page.getByTestId('instalment-1').innerText(), await page.getByTestId('instalment-2').innerText()].map((t) => t.replace(/\s+/g, ' '));
      expect(plan[0]).toContain('40,000.00');
      expect(plan[1]).toContain('80,000.00');
      await page.screenshot({ path: 'test-results/imports-contract.png', animations: 'disabled' });

      const after = await seller<{ items: Array<{ id: string; number: string; amountFen: number }> }>('GET', `/api/contracts?dealId=${dealId}`);
      expect(after.body.items.map((c) => [c.number, c.amountFen])).toEqual([['HT-E2E-IMP-01', 12_000_000]]);
      // The hand-mapped column landed where it was mapped.
      const one = await seller<{ note: string | null }>('GET', `/api/contracts/${after.body.items[0]!.id}`);
      expect(one.body.note).toBe('分两期');
    } finally {
      await context.close();
    }
  });
});
