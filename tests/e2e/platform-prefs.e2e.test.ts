import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { created, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let connectionId: string;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  const admin = await server.as('admin');
  connectionId = (await created(admin, '/api/platforms', { platform: 'wecom', name: '企业微信', settings: { corpId: 'ww0123', agentId: '1000002', notify: { mode: 'also' } }, secrets: { secret: 's' } })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('my platform messages (我的平台消息) and linking a sidebar contact', () => {
  it('opens the preference screen from the menu, shows the bound account, and keeps "instead" after a reload', async () => {
    const admin = await server.as('admin');
    const me = await (await server.as('seller_a'))<{ id: string }>('GET', '/api/me');
    const bind = await admin('POST', `/api/platforms/${connectionId}/bindings`, { userId: me.body.id, externalId: 'zhangsan' });
    expect(bind.status, JSON.stringify(bind.body)).toBe(200);

    const desk = await loggedInPage(browser, server.baseUrl, 'seller_a');
    const page = desk.page;
    try {
      await page.getByRole('menuitem', { name: '我的平台消息' }).click();
      await page.waitForURL(/\/me\/platform-messages$/);
      await expect(page.getByTestId('platform-prefs-binding').textContent()).resolves.toContain('企业微信 · 账号 zhangsan');
      // antd puts a Radio's test id on its input; the choice is made by its label, as a user does.
      await expect(page.getByTestId('platform-prefs-mode-default').isChecked()).resolves.toBe(true);
      await expect(page.getByTestId('platform-prefs').textContent()).resolves.toContain('只发到我的平台账号，不再通过群机器人通知我');
      await page.getByText('代替群机器人', { exact: true }).click();
      await page.getByTestId('platform-prefs-save').click();
      await page.getByText('已保存接收方式').first().waitFor();

      await page.reload();
      await page.getByTestId('platform-prefs-binding').waitFor();
      await expect.poll(() => page.getByTestId('platform-prefs-mode-instead').isChecked()).toBe(true);
      await expect(page.getByTestId('platform-prefs-mode-default').isChecked()).resolves.toBe(false);
      await page.screenshot({ path: 'test-results/platform-prefs.png', animations: 'disabled' });
    } finally {
      await desk.context.close();
    }
    const saved = await (await server.as('seller_a'))<{ mode: string }>('GET', '/api/me/platform-messages');
    expect(saved.body.mode).toBe('instead');
  });

  it('links an unlinked external contact to one of my customers on a 375-px phone, then shows it with quick-log and booking', async () => {
    const seller = await server.as('seller_a');
    const mine = await created<{ id: string }>(seller, '/api/customers', { name: '待关联客户甲', phone: '13900007777' });
    await created(await server.as('seller_b'), '/api/customers', { name: '待关联客户乙', phone: '13900008888' });

    const phone = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    const page = phone.page;
    try {
      await page.goto(`${server.baseUrl}/sidebar?connectionId=${connectionId}&externalContactId=wmLINK01`);
      await page.getByTestId('sidebar-no-customer').waitFor();
      await page.getByTestId('sidebar-link').waitFor();
      await page.screenshot({ path: 'test-results/platform-sidebar-unlinked-phone.png', animations: 'disabled' });
      await page.getByTestId('sidebar-link-customer').click();
      await page.keyboard.type('待关联');
      // Only customers in my scope are offered: seller B's namesake is not.
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect.poll(() => options.allInnerTexts()).toEqual(['待关联客户甲']);
      await options.filter({ hasText: '待关联客户甲' }).click();
      await page.getByTestId('sidebar-link-save').click();

      const card = page.getByTestId('sidebar-customer');
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('待关联客户甲');
      await expect(page.getByTestId('sidebar-link').count()).resolves.toBe(0);
      await expect(page.getByTestId('sidebar-phone').inputValue()).resolves.toBe('13900007777');
      await page.getByTestId('sidebar-summary').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: 'test-results/platform-sidebar-link-phone.png', animations: 'disabled' });

      // The link is stored: the same contact opens the customer straight away, and quick-log writes to it.
      await page.reload();
      await page.getByTestId('sidebar-customer').waitFor();
      await expect(page.getByTestId('sidebar-customer').textContent()).resolves.toContain('待关联客户甲');
      await page.getByTestId('sidebar-summary').fill('关联后记录一次沟通');
      await page.getByTestId('sidebar-save').click();
      await page.getByText('已记录').first().waitFor();
    } finally {
      await phone.context.close();
    }
    const activities = await seller<{ items: Array<{ summary: string }> }>('GET', `/api/activities?customerId=${mine.id}`);
    expect(activities.body.items.map((a) => a.summary)).toEqual(['关联后记录一次沟通']);
  });
});
