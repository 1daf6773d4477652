import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCustomerWithDeal, DESKTOP, importPipeline, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

/** A small pipeline whose first stage's gate needs one of each requirement kind, so every fix-in-place control is exercised. */
const PIPELINE_YAML = `
key: e2e_flow
name: 端到端流程
nameEn: E2E flow
stages:
  - key: first_touch
    name: 首次触达
    nameEn: First touch
    probability: 10
    gate:
      requiredFields: [amountFen]
      evidence:
        - kind: visit_photo
          label: 拜访照片
          labelEn: Visit photo
      checklist:
        - key: decision_power_verified
          label: 决策权已核实
          labelEn: Decision power verified
          hint: 核实对方职务与决策权
        - key: pain_point_recorded
          label: 已记录客户原话痛点
          labelEn: Pain point in the customer's words
  - key: needs_diagnosis
    name: 需求诊断
    nameEn: Needs diagnosis
    probability: 30
  - key: won
    name: 赢单
    nameEn: Won
    probability: 100
    terminal: won
`;

// 1×1 transparent PNG: the attachment store checks that content matches the extension.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let server: RunningServer;
let browser: Browser;
let seller: ApiCaller;
let pipelineId: string;
let customerId: string;
let dealId: string;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  pipelineId = await importPipeline(await server.as('admin'), PIPELINE_YAML);
  seller = await server.as('seller_a');
  const made = await createCustomerWithDeal<{ id: string; stageKey: string }>(
    seller,
    { name: '上海仁济医疗器械有限公司', kind: 'company', region: '华东', industry: '医院' },
    { title: '超声设备采购', pipelineId },
  );
  customerId = made.customerId;
  expect(made.deal.stageKey).toBe('first_touch');
  dealId = made.deal.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Drags with real pointer events in small steps, as dnd-kit's pointer sensor needs movement past its threshold. */
async function drag(page: Page, fromSelector: string, toSelector: string) {
  const from = await page.locator(fromSelector).boundingBox();
  const to = await page.locator(toSelector).boundingBox();
  if (!from || !to) throw new Error('drag source or target not visible');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 20 });
  await page.mouse.up();
}

describe('kanban stage gate (desktop)', () => {
  it('refuses the move with every missing item, lets the seller fix them in place, then moves the deal', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      // The shell shows who is logged in and their role.
      await expect(page.getByTestId('current-user').textContent()).resolves.toMatch(/seller_a.*销售/);

      await page.goto(`${server.baseUrl}/deals?pipeline=${pipelineId}`);
      const card = `[data-testid="column-first_touch"] [data-deal-id="${dealId}"]`;
      await page.locator(card).waitFor();
      await expect(page.locator('[data-testid="column-first_touch"]').textContent()).resolves.toContain('首次触达');

      await drag(page, card, '[data-testid="column-needs_diagnosis"]');

      // The refusal lists every unmet requirement with its label and hint.
      const drawer = page.getByTestId('gate-drawer');
      await drawer.waitFor();
      const items = drawer.getByTestId('unmet-item');
      await expect.poll(() => items.count()).toBe(4);
      const text = (await drawer.textContent()) ?? '';
      for (const label of ['金额', '拜访照片', '决策权已核实', '已记录客户原话痛点', '核实对方职务与决策权']) expect(text).toContain(label);
      // Refused means the deal stayed where it was, on the server and on the board.
      expect((await seller<{ stageKey: string }>('GET', `/api/deals/${dealId}`)).body.stageKey).toBe('first_touch');
      await page.screenshot({ path: 'test-results/kanban-gate.png', animations: 'disabled' });

      // Fix each item in place.
      await drawer.getByTestId('fix-checklist-decision_power_verified').click();
      await drawer.getByTestId('fix-checklist-pain_point_recorded').click();
      await drawer.locator('[data-testid="input-amountFen"] input, input[data-testid="input-amountFen"]').first().fill('128000.50');
      await drawer.getByTestId('fix-field-amountFen').click();
      await drawer.locator('[data-code="EVIDENCE_REQUIRED"] input[type="file"]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
      await expect.poll(() => drawer.locator('[data-testid="unmet-item"][data-fixed="1"]').count(), { timeout: 15_000 }).toBe(4);
      await drawer.getByText('所有项目已处理').waitFor();

      await drawer.getByTestId('gate-retry').click();
      await drawer.waitFor({ state: 'hidden' });

      const moved = `[data-testid="column-needs_diagnosis"] [data-deal-id="${dealId}"]`;
      await page.locator(moved).waitFor();
      expect(await page.locator(card).count()).toBe(0);
      await expect(page.locator(moved).textContent()).resolves.toContain('¥128,000.50');

      const after = await seller<{ stageKey: string; amountFen: number; checklist: Record<string, { done: boolean }> }>('GET', `/api/deals/${dealId}`);
      expect(after.body.stageKey).toBe('needs_diagnosis');
      expect(after.body.amountFen).toBe(12_800_050);
      expect(after.body.checklist.decision_power_verified?.done).toBe(true);
      const attachments = await seller<{ items: { kind: string }[] }>('GET', `/api/attachments?entity=deal&entityId=${dealId}`);
      expect(attachments.body.items.map((a) => a.kind)).toContain('visit_photo');

      await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count()).toBe(0);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: 'test-results/kanban.png', animations: 'disabled' });

      // English switch: labels change and the choice survives a reload; logging out returns to the login form.
      await page.getByTestId('lang-switch').click();
      await page.getByRole('heading', { name: 'Deals' }).waitFor();
      await page.reload();
      await page.locator('[data-testid="column-needs_diagnosis"]', { hasText: 'Needs diagnosis' }).waitFor();
      await page.getByTestId('logout').click();
      await page.getByTestId('login-form').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('quick log on a phone (375×812)', () => {
  it('submits an activity with customer, progress and next action', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', { ...PHONE, deviceScaleFactor: 2 });
    try {
      // Every tap or text entry a seller makes, from the home screen to the saved visit, is one interaction.
      let interactions = 0;
      const act = async (step: () => Promise<unknown>) => {
        interactions++;
        await step();
      };
      const started = Date.now();
      await act(() => page.locator('.bottom-nav').getByText('快速记录').click());
      const form = page.getByTestId('quicklog-form');
      await form.waitFor();
      // Nothing may overflow the narrow screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

      await act(() => form.locator('#customerId').click());
      await act(() => form.locator('#customerId').fill('仁济'));
      await act(() => page.locator('.ant-select-item-option', { hasText: '上海仁济医疗器械有限公司' }).click());
      await act(() => page.getByTestId('quicklog-summary').fill('客户确认预算 120 万，院长希望下月安排演示。'));
      await act(() => page.getByTestId('quicklog-next').fill('周三上门演示'));
      await act(() => form.locator('#nextActionAt').click());
      await act(() => page.locator('.ant-picker-dropdown .ant-picker-now-btn').click());
      await page.screenshot({ path: 'test-results/quicklog-phone.png', animations: 'disabled' });
      await act(() => page.getByTestId('quicklog-submit').click());
      await page.getByText('跟进已记录').waitFor();
      const elapsedMs = Date.now() - started;
      console.log(`[quick-log] visit logged on a 375-px phone: ${interactions} interactions (taps + text entries), ${elapsedMs} ms machine time`);
      // Three core fields: the flow must stay within nav + customer search (3) + progress + next action (3) + save.
      expect(interactions).toBeLessThanOrEqual(9);

      const list = await seller<{ items: { summary: string; nextAction: string | null; nextActionAt: string | null; customerId: string }[] }>('GET', `/api/activities?customerId=${customerId}`);
      const logged = list.body.items.find((a) => a.summary.includes('预算 120 万'));
      expect(logged, JSON.stringify(list.body)).toBeTruthy();
      expect(logged!.nextAction).toBe('周三上门演示');
      expect(logged!.nextActionAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    } finally {
      await context.close();
    }
  });
});
