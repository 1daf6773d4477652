/**
 * The war room in a real browser: a director logs in and lands on the dashboard, clicks a funnel segment, sees the
 * deals behind it (the same count), and exports the dashboard; the downloaded workbook opens with the About sheet
 * and a sheet per chart (read back with exceljs). The owner and customer-segment filters narrow every card (the
 * segment select offers the dictionary's entries; a customer typed as "Clinic" is stored as 诊所 and filtered so), and
 * the consistency card counts a customer two people logged with the same need tag and drills into it. A seller still
 * lands on their tasks.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCustomerWithDeal, created, importPipeline, loggedInPage, startE2E } from './support/flows.js';
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
  const customers: string[] = [];
  for (const [name, title, industry] of [['杭州第一人民医院', '监护仪采购', '医院'], ['宁波妇儿医院', '超声设备更新', 'Clinic']]) {
    customers.push((await createCustomerWithDeal(seller, { name, kind: 'company', region: '华东', industry }, { title, pipelineId, amountFen: 5_000_000 })).customerId);
  }
  // Action consistency: the seller and the team lead both logged 杭州第一人民医院 with the same need tag (and the
  // seller an action tag beside it, which consistency does not compare).
  await created(seller, '/api/activities', { customerId: customers[0], type: 'visit', summary: '科室拜访，客户关注价格', tags: ['need_price_sensitive', 'price_confirmation'] });
  await created(await server.as('lead_east1'), '/api/activities', { customerId: customers[0], type: 'call', summary: '主任电话，预算有限', tags: ['need_price_sensitive'] });
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

  it('the owner and segment filters narrow the cards; the consistency card drills into the customer two people logged alike', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'director');
    try {
      await page.waitForURL('**/dashboard');
      const entered = page.getByTestId('funnel-first_touch-entered');
      await expect.poll(() => entered.textContent()).toBe('2');
      // Consistency: one customer logged by two people, their need tags agree.
      const card = page.getByTestId('card-consistency');
      await expect.poll(() => card.getByTestId('consistency-customers').textContent()).toBe('1');
      expect(await card.getByTestId('consistency-agree').textContent()).toBe('1');
      await card.getByTestId('consistency-agree').click();
      await page.getByTestId('drill-table').getByText('杭州第一人民医院').first().waitFor();
      await page.keyboard.press('Escape');

      // Industry 医院 (a dictionary entry): only 杭州第一人民医院's deal entered the stage; the URL keeps the filter.
      await page.getByTestId('filter-industry').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('医院', { exact: true }).click();
      await expect.poll(() => entered.textContent()).toBe('1');
      expect(new URL(page.url()).searchParams.get('industry')).toBe('医院');
      await entered.click();
      const drill = page.getByTestId('drill-table');
      await drill.getByText('监护仪采购').waitFor();
      expect(await drill.getByText('超声设备更新').count()).toBe(0);
      await page.keyboard.press('Escape');
      // 诊所: the customer created as "Clinic" was stored under the entry, so it is the other deal.
      await page.getByTestId('filter-industry').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('诊所', { exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('industry')).toBe('诊所');
      await expect.poll(() => entered.textContent()).toBe('1');
      await entered.click();
      await drill.getByText('超声设备更新').waitFor();
      await page.keyboard.press('Escape');

      // Owner seller_a without a segment: both deals are theirs, but only the lead's log is left out of
      // consistency, so no customer was logged by two people any more.
      await page.goto(`${server.baseUrl}/dashboard`);
      await expect.poll(() => entered.textContent()).toBe('2');
      await page.getByTestId('filter-owner').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('seller_a', { exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('ownerId')).toBeTruthy();
      await expect.poll(() => card.getByTestId('consistency-customers').textContent()).toBe('0');
      expect(await entered.textContent()).toBe('2');
      await page.screenshot({ path: 'test-results/dashboard-filters.png' });
    } finally {
      await context.close();
    }
  });

  it('the customer list exports what it shows: the search on screen is the export search', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'director');
    try {
      await page.goto(`${server.baseUrl}/customers`);
      // antd puts the test id on the search box's input itself.
      const search = page.getByTestId('customer-search');
      await search.fill('宁波');
      await search.press('Enter');
      await page.getByText('宁波妇儿医院').waitFor();
      await expect.poll(() => page.getByText('杭州第一人民医院').count()).toBe(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-customers').click()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync((await download.path())!) as never);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '客户']);
      const sheet = wb.getWorksheet('客户')!;
      expect(sheet.rowCount).toBe(2);
      expect(JSON.stringify(sheet.getRow(2).values)).toContain('宁波妇儿医院');
      expect(JSON.stringify(wb.getWorksheet('说明')!.getSheetValues())).toContain('宁波');
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
