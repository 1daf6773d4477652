import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseOption, created, DESKTOP, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let admin: ApiCaller;

const CADENCE = {
  key: 'e2e-renewal',
  name: '续约跟进',
  nameEn: 'Renewal follow-up',
  steps: [{ key: 'call', offset: 'T+1', unit: 'working_days', action: 'call', title: '电话确认续约意向' }],
};

const PIPELINE_YAML = `
key: e2e_renewal
name: 续约流程
nameEn: Renewals
stages:
  - { key: intent, name: 续约意向, nameEn: Intent, probability: 20 }
  - { key: quote, name: 续约报价, nameEn: Quote, probability: 60 }
  - { key: won, name: 已续约, nameEn: Renewed, probability: 100, terminal: won }
`;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  admin = await server.as('admin');
  await importPipeline(admin, PIPELINE_YAML);
  await created(admin, '/api/cadences', CADENCE);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = (username: string) => loggedInPage(browser, server.baseUrl, username, { ...DESKTOP, viewport: { width: 1366, height: 900 } });

const errorUnder = (page: Page, testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

const pick = (page: Page, testId: string, optionTitle: string) => chooseOption(page, page.getByTestId(testId), optionTitle);

describe('cadence step form (admin)', () => {
  it('adds a step in the form, shows the server error at the time input, then saves the definition', async () => {
    const { context, page } = await newPage('admin');
    try {
      await page.goto(`${server.baseUrl}/admin/cadences`);
      const card = page.locator('[data-testid="cadence-card"][data-cadence-key="e2e-renewal"]');
      await card.getByTestId('cadence-edit').click();
      await page.getByTestId('step-0-key').waitFor();
      await expect(page.getByTestId('step-0-title').inputValue()).resolves.toBe('电话确认续约意向');

      await page.getByTestId('cadence-step-add').click();
      await page.getByTestId('step-1-key').fill('send_quote');
      await page.getByTestId('step-1-days').fill('3');
      await pick(page, 'step-1-unit', '自然日');
      await page.getByTestId('step-1-at').fill('25:00');
      await pick(page, 'step-1-action', '发送资料');
      await page.getByTestId('step-1-title').fill('发送续约报价');
      await page.getByTestId('step-1-instructions').fill('按去年用量出报价单');
      await page.getByTestId('step-1-template').fill('王总您好，附上续约报价，请查收。');
      await page.getByTestId('step-1-templateEn').fill('Hello, please find the renewal quote attached.');
      await page.getByTestId('step-1-attachment-kind').fill('quote');
      await page.getByTestId('step-1-note-required').check();
      await page.getByTestId('step-1-time-slots').fill('2');

      // 25:00 is refused by the server; its `steps.1.at` message sits under the time input and nothing is saved.
      await page.getByTestId('cadence-save').click();
      await page.getByTestId('cadence-error').waitFor();
      await expect.poll(() => errorUnder(page, 'step-1-at').textContent()).toMatch(/HH:MM/);
      const unchanged = await admin<{ version: number; steps: unknown[] }>('GET', '/api/cadences/e2e-renewal');
      expect(unchanged.body.version).toBe(1);
      expect(unchanged.body.steps).toHaveLength(1);
      await page.screenshot({ path: 'test-results/cadence-form-error.png', animations: 'disabled' });

      await page.getByTestId('step-1-at').fill('10:00');
      await page.getByTestId('cadence-save').click();
      await page.getByTestId('step-1-key').waitFor({ state: 'detached' });

      const saved = await admin<{ version: number; steps: unknown[] }>('GET', '/api/cadences/e2e-renewal');
      expect(saved.body.version).toBe(2);
      expect(saved.body.steps).toEqual([
        { key: 'call', offset: 'T+1', unit: 'working_days', action: 'call', title: '电话确认续约意向', deliverable: {} },
        {
          key: 'send_quote',
          offset: 'T+3',
          unit: 'calendar_days',
          at: '10:00',
          action: 'send_materials',
          title: '发送续约报价',
          instructions: '按去年用量出报价单',
          template: '王总您好，附上续约报价，请查收。',
          templateEn: 'Hello, please find the renewal quote attached.',
          deliverable: { attachments: { kind: 'quote', min: 1 }, note_required: true, time_slots: 2 },
        },
      ]);
      // The page lists the new step with its deliverable.
      await expect.poll(() => card.textContent()).toContain('发送续约报价');
      await page.screenshot({ path: 'test-results/cadence-form-saved.png', animations: 'disabled' });
    } finally {
      await context.close();
    }
  });

  it('carries the form draft into the YAML tab', async () => {
    const { context, page } = await newPage('admin');
    try {
      await page.goto(`${server.baseUrl}/admin/cadences`);
      await page.locator('[data-testid="cadence-card"][data-cadence-key="e2e-renewal"]').getByTestId('cadence-edit').click();
      await page.getByTestId('step-0-title').fill('电话确认续约意向和预算');
      await page.getByTestId('cadence-tab-yaml').click();
      await expect.poll(() => page.getByTestId('cadence-yaml').inputValue()).toContain('title: 电话确认续约意向和预算');
    } finally {
      await context.close();
    }
  });
});

describe('rule form: cadence and follow-up deal actions (admin)', () => {
  it('offers start_cadence and create_followup_deal; a missing pipeline is named under its select', async () => {
    const { context, page } = await newPage('admin');
    try {
      await page.goto(`${server.baseUrl}/admin/rules/new`);
      await page.getByTestId('rule-key').fill('e2e_won_renewal');
      await page.getByTestId('rule-name').fill('赢单后续约');
      await pick(page, 'action-0-type', '启动跟进节奏');
      await pick(page, 'action-0-cadence', '续约跟进 (e2e-renewal)');
      await page.getByTestId('rule-add-action').click();
      await pick(page, 'action-1-type', '给他人创建跟进商机');
      await page.getByTestId('action-1-title').fill('{{record.title}} 续约');

      await page.getByTestId('rule-save').click();
      await page.getByTestId('rule-error').waitFor();
      await expect.poll(() => errorUnder(page, 'action-1-pipeline').textContent()).toBeTruthy();

      // Only open stages are offered: 已续约 closes the pipeline.
      await pick(page, 'action-1-pipeline', '续约流程');
      await page.getByTestId('action-1-stage').click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents()).toEqual(['第一个阶段（默认）', '续约意向', '续约报价']);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="续约报价"]').click();
      await pick(page, 'action-1-amount-mode', '固定金额（元）');
      await page.getByTestId('action-1-amount').fill('1234.5');
      await page.getByTestId('rule-save').click();
      await page.waitForURL(/\/admin\/rules\/(?!new)[^/]+$/);
      await page.screenshot({ path: 'test-results/rule-followup-deal.png', animations: 'disabled', fullPage: true });

      const rules = await admin<{ items: { key: string; actions: unknown[] }[] }>('GET', '/api/rules');
      expect(rules.body.items.find((r) => r.key === 'e2e_won_renewal')?.actions).toEqual([
        { type: 'start_cadence', config: { cadence: 'e2e-renewal' } },
        { type: 'create_followup_deal', config: { pipeline: 'e2e_renewal', stage: 'quote', owner: 'owner.lead', title: '{{record.title}} 续约', amountFen: 123450 } },
      ]);
    } finally {
      await context.close();
    }
  });
});
