/**
 * Metrics semantics on a hand-checked fixture (tests/support/insight-fixture.ts), on SQLite and PostgreSQL:
 * cohorts with skips and back-moves, the snapshot with weighted forecast, stalled vs planned, saturation, cadence
 * on-time and timeliness for one week, completeness, IDI, loss matrix, win rate, lead quality, and working-day dwell
 * across National Day 2026 with a censored (Kaplan–Meier) median. Scope per role and support's hidden amounts.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInsightWorld } from '../support/insight-fixture.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const NOV = 'from=2026-11-01&to=2026-11-30';

describe('metrics', () => {
  let t: TestContext;
  let director: Requester, lead: Requester, sellerA: Requester, support: Requester;
  const deals: Record<string, string> = {};

  const get = async (who: Requester, url: string) => {
    const res = await who({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const metric = (who: Requester, name: string, q = NOV) => get(who, `/api/metrics/${name}?pipelineId=insight_demo&${q}`).then((r) => r.answer);
  const records = (who: Requester, name: string, cell: string, q = NOV) => get(who, `/api/metrics/${name}/records?pipelineId=insight_demo&${q}&cell=${encodeURIComponent(cell)}&pageSize=200`);

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-30T10:00:00.000Z' });
    Object.assign(deals, await seedInsightWorld(t));
    [director, lead, sellerA, support] = await Promise.all(['director', 'lead_east1', 'seller_a', 'support'].map((n) => t.as(n)));
  });
  afterAll(async () => t?.close());

  it('lists the metric names', async () => {
    const names = (await get(director, '/api/metrics')).items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['funnel', 'dwell', 'stalled', 'saturation', 'timeliness', 'completeness', 'idi', 'loss_matrix']));
  });

  it('funnel: cohorts count each deal once per stage, with skips by reason, losses, open and won', async () => {
    const a = await metric(director, 'funnel');
    const row = (k: string) => a.cohort.find((r: { stage: { key: string } }) => r.stage.key === k);
    const v = (k: string) => {
      const r = row(k);
      return { entered: r.entered.value, next: r.next.value, wentOn: r.wentOn.value, lost: r.lost.value, open: r.open.value, won: r.won.value, skipped: r.skipped.value };
    };
    expect(v('lead')).toEqual({ entered: 6, next: 1, wentOn: 2, lost: 1, open: 3, won: 0, skipped: 0 });
    expect(v('qualify')).toEqual({ entered: 2, next: 2, wentOn: 2, lost: 0, open: 0, won: 0, skipped: 1 });
    expect(v('quote')).toEqual({ entered: 3, next: 1, wentOn: 1, lost: 1, open: 1, won: 0, skipped: 0 });
    expect(v('won')).toMatchObject({ entered: 1, won: 1 });
    expect(row('qualify').skipped.reasons).toEqual([expect.objectContaining({ reason: '客户主动来电', value: 1 })]);
    expect(row('lead').conversionNext).toBeCloseTo(16.67, 2);
    const skipped = await records(director, 'funnel', row('qualify').skipped.reasons[0].cell);
    expect(skipped.items.map((i: { dealId: string }) => i.dealId)).toEqual([deals.d2]);
    // D1 went qualify → quote → qualify → quote: once in each cohort.
    const quoteEntered = await records(director, 'funnel', row('quote').entered.cell);
    expect(quoteEntered.total).toBe(3);
    expect(new Set(quoteEntered.items.map((i: { dealId: string }) => i.dealId))).toEqual(new Set([deals.d1, deals.d2, deals.d5]));
  });

  it('funnel snapshot: open deals per stage now, amounts and the weighted forecast, labelled as a snapshot', async () => {
    const s = (await metric(director, 'funnel')).snapshot;
    expect(s.label.en).toMatch(/^Snapshot/);
    expect(s.stages.map((x: { deals: { value: number } }) => x.deals.value)).toEqual([3, 1, 1]);
    expect(s.amountFen).toBe(500_000);
    expect(s.weightedFen).toBe(3 * 10_000 + 30_000 + 60_000);
  });

  it('scope: a lead sees the team, a seller their own, on the figure and the drill list', async () => {
    const leadEntered = (await metric(lead, 'funnel')).cohort[0].entered;
    expect(leadEntered.value).toBe(4);
    expect((await records(lead, 'funnel', leadEntered.cell)).total).toBe(4);
    const mine = (await metric(sellerA, 'funnel')).cohort[0].entered;
    expect(mine.value).toBe(2);
    const items = (await records(sellerA, 'funnel', mine.cell)).items;
    expect(new Set(items.map((i: { owner: { id: string } }) => i.owner.id))).toEqual(new Set([t.org.users.sellerA.id]));
  });

  it('stalled vs planned: beyond the stage SLA without effective interaction; a scheduled next action shows as planned; ≥ 2× team share flagged', async () => {
    const a = await metric(director, 'stalled');
    expect(a.total.value).toBe(5);
    expect(a.stalled.value).toBe(1);
    expect(a.planned.value).toBe(1);
    expect((await records(director, 'stalled', a.stalled.cell)).items.map((i: { dealId: string }) => i.dealId)).toEqual([deals.d6]);
    expect((await records(director, 'stalled', a.planned.cell)).items.map((i: { dealId: string }) => i.dealId)).toEqual([deals.d4]);
    const b = a.sellers.find((s: { owner: { id: string } }) => s.owner.id === t.org.users.sellerB.id);
    expect(b).toMatchObject({ share: 50, ratio: 2.5, flagged: true });
    expect(a.teamShare).toBe(20);
  });

  it('saturation, cadence on-time and timeliness for one week', async () => {
    const s = await metric(director, 'saturation');
    const seller = (id: string) => s.sellers.find((x: { owner: { id: string } }) => x.owner.id === id);
    const a = seller(t.org.users.sellerA.id);
    // Cadence steps s1 (done), s2 (done late), s3 (open) + D1's two qualify stays that passed the budget gate.
    expect([a.due.value, a.done.value, a.rate, a.warn]).toEqual([5, 4, 80, true]);
    expect(a.weeks.find((x: { week: string }) => x.week === '2026-11-23')).toMatchObject({ rate: 66.67, warn: true });
    expect(seller(t.org.users.sellerB.id)).toMatchObject({ due: { value: 1 }, done: { value: 1 }, rate: 100, warn: false });
    // D8 passed its first qualify deadline (20 Nov) without the budget item ticked.
    const a2 = seller(t.org.users.sellerA2.id);
    expect([a2.due.value, a2.done.value, a2.warn]).toEqual([1, 0, true]);
    expect(s.sources.map((x: { source: string; due: { value: number }; done: { value: number } }) => [x.source, x.due.value, x.done.value])).toEqual([['cadence', 3, 2], ['gate', 4, 3]]);
    const missedGate = await records(director, 'saturation', `owner=${t.org.users.sellerA2.id}&state=missed&source=gate`);
    expect(missedGate.items).toEqual([expect.objectContaining({ kind: 'gate', dealId: deals.d8, stage: expect.objectContaining({ key: 'qualify' }), detail: expect.stringContaining('qualify/budget') })]);
    // Ticked by the deadline counts as done; ticked after it does not.
    const tick = (at: string) => t.db.updateTable('deals').set({ checklist: JSON.stringify({ budget: { done: true, at } }) }).where('id', '=', deals.d8).execute();
    await tick('2026-11-19T09:00:00.000Z');
    expect((await metric(director, 'saturation')).sellers.find((x: { owner: { id: string } }) => x.owner.id === t.org.users.sellerA2.id).done.value).toBe(1);
    await tick('2026-11-21T09:00:00.000Z');
    expect((await metric(director, 'saturation')).sellers.find((x: { owner: { id: string } }) => x.owner.id === t.org.users.sellerA2.id).done.value).toBe(0);
    await t.db.updateTable('deals').set({ checklist: '{}' }).where('id', '=', deals.d8).execute();
    const c = await metric(director, 'cadence_ontime');
    expect([c.onTime.value, c.late.value, c.missed.value]).toEqual([1, 1, 1]);
    const tl = await metric(director, 'timeliness');
    const leadStage = tl.stages.find((x: { stage: { key: string } }) => x.stage.key === 'lead');
    expect([leadStage.clocks.value, leadStage.breached.value]).toEqual([3, 2]);
    expect(tl.steps.map((x: { step: string; breached: { value: number } }) => [x.step, x.breached.value])).toEqual([['s1', 0], ['s2', 1], ['s3', 1]]);
    expect([tl.total.value, tl.breached.value]).toEqual([7, 4]);
  });

  it('completeness, IDI, loss matrix, win rate and lead quality', async () => {
    const cm = await metric(director, 'completeness');
    const quote = cm.stages.find((x: { stage: { key: string } }) => x.stage.key === 'quote');
    expect(quote.rate).toBe(50);
    const missing = quote.fields.find((f: { field: string }) => f.field === 'expectedCloseDate').missing;
    expect((await records(director, 'completeness', missing.cell)).items.map((i: { dealId: string }) => i.dealId)).toEqual([deals.d1]);
    const idi = await metric(director, 'idi');
    expect(idi.total.value).toBe(3);
    const a = idi.sellers.find((x: { owner: { id: string } }) => x.owner.id === t.org.users.sellerA.id);
    expect(a).toMatchObject({ customers: 1, idi: 0.23 });
    expect(a.interactions.value).toBe(1);
    const lm = await metric(director, 'loss_matrix');
    const cellOf = (seg: string, stage: string) => lm.rows.find((r: { segment: string }) => r.segment === seg).cells.find((c: { stage: string }) => c.stage === stage);
    expect(cellOf('医疗', 'quote').lost.value).toBe(1);
    expect(cellOf('制造', 'lead')).toMatchObject({ lost: expect.objectContaining({ value: 1 }), reached: expect.objectContaining({ value: 2 }), rate: 50 });
    expect(lm.reasons.map((r: { reason: string; value: number }) => [r.reason, r.value])).toEqual([['', 1], ['price', 1]]);
    const wr = await metric(director, 'win_rate');
    expect([wr.won.value, wr.lost.value, wr.winRate, wr.averageCycleDays]).toEqual([1, 2, 33.33, 39]);
    const lq = await metric(director, 'lead_quality');
    expect(lq.sources.map((s: { source: string; deals: { value: number } }) => [s.source, s.deals.value])).toEqual([['官网', 4], ['展会', 2]]);
  });

  it('segment filters resolve spellings through the dictionaries as the customer list does; owner filter; figure = drill under both', async () => {
    // 官网 is the source entry's key; "Website" its English label and " 官网 " a spacing of it: all three mean the entry.
    const byKey = await metric(director, 'lead_quality', `${NOV}&source=${encodeURIComponent('官网')}`);
    expect(byKey.sources.map((s: { source: string; deals: { value: number } }) => [s.source, s.deals.value])).toEqual([['官网', 4]]);
    for (const spelling of ['Website', ' 官网 ', 'website']) {
      const res = await get(director, `/api/metrics/lead_quality?pipelineId=insight_demo&${NOV}&source=${encodeURIComponent(spelling)}`);
      expect(res.answer, spelling).toEqual(byKey);
      expect(res.filters.source).toBe('官网');
      const cell = res.answer.sources[0].deals.cell;
      const drill = await records(director, 'lead_quality', cell, `${NOV}&source=${encodeURIComponent(spelling)}`);
      expect(drill.total).toBe(4);
    }
    // A spelling no entry knows is refused naming the filter, as on the customer writes (it never widens the answer).
    const unknown = await director({ method: 'GET', url: `/api/metrics/lead_quality?pipelineId=insight_demo&${NOV}&source=${encodeURIComponent('不存在的渠道')}` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([expect.objectContaining({ field: 'source', code: 'not_in_dictionary' })]);
    // Owner: only that seller's deals, the team share computed over them.
    const mine = await metric(director, 'stalled', `${NOV}&ownerId=${t.org.users.sellerA.id}`);
    expect(mine.sellers.map((s: { owner: { id: string } }) => s.owner.id)).toEqual([t.org.users.sellerA.id]);
    expect((await records(director, 'stalled', mine.total.cell, `${NOV}&ownerId=${t.org.users.sellerA.id}`)).total).toBe(mine.total.value);
  });

  it('consistency: customers logged by two sellers, their need / pain-point tags (not action tags) agree, partly agree or share nothing; per scope', async () => {
    const c = await metric(director, 'consistency');
    const states = Object.fromEntries(c.states.map((x: { state: string; value: number }) => [x.state, x.value]));
    expect(c.customers.value).toBe(3);
    expect(states).toEqual({ agree: 1, partial: 1, disagree: 1, untagged: 0 });
    expect(c.agreement).toBe(50); // (1 + 1/2 + 0) / 3
    expect(c.agreeRate).toBeCloseTo(33.33, 2);
    const partial = await records(director, 'consistency', c.states.find((x: { state: string }) => x.state === 'partial').cell);
    expect(partial.items).toEqual([expect.objectContaining({ kind: 'customer', title: '浙一医院', detail: 'sellers 2, tags in common 1 / 2', link: expect.stringMatching(/^\/customers\//) })]);
    // The lead sees only east team 1's logs: 杭州机械 (A and A2, same tag) is the one customer two of them logged.
    const l = await metric(lead, 'consistency');
    expect([l.customers.value, l.states.find((x: { state: string }) => x.state === 'agree').value]).toEqual([1, 1]);
    expect((await metric(sellerA, 'consistency')).customers.value).toBe(0);
    const hm = await metric(director, 'heatmap');
    expect(hm.unusedTags.map((x: { key: string }) => x.key)).toEqual(['second_walkthrough', 'material_sent', 'peer_case', 'need_budget_approval']);
  });

  it('dwell in working days across National Day 2026, with open stays censored (Kaplan–Meier)', async () => {
    const a = await metric(director, 'dwell', 'from=2026-10-01&to=2026-10-31');
    const leadStage = a.stages.find((x: { stage: { key: string } }) => x.stage.key === 'lead');
    expect(leadStage.completed.value).toBe(1);
    expect(leadStage.median).toBe(2);
    expect(leadStage.kmMedian).toBe(2);
    const qualify = a.stages.find((x: { stage: { key: string } }) => x.stage.key === 'qualify');
    expect(qualify.open.value).toBe(1);
    expect(qualify.completed.value).toBe(0);
    expect(qualify.kmMedian).toBeNull();
    const stay = (await records(director, 'dwell', leadStage.completed.cell, 'from=2026-10-01&to=2026-10-31')).items[0];
    expect(stay).toMatchObject({ kind: 'stay', dealId: deals.d8, daysInStage: 2 });
  });

  it('support sees figures and records without amounts, and exports without amount columns', async () => {
    const a = await metric(support, 'funnel');
    expect(a.snapshot.amountFen).toBeUndefined();
    expect(JSON.stringify(a)).not.toMatch(/amountFen|weightedFen/);
    const r = await records(support, 'funnel', a.cohort[0].entered.cell);
    expect(r.total).toBe(6);
    expect(JSON.stringify(r)).not.toContain('amountFen');
    const res = await support({ method: 'GET', url: `/api/metrics/funnel/export?pipelineId=insight_demo&${NOV}` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const headers = wb.worksheets.flatMap((ws) => (ws.getRow(1).values as unknown[]).map(String));
    expect(headers.some((h) => /金额|amount|加权/i.test(h))).toBe(false);
    const dres = await director({ method: 'GET', url: `/api/metrics/funnel/export?pipelineId=insight_demo&${NOV}` });
    const dwb = new ExcelJS.Workbook();
    await dwb.xlsx.load(dres.rawPayload as never);
    expect(dwb.worksheets.flatMap((ws) => (ws.getRow(1).values as unknown[]).map(String)).some((h) => h.includes('金额'))).toBe(true);
  });

  it('list exports: scope per role, support without the amount column, CSV with a BOM', async () => {
    const read = async (who: Requester, url: string) => {
      const res = await who({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      return wb;
    };
    const mine = await read(sellerA, '/api/exports/deals');
    expect(mine.worksheets.map((w) => w.name)).toEqual(['说明', '商机']);
    expect(mine.worksheets[1].rowCount - 1).toBe(2);
    const all = await read(director, '/api/exports/deals?pipelineId=' + encodeURIComponent((await t.db.selectFrom('pipelines').select('id').where('key', '=', 'insight_demo').executeTakeFirstOrThrow()).id));
    expect(all.worksheets[1].rowCount - 1).toBe(8);
    expect((all.worksheets[1].getRow(1).values as unknown[]).map(String)).toContain('金额（分）');
    const sup = await read(support, '/api/exports/deals');
    expect(sup.worksheets[1].rowCount - 1).toBe(8);
    expect((sup.worksheets[1].getRow(1).values as unknown[]).map(String)).not.toContain('金额（分）');
    const leadActs = await read(lead, '/api/exports/activities?from=2026-11-01&to=2026-11-30');
    expect(leadActs.worksheets[1].rowCount - 1).toBe(7);
    const csv = await director({ method: 'GET', url: '/api/exports/customers?format=csv', headers: { 'accept-language': 'en' } });
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('Customer');
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);
  });

  it('bad input: an unknown cell dimension, a reversed period, an unknown metric are 400s naming the field', async () => {
    const bad = await director({ method: 'GET', url: `/api/metrics/funnel/records?cell=colour%3Dred` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('cell');
    const rev = await director({ method: 'GET', url: `/api/metrics/funnel?from=2026-11-30&to=2026-11-01` });
    expect(rev.statusCode).toBe(400);
    expect(rev.json().error.fields[0].field).toBe('from');
    expect((await director({ method: 'GET', url: `/api/metrics/nope` })).statusCode).toBe(400);
    expect((await director({ method: 'GET', url: `/api/metrics/funnel?teamId=nope` })).statusCode).toBe(400);
  });
});
