/**
 * Figure = drill-down = export in the browser: finance opens the ageing, clicks the totals' 31–60 days figure, the
 * drawer lists exactly the instalments behind it (their amounts sum to the figure and the drawer's sum line), and the
 * drawer's "导出 Excel" link carries the same filter: the .xlsx it downloads has the same rows in 明细. "Collected
 * this month" of a seller opens that seller's payments. A lead sees only their subtree's rows (south's seller is
 * absent and the figure is smaller).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { created, createCustomerWithDeal, DESKTOP, importPipeline, loggedInPage, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

const pipelineYaml = `key: drill_e2e
name: 账龄钻取
stages:
  - key: signing
    name: 签约
    probability: 90
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
/** Instalments 40–50 days past due (31–60 bucket even after a holiday shift of the effective due date). */
const PLANS = [
  { seller: 'seller_a', customer: '宁波明州医院', due: -45, fen: 10_000_000 },
  { seller: 'seller_a', customer: '温州康宁医院', due: -42, fen: 5_000_000 },
  { seller: 'seller_a2', customer: '嘉兴第一医院', due: -48, fen: 3_000_000 },
  { seller: 'seller_b', customer: '广州南方医院', due: -45, fen: 7_000_000 },
];
const ids: string[] = [];

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  await importPipeline(await server.as('admin'), pipelineYaml);
  for (const p of PLANS) {
    const seller = await server.as(p.seller);
    const { deal } = await createCustomerWithDeal(seller, { name: p.customer }, { title: `${p.customer}采购`, pipelineId: 'drill_e2e' });
    ids.push((await created(seller, '/api/contracts', { dealId: deal.id, signedAt: day(-60), amountFen: p.fen, plan: [{ dueDate: day(p.due), amountFen: p.fen, method: 'wire' }] })).id);
  }
  // A payment today on seller_a's first contract: "collected this month" of seller_a, and 31–60 of that contract drops.
  await created(await server.as('finance'), `/api/contracts/${ids[0]}/payments`, { amountFen: 1_000_000, receivedOn: day(0), method: 'wire', reference: 'DRILL-E2E-1' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks a figure and answers its amount, the drawer's row amounts and sum line, and its export link. */
async function drill(page: Page, testId: string) {
  const figure = page.getByTestId(testId);
  await figure.waitFor();
  const fen = Number(await figure.getAttribute('data-fen'));
  await figure.click();
  const sumLine = page.getByTestId('ageing-drill-sum');
  await sumLine.waitFor();
  const rows = page.getByTestId('ageing-drill-row');
  const amounts = await Promise.all((await rows.all()).map(async (r) => Number(await r.getAttribute('data-fen'))));
  const texts = await Promise.all((await rows.all()).map((r) => r.textContent()));
  const href = (await page.getByTestId('ageing-drill-export').getAttribute('href'))!;
  return { fen, amounts, texts: texts.join('\n'), sum: Number(await sumLine.getAttribute('data-fen')), count: Number(await sumLine.getAttribute('data-count')), href };
}

async function closeDrawer(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByTestId('ageing-drill-sum').waitFor({ state: 'detached' });
}

async function openAgeing(page: Page) {
  await page.goto(`${server.baseUrl}/receivables`);
  await page.getByRole('tab', { name: '应收账龄' }).click();
}

describe('ageing drill-down in the browser', () => {
  it('finance: a bucket figure opens exactly its instalments, summing to it, and the export has the same rows', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'finance', DESKTOP);
    try {
      await openAgeing(page);
      await page.getByTestId('ageing-total-d31_60').waitFor();
      await page.screenshot({ path: 'test-results/receivables-ageing.png' });
      const d = await drill(page, 'ageing-total-d31_60');
      // 100k − 10k paid + 50k + 30k + 70k: every contract, across both regions.
      expect(d.fen).toBe(9_000_000 + 5_000_000 + 3_000_000 + 7_000_000);
      expect(d.amounts).toHaveLength(4);
      expect(d.amounts.reduce((s, x) => s + x, 0)).toBe(d.fen);
      expect(d.sum).toBe(d.fen);
      expect(d.count).toBe(4);
      for (const p of PLANS) expect(d.texts).toContain(p.customer);
      const url = new URL(d.href, server.baseUrl);
      expect(Object.fromEntries(url.searchParams)).toEqual({ asOf: day(0), groupBy: 'customer', bucket: 'd31_60' });
      await page.screenshot({ path: 'test-results/receivables-drill.png' });

      const res = await page.request.get(url.toString());
      expect(res.status()).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.body()) as never);
      const lines = wb.getWorksheet('明细') ?? wb.getWorksheet('Instalments');
      expect(lines, wb.worksheets.map((w) => w.name).join()).toBeTruthy();
      expect(lines!.actualRowCount - 1).toBe(d.count);
      await closeDrawer(page);

      // One group's cell: the key narrows the rows and the export.
      const [customerRow] = await page.locator('[data-testid$="-d31_60"][data-testid^="ageing-"]:not([data-testid="ageing-total-d31_60"])').all();
      const testId = (await customerRow.getAttribute('data-testid'))!;
      const g = await drill(page, testId);
      expect(g.count).toBe(1);
      expect(g.sum).toBe(g.fen);
      expect(new URL(g.href, server.baseUrl).searchParams.get('key')).toBe(testId.slice('ageing-'.length, -'-d31_60'.length));
      await closeDrawer(page);

      // Collected this month of seller_a: the one payment; the export carries sellerId.
      const c = await drill(page, `ageing-collected-${server.org.users.sellerA.id}`);
      expect(c.fen).toBe(1_000_000);
      expect(c.amounts).toEqual([1_000_000]);
      expect(c.sum).toBe(c.fen);
      expect(new URL(c.href, server.baseUrl).searchParams.get('sellerId')).toBe(server.org.users.sellerA.id);
      await closeDrawer(page);

      // DSO: the contracts signed in its window, summing to its sales.
      const s = await drill(page, 'ageing-dso');
      expect(s.fen).toBe(PLANS.reduce((sum, p) => sum + p.fen, 0));
      expect(s.count).toBe(4);
      expect(s.sum).toBe(s.fen);
      await page.screenshot({ path: 'test-results/receivables-drill-dso.png' });
    } finally {
      await context.close();
    }
  });

  it("a lead sees only their subtree's instalments behind the same figure", async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'lead_east1', DESKTOP);
    try {
      await openAgeing(page);
      const d = await drill(page, 'ageing-total-d31_60');
      expect(d.fen).toBe(9_000_000 + 5_000_000 + 3_000_000);
      expect(d.amounts).toHaveLength(3);
      expect(d.amounts.reduce((s, x) => s + x, 0)).toBe(d.fen);
      expect(d.sum).toBe(d.fen);
      expect(d.texts).not.toContain('广州南方医院');
      const res = await page.request.get(new URL(d.href, server.baseUrl).toString());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.body()) as never);
      expect((wb.getWorksheet('明细') ?? wb.getWorksheet('Instalments'))!.actualRowCount - 1).toBe(3);
    } finally {
      await context.close();
    }
  });
});
