/**
 * Field-ready logging in the browser (issue 16), the parts the quick-log test does not cover:
 * - a task completed offline that someone else completed meanwhile comes back as a conflict, shown, not lost;
 * - a store check-in made offline waits as 待同步 and reaches the server exactly once when the connection returns;
 * - a seller shares a customer file as a tracked link, the customer opens it without a login, and the open shows on
 *   the customer's links and on the timeline of the activity it was sent with;
 * - a manager records call-back results on the 随机抽检 page and the report flags the unconfirmed visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { runDraws } from '../../server/modules/callbacks/service.js';
import { created, DESKTOP, loggedInPage, PHONE, soonToday, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let seller: ApiCaller;
let lead: ApiCaller;

// A one-page PDF: what a proposal looks like to the viewer page.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  seller = await server.as('seller_a');
  lead = await server.as('lead_east1');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The service worker controls the page, as on a phone that opened the app before losing the connection: once the
 * worker is active, a reload is served through it (waiting for 'controllerchange' instead races the worker's claim).
 */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

describe('offline writes on a phone', () => {
  it('a task completed offline that someone else completed meanwhile is shown as a conflict, not lost', async () => {
    // Due today (the tasks page opens on today's tasks).
    const due = DateTime.now().setZone('Asia/Shanghai').endOf('day').minus({ minutes: 1 }).toISO();
    const task = await created<{ id: string }>(seller, '/api/tasks', { title: '回访浙一王主任', dueAt: due });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await page.goto(`${server.baseUrl}/tasks`);
      const row = page.getByTestId('task-row').filter({ hasText: '回访浙一王主任' });
      await row.waitFor();
      await context.setOffline(true);
      await row.getByRole('button', { name: /完\s*成/ }).click();
      await page.getByTestId('sync-pending').filter({ hasText: '待同步 1' }).waitFor();
      expect((await seller<{ status: string }>('GET', `/api/tasks/${task.id}`)).body.status).toBe('open');

      // Meanwhile the lead completes it on their own device.
      expect((await lead('PATCH', `/api/tasks/${task.id}`, { status: 'done' })).status).toBe(200);
      const auditBefore = (await seller<{ items: unknown[] }>('GET', `/api/audit?entity=task&id=${task.id}`)).body.items.length;

      await context.setOffline(false);
      await page.getByTestId('sync-conflicts').waitFor();
      await expect(page.getByTestId('sync-pending').count()).resolves.toBe(0);
      await page.getByTestId('sync-conflicts').click();
      const item = page.getByTestId('sync-item').filter({ hasText: '回访浙一王主任' });
      await item.waitFor();
      expect(await item.textContent()).toContain('任务已被他人处理');
      // Nothing was written a second time: the lead's completion stands alone in the trail.
      expect((await seller<{ items: unknown[] }>('GET', `/api/audit?entity=task&id=${task.id}`)).body.items.length).toBe(auditBefore);
      await page.screenshot({ path: 'test-results/offline-task-conflict.png', animations: 'disabled' });
    } finally {
      await context.close();
    }
  });

  it('a check-in made offline waits as 待同步 and arrives exactly once', async () => {
    const at = soonToday();
    const appt = await created<{ id: string }>(seller, '/api/appointments', { phone: '13800138123', at, name: '离线签到客户' });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await page.goto(`${server.baseUrl}/appointments`);
      await controlled(page);
      const row = page.getByTestId('appointment-row').filter({ hasText: '离线签到客户' });
      await row.waitFor();
      await context.setOffline(true);
      await row.getByRole('button', { name: /签\s*到/ }).click();
      await page.getByTestId('sync-pending').filter({ hasText: '待同步 1' }).waitFor();
      expect((await seller<{ status: string }>('GET', `/api/appointments/${appt.id}`)).body.status).toBe('booked');

      // The queue survives a reload without a connection.
      await page.reload();
      await page.getByTestId('sync-pending').filter({ hasText: '待同步 1' }).waitFor();

      await context.setOffline(false);
      await page.getByTestId('sync-pending').waitFor({ state: 'detached' });
      await expect(page.getByTestId('sync-conflicts').count()).resolves.toBe(0);
      const after = await seller<{ status: string }>('GET', `/api/appointments/${appt.id}`);
      expect(after.body.status).toBe('arrived');
      const trail = (await seller<{ items: { action: string }[] }>('GET', `/api/audit?entity=appointment&id=${appt.id}`)).body.items;
      expect(trail.filter((e) => e.action !== 'create')).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});

describe('a sentence said offline', () => {
  it('is kept on the device, survives a reload, and is understood and confirmed when the connection is back', async () => {
    await created(seller, '/api/customers', { name: '杭州市第一人民医院' });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await page.goto(`${server.baseUrl}/quick-log`);
      await controlled(page);
      await page.getByTestId('quicklog-text').waitFor();
      await context.setOffline(true);
      const sentence = '刚在杭州市第一人民医院拜访了设备科，明天下午三点再去送报价';
      await page.getByTestId('quicklog-text').fill(sentence);
      await page.getByTestId('quicklog-parse').click();
      await page.getByTestId('quicklog-kept-notice').waitFor();
      expect(await page.getByTestId('quicklog-text').inputValue()).toBe('');
      await page.reload();
      await page.getByTestId('quicklog-kept').filter({ hasText: sentence }).waitFor();

      await context.setOffline(false);
      await page.getByTestId('quicklog-kept-parse').click();
      await page.getByTestId('chip-customer').filter({ hasText: '杭州市第一人民医院' }).waitFor();
      await page.getByTestId('quicklog-kept').waitFor({ state: 'detached' });
      expect(await page.getByTestId('quicklog-text').inputValue()).toBe(sentence);
    } finally {
      await context.close();
    }
  });
});

describe('customer aliases', () => {
  it('a seller adds "温一院" on the customer page and the quick-log parser finds the customer by it', async () => {
    const customerId = (await created(seller, '/api/customers', { name: '温州市第一人民医院' })).id;
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/customers/${customerId}`);
      await page.getByTestId('customer-alias-add').click();
      await page.getByTestId('customer-alias-input').fill('温一院');
      await page.getByTestId('customer-alias-input').press('Enter');
      await page.getByTestId('customer-aliases').getByText('温一院').waitFor();
      const parsed = await seller<{ customer: { id: string } | null }>('POST', '/api/activities/parse', { text: '今天去温一院拜访了设备科主任' });
      expect(parsed.body.customer?.id).toBe(customerId);
    } finally {
      await context.close();
    }
  });
});

describe('tracked material links', () => {
  it('a shared file is opened without a login and the open shows on the customer and the activity', async () => {
    const customerId = (await created(seller, '/api/customers', { name: '邵逸夫医院' })).id;
    const activity = await created<{ id: string }>(seller, '/api/activities', { customerId, type: 'demo', summary: '给设备科演示了膝关节置换方案' });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/customers/${customerId}`);
      await page.getByRole('tab', { name: '附件' }).click();
      await page.locator('input[type=file]').setInputFiles({ name: '膝关节置换方案.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByText('膝关节置换方案.pdf').first().waitFor();

      // Shared from the activity it was sent with.
      await page.getByRole('tab', { name: '跟进记录' }).click();
      await page.getByTestId(`share-material-${activity.id}`).click();
      await page.getByTestId('material-file').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '膝关节置换方案.pdf' }).click();
      await page.getByTestId('share-material-submit').click();
      // The address carries the configured public URL; the test server listens on a port of its own.
      const shared = new URL((await page.getByTestId('material-url').textContent())!.trim());
      expect(shared.pathname).toMatch(/^\/m\/[A-Za-z0-9_-]{20,}$/);
      const url = `${server.baseUrl}${shared.pathname}`;
      await page.getByTestId('share-material-done').click();

      // The customer's phone in WeChat: no session, no cookie (a headless browser's own agent counts as a link-preview robot).
      const customer = await browser.newContext({ ...PHONE, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47' });
      try {
        const viewer = await customer.newPage();
        const res = await viewer.goto(url);
        expect(res?.status()).toBe(200);
        await viewer.getByText('膝关节置换方案.pdf').first().waitFor();
        expect(await viewer.content()).not.toContain('邵逸夫医院');
      } finally {
        await customer.close();
      }

      await page.reload();
      await page.getByRole('tab', { name: '跟进记录' }).click();
      await page.getByText(/客户已打开“膝关节置换方案.pdf” 1 次/).first().waitFor();
      await page.getByTestId('tab-materials').click();
      const links = (await seller<{ items: { id: string; opens: number; activityId: string }[] }>('GET', `/api/material-links?customerId=${customerId}`)).body.items;
      expect(links).toEqual([expect.objectContaining({ opens: 1, activityId: activity.id })]);
      await page.getByTestId(`material-link-${links[0].id}`).getByTestId(`material-summary-${links[0].id}`).filter({ hasText: '1 次' }).waitFor();
      await page.getByTestId(`material-opens-${links[0].id}`).click();
      await page.locator('.ant-drawer').getByText('手机').waitFor();

      // Revoked: the customer's next open is refused.
      await page.keyboard.press('Escape');
      await page.getByTestId(`material-revoke-${links[0].id}`).click();
      await page.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByTestId(`material-link-${links[0].id}`).getByText('已撤销').waitFor();
      expect((await fetch(url)).status).toBe(410);
    } finally {
      await context.close();
    }
  });
});

describe('random call-backs', () => {
  it('the manager records results on the 随机抽检 page and the report flags the unconfirmed visit', async () => {
    const admin = await server.as('admin');
    expect((await admin('PUT', '/api/callback-settings', { teamId: null, shareBp: 10_000, checkerId: null })).status).toBe(200);
    const lastMonth = DateTime.now().setZone('Asia/Shanghai').minus({ months: 1 }).set({ day: 10, hour: 10 }).toISO();
    for (const name of ['浙一医院', '省人民医院']) {
      const customerId = (await created(seller, '/api/customers', { name })).id;
      await created(seller, '/api/activities', { customerId, type: 'visit', summary: `拜访${name}设备科`, occurredAt: lastMonth });
    }
    const pass = await runDraws(server.deps);
    expect(pass.fired.length).toBeGreaterThan(0);

    const { context, page } = await loggedInPage(browser, server.baseUrl, 'lead_east1', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/callbacks`);
      const first = page.locator('[data-testid^="callback-item-"]').filter({ hasText: '浙一医院' });
      await first.waitFor();
      expect(await first.textContent()).toContain('拜访浙一医院设备科');
      const itemId = (await first.getAttribute('data-testid'))!.replace('callback-item-', '');
      await page.getByTestId(`callback-note-${itemId}`).fill('客户说上月没有人来过');
      await page.getByTestId(`callback-not_confirmed-${itemId}`).click();
      await page.getByTestId(`callback-result-${itemId}`).filter({ hasText: '未确认' }).waitFor();

      await page.getByTestId('tab-callback-report').click();
      await page.getByTestId(`callback-flagged-${server.org.users.sellerA.id}`).filter({ hasText: '1' }).waitFor();
      const report = (await lead<{ items: { seller: { id: string }; notConfirmed: number; flagged: unknown[] }[] }>('GET', '/api/callbacks/report')).body.items;
      expect(report).toEqual([expect.objectContaining({ seller: expect.objectContaining({ id: server.org.users.sellerA.id }), notConfirmed: 1, flagged: [expect.anything()] })]);

      // The seller's visit carries the outcome on the customer's timeline.
      type Draws = { items: { items: { id: string; customer: { id: string }; visits: { id: string }[] }[] }[] };
      const drawn = (await lead<Draws>('GET', '/api/callbacks')).body.items.flatMap((d) => d.items).find((i) => i.id === itemId)!;
      await page.goto(`${server.baseUrl}/customers/${drawn.customer.id}`);
      await page.getByRole('tab', { name: '跟进记录' }).click();
      await page.getByTestId(`verified-${drawn.visits[0].id}`).filter({ hasText: '抽检回访：未确认' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
