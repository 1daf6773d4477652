/**
 * Screenshot tour for eyeballing the UI (not a test): the demo company at 30 % size, main pages as a seller,
 * admin pages in English, the support view (no amounts) and phone widths. Writes PNGs under test-results/tour/.
 * Usage: npx tsx tests/e2e/tour.ts [all|tasks,customers,customer,kanban,deal,dealslist,admin,support,phone]
 */
import { mkdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { systemClock } from '../../server/core/clock.js';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase } from '../../server/db/index.js';
import { loadDemoData } from '../../server/demo/index.js';
import { launchBrowser } from './support/browser.js';

const dir = mkdtempSync(join(tmpdir(), 'tour-'));
const database = openDatabase(`sqlite:${join(dir, 'db.sqlite')}`);
await database.migrate();
const t0 = Date.now();
await loadDemoData(database.db, systemClock, { scale: 0.3 });
console.log('demo loaded in', Date.now() - t0, 'ms');
const app = await buildApp({ database, clock: systemClock, config: loadConfig({ ACTIONFLOW_DATA_DIR: dir }) });
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
const base = `http://127.0.0.1:${port}`;
const browser = await launchBrowser();
const out = 'test-results/tour';
mkdirSync(out, { recursive: true });
async function session(user: string, viewport = { width: 1366, height: 860 }, lang = 'zh') {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
  await page.goto(base + '/');
  if (lang === 'en') await page.evaluate(() => localStorage.setItem('actionflow.lang', 'en'));
  await page.goto(base + '/');
  await page.locator('#username').fill(user);
  await page.locator('#password').fill('demo1234');
  await page.locator('button[type=submit]').click();
  await page.getByTestId('logout').waitFor();
  return { page, ctx };
}
const shot = async (page: import('playwright-core').Page, name: string, path: string) => {
  await page.goto(base + path);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${out}/${name}.png`, animations: 'disabled' });
};
const pages = (process.argv[2] ?? 'all').split(',');
const want = (n: string) => pages.includes('all') || pages.includes(n);
{
  const { page, ctx } = await session('seller_east1');
  if (want('tasks')) await shot(page, 'tasks', '/tasks');
  if (want('customers')) await shot(page, 'customers', '/customers');
  if (want('customer')) {
    await page.goto(base + '/customers');
    await page.waitForTimeout(800);
    await page.locator('table a').first().click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/customer.png`, animations: 'disabled' });
    await page.getByRole('tab', { name: '跟进记录' }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/customer-timeline.png`, animations: 'disabled' });
  }
  if (want('kanban')) await shot(page, 'kanban-demo', '/deals');
  if (want('deal')) {
    await page.goto(base + '/deals');
    await page.waitForTimeout(1200);
    await page.getByTestId('deal-card').first().click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/deal.png`, animations: 'disabled', fullPage: true });
    await page.getByRole('tab', { name: '阶段历史' }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/deal-history.png`, animations: 'disabled' });
  }
  if (want('dealslist')) await shot(page, 'deals-list', '/deals?view=list');
  await ctx.close();
}
if (want('admin')) {
  const { page, ctx } = await session('admin', undefined, 'en');
  await shot(page, 'admin-users', '/admin/users');
  await shot(page, 'admin-pipelines', '/admin/pipelines');
  await page.locator('table a').first().click();
  await page.waitForTimeout(1000);
  await page.locator('.ant-collapse-header').nth(1).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/admin-pipeline-edit.png`, animations: 'disabled', fullPage: true });
  await shot(page, 'admin-fields', '/admin/fields');
  await shot(page, 'tokens', '/tokens');
  await ctx.close();
}
if (want('support')) {
  const { page, ctx } = await session('support');
  await shot(page, 'support-kanban', '/deals');
  await ctx.close();
}
if (want('phone')) {
  const { page, ctx } = await session('seller_east1', { width: 375, height: 812 });
  await shot(page, 'phone-kanban', '/deals');
  await shot(page, 'phone-customers', '/customers');
  await shot(page, 'phone-tasks', '/tasks');
  await ctx.close();
}
await browser.close();
await app.close();
await database.close();
