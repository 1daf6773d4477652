/**
 * Issue 15 in a browser, for the points whose rules have API tests but no check of what the user sees:
 * - point 3: a lead's 需要我介入 lists an overdue deal with its amount, stage, days overdue and last effective activity;
 * - point 2: a gate's evidence items are shown by their label (never the internal kind), and the count moves on upload;
 * - point 10: an archived pipeline leaves the seller's pipeline choice, its deals still open, unarchiving restores it;
 * - point 9: region, industry, source and level are picked from the admin's dictionaries, in the form and the filters;
 * - point 4: a lead sets the digest's send time with a time picker and "generate now" shows the digest on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../server/core/clock.js';
import { runSlaUntilIdle } from '../../server/modules/sla/job.js';
import { chooseOption, created, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

const HOUR = 3_600_000;
// The overdue deal is made 4 days and 2 hours in the past (its 1-day level is due 3 days ago); then the clock jumps to the real now (the browser's time)
// and stays there, so sessions made after the jump live as usual.
const clock = new ManualClock(new Date(Date.now() - (4 * 24 + 2) * HOUR));

const FLOW_YAML = `key: flow_e2e
name: 医院设备流程
stages:
  - key: s1
    name: 需求确认
    probability: 20
    gate:
      evidence:
        - kind: competitor_comparison
          label: 竞品对比表
          labelEn: Competitor comparison
          min: 2
    sla:
      ladder:
        - after: 1d
          colour: red
          notify: [owner, owner.lead]
          require: intervention
  - key: s2
    name: 方案报价
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

const TRIAL_YAML = `key: trial_import
name: 导入测试流程
stages:
  - key: t1
    name: 试跑阶段
    probability: 10
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

// 1×1 PNG: the attachment store checks that the content matches the extension.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let server: RunningServer;
let browser: Browser;
let seller: ApiCaller;
let flowId: string;
let trialId: string;
let overdueDealId: string;

/** ¥1,234.50, as the page writes fen. */
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

const pick = (page: Page, testId: string, option: string) => chooseOption(page, page.getByTestId(testId), option);

/** The texts of the options a Select offers (opened by its test id, closed again). */
async function optionsOf(page: Page, testId: string): Promise<string[]> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  let texts: string[] = [];
  // The options arrive with their query, which may still be loading when the page is; a re-render as the page's
  // queries settle can close the dropdown between opening and reading it, so open and read again until it holds them.
  for (let attempt = 0; attempt < 5 && texts.length === 0; attempt++) {
    if (!(await dropdown.count())) await page.getByTestId(testId).click();
    await dropdown.locator('.ant-select-item-option').first().waitFor();
    texts = await dropdown.locator('.ant-select-item-option').allInnerTexts();
  }
  await page.keyboard.press('Escape');
  await dropdown.waitFor({ state: 'hidden' });
  return texts.map((x) => x.trim());
}

/** Whether a searchable Select offers an option with exactly this text once it is typed (the list is virtual). */
async function offers(page: Page, testId: string, text: string): Promise<boolean> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  // Waits for the option (the dictionary may still be loading), then closes the dropdown either way.
  const found = await dropdown
    .locator('.ant-select-item-option', { hasText: text })
    .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })
    .first()
    .waitFor({ timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
  await page.keyboard.press('Escape');
  // Closing animates: the previous select's dropdown may still be leaving, so wait for none at all.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  return found;
}

beforeAll(async () => {
  ({ server, browser } = await startE2E({ clock }));
  const pastAdmin = await server.as('admin');
  flowId = await importPipeline(pastAdmin, FLOW_YAML);
  trialId = await importPipeline(pastAdmin, TRIAL_YAML);
  const pastSeller = await server.as('seller_a');
  const customerId = (await created(pastSeller, '/api/customers', { name: '温州医科大学附属第一医院' })).id;
  // An effective visit (it has a next action) just before the deal: the manager sees it as the last one that counts.
  const visit = await created<{ effective: boolean }>(pastSeller, '/api/activities', {
    customerId,
    type: 'visit',
    summary: '拜访设备处处长，确认明年 CT 更新预算',
    nextAction: '发送竞品对比',
    nextActionAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString(),
  });
  expect(visit.effective).toBe(true);
  clock.advance(60_000);
  overdueDealId = (await created(pastSeller, '/api/deals', { title: '温医一院 CT 更新', customerId, pipelineId: flowId, amountFen: 386_000_000 })).id;
  expect(await runSlaUntilIdle(server.deps)).toEqual([]);
  clock.set(new Date());
  const fired = await runSlaUntilIdle(server.deps);
  // The deal's one level fires (the visit's next-action task has its own clock, not looked at here).
  expect(fired.filter((f) => f.subject.id === overdueDealId).map((f) => f.level)).toEqual([1]);
  // Sessions made in the past have expired by now: log in again.
  seller = await server.as('seller_a');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the frontline flow in a browser', () => {
  it("a lead's 需要我介入 shows the overdue deal's amount, stage, days overdue and last effective activity", async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'lead_east1');
    try {
      await page.goto(`${server.baseUrl}/interventions`);
      const row = page.getByTestId('intervention-row').filter({ hasText: '温医一院 CT 更新' });
      await row.waitFor();
      const facts = row.getByTestId('intervention-context');
      await facts.waitFor();
      const text = (await facts.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('¥3,860,000.00');
      expect(text).toContain('需求确认');
      expect(text).toContain('逾期 3 天');
      expect(text).toContain('最近有效跟进');
      expect(text).toContain('拜访设备处处长，确认明年 CT 更新预算');
      await expect(row.textContent()).resolves.toContain('seller_a');
      await page.screenshot({ path: 'test-results/frontline-interventions.png', animations: 'disabled' });
    } finally {
      await context.close();
    }
  });

  it("a gate's evidence shows its label, not the internal kind, and the count moves after each upload without a reload", async () => {
    const customerId = (await created(seller, '/api/customers', { name: '丽水市中心医院' })).id;
    const deal = await created(seller, '/api/deals', { title: '丽水 DR 采购', customerId, pipelineId: flowId, amountFen: 90_000_000 });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await page.goto(`${server.baseUrl}/deals/${deal.id}`);
      const item = page.locator('[data-testid="unmet-item"][data-code="EVIDENCE_REQUIRED"]');
      await item.waitFor();
      await expect.poll(() => item.innerText()).toContain('当前 0 份');
      expect(await item.innerText()).toContain('竞品对比表');
      expect(await item.innerText()).not.toContain('competitor_comparison');

      // Fixed in place on the gate tab: the count moves on the same page.
      await item.locator('input[type="file"]').setInputFiles({ name: '竞品对比-1.png', mimeType: 'image/png', buffer: PNG });
      await expect.poll(() => item.innerText(), { timeout: 15_000 }).toContain('当前 1 份');

      // The files tab picks the kind by its label and lists the file under it.
      await page.getByRole('tab', { name: '附件' }).click();
      await pick(page, 'attachment-kind', '竞品对比表');
      await page.getByRole('tabpanel').locator('input[type="file"]').setInputFiles({ name: '竞品对比-2.png', mimeType: 'image/png', buffer: PNG });
      const row = page.getByRole('row').filter({ hasText: '竞品对比-2.png' });
      await row.waitFor();
      expect(await row.innerText()).toContain('竞品对比表');
      await expect(page.getByTestId('attachment-kind').locator('.ant-select-selection-item').innerText()).resolves.toBe('竞品对比表');
      expect(await page.getByRole('tabpanel').locator('table').innerText()).not.toContain('competitor_comparison');

      // Two of two: the gate is met, again without a reload.
      await page.getByRole('tab', { name: '通关检查' }).click();
      await page.getByText('本阶段检查点已全部满足').waitFor();
      expect(await item.count()).toBe(0);
    } finally {
      await context.close();
    }
    const files = await seller<{ items: Array<{ kind: string }> }>('GET', `/api/attachments?entity=deal&entityId=${deal.id}`);
    expect(files.body.items.map((f) => f.kind)).toEqual(['competitor_comparison', 'competitor_comparison']);
    expect((await seller<{ gate: { unmet: unknown[] } }>('GET', `/api/deals/${deal.id}`)).body.gate.unmet).toEqual([]);
  });

  it('an admin archives a pipeline: sellers can no longer start deals in it, its deals still open; unarchiving brings it back', async () => {
    const customerId = (await created(seller, '/api/customers', { name: '衢州市人民医院' })).id;
    const old = await created(seller, '/api/deals', { title: '衢州试跑商机', customerId, pipelineId: trialId, amountFen: 1_000_000 });
    const sellerView = await loggedInPage(browser, server.baseUrl, 'seller_a');
    const desk = await loggedInPage(browser, server.baseUrl, 'admin');
    try {
      await sellerView.page.goto(`${server.baseUrl}/deals?pipeline=${flowId}`);
      expect(await optionsOf(sellerView.page, 'pipeline-select')).toEqual(expect.arrayContaining(['医院设备流程', '导入测试流程']));

      await desk.page.goto(`${server.baseUrl}/admin/pipelines`);
      const row = desk.page.getByRole('row').filter({ hasText: '导入测试流程' });
      await row.getByTestId('pipeline-archive').click();
      await row.locator('[data-testid="pipeline-row"][data-archived="true"]').waitFor();
      await row.getByText('已归档').waitFor();
      expect((await seller<{ items: Array<{ id: string }> }>('GET', '/api/pipelines')).body.items.map((p) => p.id)).not.toContain(trialId);

      // The seller's choice of pipeline (which the new-deal form creates in) no longer has it.
      await sellerView.page.reload();
      await sellerView.page.getByTestId('kanban').waitFor();
      const offered = await optionsOf(sellerView.page, 'pipeline-select');
      expect(offered).toContain('医院设备流程');
      expect(offered).not.toContain('导入测试流程');
      await sellerView.page.getByRole('button', { name: '新建商机' }).click();
      const form = sellerView.page.locator('.ant-modal', { hasText: '新建商机' });
      await form.waitFor();
      expect(await form.innerText()).not.toContain('试跑阶段');
      await sellerView.page.keyboard.press('Escape');

      // Its existing deal still opens, in its stage.
      await sellerView.page.goto(`${server.baseUrl}/deals/${old.id}`);
      await sellerView.page.getByRole('heading', { name: '衢州试跑商机' }).waitFor();
      await sellerView.page.locator('.ant-tag', { hasText: '试跑阶段' }).first().waitFor();

      // A link to the archived board still shows its deals, but offers no new deal there.
      await sellerView.page.goto(`${server.baseUrl}/deals?pipeline=${trialId}`);
      await sellerView.page.locator(`[data-deal-id="${old.id}"]`).waitFor();
      await sellerView.page.screenshot({ path: 'test-results/frontline-archived-board.png', animations: 'disabled' });
      await expect(sellerView.page.getByTestId('pipeline-select').innerText()).resolves.toMatch(/导入测试流程.*已归档/);
      expect(await sellerView.page.getByRole('button', { name: '新建商机' }).isDisabled()).toBe(true);

      await desk.page.reload();
      await row.getByTestId('pipeline-unarchive').click();
      await row.locator('[data-testid="pipeline-row"][data-archived="false"]').waitFor();
      await sellerView.page.goto(`${server.baseUrl}/deals?pipeline=${flowId}`);
      await sellerView.page.getByTestId('kanban').waitFor();
      expect(await optionsOf(sellerView.page, 'pipeline-select')).toContain('导入测试流程');
    } finally {
      await sellerView.context.close();
      await desk.context.close();
    }
    expect((await seller<{ items: Array<{ id: string }> }>('GET', '/api/pipelines')).body.items.map((p) => p.id)).toContain(trialId);
  });

  it("region, industry, source and level are picked from the admin's dictionaries in the customer form and the list's filters", async () => {
    const desk = await loggedInPage(browser, server.baseUrl, 'admin');
    try {
      await desk.page.goto(`${server.baseUrl}/admin/dictionaries`);
      await desk.page.getByTestId('dict-kind').getByText('行业').click();
      await desk.page.getByTestId('dict-label').fill('医疗器械经销');
      await desk.page.getByPlaceholder('别名（导入时识别）').fill('器械经销');
      await desk.page.getByTestId('dict-add').click();
      await desk.page.getByRole('row').filter({ hasText: '医疗器械经销' }).waitFor();
    } finally {
      await desk.context.close();
    }
    // Another customer elsewhere, so the filters have something to leave out.
    await created(seller, '/api/customers', { name: '广州医科大学附属医院', region: '广东广州', industry: '医院', source: '展会', level: 'B' });

    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await page.goto(`${server.baseUrl}/customers`);
      await page.getByRole('button', { name: '新建客户' }).click();
      const modal = page.locator('.ant-modal', { hasText: '新建客户' });
      await modal.waitFor();
      await modal.locator('#name').fill('温州康宁器械有限公司');
      // Each of the four is a select, not a text box: a spelling outside the list finds nothing and stores nothing.
      for (const testId of ['customer-region', 'customer-industry', 'customer-source', 'customer-level']) {
        expect(await modal.locator(`.ant-select[data-testid="${testId}"]`).count(), testId).toBe(1);
      }
      await page.getByTestId('customer-region').click();
      await page.keyboard.type('温州鹿城区');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-empty').waitFor();
      await page.keyboard.press('Escape');
      // A short spelling finds the one entry (its alias): 浙江温州 → 浙江省温州市.
      await page.getByTestId('customer-region').click();
      await page.keyboard.type('浙江温州');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '浙江省温州市' }).click();
      await page.getByTestId('customer-industry').click();
      await page.keyboard.type('器械经销');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '医疗器械经销' }).click();
      await pick(page, 'customer-source', '转介绍');
      await pick(page, 'customer-level', 'A');
      await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.waitForURL(/\/customers\/[^/]+$/);
      const id = page.url().split('/').pop()!;
      const saved = await seller<Record<string, unknown>>('GET', `/api/customers/${id}`);
      expect(saved.body).toMatchObject({ name: '温州康宁器械有限公司', region: '浙江省温州市', industry: '医疗器械经销', source: '转介绍', level: 'A' });

      // The list's filters offer the same entries and narrow on them.
      await page.goto(`${server.baseUrl}/customers`);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.filter({ hasText: '广州医科大学附属医院' }).waitFor();
      await page.getByTestId('filter-region').click();
      await page.keyboard.type('浙江温州');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '浙江省温州市' }).click();
      await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('温州康宁器械有限公司')]);
      await page.getByTestId('filter-region').locator('.ant-select-clear').click({ force: true });
      await rows.filter({ hasText: '广州医科大学附属医院' }).waitFor();
      for (const [testId, option] of [['filter-industry', '医疗器械经销'], ['filter-source', '转介绍'], ['filter-level', 'A']] as const) {
        expect(await offers(page, testId, option), `${testId} offers ${option}`).toBe(true);
      }
      await pick(page, 'filter-level', 'A');
      await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('温州康宁器械有限公司')]);
      await page.screenshot({ path: 'test-results/frontline-customer-filters.png', animations: 'disabled' });
    } finally {
      await context.close();
    }
  });

  it('a lead sets the digest send time with a time picker, and "generate now" shows the digest on the page', async () => {
    const lead = await server.as('lead_east1');
    const team = server.org.teams.eastTeam1;
    const open = (await lead<{ items: Array<{ amountFen: number }> }>('GET', '/api/deals?status=open&pageSize=100')).body.items;
    const pipelineFen = open.reduce((sum, d) => sum + d.amountFen, 0);
    expect(pipelineFen).toBeGreaterThan(0);
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'lead_east1');
    try {
      await page.goto(`${server.baseUrl}/digests`);
      await page.getByTestId('digest-team').getByText('华东一组').waitFor();
      const time = page.locator('[data-testid="digest-time"] input, input[data-testid="digest-time"]').first();
      await expect.poll(() => time.inputValue()).toBe('18:00');
      // A time, not a cron expression: the cron box only opens behind "advanced".
      expect(await page.getByText('时间（cron', { exact: false }).count()).toBe(0);
      // Picked in the picker's hour and minute columns, as a lead would.
      await time.click();
      const panel = page.locator('.ant-picker-dropdown:visible');
      const column = (n: number) => panel.locator('.ant-picker-time-panel-column').nth(n);
      await column(0).locator('.ant-picker-time-panel-cell-inner').getByText('20', { exact: true }).click();
      await column(1).locator('.ant-picker-time-panel-cell-inner').getByText('30', { exact: true }).click();
      await panel.locator('.ant-picker-ok button').click();
      await expect.poll(() => time.inputValue()).toBe('20:30');
      expect((await lead<{ time: string | null }>('GET', `/api/digests/settings?team=${team}`)).body.time).toBe('18:00');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(async () => (await lead<{ time: string | null; cron: string }>('GET', `/api/digests/settings?team=${team}`)).body)
        .toMatchObject({ time: '20:30', cron: '30 20 * * *' });
      await page.getByText(/下次：\d{4}-\d{2}-\d{2} 20:30/).waitFor();

      // Nothing sent yet today; "generate now" stores and shows it, with the team's B2B figures.
      await page.getByText('这一天还没有日清报表', { exact: false }).waitFor();
      expect(await page.getByTestId('digest-card').count()).toBe(0);
      await page.getByTestId('digest-generate').click();
      const card = page.getByTestId('digest-card');
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain('华东一组');
      expect(text).toContain(`在手商机金额：${yuan(pipelineFen)}（${open.length}）`);
      expect(await page.getByText('这一天还没有日清报表', { exact: false }).count()).toBe(0);
      await page.screenshot({ path: 'test-results/frontline-digest.png', animations: 'disabled' });
    } finally {
      await context.close();
    }
    const today = (await lead<{ items: Array<{ content: { teamName: string } }> }>('GET', `/api/digests?team=${team}`)).body.items;
    expect(today.map((d) => d.content.teamName)).toEqual(['华东一组']);
  });
});
