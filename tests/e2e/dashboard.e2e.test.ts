/**
 * The war room in a real browser: a director logs in and lands on the dashboard, clicks a funnel segment, sees the
 * deals behind it (the same count), and exports the dashboard; the downloaded workbook opens with the About sheet
 * and a sheet per chart (read back with exceljs). A seller still lands on their tasks.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCustomerWithDeal, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

const PIPELINE_YAML = `
key: e2e_war_room
name: 作战室流程
nameEn: War room flow
stages:
  - key: first_touch
    name: 首次触达
    nameEn: First touch
    probability: 10
  - key: quote
    name: 报价
    nameEn: Quote
    probability: 60
  - key: won
    name: 赢单
    probability: 100
    terminal: won
`;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  const pipelineId = await importPipeline(await server.as('admin'), PIPELINE_YAML);
  const seller = await server.as('seller_a');
  for (const [name, title] of [['杭州第一人民医院', '监护仪采购'], ['宁波妇儿医院', '超声设备更新']]) {
    await createCustomerWithDeal(seller, { name, kind: 'company', region: '华东', industry: '医疗' }, { title, pipelineId, amountFen: 5_000_000 });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('war room dashboard', () => {
  it('a director lands on the dashboard, drills a funnel segment into its deals and exports the workbook', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'director');
    try {
      await page.waitForURL('**/dashboard');
      const entered = page.getByTestId('funnel-first_touch-entered');
      await entered.waitFor();
      expect(await entered.textContent()).toBe('2');
      await entered.click();
      await page.getByTestId('drill-total').getByText(/2/).waitFor();
      const table = page.getByTestId('drill-table');
      await table.getByText('监护仪采购').waitFor();
      await table.getByText('超声设备更新').waitFor();
      await page.screenshot({ path: 'test-results/dashboard-drill.png' });
      await page.keyboard.press('Escape');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
      const path = await download.path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(path!) as never);
      const names = wb.worksheets.map((w) => w.name);
      expect(names[0]).toBe('说明');
      expect(names).toEqual(expect.arrayContaining(['漏斗（同期群）', '快照：当前各阶段', '阶段停留（工作日）', '停滞商机（按阶段）', '动作饱和度（销售 × 周）', '流失矩阵（输单数）']));
      const about = wb.getWorksheet('说明')!;
      const aboutText = JSON.stringify(about.getSheetValues());
      expect(aboutText).toContain('director');
      expect(aboutText).toContain('Asia/Shanghai');
      const funnel = wb.getWorksheet('漏斗（同期群）')!;
      expect(funnel.getRow(2).getCell(1).value).toBe('首次触达');
      expect(funnel.getRow(2).getCell(2).value).toBe(2);
    } finally {
      await context.close();
    }
  });

  it('a seller still lands on their tasks', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await page.waitForURL('**/tasks');
    } finally {
      await context.close();
    }
  });
});
