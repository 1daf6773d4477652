import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ManualClock } from '../../server/core/clock.js';
import { runSlaUntilIdle } from '../../server/modules/sla/job.js';
import { chooseOption, createCustomerWithDeal, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

/** One open stage with a two-level ladder in hours, so a few hours of ManualClock stay inside a session's lifetime. */
const PIPELINE_YAML = `
key: e2e_sla
name: 时效流程
nameEn: SLA flow
stages:
  - key: contact
    name: 初步接触
    nameEn: First contact
    probability: 10
    sla:
      ladder:
        - after: 2h
          colour: yellow
          notify: [owner]
        - after: 4h
          colour: red
          notify: [owner, owner.lead]
          require: intervention
  - key: won
    name: 赢单
    nameEn: Won
    probability: 100
    terminal: won
`;

const HOUR = 3_600_000;
// Started at the real now: the browser's session cookie and "today" run on real time.
const clock = new ManualClock(new Date());
let server: RunningServer;
let browser: Browser;
let admin: ApiCaller;
let seller: ApiCaller;
let pipelineId: string;
let dealId: string;

beforeAll(async () => {
  ({ server, browser } = await startE2E({ clock }));
  admin = await server.as('admin');
  pipelineId = await importPipeline(admin, PIPELINE_YAML);
  seller = await server.as('seller_a');
  const { deal } = await createCustomerWithDeal(seller, { name: '杭州市第一人民医院', kind: 'company', region: '华东' }, { title: '彩超设备更新', pipelineId });
  dealId = deal.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = (username: string) => loggedInPage(browser, server.baseUrl, username);

describe('automation rule form (admin)', () => {
  it('shows the server validation error at the field, then saves a rule with a built condition and lists it', async () => {
    const { context, page } = await newPage('admin');
    try {
      await page.goto(`${server.baseUrl}/admin/rules/new`);
      await page.getByTestId('rule-key').fill('e2e_big_deal');
      await page.getByTestId('rule-name').fill('大单推进提醒');

      // Saving with an empty notification title: the server's `actions.0.config.title` error sits under that input, in Chinese.
      await page.getByTestId('rule-save').click();
      await page.getByTestId('rule-error').waitFor();
      const titleItem = page.locator('.ant-form-item', { has: page.getByTestId('action-0-title') });
      await expect.poll(() => titleItem.locator('.ant-form-item-explain-error').textContent()).toBe('必填');

      // A condition from the builder, in yuan (issue 15 point 6): amount ≥ ¥1,000,000. A value that is no number is
      // refused on the client before saving.
      await page.getByRole('button', { name: /添加条件/ }).click();
      const row = page.getByTestId('condition-row').first();
      await chooseOption(page, row.locator('.ant-select').nth(1), '>=');
      await row.getByTestId('condition-value').fill('一百万');
      await page.getByTestId('rule-client-problems').waitFor();
      await expect(page.getByTestId('rule-save').isDisabled()).resolves.toBe(true);
      await row.getByTestId('condition-value').fill('1000000');
      await expect(page.getByTestId('condition-json-preview').textContent()).resolves.toBe('{">=":[{"var":"record.amountYuan"},1000000]}');
      await expect(row.textContent()).resolves.toContain('金额（元）');
      await page.getByTestId('action-0-title').fill('大单「{{record.title}}」进入新阶段');
      await page.getByTestId('rule-save').click();
      await page.waitForURL(/\/admin\/rules\/(?!new)[^/]+$/);
      await page.getByTestId('rule-error').waitFor({ state: 'detached' });

      const rules = await admin<{ items: { key: string; trigger: { type: string }; conditions: unknown; actions: { type: string; config: { title: string; recipients: string[] } }[] }[] }>('GET', '/api/rules');
      const rule = rules.body.items.find((r) => r.key === 'e2e_big_deal');
      expect(rule, JSON.stringify(rules.body)).toBeTruthy();
      expect(rule!.trigger.type).toBe('deal.stage_changed');
      expect(rule!.conditions).toEqual({ '>=': [{ var: 'record.amountYuan' }, 1000000] });
      expect(rule!.actions).toEqual([{ type: 'notify', config: { recipients: ['owner'], title: '大单「{{record.title}}」进入新阶段' } }]);

      await page.goto(`${server.baseUrl}/admin/rules`);
      const listed = page.locator('[data-testid="rule-row"][data-rule-key="e2e_big_deal"]');
      await listed.waitFor();
      await expect(listed.textContent()).resolves.toContain('大单推进提醒');
      await page.screenshot({ path: 'test-results/engine-rules.png', animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
});

describe('SLA escalation in the UI', () => {
  it('turns the deal red on the board, puts the notification in the bell, and asks the lead to intervene', async () => {
    // The first pass turns deal.created into a timer; nothing is due yet.
    expect(await runSlaUntilIdle(server.deps)).toEqual([]);
    const before = await seller<{ items: { id: string; sla: { state: string; dueAt: string | null } }[] }>('GET', `/api/sla/state?subject=deal&ids=${dealId}`);
    expect(before.body.items[0].sla.state).toBe('on_time');
    expect(before.body.items[0].sla.dueAt).not.toBeNull();

    clock.advance(5 * HOUR);
    const fired = await runSlaUntilIdle(server.deps);
    expect(fired.map((f) => [f.subject.id, f.level])).toEqual([
      [dealId, 1],
      [dealId, 2],
    ]);
    const after = await seller<{ items: { sla: { state: string; level: number } }[] }>('GET', `/api/sla/state?subject=deal&ids=${dealId}`);
    expect(after.body.items[0].sla).toMatchObject({ state: 'red', level: 2 });

    const { context, page } = await newPage('seller_a');
    try {
      await page.goto(`${server.baseUrl}/deals?pipeline=${pipelineId}`);
      const card = page.locator(`[data-testid="column-contact"] [data-deal-id="${dealId}"]`);
      await card.waitFor();
      await card.locator('[data-testid="sla-tag"][data-sla="red"]').waitFor();
      await expect(card.getByTestId('sla-tag').textContent()).resolves.toContain('超时');

      const bell = page.getByTestId('inbox-bell');
      await expect.poll(() => bell.getAttribute('data-unread')).toBe('2');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: 'test-results/engine-kanban-red.png', animations: 'disabled' });

      await bell.click();
      const drawer = page.getByTestId('inbox-drawer');
      await drawer.getByTestId('inbox-item').first().waitFor();
      expect(await drawer.getByTestId('inbox-item').count()).toBe(2);
      await expect(drawer.textContent()).resolves.toContain('彩超设备更新');
      await page.screenshot({ path: 'test-results/engine-inbox.png', animations: 'disabled' });

      // Opening a notification marks it read and goes to the deal, whose header carries the red tag too.
      await drawer.getByTestId('inbox-item').first().locator('.ant-list-item-meta-title a').click();
      await page.waitForURL(`**/deals/${dealId}`);
      await page.locator('.page-title [data-testid="sla-tag"][data-sla="red"]').waitFor();
      await expect.poll(() => bell.getAttribute('data-unread')).toBe('1');
      const inbox = await seller<{ unread: number; items: { readAt: string | null; link: string }[] }>('GET', '/api/notifications');
      expect(inbox.body.unread).toBe(1);
      expect(inbox.body.items.every((n) => n.link === `/deals/${dealId}`)).toBe(true);
    } finally {
      await context.close();
    }

    const lead = await newPage('lead_east1');
    try {
      await lead.page.getByRole('menuitem', { name: /需要我介入/ }).click();
      const row = lead.page.locator('[data-testid="intervention-row"][data-status="open"]', { hasText: '彩超设备更新' });
      await row.waitFor();
      await lead.page.screenshot({ path: 'test-results/engine-interventions.png', animations: 'disabled' });
      await row.getByTestId('intervention-resolve').click();
      await lead.page.getByTestId('intervention-note').fill('已电话联系院长，周五前确认预算');
      await lead.page.locator('.ant-modal-footer .ant-btn-primary').click();
      await lead.page.locator('[data-testid="intervention-row"][data-status="open"]').first().waitFor({ state: 'detached' });
      const list = await (await server.as('lead_east1'))<{ items: { status: string; note: string }[]; open: number }>('GET', '/api/sla/interventions');
      expect(list.body.open).toBe(0);
      expect(list.body.items[0]).toMatchObject({ status: 'resolved', note: '已电话联系院长，周五前确认预算' });
    } finally {
      await lead.context.close();
    }
  });
});
