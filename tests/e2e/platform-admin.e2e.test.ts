import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { systemClock } from '../../server/core/clock.js';
import { CREDS, FakePlatforms } from '../support/fake-platforms.js';
import { loggedInPage, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let fake: FakePlatforms;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  fake = await new FakePlatforms(systemClock).start();
});

afterAll(async () => {
  await fake?.close();
  await browser?.close();
  await server?.close();
});

/**
 * Picks an option of an antd select by typing its label and pressing Enter: a click on an option of a dropdown that is
 * still opening (or moving, as a multi-select grows) can miss.
 */
async function pick(page: Page, select: Locator, title: string) {
  await select.locator('input').click();
  await page.keyboard.type(title);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option-active[title="${title}"]`).waitFor();
  await page.keyboard.press('Enter');
}

describe('platform apps admin page (平台应用)', () => {
  it('connects WeCom against the fake platform, presses 测试 and sees the token; a wrong secret shows the platform’s refusal', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'admin');
    try {
      await page.goto(`${server.baseUrl}/admin/platforms`);
      await page.getByTestId('platform-new').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill('企业微信测试应用');
      await dialog.getByLabel('企业ID（CorpID）').fill(CREDS.wecom.corpId);
      await dialog.getByLabel('应用 AgentId').fill(CREDS.wecom.agentId);
      await dialog.getByLabel('应用 Secret').fill(CREDS.wecom.secret);
      await dialog.getByTestId('platform-base-url').fill(fake.url);
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByRole('cell', { name: '企业微信测试应用' }).waitFor();

      await page.getByTestId('platform-test').click();
      await page.getByText('凭证有效，令牌有效期至').waitFor();
      expect(fake.tokensIssued.wecom).toBe(1);
      expect(fake.log).toContain('GET /cgi-bin/gettoken');
      await page.screenshot({ path: 'test-results/platform-admin.png', animations: 'disabled' });

      // The secret is write-only; a wrong one, and the test shows WeCom's error code.
      const admin = await server.as('admin');
      const list = await admin<{ items: Array<{ id: string }> }>('GET', '/api/platforms');
      const id = list.body.items[0].id;
      expect((await admin('PATCH', `/api/platforms/${id}`, { secrets: { secret: 'wrong-secret' } })).status).toBe(200);
      await page.reload();
      await page.getByTestId('platform-test').click();
      await page.getByText(/40001/).waitFor();
    } finally {
      await context.close();
    }
  });

  it('sets the notification kinds, the sync’s default role, a department → team mapping and keeps leavers active; the page and the API show exactly that, and settings the form does not show survive', async () => {
    const admin = await server.as('admin');
    const keptApiHost = 'http://127.0.0.1:9/dingtalk-api';
    const made = await admin<{ id: string }>('POST', '/api/platforms', {
      platform: 'wecom',
      name: '通讯录设置测试',
      settings: { corpId: 'ww-settings', agentId: '1000002', apiBaseUrl: keptApiHost, notify: { mode: 'also' } },
    });
    expect(made.status).toBe(201);
    const id = made.body.id;
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'admin');
    const openEditor = async () => {
      await page.getByRole('row', { name: /通讯录设置测试/ }).getByRole('button', { name: /编\s*辑/ }).click();
      return page.getByRole('dialog');
    };
    try {
      await page.goto(`${server.baseUrl}/admin/platforms`);
      let dialog = await openEditor();
      const kinds = dialog.getByTestId('platform-notify-kinds');
      await expect.poll(() => kinds.textContent()).toContain('全部类型');
      await pick(page, kinds, '审批');
      await pick(page, kinds, '工单');
      await expect.poll(() => kinds.locator('.ant-select-selection-item').allTextContents()).toEqual(['审批', '工单']);
      // Closes the multi-select's dropdown (its label would focus and reopen it).
      await dialog.locator('.ant-modal-title').click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      const role = dialog.getByTestId('platform-default-role');
      await pick(page, role, '组长');
      await expect.poll(() => role.locator('.ant-select-selection-item').textContent()).toBe('组长');
      const leavers = dialog.getByTestId('platform-deactivate-leavers');
      expect(await leavers.getAttribute('aria-checked')).toBe('true');
      await leavers.click();
      await dialog.getByTestId('platform-dept-add').click();
      const row = dialog.getByTestId('platform-dept-row');
      await row.getByLabel('平台部门ID').fill('2');
      await pick(page, row.locator('.ant-select'), '华东一组');
      await expect.poll(() => row.locator('.ant-select-selection-item').textContent()).toBe('华东一组');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await dialog.waitFor({ state: 'hidden' });

      const got = await admin<{ settings: unknown }>('GET', `/api/platforms/${id}`);
      expect(got.body.settings).toEqual({
        corpId: 'ww-settings',
        agentId: '1000002',
        apiBaseUrl: keptApiHost,
        notify: { mode: 'also', kinds: ['approval', 'work_order'] },
        sync: { defaultRole: 'lead', deactivateLeavers: false, deptTeams: { '2': server.org.teams.eastTeam1 } },
      });

      await page.reload();
      dialog = await openEditor();
      await expect.poll(() => dialog.getByTestId('platform-notify-kinds').locator('.ant-select-selection-item').allTextContents()).toEqual(['审批', '工单']);
      expect(await dialog.getByTestId('platform-default-role').locator('.ant-select-selection-item').textContent()).toBe('组长');
      expect(await dialog.getByTestId('platform-deactivate-leavers').getAttribute('aria-checked')).toBe('false');
      const saved = dialog.getByTestId('platform-dept-row');
      expect(await saved.count()).toBe(1);
      expect(await saved.getByLabel('平台部门ID').inputValue()).toBe('2');
      expect(await saved.locator('.ant-select-selection-item').textContent()).toBe('华东一组');

    } finally {
      await context.close();
    }
  });
});
