/**
 * Surfacing is decided on the training part of the time split only (tests/support/predictive-fixture.ts
 * `seedSplitHistory`), on SQLite and PostgreSQL: a pattern that only holds among the recent (test) deals clears the
 * bar on all history yet is not surfaced and not backtested, while the pattern that holds in training is surfaced and
 * its precision and lead time are measured on the test deals alone — the counts recomputed here from the deals' closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { seedSplitHistory } from '../support/predictive-fixture.js';
import { clearsBar, score } from '../../server/modules/patterns/stats.js';
import { DEFAULT_SETTINGS } from '../../server/modules/patterns/settings.js';

interface Pattern {
  id: string;
  template: string;
  params: Record<string, unknown>;
  support: number;
  outcomeCount: number;
  surfaced: boolean;
}

interface CardRow {
  id: string;
  surfaced: boolean;
  surfacedOnTrain: boolean;
  trainSupport: number;
  testSupport: number;
  testHits: number;
  testPrecision: number | null;
}

describe('patterns: time split', () => {
  let t: TestContext;
  let admin: Requester, director: Requester;
  let world: Awaited<ReturnType<typeof seedSplitHistory>>;
  /** The closed deals oldest close first, as the split orders them; the first 196 (70 % of 280) are training. */
  let order: { id: string; status: string }[];

  const get = async (who: Requester, url: string) => {
    const res = await who({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const isLate = (p: Pattern) => p.params.a === 'tag:peer_case' || p.params.e === 'tag:peer_case';
  const isRisk = (p: Pattern) => p.template === 'k_without' && p.params.a === 'tag:price_confirmation' && p.params.b === 'tag:technical_comparison';

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    world = await seedSplitHistory(t);
    [admin, director] = await Promise.all(['admin', 'director'].map((n) => t.as(n)));
    const res = await admin({ method: 'POST', url: '/api/patterns/mine', payload: { pipelineId: world.pipelineId } });
    expect(res.statusCode, res.body).toBe(200);
    order = await t.db.selectFrom('deals').select(['id', 'status']).where('pipeline_id', '=', world.pipelineId).where('status', 'in', ['won', 'lost']).orderBy('stage_entered_at').orderBy('id').execute();
  }, 120_000);
  afterAll(async () => t?.close());

  it('every late deal closes after the split: the late pattern has no training deal', async () => {
    expect(order).toHaveLength(280);
    const test = new Set(order.slice(196).map((d) => d.id));
    expect(world.groups.late.every((id) => test.has(id))).toBe(true);
  });

  it('a pattern that only holds in the test period is not surfaced, though it clears the bar on all history', async () => {
    const all: Pattern[] = await get(admin, `/api/patterns?pipelineId=${world.pipelineId}`);
    const late = all.filter(isLate);
    expect(late.length).toBeGreaterThan(0);
    // On all 280 deals it would pass: 38 of 40 lost against a 143 / 280 baseline — only the split keeps it out.
    const k3 = late.find((p) => p.template === 'k_without' && p.params.k === 3 && p.params.stage === 'quote' && p.params.b === 'tag:price_confirmation')!;
    expect(k3).toMatchObject({ support: 40, outcomeCount: 38, surfaced: false });
    expect(clearsBar(score(38, 40, 143, 280), DEFAULT_SETTINGS)).toBe(true);
    expect(late.every((p) => !p.surfaced)).toBe(true);
    expect((await get(director, `/api/patterns?pipelineId=${world.pipelineId}`)).filter(isLate)).toEqual([]);
    const card = (await get(director, `/api/patterns/model-card?pipelineId=${world.pipelineId}`)).card;
    expect(card.patterns.some((r: CardRow) => late.some((p) => p.id === r.id))).toBe(false);
  });

  it('the pattern that holds in training is surfaced and its precision is reported on the test deals only', async () => {
    const list: Pattern[] = await get(director, `/api/patterns?pipelineId=${world.pipelineId}`);
    const risk = list.find((p) => isRisk(p) && p.surfaced)!;
    expect(risk).toMatchObject({ support: 100, outcomeCount: 85, params: { k: 3, stage: 'quote' } });
    const card = await get(director, `/api/patterns/model-card?pipelineId=${world.pipelineId}`);
    expect(card.card.split).toMatchObject({ trainDeals: 196, testDeals: 84 });
    const row: CardRow = card.card.patterns.find((r: CardRow) => r.id === risk.id);
    const riskIds = new Set(world.groups.early_risk);
    const testRisk = order.slice(196).filter((d) => riskIds.has(d.id));
    const testRiskLost = testRisk.filter((d) => d.status === 'lost').length;
    expect(testRisk.length).toBeGreaterThan(0);
    expect(row).toMatchObject({ surfaced: true, surfacedOnTrain: true, trainSupport: 100 - testRisk.length, testSupport: testRisk.length, testHits: testRiskLost });
    expect(row.testPrecision).toBeCloseTo(testRiskLost / testRisk.length, 10);
    // Lost test deals: the late ones (unflagged: their pattern was never surfaced) and the early risk ones, each flagged
    // at its third price confirmation, 4 days before the loss.
    const testLost = order.slice(196).filter((d) => d.status === 'lost').length;
    expect(card.card).toMatchObject({ testLostDeals: testLost, flaggedLostDeals: testRiskLost, medianDaysBeforeLoss: 4, avgDaysBeforeLoss: 4 });
  });
});
