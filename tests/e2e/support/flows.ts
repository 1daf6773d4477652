import { DateTime } from 'luxon';
import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { PASSWORD, startServer, type ApiCaller, type RunningServer } from './server.js';

/** Desktop browser context in Shanghai time, as the sales team uses it. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
/**
 * An instant about ten minutes from now that is still today in the org time zone (the browser's too): the appointment
 * lists show today's, and a test run at 23:55 Beijing time made its appointment tomorrow and waited for it in vain.
 */
export function soonToday(): string {
  const now = DateTime.now().setZone('Asia/Shanghai');
  const lastMinute = now.endOf('day').minus({ minutes: 1 }).startOf('minute');
  const soon = now.plus({ minutes: 10 }).startOf('minute');
  return (soon < lastMinute ? soon : lastMinute).toISO()!;
}

/** A phone-sized context (375×812, touch). */
export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** The server (with its options) and a browser; screenshots go under test-results/. */
export async function startE2E(options: Parameters<typeof startServer>[0] = {}): Promise<{ server: RunningServer; browser: Browser }> {
  mkdirSync('test-results', { recursive: true });
  const server = await startServer(options);
  const browser = await launchBrowser();
  return { server, browser };
}

/** POSTs through the API and insists on 201 (the body is in the failure message); answers the created body. */
export async function created<T = { id: string }>(caller: ApiCaller, path: string, body: unknown): Promise<T> {
  const res = await caller<T>('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Imports a pipeline definition as the caller (an admin); answers its id. */
export async function importPipeline(admin: ApiCaller, yaml: string): Promise<string> {
  return (await created(admin, '/api/pipelines/import', { yaml })).id;
}

/** A customer and one deal on it, created by the caller (who owns both). */
export async function createCustomerWithDeal<D extends { id: string } = { id: string }>(
  seller: ApiCaller,
  customer: Record<string, unknown>,
  deal: Record<string, unknown>,
): Promise<{ customerId: string; deal: D }> {
  const customerId = (await created(seller, '/api/customers', customer)).id;
  return { customerId, deal: await created<D>(seller, '/api/deals', { ...deal, customerId }) };
}

/** Logs in through the login form and waits for the shell. */
export async function logIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('logout').waitFor();
}

/** A fresh browser context logged in as the user; the caller closes the context. */
export async function loggedInPage(browser: Browser, baseUrl: string, username: string, options: BrowserContextOptions = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  try {
    await logIn(page, baseUrl, username);
  } catch (e) {
    await context.close();
    throw e;
  }
  return { context, page };
}

/**
 * Chooses an option of an antd Select by its title and checks that the Select now shows it. Under load a click can
 * land while the dropdown is still opening and be lost (the Select keeps its old value and a test fails much later, on
 * what was saved); then the option is clicked again, at most three times, so a test fails on what the app does.
 */
export async function chooseOption(page: Page, select: Locator, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (!(await select.evaluate((el) => el.classList.contains('ant-select-open')))) await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').and(page.locator(`[title="${title}"]`)).click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 3000 }).toContain(title);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
