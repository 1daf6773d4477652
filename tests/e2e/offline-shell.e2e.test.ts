/**
 * The installable app (issue 16): index.html links a web app manifest that is served with a Chinese name, a start
 * URL, standalone display and icons that load; the service worker registers and controls the page. A seller who
 * opened today's tasks keeps them when the connection drops: a reload offline renders the app shell and the cached
 * tasks with the offline tag, not the browser's error page. The cached answers never outlive the user who fetched
 * them: another user who signs in on the same device, offline, does not see them, and logging out drops them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { created, loggedInPage, logIn, PHONE, soonToday, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Once the worker is active, a reload is served through it (it claims open pages on activation). */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** Due today in Shanghai, so the tasks page (which opens on today) lists it. */
const today = () => DateTime.now().setZone('Asia/Shanghai').endOf('day').minus({ minutes: 1 }).toISO();

describe('installable app', () => {
  it('links a manifest with a Chinese name, standalone display and icons that load; the service worker controls the page', async () => {
    const html = await (await fetch(`${server.baseUrl}/`)).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const res = await fetch(new URL(href!, server.baseUrl));
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as { name: string; short_name: string; start_url: string; display: string; icons: { src: string; type: string }[] };
    expect(manifest.name).toMatch(/[\u4e00-\u9fff]/);
    expect(manifest.short_name).toMatch(/[\u4e00-\u9fff]/);
    expect(manifest.start_url).toBe('/tasks');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) {
      const img = await fetch(new URL(icon.src, server.baseUrl));
      expect(img.status, icon.src).toBe(200);
      expect(img.headers.get('content-type'), icon.src).toMatch(/^image\//);
      expect((await img.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    const sw = await fetch(`${server.baseUrl}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);

    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await controlled(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
      expect(scope).toBe(`${server.baseUrl}/`);
    } finally {
      await context.close();
    }
  });
});

describe('offline today view', () => {
  it("reloads offline into the app shell with the seller's cached tasks and the offline tag", async () => {
    const seller = await server.as('seller_a');
    await created(seller, '/api/tasks', { title: '离线可见的今日任务', dueAt: today() });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await page.goto(`${server.baseUrl}/tasks`);
      await controlled(page);
      await page.getByTestId('task-row').filter({ hasText: '离线可见的今日任务' }).waitFor();
      await expect(page.getByTestId('sync-offline').count()).resolves.toBe(0);

      await context.setOffline(true);
      await page.reload();
      // The shell (header with the signed-in user's logout button), the offline tag, and the cached task.
      await page.getByTestId('logout').waitFor();
      await page.getByTestId('sync-offline').waitFor();
      await page.getByTestId('task-row').filter({ hasText: '离线可见的今日任务' }).waitFor();
      expect(await page.title()).toBe('actionflow 销售行动流');
      await page.screenshot({ path: 'test-results/offline-today-tasks.png', animations: 'disabled' });
    } finally {
      await context.close();
    }
  });

  it("another user signing in on the same device does not see the first user's cached appointments offline", async () => {
    const sellerA = await server.as('seller_a');
    const at = soonToday();
    await created(sellerA, '/api/appointments', { phone: '13800138777', at, name: '甲的私有客户' });
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await page.goto(`${server.baseUrl}/appointments`);
      await controlled(page);
      await page.getByTestId('appointment-row').filter({ hasText: '甲的私有客户' }).waitFor();

      // A's session ends without a logout (expired, cookies cleared); B signs in on the same phone (landing on the
      // tasks page), loses the connection and opens the appointments page B never opened online.
      await context.clearCookies();
      // B's /api/me is asked once more after the login, through the worker, for an offline reload.
      const meCached = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me' && r.ok());
      await logIn(page, server.baseUrl, 'seller_b');
      await meCached;
      await page.waitForURL(/\/tasks$/);
      await context.setOffline(true);
      await page.goto(`${server.baseUrl}/appointments`);
      await page.getByTestId('logout').waitFor();
      await page.getByTestId('sync-offline').waitFor();
      // The identity the worker answers offline is B's.
      expect(await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { username: string }).username)).toBe('seller_b');
      // Settled: either a list (a leak) or, after the retries fail, the empty state.
      await page.getByTestId('appointment-row').or(page.getByText('今天没有预约')).first().waitFor();
      await expect(page.getByTestId('appointment-row').count()).resolves.toBe(0);
      await page.getByText('今天没有预约').waitFor();
    } finally {
      await context.close();
    }
  });
  it('logging out drops the cached today view before the next user can sign in', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    const cachedAnswers = () =>
      page.evaluate(async () => ((await caches.keys()).includes('af-data-v1') ? (await (await caches.open('af-data-v1')).keys()).length : 0));
    try {
      await page.goto(`${server.baseUrl}/tasks`);
      await controlled(page);
      await page.getByTestId('logout').waitFor();
      expect(await cachedAnswers()).toBeGreaterThan(0);
      await page.getByTestId('logout').click();
      await page.getByTestId('login-form').waitFor();
      expect(await cachedAnswers()).toBe(0);
      // The logout went through the worker to the server: the session is over even after a reload.
      await page.reload();
      await page.getByTestId('login-form').waitFor();
    } finally {
      await context.close();
    }
  });
});
