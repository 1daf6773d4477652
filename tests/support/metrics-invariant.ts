/**
 * The metrics invariant as one check: for every metric and every countable figure or chart cell `{ cell, value }` of
 * its answer, `/records?cell=` answers `total === value` and the metric's export holds exactly `value` record rows
 * whose dimension columns match the cell. Walks the answers generically, so a new metric or cell is covered unnamed.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Requester } from './app.js';

export interface FoundCell {
  cell: string;
  value: number;
  path: string;
}

export function cellsOf(value: unknown, out: FoundCell[] = [], path = ''): FoundCell[] {
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

/** The record rows of a metric export's last sheet, by header. */
export async function exportRows(payload: Buffer): Promise<Array<Record<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as never);
  const sheet = wb.worksheets[wb.worksheets.length - 1];
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const rows: Array<Record<string, string>> = [];
  sheet.eachRow((row, i) => {
    if (i === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(header.map((h, j) => [h, values[j] === undefined || values[j] === null ? '' : String(values[j])])));
  });
  return rows;
}

/**
 * Checks every metric's cells for one caller; returns how many cells were checked. `source` (when given) is where
 * every answer must have been read from, and the drill and export must say the same `asOf` as the figure.
 */
export async function checkMetricsInvariant(who: Requester, label: string, names: string[], query: string, source?: 'live' | 'snapshot'): Promise<number> {
  let checked = 0;
  for (const name of names) {
    const res = await who({ method: 'GET', url: `/api/metrics/${name}?${query}` });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
    const body = res.json();
    if (source) expect(body.source, `${label} ${name} source`).toBe(source);
    const cells = cellsOf(body.answer);
    expect(cells.length, `${name} has cells`).toBeGreaterThan(0);
    const exp = await who({ method: 'GET', url: `/api/metrics/${name}/export?${query}` });
    expect(exp.statusCode).toBe(200);
    const rows = await exportRows(exp.rawPayload);
    const seen = new Map<string, number>();
    for (const c of cells) {
      // The same cell named twice in an answer must carry the same value; it is asked for once.
      if (seen.has(c.cell)) {
        expect(c.value, `${name} ${c.cell} repeated`).toBe(seen.get(c.cell));
        continue;
      }
      seen.set(c.cell, c.value);
      const drill = await who({ method: 'GET', url: `/api/metrics/${name}/records?${query}&cell=${encodeURIComponent(c.cell)}&pageSize=1` });
      expect(drill.statusCode, `${name} ${c.cell}: ${drill.body}`).toBe(200);
      expect(drill.json().total, `${label} ${name}${c.path} (${c.cell}) drill`).toBe(c.value);
      if (source) expect(drill.json().asOf, `${label} ${name} drill asOf`).toBe(body.asOf);
      expect(rows.filter((r) => matches(c.cell, r)).length, `${label} ${name}${c.path} (${c.cell}) export rows`).toBe(c.value);
      checked++;
    }
  }
  return checked;
}
