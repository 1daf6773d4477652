/**
 * Downloadable files of an import: the error file (the original columns of every row that was not written, its row
 * number and an error column; import it again once corrected and only those rows are processed) as .xlsx or UTF-8
 * .csv with BOM (Excel opens it with the right encoding). Both are streamed row by row.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../db/index.js';
import { fieldCodeMessage, type Lang } from '../../../shared/messages.js';
import { parseJson } from '../../core/json.js';
import { ERROR_COLUMN, ROW_COLUMN, type Mapping } from './mapping.js';
import * as repo from './repo.js';
import type { ImportRecord, RowProblem } from './validate.js';

export const NOT_WRITTEN = ['error', 'denied', 'conflict'];

export function problemText(problems: RowProblem[], lang: Lang): string {
  return problems.map((p) => `${p.column ? `[${p.column}] ` : ''}${fieldCodeMessage(p.code, lang, p.params)}`).join('; ');
}

/** The cells of a row for the error file: as read from the file, or rebuilt from the normalised record. */
function cellsOf(row: repo.StagedRow, headers: string[], mapping: Mapping): string[] {
  const raw = parseJson<string[] | null>(row.raw, null);
  if (raw) return headers.map((_, i) => raw[i] ?? '');
  const data = parseJson<ImportRecord>(row.data, {});
  return headers.map((_, i) => {
    const field = mapping[i];
    if (!field) return '';
    if (field.startsWith('custom.')) return String(data.custom?.[field.slice(7)] ?? '');
    if (field === 'owner') return data.owner?.name ?? '';
    if (field.startsWith('contact')) {
      const key = (field.slice(7, 8).toLowerCase() + field.slice(8)) as 'name' | 'phone' | 'title' | 'email';
      return String(data.contact?.[key] ?? '');
    }
    return String((data as Record<string, unknown>)[field] ?? '');
  });
}

async function* problemRows(db: Queryable, imp: repo.ImportRow) {
  let after = 0;
  for (;;) {
    const rows = await repo.listStagedRows(db, imp.id, { after, limit: 1000 });
    if (!rows.length) return;
    after = rows[rows.length - 1]!.row_number;
    for (const row of rows) {
      const state = row.applied ? row.outcome : row.verdict;
      if (state && NOT_WRITTEN.includes(state)) yield row;
    }
  }
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function writeErrorFile(db: Queryable, imp: repo.ImportRow, format: 'xlsx' | 'csv', lang: Lang, out: Writable): Promise<void> {
  const headers = parseJson<string[]>(imp.headers, []).filter((h) => h !== ERROR_COLUMN && h !== ROW_COLUMN);
  const mapping = parseJson<Mapping>(imp.mapping, []);
  const header = [...headers, ROW_COLUMN, ERROR_COLUMN];
  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet('errors');
    sheet.addRow(header).commit();
    for await (const row of problemRows(db, imp)) {
      sheet.addRow([...cellsOf(row, headers, mapping), row.row_number, problemText(parseJson<RowProblem[]>(row.errors, []), lang)]).commit();
    }
    sheet.commit();
    await workbook.commit();
    return;
  }
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(line, 'utf8')) resolve();
      else out.once('drain', resolve).once('error', reject);
    });
  await write('\uFEFF' + header.map(csvCell).join(',') + '\r\n');
  for await (const row of problemRows(db, imp)) {
    const cells = [...cellsOf(row, headers, mapping), String(row.row_number), problemText(parseJson<RowProblem[]>(row.errors, []), lang)];
    await write(cells.map(csvCell).join(',') + '\r\n');
  }
  out.end();
}
