/**
 * Predictive intervention in the browser, on the synthetic history of the API tests (tests/support/predictive-fixture.ts,
 * mined through the API). A seller's open deal logs three price confirmations without the technical comparison and the
 * patterns job raises its flag: the deal page shows the risk card with the evidence sentence and the suggested action,
 * and "查看历史商机" opens the historical deals behind it — those in the seller's scope, out of 150 — each a link to the
 * deal. The lead sees the flag in the to-do list. An admin reads the risk score on the model card, sets a 20 % holdout
 * share on the thresholds tab (the other thresholds kept) and the closed-loop report states it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newId } from '../../server/core/ids.js';
import { patternsJob } from '../../server/modules/patterns/job.js';
import { seedPredictiveHistory } from '../support/predictive-fixture.js';
import { DESKTOP, loggedInPage, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let world: Awaited<ReturnType<typeof seedPredictiveHistory>>;
let dealId = '';
const EVIDENCE = '150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50%';

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  const { db, clock } = server.deps;
  world = await seedPredictiveHistory({ db, clock, org: server.org });
  const admin = await server.as('admin');
  const mined = await admin<{ coldStart: boolean; surfaced: number }>('POST', '/api/patterns/mine', { pipelineId: world.pipelineId });
  expect(mined.status, JSON.stringify(mined.body)).toBe(200);
  expect(mined.body.coldStart).toBe(false);
  // An open deal of seller_a in the tender stage, then three price confirmations through the API.
  const owner = world.owners[0];
  const now = clock.now().toISOString();
  dealId = newId();
  await db.insertInto('deals').values({ id: dealId, title: '瑞金医院 CT 招标', customer_id: owner.customerId, pipeline_id: world.pipelineId, stage_key: 'quote', status: 'open', owner_id: owner.id, team_path: owner.teamPath, amount_fen: 2_000_000, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now }).execute();
  await db.insertInto('deal_stage_history').values({ id: newId(), deal_id: dealId, stage_key: 'quote', entered_at: now, left_at: null, entered_by: owner.id, direction: 'created', skip_reason: null }).execute();
  const seller = await server.as('seller_a');
  for (let i = 0; i < 3; i++) {
    const res = await seller('POST', '/api/activities', { customerId: owner.customerId, dealId, type: 'call', summary: `价格确认 ${i + 1}`, outcome: '客户有回应', tags: ['price_confirmation'] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  // The worker's pass, in-process: the exactly-once consumer evaluates the deal on its events.
  await patternsJob.pass!(server.deps);
  const risks = await seller<{ items: { evidence: string }[] }>('GET', `/api/deals/${dealId}/risks`);
  expect(risks.body.items.map((f) => f.evidence)).toContain(EVIDENCE);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('predictive intervention in the browser', () => {
  it('the seller sees the flag on the deal page with its evidence and drills to the historical deals', async () => {
    const mine = await server.deps.db.selectFrom('deals').select('id').where('owner_id', '=', server.org.users.sellerA.id).where('id', 'in', world.groups.risk).execute();
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/deals/${dealId}`);
      const card = page.getByTestId('deal-risks');
      await card.waitFor();
      const flag = card.getByTestId('risk-flag').filter({ hasText: '技术参数对比' }).filter({ hasText: '价格确认' });
      expect(await flag.count()).toBe(1);
      expect(await flag.getByTestId('risk-evidence').textContent()).toBe(EVIDENCE);
      // The suggestion is the missing action's own advice (the technical comparison tag's).
      expect(await flag.getByTestId('risk-suggestion').textContent()).toBe('建议：发送技术参数对比表（与竞品逐项对比）');
      await flag.getByTestId('risk-drill').click();
      const drawer = page.locator('.ant-drawer-content').filter({ has: page.getByTestId('pattern-deals-total') });
      await drawer.getByText(`你可见的 ${mine.length} 个（共 150 个历史商机）`).waitFor();
      expect(await drawer.textContent()).toContain(EVIDENCE);
      // The first page of the seller's historical deals behind the pattern, each with its outcome.
      const rows = drawer.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(Math.min(20, mine.length));
      const first = rows.first().getByRole('link');
      const href = (await first.getAttribute('href'))!;
      expect(mine.map((d) => `/deals/${d.id}`)).toContain(href);
      await first.click();
      await page.waitForURL(`${server.baseUrl}${href}`);
    } finally {
      await context.close();
    }
  });

  it('the lead sees the flagged deal in the to-do list', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'lead_east1', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/tasks`);
      // The deal matches more than one surfaced risk pattern: the planted one is the item with its evidence.
      const item = page.getByTestId('risk-list').locator('.ant-list-item').filter({ hasText: EVIDENCE });
      await item.getByRole('link', { name: '瑞金医院 CT 招标' }).waitFor();
      expect(await item.textContent()).toContain('技术参数对比');
      expect(await item.textContent()).toContain('seller_a');
    } finally {
      await context.close();
    }
  });

  it('an admin reads the risk score, sets a holdout share and the loop report states it', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'admin', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/patterns?pipelineId=${world.pipelineId}&tab=card`);
      const score = page.getByTestId('risk-score');
      await score.waitFor();
      const auc = Number((await page.getByTestId('risk-score-auc').locator('.ant-statistic-content-value').textContent())?.trim());
      expect(auc).toBeGreaterThan(0.8);
      expect(await score.textContent()).toContain('价格确认次数');
      // The card's median lead time and its live patterns are the API's, not a copy of the mean.
      const { card } = (await (await server.as('admin'))<{ card: { medianDaysBeforeLoss: number | null; patterns: { surfaced?: boolean }[] } }>('GET', `/api/patterns/model-card?pipelineId=${world.pipelineId}`)).body;
      expect(card.medianDaysBeforeLoss).not.toBeNull();
      const median = await page.getByTestId('model-card-median-days').locator('.ant-statistic-content-value').textContent();
      expect(Number(median?.trim())).toBe(card.medianDaysBeforeLoss);
      const live = card.patterns.filter((p) => p.surfaced).length;
      expect(live).toBeGreaterThan(0);
      expect(await page.getByTestId('model-card-live').count()).toBe(live);

      await page.goto(`${server.baseUrl}/patterns?pipelineId=${world.pipelineId}&tab=settings`);
      const holdout = page.getByTestId('pattern-settings-holdoutPct');
      await page.getByText('预判阈值（当前 v0）').waitFor();
      expect(await holdout.inputValue()).toBe('0');
      expect(await page.getByTestId('pattern-settings-minSupport').inputValue()).toBe('30');
      await holdout.fill('20');
      await page.getByTestId('pattern-settings-save').click();
      await page.getByText('已保存 v1，下次挖掘生效').waitFor();

      await page.goto(`${server.baseUrl}/patterns?pipelineId=${world.pipelineId}&tab=loop`);
      const loop = page.getByTestId('loop-report');
      await loop.getByText('对照组比例 20%', { exact: false }).waitFor();
      expect(await loop.textContent()).toContain('观察性数据，非因果');
      expect(await loop.textContent()).toContain('平均决策用时');
    } finally {
      await context.close();
    }
    const admin = await server.as('admin');
    const saved = await admin<{ version: number; settings: Record<string, unknown> }>('GET', '/api/patterns/settings');
    expect(saved.body).toMatchObject({ version: 1, settings: { holdoutShare: 0.2, minSupport: 30, minLift: 1.2, kValues: [2, 3], followupDays: [2, 5], testShare: 0.3 } });
  });
});
