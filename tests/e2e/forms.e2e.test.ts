import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { created, createCustomerWithDeal, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

const PIPELINE_YAML = `
key: e2e_forms
name: 表单流程
nameEn: Forms flow
stages:
  - key: first_touch
    name: 首次触达
    probability: 10
  - key: won
    name: 赢单
    probability: 100
    terminal: won
`;

let server: RunningServer;
let browser: Browser;
let admin: ApiCaller;
let seller: ApiCaller;
let customerId: string;
let dealId: string;
let obsoleteFieldId: string;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  admin = await server.as('admin');
  const pipelineId = await importPipeline(admin, PIPELINE_YAML);
  const fields = [
    { entity: 'deal', key: 'bed_count', label: '床位数', labelEn: 'Beds', type: 'number' },
    { entity: 'deal', key: 'hospital_level', label: '医院等级', labelEn: 'Hospital level', type: 'select', options: [{ value: 'level3', label: '三级' }, { value: 'level2', label: '二级' }] },
    { entity: 'deal', key: 'obsolete_note', label: '旧备注', type: 'text' },
  ];
  for (const field of fields) {
    const { id } = await created(admin, '/api/custom-fields', field);
    if (field.key === 'obsolete_note') obsoleteFieldId = id;
  }
  seller = await server.as('seller_a');
  const made = await createCustomerWithDeal(seller, { name: '杭州邵逸夫医院', kind: 'company', region: '华东' }, { title: '监护仪采购', pipelineId, amountFen: 100_000 });
  customerId = made.customerId;
  dealId = made.deal.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface TaskRow {
  id: string;
  title: string;
  assigneeId: string;
  dueAt: string | null;
  customerId: string | null;
}

describe('record forms (desktop)', () => {
  it('creates a task from My tasks, then edits its due time', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await page.getByTestId('new-task').click();
      const modal = page.locator('.ant-modal', { has: page.getByTestId('task-form') });
      await modal.waitFor();
      await modal.getByTestId('task-title').fill('寄送监护仪报价单');
      await modal.locator('#dueAt').click();
      await modal.locator('#dueAt').fill('2030-03-04 10:30');
      await modal.locator('#dueAt').press('Enter');
      await modal.locator('#customerId').click();
      await modal.locator('#customerId').fill('邵逸夫');
      await page.locator('.ant-select-item-option', { hasText: '杭州邵逸夫医院' }).click();
      await page.screenshot({ path: 'test-results/forms-task.png', animations: 'disabled' });
      await page.getByTestId('task-form-ok').click();
      await page.getByText('任务已创建').waitFor();
      await modal.waitFor({ state: 'hidden' });

      const list = await seller<{ items: TaskRow[] }>('GET', '/api/tasks?assigneeId=me&view=all&pageSize=200');
      const task = list.body.items.find((x) => x.title === '寄送监护仪报价单');
      expect(task, JSON.stringify(list.body)).toBeTruthy();
      // 10:30 in Shanghai (the org zone) is 02:30 UTC; a seller's task is theirs by default.
      expect(task!.dueAt).toBe('2030-03-04T02:30:00.000Z');
      expect(task!.customerId).toBe(customerId);
      expect(task!.assigneeId).toBe(server.org.users.sellerA.id);

      // The task is in "upcoming"; edit its due time there.
      await page.getByRole('tab', { name: /即将到期/ }).click();
      const row = page.getByTestId('task-row').filter({ hasText: '寄送监护仪报价单' });
      await row.getByTestId('task-edit').click();
      await modal.waitFor();
      await expect(modal.locator('#dueAt').inputValue()).resolves.toBe('2030-03-04 10:30');
      await modal.locator('#dueAt').click();
      await modal.locator('#dueAt').fill('2030-03-05 16:00');
      await modal.locator('#dueAt').press('Enter');
      await page.getByTestId('task-form-ok').click();
      await modal.waitFor({ state: 'hidden' });
      await expect
        .poll(async () => (await seller<TaskRow>('GET', `/api/tasks/${task!.id}`)).body.dueAt)
        .toBe('2030-03-05T08:00:00.000Z');
    } finally {
      await context.close();
    }
  });

  it("edits a deal's amount and custom fields; a server refusal lands under the right input and writes nothing", async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await page.goto(`${server.baseUrl}/deals/${dealId}`);
      await page.getByTestId('deal-edit').click();
      const modal = page.locator('.ant-modal', { has: page.getByTestId('deal-edit-form') });
      await modal.waitFor();
      await expect(modal.locator('#amountYuan').inputValue()).resolves.toBe('1000.00');
      await modal.locator('#amountYuan').fill('12345.67');
      await modal.locator('#custom_bed_count').fill('120');
      await modal.locator('#custom_hospital_level').click();
      await page.locator('.ant-select-item-option', { hasText: '三级' }).click();
      await modal.locator('#custom_obsolete_note').fill('旧字段的值');

      // The admin removes a field while the seller is typing: the server names it and the form puts that under its input,
      // in Chinese (the UI's default language), rendered from the error's code.
      expect((await admin('DELETE', `/api/custom-fields/${obsoleteFieldId}`)).status).toBe(200);
      await page.getByTestId('deal-form-ok').click();
      const obsoleteItem = modal.locator('.ant-form-item', { has: page.locator('#custom_obsolete_note') });
      await obsoleteItem.locator('.ant-form-item-explain-error').waitFor();
      await expect(obsoleteItem.locator('.ant-form-item-explain-error').textContent()).resolves.toBe('不是已定义的自定义字段');
      await page.screenshot({ path: 'test-results/forms-deal-error.png', animations: 'disabled' });
      const untouched = await seller<{ amountFen: number; custom: Record<string, unknown> }>('GET', `/api/deals/${dealId}`);
      expect(untouched.body.amountFen).toBe(100_000);
      expect(untouched.body.custom).toEqual({});

      await modal.locator('#custom_obsolete_note').fill('');
      await page.getByTestId('deal-form-ok').click();
      await modal.waitFor({ state: 'hidden' });
      await expect
        .poll(async () => (await seller<{ amountFen: number }>('GET', `/api/deals/${dealId}`)).body.amountFen)
        .toBe(1_234_567);
      const saved = await seller<{ amountFen: number; custom: Record<string, unknown> }>('GET', `/api/deals/${dealId}`);
      expect(saved.body.custom).toEqual({ bed_count: 120, hospital_level: 'level3' });
      await page.getByTestId('custom-value-hospital_level').filter({ hasText: '三级' }).waitFor();
      await expect(page.getByTestId('deal-amount-value').textContent()).resolves.toContain('¥12,345.67');
      await page.screenshot({ path: 'test-results/forms-deal.png', animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
});
