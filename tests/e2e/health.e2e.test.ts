/**
 * Customer health in the browser. A lead opens the customer list: the health column shows each customer's colour,
 * the colour filter lists only the red ones; opening the red customer shows the health card with its explanation
 * (each dimension's raw value, normalised value, weight and contribution). An admin then edits the model on the
 * model-editor page, previews it (one customer would change colour) and publishes version 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { created, DESKTOP, loggedInPage, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
const ids: Record<'red' | 'yellow' | 'green', string> = { red: '', yellow: '', green: '' };

// Level D/C/A → 10/50/100 on 60 % of the score; no visits → 50 on the other 40 %: 26 red, 50 yellow, 80 green.
const definition = {
  name: '健康度（浏览器测试）',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 2 },
  groups: [
    { key: 'base', name: '基础维度', weight: 60, dimensions: [{ key: 'level', name: '客户等级', weight: 100, source: { type: 'field', field: 'level', map: { A: 100, C: 50, D: 10 } }, normalize: { points: [[0, 0], [100, 100]] } }] },
    { key: 'process', name: '过程维度', weight: 40, dimensions: [{ key: 'visits', name: '近3月拜访', weight: 100, source: { type: 'activities', types: ['visit'], days: 90 }, normalize: { points: [[0, 50], [6, 100]] } }] },
  ],
};

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  const admin = await server.as('admin');
  expect((await admin('POST', '/api/health-models', { definition })).status).toBe(201);
  const seller = await server.as('seller_a');
  ids.red = (await created(seller, '/api/customers', { name: '杭州红色医院', level: 'D' })).id;
  ids.yellow = (await created(seller, '/api/customers', { name: '杭州黄色医院', level: 'C' })).id;
  ids.green = (await created(seller, '/api/customers', { name: '杭州绿色医院', level: 'A' })).id;
  const run = await admin<{ customers: number; written: number }>('POST', '/api/health/recompute', {});
  expect(run.body).toMatchObject({ customers: 3, written: 3 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('customer health in the browser', () => {
  it('a lead filters the list by colour, opens the red customer and reads the explanation', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'lead_east1', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/customers`);
      // The health column: one customer of each colour.
      await page.locator('[data-testid="health-cell"][data-colour="red"]').waitFor();
      expect((await page.locator('[data-testid="health-cell"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-colour')))).sort()).toEqual(['green', 'red', 'yellow']);
      // The colour filter: only the red customer is listed.
      await page.getByTestId('health-filter').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="红"]').click();
      const red = page.getByTestId(`health-row-${ids.red}`);
      await red.waitFor();
      expect(await red.getAttribute('data-colour')).toBe('red');
      expect(await page.locator('[data-testid^="health-row-"]').count()).toBe(1);
      await red.getByRole('link', { name: '杭州红色医院' }).click();
      // The customer page's health card: red, 26, and each dimension's part of it.
      const card = page.getByTestId('health-card');
      await page.locator('[data-testid="health-card"][data-colour="red"]').waitFor();
      expect(await card.textContent()).toContain('26');
      const level = await page.getByTestId('contribution-level').locator('td').allTextContents();
      expect(level).toEqual(['基础维度 · 客户等级', '10', '10', '60%', '6', '正常']);
      const visits = await page.getByTestId('contribution-visits').locator('td').allTextContents();
      expect(visits).toEqual(['过程维度 · 近3月拜访', '0', '50', '40%', '20', '正常']);
    } finally {
      await context.close();
    }
  });

  it('an admin edits the model, previews the colour changes, then publishes version 2', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'admin', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/admin/health-model`);
      const green = page.getByTestId('model-bands.green');
      await green.waitFor();
      expect(await green.inputValue()).toBe('70');
      // Publishing needs a preview of the edits first.
      expect(await page.getByTestId('model-publish').isDisabled()).toBe(true);
      await green.fill('85');
      await green.blur();
      await page.getByTestId('model-preview').click();
      const result = page.getByTestId('preview-result');
      await result.waitFor();
      // The green customer (80) falls below 85: one change, green → yellow, named in the sample.
      expect(await result.textContent()).toContain('3 个客户，其中 1 个会变色');
      expect(await result.textContent()).toContain('杭州绿色医院');
      await page.getByTestId('model-publish').click();
      await page.getByText('已发布 v2').waitFor();
    } finally {
      await context.close();
    }
    const models = await (await server.as('admin'))<{ current: { version: number; definition: { bands: { green: number } } } }>('GET', '/api/health-models');
    expect(models.body.current).toMatchObject({ version: 2, definition: { bands: { green: 85 } } });
  });
});
