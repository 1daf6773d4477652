/**
 * THE invariant of the metrics module: for every metric, every countable figure or chart cell `{ cell, value }` in
 * its answer, for several roles, on both databases: `/records?cell=` answers `total === value`, and the metric's
 * export holds exactly `value` record rows whose dimension columns match the cell. The test walks the answers
 * generically, so a new metric or a new cell is covered without being named here.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInsightWorld } from '../support/insight-fixture.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const Q = 'pipelineId=insight_demo&from=2026-10-01&to=2026-11-30';

function cellsOf(value: unknown, out: Array<{ cell: string; value: number; path: string }> = [], path = ''): Array<{ cell: string; value: number; path: string }> {
  if (Array.isArray(value)) value.forEach((v, i) => cellsOf(v, out, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.cell === 'string' && typeof o.value === 'number') out.push({ cell: o.cell, value: o.value, path });
    for (const [k, v] of Object.entries(o)) if (k !== 'cell') cellsOf(v, out, `${path}.${k}`);
  }
  return out;
}

function matches(cell: string, row: Record<string, string>): boolean {
  if (cell === '*') return true;
  for (const [k, v] of new URLSearchParams(cell)) if (row[k] !== v) return false;
  return true;
}

describe('metrics invariant: figure = drill total = export rows', () => {
  let t: TestContext;
  let names: string[];
  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-30T10:00:00.000Z' });
    await seedInsightWorld(t);
    names = (await (await t.as('director'))({ method: 'GET', url: '/api/metrics' })).json().items.map((i: { name: string }) => i.name);
  });
  afterAll(async () => t?.close());

  for (const role of ['director', 'lead_east1', 'seller_a', 'support']) {
    it(`every metric and cell agrees for ${role}`, { timeout: 120_000 }, async () => {
      const who: Requester = await t.as(role);
      let checked = 0;
      for (const name of names) {
        const res = await who({ method: 'GET', url: `/api/metrics/${name}?${Q}` });
        expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
        const cells = cellsOf(res.json().answer);
        expect(cells.length, `${name} has cells`).toBeGreaterThan(0);
        const exp = await who({ method: 'GET', url: `/api/metrics/${name}/export?${Q}` });
        expect(exp.statusCode).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(exp.rawPayload as never);
        const sheet = wb.worksheets[wb.worksheets.length - 1];
        const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
        const rows: Array<Record<string, string>> = [];
        sheet.eachRow((row, i) => {
          if (i === 1) return;
          const values = row.values as unknown[];
          rows.push(Object.fromEntries(header.map((h, j) => [h, values[j] === undefined || values[j] === null ? '' : String(values[j])])));
        });
        const seen = new Map<string, number>();
        for (const c of cells) {
          // The same cell named twice in an answer must carry the same value; it is asked for once.
          if (seen.has(c.cell)) {
            expect(c.value, `${name} ${c.cell} repeated`).toBe(seen.get(c.cell));
            continue;
          }
          seen.set(c.cell, c.value);
          const drill = await who({ method: 'GET', url: `/api/metrics/${name}/records?${Q}&cell=${encodeURIComponent(c.cell)}&pageSize=1` });
          expect(drill.statusCode, `${name} ${c.cell}: ${drill.body}`).toBe(200);
          expect(drill.json().total, `${role} ${name}${c.path} (${c.cell}) drill`).toBe(c.value);
          expect(rows.filter((r) => matches(c.cell, r)).length, `${role} ${name}${c.path} (${c.cell}) export rows`).toBe(c.value);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  }

  it('a cell exported alone has exactly its value rows (CSV with a BOM)', async () => {
    const director = await t.as('director');
    const a = (await director({ method: 'GET', url: `/api/metrics/funnel?${Q}` })).json().answer;
    const entered = a.cohort[0].entered;
    const csv = await director({ method: 'GET', url: `/api/metrics/funnel/export?${Q}&format=csv&cell=${encodeURIComponent(entered.cell)}` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines.length - 1).toBe(entered.value);
    expect(entered.value).toBeGreaterThan(0);
  });
});
