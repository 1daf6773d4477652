import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';
import { xlsx } from '../support/imports.js';

let server: RunningServer;
let browser: Browser;
let seller: ApiCaller;
let file: string;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  seller = await server.as('seller_a');
  file = join(mkdtempSync(join(tmpdir(), 'e2e-import-')), '客户导入.xlsx');
  writeFileSync(
    file,
    await xlsx([
      ['客户名称', '手机号', '所在片区', '联系人'],
      ['宁波浏览器一号医疗有限公司', '13900139001', '浙江宁波', '王芳'],
      ['宁波浏览器二号医疗有限公司', '13900139002', '浙江省宁波市', ''],
      ['宁波浏览器三号公司', '1.39E+10', '浙江宁波', ''],
    ]),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('import customers in the browser', () => {
  it('uploads an .xlsx, maps a column, dry-runs, commits with progress and finds the customers', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await page.goto(`${server.baseUrl}/imports`);
      await page.locator('input[type=file]').setInputFiles(file);
      // The unknown header is not suggested: map it to the region by hand.
      // (The scrolling table renders its header twice: take the visible one.)
      const select = page.locator('.ant-select:visible', { has: page.getByRole('combobox', { name: 'map-所在片区' }) }).first();
      await select.waitFor();
      await select.click();
      await page.locator('.ant-select-item-option[title="地区"]').click();
      await page.getByText('前 3 行预览').waitFor();
      await page.getByRole('button', { name: '预检（不写入）' }).click();

      await page.waitForURL(/\/imports\/[0-9a-f-]+$/);
      await page.getByText('已预检').waitFor();
      const counts = page.getByTestId('import-counts');
      await expect.poll(async () => (await counts.innerText()).replace(/\s+/g, ' ')).toContain('新建 2');
      await page.getByText('电话被 Excel 存成了科学计数法').waitFor();
      const before = await seller<{ items: Array<{ name: string }> }>('GET', '/api/customers?q=宁波浏览器');
      expect(before.body.items).toHaveLength(0);

      await page.getByRole('button', { name: '确认导入' }).click();
      await page.getByText('已完成').waitFor();
      await expect.poll(async () => page.getByTestId('import-progress').innerText()).toBe('3 / 3');
      await page.locator('.ant-progress-text', { hasText: '100%' }).or(page.locator('.ant-progress-status-success')).first().waitFor();
      await page.screenshot({ path: 'test-results/imports-committed.png', animations: 'disabled' });

      await page.goto(`${server.baseUrl}/customers`);
      await page.getByText('宁波浏览器一号医疗有限公司').waitFor();
      await page.getByText('宁波浏览器二号医疗有限公司').waitFor();
      const after = await seller<{ items: Array<{ name: string; region: string | null }> }>('GET', '/api/customers?q=宁波浏览器');
      expect(after.body.items.map((c) => [c.name, c.region]).sort()).toEqual([
        // The region is a dictionary: how the file spells it ("浙江宁波", "浙江省宁波市") is mapped to the one entry.
        ['宁波浏览器一号医疗有限公司', '浙江省宁波市'],
        ['宁波浏览器二号医疗有限公司', '浙江省宁波市'],
      ]);
    } finally {
      await context.close();
    }
  });
});
