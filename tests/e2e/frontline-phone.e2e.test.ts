/**
 * Issue 15 points 10 and 11 in a browser. On a 375-px phone the contacts of a customer, the pool and the deal page
 * keep their action buttons on screen (card lists instead of wide tables, a one-line stage instead of the stepper);
 * each page's screenshot is written to a temp directory. On the desktop an admin sets the lead-assignment rule, the
 * pool's sweep time and the effective-activity rule through their screens, and a manager's kanban filters by owner,
 * turns compact and shows amounts in 万.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ManualClock } from '../../server/core/clock.js';
import { poolSettings } from '../../server/modules/leads/schema.js';
import { sweepPool } from '../../server/modules/leads/pool.js';
import { created, DESKTOP, importPipeline, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let seller: ApiCaller;
let admin: ApiCaller;
let pipelineId: string;
let customerId: string;
let dealId: string;
const shots = mkdtempSync(join(tmpdir(), 'actionflow-phone-'));

const pipelineYaml = `key: phone_e2e
name: 手机布局测试
stages:
${['线索', '初访', '需求确认', '方案报价', '商务谈判', '签约'].map((n, i) => `  - key: s${i + 1}\n    name: ${n}\n    probability: ${(i + 1) * 15}\n    allowSkip: true`).join('\n')}
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
  admin = await server.as('admin');
  pipelineId = await importPipeline(admin, pipelineYaml);
  seller = await server.as('seller_a');
  // A customer idle for 60 days goes to the pool of the seller's team (the sweep run as of then).
  const idle = (await created(seller, '/api/customers', { name: '绍兴市人民医院', phone: '13800138123' })).id;
  const later = new ManualClock(new Date(Date.now() + 60 * 86_400_000));
  expect(await sweepPool(server.deps.db, later, poolSettings.parse({ levelDays: {}, defaultDays: 30 }))).toBeGreaterThanOrEqual(1);
  expect((await seller<{ items: Array<{ customerId: string }> }>('GET', '/api/pool')).body.items.map((i) => i.customerId)).toContain(idle);

  customerId = (await created(seller, '/api/customers', { name: '浙江省人民医院' })).id;
  await created(seller, `/api/customers/${customerId}/contacts`, { name: '王建国', title: '设备科科长', decisionPower: 'decision_maker', phone: '13900139000', email: 'wang.jianguo@example.com' });
  await created(seller, `/api/customers/${customerId}/contacts`, { name: '李春梅', title: '骨科护士长', decisionPower: 'influencer', phone: '13700137000' });
  dealId = (await created(seller, '/api/deals', { title: '骨科手术室设备更新', customerId, pipelineId, amountFen: 265_600_000 })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The element is visible and lies wholly inside the 375-px-wide viewport (after scrolling it into view). */
async function onScreen(locator: Locator, width = 375, height = 812) {
  await locator.scrollIntoViewIfNeeded();
  expect(await locator.isVisible()).toBe(true);
  const box = await locator.boundingBox();
  expect(box, 'has a box').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

describe('375-px phone layouts', () => {
  it('contacts, pool and deal page keep their action buttons inside the viewport', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await page.goto(`${server.baseUrl}/customers/${customerId}`);
      await page.getByTestId('contact-cards').waitFor();
      expect(await page.locator('table').filter({ hasText: '设备科科长' }).count()).toBe(0);
      for (const testId of ['contact-edit', 'contact-delete']) {
        const buttons = page.getByTestId(testId);
        expect(await buttons.count()).toBe(2);
        for (let i = 0; i < 2; i++) await onScreen(buttons.nth(i));
      }
      for (const testId of ['customer-new-task', 'customer-edit']) await onScreen(page.getByTestId(testId));
      // Nothing pushes the page wider than the phone (a row of header buttons once did).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'contacts');

      await page.goto(`${server.baseUrl}/pool`);
      const claim = page.getByTestId('pool-claim').first();
      await claim.waitFor();
      await onScreen(claim);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'pool');

      await page.goto(`${server.baseUrl}/deals/${dealId}`);
      await page.getByTestId('stage-compact').waitFor();
      // The stepper no longer fills the first screen: one line and a bar, well above the fold.
      expect(await page.locator('.ant-steps').count()).toBe(0);
      const stage = (await page.getByTestId('stage-compact').boundingBox())!;
      expect(stage.height).toBeLessThan(80);
      expect(await page.getByTestId('stage-compact').innerText()).toContain('阶段 1/7');
      for (const testId of ['move-select', 'deal-new-task', 'deal-edit']) await onScreen(page.getByTestId(testId));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'deal');

      await page.goto(`${server.baseUrl}/pool`);
      await page.getByTestId('pool-claim').first().click();
      await page.getByText('已领取').first().waitFor();
      console.log(`phone screenshots: ${shots}`);
    } finally {
      await context.close();
    }
  });
});

describe('settings screens and the kanban', () => {
  it('an admin sets the assignment rule, the pool sweep time and the effective-activity rule on their page', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'admin', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/admin/lead-rules`);
      await page.getByTestId('assignment-form').waitFor();
      await page.getByTestId('rule-add').click();
      await page.getByTestId('rule-name-0').fill('浙江医院线索');
      const teams = (await admin<{ items: Array<{ id: string; name: string }> }>('GET', '/api/teams')).body.items;
      const team = teams.find((x) => x.id === server.org.teams.eastTeam1)!;
      await page.getByTestId('rule-team-0').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: team.name }).first().click();
      await page.getByTestId('assignment-save').click();
      await page.getByText('规则已保存').first().waitFor();
      const settings = (await admin<{ assignment: { rules: Array<{ key: string; name: string; teamId: string }> }; pool: { cron: string } }>('GET', '/api/lead-assignment')).body;
      expect(settings.assignment.rules).toEqual([expect.objectContaining({ key: 'rule_1', name: '浙江医院线索', teamId: server.org.teams.eastTeam1 })]);

      await page.getByRole('tab', { name: '公海规则' }).click();
      await page.getByTestId('pool-time').fill('03:30');
      await page.getByTestId('pool-save').click();
      await expect.poll(async () => (await admin<{ pool: { cron: string } }>('GET', '/api/lead-assignment')).body.pool.cron).toBe('30 3 * * *');

      await page.getByRole('tab', { name: '有效互动' }).click();
      const before = (await admin<{ counts: string[] }>('GET', '/api/activity-settings/effective-rule')).body.counts;
      expect(before).toContain('delivered_info');
      await page.getByTestId('effective-counts').getByText('传递了信息').click();
      await page.getByTestId('effective-save').click();
      await expect
        .poll(async () => (await admin<{ counts: string[] }>('GET', '/api/activity-settings/effective-rule')).body.counts.slice().sort())
        .toEqual(before.filter((c) => c !== 'delivered_info').sort());
    } finally {
      await context.close();
    }
  });

  it("a lead's kanban filters by owner, turns compact and shows amounts in 万", async () => {
    const lead = await server.as('lead_east1');
    const other = await created(lead, '/api/customers', { name: '宁波市第二医院' });
    await created(lead, '/api/deals', { title: '主任自己的商机', customerId: other.id, pipelineId, amountFen: 1_000_000 });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'lead_east1', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/deals?pipeline=${pipelineId}`);
      await page.getByTestId('kanban').waitFor();
      await page.getByTestId('deal-card').filter({ hasText: '主任自己的商机' }).waitFor();
      await page.goto(`${server.baseUrl}/deals?pipeline=${pipelineId}&owner=${server.org.users.sellerA.id}&compact=1`);
      await page.getByTestId('deal-card').filter({ hasText: '骨科手术室设备更新' }).waitFor();
      expect(await page.getByTestId('deal-card').filter({ hasText: '主任自己的商机' }).count()).toBe(0);
      expect(await page.locator('.kanban.compact').count()).toBe(1);
      await page.getByTestId('deal-card').filter({ hasText: '¥2,656,000.00' }).waitFor();
      // The 万 display is the org's setting (admin → 组织设置, browser-tested in frontline-settings.e2e), not this browser's.
      expect((await admin('PUT', '/api/org-settings', { amountDisplay: 'wan' })).status).toBe(200);
      await page.reload();
      await page.getByTestId('deal-card').filter({ hasText: '¥265.6万' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
