/**
 * "Every list exports to Excel", for the lists without a table: the director's tasks page and the follow-up
 * timelines of a customer and of a deal. Each export button downloads a workbook (read back with exceljs) whose rows
 * are the ones on screen — my open tasks across the three tabs (not a done one, not a seller's), the customer's whole
 * timeline, and the deal's timeline without the customer's other deal.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCustomerWithDeal, created, importPipeline, loggedInPage, soonToday, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

const PIPELINE_YAML = `
key: e2e_list_exports
name: 导出流程
stages:
  - key: first_touch
    name: 首次触达
    probability: 10
  - key: won
    name: 赢单
    probability: 100
    terminal: won
`;

const DAY = 24 * 3600 * 1000;
const MY_TASKS = { overdue: '逾期：寄送报价单', today: '今日：电话确认预算', upcoming: '下周：安排演示', undated: '无期限：整理资料' };
const DEAL_SUMMARIES = ['监护仪方案沟通', '监护仪现场演示'];
const OTHER_SUMMARIES = ['耗材报价', '年度回访'];

let server: RunningServer;
let browser: Browser;
let customerId = '';
let dealId = '';

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  const pipelineId = await importPipeline(await server.as('admin'), PIPELINE_YAML);
  const seller = await server.as('seller_a');
  const first = await createCustomerWithDeal(seller, { name: '嘉兴导出医院', kind: 'company' }, { title: '监护仪采购', pipelineId, amountFen: 3_000_000 });
  customerId = first.customerId;
  dealId = first.deal.id;
  const otherDeal = (await created(seller, '/api/deals', { title: '耗材年单', pipelineId, customerId, amountFen: 800_000 })).id;
  for (const summary of DEAL_SUMMARIES) await created(seller, '/api/activities', { customerId, dealId, type: 'call', summary });
  await created(seller, '/api/activities', { customerId, dealId: otherDeal, type: 'visit', summary: OTHER_SUMMARIES[0] });
  await created(seller, '/api/activities', { customerId, type: 'call', summary: OTHER_SUMMARIES[1] });

  const director = await server.as('director');
  const me = server.org.users.director.id;
  const now = Date.now();
  const dues = { overdue: new Date(now - 2 * DAY).toISOString(), today: soonToday(), upcoming: new Date(now + 7 * DAY).toISOString(), undated: null };
  for (const key of Object.keys(MY_TASKS) as Array<keyof typeof MY_TASKS>) await created(director, '/api/tasks', { title: MY_TASKS[key], assigneeId: me, dueAt: dues[key] });
  const done = (await created(director, '/api/tasks', { title: '已完成：不应导出', assigneeId: me })).id;
  expect((await director('PATCH', `/api/tasks/${done}`, { status: 'done' })).status).toBe(200);
  await created(director, '/api/tasks', { title: '销售的任务：不应导出', assigneeId: server.org.users.sellerA.id });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks the export button and reads the downloaded workbook's sheet (the first sheet is the About sheet). */
async function exported(page: Page, testId: string, sheetName: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as never);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', sheetName]);
  const sheet = wb.getWorksheet(sheetName)!;
  const rows = (sheet.getSheetValues() as unknown[][]).slice(2).filter(Boolean);
  return { rows: rows.map((r) => JSON.stringify(r)), about: JSON.stringify(wb.getWorksheet('说明')!.getSheetValues()) };
}

/** The timeline tab's entries once the known summary shows (the timeline loads after the tab opens). */
async function timelineEntries(page: Page, known: string) {
  const pane = page.locator('.ant-tabs-tabpane-active');
  await pane.getByText(known).waitFor();
  return pane.locator('.ant-timeline-item').count();
}

describe('list exports from the tasks page and the timelines', () => {
  it('my tasks export holds my open tasks, the three tabs together', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'director');
    try {
      await page.goto(`${server.baseUrl}/tasks`);
      const onScreen: string[] = [];
      for (const [tab, key] of [['今天', 'today'], ['已逾期', 'overdue'], ['即将到期', 'upcoming']] as const) {
        await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
        const pane = page.locator('.ant-tabs-tabpane-active');
        await pane.getByText(MY_TASKS[key]).waitFor();
        onScreen.push(...(await pane.getByTestId('task-row').locator('.ant-list-item-meta-title').allTextContents()));
      }
      expect(onScreen).toHaveLength(4);
      const { rows } = await exported(page, 'export-tasks', '任务');
      expect(rows).toHaveLength(onScreen.length);
      for (const title of Object.values(MY_TASKS)) expect(rows.filter((r) => r.includes(title)), title).toHaveLength(1);
      expect(rows.join()).not.toContain('不应导出');
    } finally {
      await context.close();
    }
  });

  it("a customer's timeline exports all its entries; a deal's only that deal's", async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'director');
    try {
      await page.goto(`${server.baseUrl}/customers/${customerId}`);
      await page.getByRole('tab', { name: '跟进记录' }).click();
      const customerEntries = await timelineEntries(page, OTHER_SUMMARIES[1]);
      expect(customerEntries).toBe(4);
      const customer = await exported(page, 'export-activities', '活动');
      expect(customer.rows).toHaveLength(customerEntries);
      for (const summary of [...DEAL_SUMMARIES, ...OTHER_SUMMARIES]) expect(customer.rows.join(), summary).toContain(summary);
      expect(customer.about).toContain(customerId);

      await page.goto(`${server.baseUrl}/deals/${dealId}`);
      await page.getByRole('tab', { name: '跟进记录' }).click();
      const dealEntries = await timelineEntries(page, DEAL_SUMMARIES[0]);
      expect(dealEntries).toBe(2);
      const deal = await exported(page, 'export-activities', '活动');
      expect(deal.rows).toHaveLength(dealEntries);
      for (const summary of DEAL_SUMMARIES) expect(deal.rows.join(), summary).toContain(summary);
      for (const summary of OTHER_SUMMARIES) expect(deal.rows.join(), summary).not.toContain(summary);
      await page.screenshot({ path: 'test-results/exports-deal-timeline.png' });
    } finally {
      await context.close();
    }
  });
});
