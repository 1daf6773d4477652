/**
 * Issue 15 points 2, 10 and 11 in a browser, through the admin's 组织设置 page:
 * - the amount display (万) is the org's: set by the admin, a seller's kanban shows it without touching anything;
 * - API tokens per role: the admin grants sellers tokens, the seller gets the 令牌 page and creates one; the admin
 *   takes the permission back and that token stops working; saving another card of the page meanwhile keeps the
 *   unsaved grant;
 * - the lost confirmation: the admin sets the amount, a seller's lost move above it waits, the lead approves it on the
 *   approvals page, and the deal is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { created, createCustomerWithDeal, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let admin: ApiCaller;
let seller: ApiCaller;
let pipelineId: string;

const pipelineYaml = `key: settings_e2e
name: 设置测试
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

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  admin = await server.as('admin');
  seller = await server.as('seller_a');
  pipelineId = await importPipeline(admin, pipelineYaml);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('organisation settings in the browser', () => {
  it('the admin switches amounts to 万 for everyone; a seller’s kanban shows them so', async () => {
    await createCustomerWithDeal(seller, { name: '嘉兴市第一医院' }, { title: '万元显示商机', pipelineId, amountFen: 265_600_000 });
    const desk = await loggedInPage(browser, server.baseUrl, 'admin');
    try {
      await desk.page.goto(`${server.baseUrl}/admin/settings`);
      await desk.page.getByTestId('amount-display').getByText('以万为单位').click();
      await expect.poll(async () => (await admin<{ amountDisplay: string }>('GET', '/api/org-settings')).body.amountDisplay).toBe('wan');
    } finally {
      await desk.context.close();
    }
    const view = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await view.page.goto(`${server.baseUrl}/deals?pipeline=${pipelineId}`);
      await view.page.getByTestId('deal-card').filter({ hasText: '¥265.6万' }).waitFor();
    } finally {
      await view.context.close();
    }
    expect((await admin('PUT', '/api/org-settings', { amountDisplay: 'full' })).status).toBe(200);
  });

  it('the admin grants sellers API tokens; the seller creates one; taking the grant back ends it', async () => {
    const before = await loggedInPage(browser, server.baseUrl, 'seller_a2');
    try {
      await before.page.goto(`${server.baseUrl}/tasks`);
      await before.page.getByTestId('logout').waitFor();
      expect(await before.page.locator('a[href="/tokens"]').count()).toBe(0);
    } finally {
      await before.context.close();
    }
    const desk = await loggedInPage(browser, server.baseUrl, 'admin');
    try {
      await desk.page.goto(`${server.baseUrl}/admin/settings`);
      await desk.page.getByTestId('token-allowed-seller').click();
      const days = desk.page.getByTestId('token-days-seller');
      await days.fill('30');
      // Another card of the page saves the same settings meanwhile; its refetch must not undo the unsaved grant.
      const refetched = desk.page.waitForResponse((r) => r.url().endsWith('/api/org-settings') && r.request().method() === 'GET');
      await desk.page.getByTestId('amount-display').getByText('以万为单位').click();
      await refetched;
      await desk.page.getByTestId('amount-display').locator('.ant-radio-wrapper-checked').filter({ hasText: '以万为单位' }).waitFor();
      expect(await days.inputValue()).toBe('30');
      await desk.page.getByTestId('tokens-save').click();
      await expect.poll(async () => (await admin<{ tokenRoles: Record<string, unknown> }>('GET', '/api/org-settings')).body.tokenRoles.seller).toEqual({ allowed: true, maxDays: 30 });
      expect((await admin('PUT', '/api/org-settings', { amountDisplay: 'full' })).status).toBe(200);
    } finally {
      await desk.context.close();
    }
    let token = '';
    const mine = await loggedInPage(browser, server.baseUrl, 'seller_a2');
    try {
      await mine.page.goto(`${server.baseUrl}/tokens`);
      await mine.page.getByPlaceholder('名称').fill('报表脚本');
      await mine.page.getByRole('button', { name: '创建令牌' }).click();
      token = (await mine.page.locator('.ant-alert code').first().textContent())!.trim();
      expect(token).toMatch(/^aft_/);
      await mine.page.getByRole('row').filter({ hasText: '报表脚本' }).waitFor();
    } finally {
      await mine.context.close();
    }
    const asToken = () => fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await asToken()).toBe(200);
    expect((await admin('PUT', '/api/org-settings', { tokenRoles: { seller: { allowed: false, maxDays: 30 } } })).status).toBe(200);
    expect(await asToken()).toBe(401);
  });

  it('a lost move above the amount set on the page waits for the lead, who approves it; then the deal is lost', async () => {
    const desk = await loggedInPage(browser, server.baseUrl, 'admin');
    try {
      await desk.page.goto(`${server.baseUrl}/admin/settings`);
      await desk.page.getByTestId('lost-threshold').fill('100000');
      await desk.page.getByTestId('lost-save').click();
      await expect.poll(async () => (await admin<{ lostConfirmAboveFen: number | null }>('GET', '/api/deal-settings')).body.lostConfirmAboveFen).toBe(10_000_000);
    } finally {
      await desk.context.close();
    }
    const customer = await created(seller, '/api/customers', { name: '湖州市中心医院' });
    const deal = await created<{ id: string }>(seller, '/api/deals', { title: '湖州大单', customerId: customer.id, pipelineId, amountFen: 20_000_000 });
    const own = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await own.page.goto(`${server.baseUrl}/deals/${deal.id}`);
      await pick(own.page, 'move-select', '输单');
      await pick(own.page, 'lost-reason', '竞品');
      await own.page.getByRole('button', { name: '确认输单' }).click();
      await own.page.getByText('已提交主管确认').waitFor();
      const pending = await seller<{ status: string; stageKey: string }>('GET', `/api/deals/${deal.id}`);
      expect(pending.body).toMatchObject({ status: 'open', stageKey: 's1' });
    } finally {
      await own.context.close();
    }
    const lead = await loggedInPage(browser, server.baseUrl, 'lead_east1');
    try {
      await lead.page.goto(`${server.baseUrl}/approvals`);
      const card = lead.page.getByTestId('approval-card').filter({ hasText: '湖州大单' });
      await card.waitFor();
      await card.getByTestId('approval-approve').click();
      await lead.page.getByText('已同意', { exact: true }).first().waitFor();
    } finally {
      await lead.context.close();
    }
    const after = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await after.page.goto(`${server.baseUrl}/deals/${deal.id}`);
      await after.page.locator('.ant-descriptions').getByText('输单', { exact: true }).waitFor();
    } finally {
      await after.context.close();
    }
    const lost = await seller<{ status: string; stageKey: string; lostReason: string }>('GET', `/api/deals/${deal.id}`);
    expect(lost.body).toMatchObject({ status: 'lost', stageKey: 'lost', lostReason: 'competitor' });
  });
});
