/**
 * Filing a retention plan in the browser: the red playbook has opened a plan for the seller's red customer; the seller
 * follows the health card's plan link to the plan page (the address the playbook's notification names), files with
 * one evidence item missing and reads the refusal naming it, then fills it in and files: the plan shows as filed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newId } from '../../server/core/ids.js';
import { openRetentionPlanForRule } from '../../server/modules/health/retention-plan.js';
import { created, DESKTOP, loggedInPage, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let customerId = '';
let planId = '';

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  const admin = await server.as('admin');
  const definition = { name: '等级', bands: { green: 70, yellow: 40 }, groups: [{ key: 'base', name: '基础', weight: 100, dimensions: [{ key: 'level', name: '客户等级', weight: 100, source: { type: 'field', field: 'level', map: { A: 100, D: 10 } }, normalize: { points: [[0, 0], [100, 100]] } }] }] };
  expect((await admin('POST', '/api/health-models', { definition })).status).toBe(201);
  const seller = await server.as('seller_a');
  customerId = (await created(seller, '/api/customers', { name: '绍兴挽留医院', level: 'D' })).id;
  expect((await seller('POST', '/api/health/recompute', { customerId })).status).toBe(200);
  const opened = await openRetentionPlanForRule({
    db: server.deps.db,
    clock: server.deps.clock,
    causeId: newId(),
    ruleKey: 'health_red_retention',
    customerId,
    workingDays: 3,
    evidence: [
      { key: 'conversation_summary', name: '最新沟通纪要' },
      { key: 'competitor_prices', name: '竞品价格对比' },
    ],
  });
  planId = opened.retentionPlan!;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('retention plan in the browser', () => {
  it('the seller opens the plan from the health card, is told the missing evidence, then files it', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/customers/${customerId}`);
      await page.getByTestId('retention-plan-link').click();
      await page.waitForURL(`**/retention-plans/${planId}`);
      await page.locator('[data-testid="retention-plan"][data-status="open"]').waitFor();
      await page.getByTestId('plan-text').fill('月底前拜访院长');
      await page.getByTestId('evidence-conversation_summary').fill('已与设备科沟通');
      await page.getByTestId('plan-file').click();
      const error = page.getByTestId('plan-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('竞品价格对比');
      await page.getByTestId('evidence-competitor_prices').fill('竞品报价低 8%');
      await page.getByTestId('plan-file').click();
      await page.locator('[data-testid="retention-plan"][data-status="filed"]').waitFor();
      expect(await page.getByTestId('retention-plan').textContent()).toContain('竞品报价低 8%');
      const stored = await server.deps.db.selectFrom('health_retention_plans').select(['status', 'plan']).where('id', '=', planId).executeTakeFirstOrThrow();
      expect(stored).toEqual({ status: 'filed', plan: '月底前拜访院长' });
    } finally {
      await context.close();
    }
  });
});
