import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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
});
