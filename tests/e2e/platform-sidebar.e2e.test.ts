import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { created, loggedInPage, PHONE, startE2E } from './support/flows.js';
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

describe('WeCom sidebar / workbench page (侧边栏) on a 375-px phone', () => {
  it('opens the customer of the external contact, logs a note prefilled with the seller, and offers the booking', async () => {
    const admin = await server.as('admin');
    const connection = await created(admin, '/api/platforms', { platform: 'wecom', name: '企业微信', settings: { corpId: 'ww0123', agentId: '1000002' }, secrets: { secret: 's' } });
    const seller = await server.as('seller_a');
    const customer = await created<{ id: string }>(seller, '/api/customers', { name: '侧边栏客户', phone: '13900004444' });
    const link = await seller('POST', '/api/platforms/sidebar/link', { connectionId: connection.id, externalContactId: 'wmEXT001', customerId: customer.id });
    expect(link.status, JSON.stringify(link.body)).toBe(200);

    const phone = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await phone.page.goto(`${server.baseUrl}/sidebar?connectionId=${connection.id}&externalContactId=wmEXT001`);
      const card = phone.page.getByTestId('sidebar-customer');
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('侧边栏客户');
      await expect(phone.page.getByTestId('sidebar-me').textContent()).resolves.toContain('seller_a');
      await expect(phone.page.getByTestId('sidebar-phone').inputValue()).resolves.toBe('13900004444');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.getByTestId('sidebar-summary').fill('企业微信里确认了下周到店');
      await phone.page.getByTestId('sidebar-save').click();
      await phone.page.getByText('已记录').first().waitFor();
      await phone.page.screenshot({ path: 'test-results/platform-sidebar-phone.png', animations: 'disabled' });
      // An external contact nobody linked shows so, without anyone's customer.
      await phone.page.goto(`${server.baseUrl}/sidebar?connectionId=${connection.id}&externalContactId=wmUNKNOWN`);
      await phone.page.getByTestId('sidebar-no-customer').waitFor();
    } finally {
      await phone.context.close();
    }
    const activities = await seller<{ items: Array<{ summary: string; type: string }> }>('GET', `/api/activities?customerId=${customer.id}`);
    expect(activities.body.items.map((a) => [a.type, a.summary])).toEqual([['wechat', '企业微信里确认了下周到店']]);
  });
});
