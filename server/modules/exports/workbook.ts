/**
 * Streaming spreadsheet output, reusable by any module: an .xlsx (exceljs' streaming WorkbookWriter: rows are
 * committed to the zip as they come, so memory stays bounded whatever the row count) or a CSV with a UTF-8 BOM (Excel
 * on Windows opens it as UTF-8 instead of GBK). Sheets take their rows as async batches; an "About" sheet states
 * the filters, the as-of instant, the time zone, the user and the scope. Hidden fields are dropped by column key.
 */
import { PassThrough, type Writable } from 'node:stream';
import v8 from 'node:v8';
import ExcelJS from 'exceljs';
import { boundedPass, boundHeap } from '../../core/heap.js';

export interface Column {
  key: string;
  header: string;
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: Column[];
  rows: AsyncIterable<Array<Record<string, unknown>>> | Iterable<Array<Record<string, unknown>>>;
}

export interface About {
  title: string;
  user: string;
  role: string;
  scope: string;
  asOf: string;
  timeZone: string;
  filters: Record<string, unknown>;
  notes?: string[];
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ or repeated; make each one acceptable and unique. */
export function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = raw.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)}~${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export function aboutSheet(about: About, lang: 'zh' | 'en'): SheetSpec {
  const zh = lang === 'zh';
  const rows: Array<Record<string, unknown>> = [
    { k: zh ? '报表' : 'Report', v: about.title },
    { k: zh ? '导出人' : 'User', v: `${about.user} (${about.role})` },
    { k: zh ? '数据范围' : 'Scope', v: about.scope },
    { k: zh ? '数据截至' : 'As of', v: about.asOf },
    { k: zh ? '时区' : 'Time zone', v: about.timeZone },
    ...Object.entries(about.filters)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => ({ k: `${zh ? '筛选' : 'Filter'}: ${k}`, v: String(v) })),
    ...(about.notes ?? []).map((n) => ({ k: zh ? '说明' : 'Note', v: n })),
  ];
  return {
    name: zh ? '说明' : 'About',
    columns: [
      { key: 'k', header: zh ? '项目' : 'Item', width: 24 },
      { key: 'v', header: zh ? '值' : 'Value', width: 80 },
    ],
    rows: [rows],
  };
}

/** Drops the columns the caller may not see (RESTRICTED_FIELDS keys such as amountFen). */
export function visibleColumns(columns: Column[], hiddenKeys: Set<string>): Column[] {
  return columns.filter((c) => !hiddenKeys.has(c.key));
}

/** Writes the workbook to `out`; resolves when the last byte is written. */
export async function writeXlsx(out: Writable, sheets: SheetSpec[]): Promise<void> {
  const budget = exportHeapBudget();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const names = sheetNames(sheets.map((s) => s.name));
  for (const [i, sheet] of sheets.entries()) {
    const ws = workbook.addWorksheet(names[i]);
    ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    for await (const batch of sheet.rows) {
      for (const row of batch) ws.addRow(cellValues(row, sheet.columns)).commit();
      await zipCaughtUp(ws, out);
      await breathe(out, budget);
    }
    ws.commit();
  }
  await workbook.commit();
}

/**
 * Between batches: let the event loop run, and wait while the reply is congested. better-sqlite3 answers
 * synchronously, so every `await` of a batch settled as a microtask and the whole sheet was written (and held in the
 * zip's buffers) before the first byte reached the socket: 15,000 deals took 46 s to the first byte and a 100,000-row
 * export never answered within a client's header timeout. A closed reply stops the export.
 */
async function breathe(out: Writable, budget: number): Promise<void> {
  boundHeap(budget);
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.once('drain', done);
      out.once('close', done);
    });
  }
  if (out.destroyed) throw new Error('export stopped: the reply was closed');
}

/**
 * How far the heap in use may grow over where it was when the export started before the export collects between
 * batches. An export's live data is one batch; what piles up is garbage holding buffers outside the heap
 * (PostgreSQL's result chunks), which only a collection releases. 100,002 deals over PostgreSQL, separate server:
 * peak RSS 228 → 338 MB without it; a fixed 48 MB budget held 247 MB but, below the server's own live heap, collected
 * at every batch (10.7 s of CPU for 8.0 s); relative to the start it collects only when the export's garbage grows.
 */
const EXPORT_HEAP_HEADROOM_BYTES = 32 * 1024 * 1024;

function exportHeapBudget(): number {
  return v8.getHeapStatistics().used_heap_size + EXPORT_HEAP_HEADROOM_BYTES;
}

/** Sheet XML waiting for compression above which the writer waits for the zip. */
export const ZIP_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * exceljs hands each committed row's XML to the zip without waiting for it to be compressed, so a fast producer piles
 * the sheet up in memory in front of deflate: 74 MB of buffers for 100,000 deals. Between batches, wait while more
 * than a few MB are waiting. The queue is exceljs' worksheet stream's pipe into the zip (archiver's PassThrough); if
 * a later exceljs stops exposing it, this waits for nothing and memory is as before.
 */
export async function zipCaughtUp(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  // archiver's streams come from the `readable-stream` package (v2), without the `readableLength` getters.
  type Queue = { _readableState?: { length: number }; _writableState?: { length: number }; destroyed?: boolean };
  const queue = (ws as unknown as { stream?: { pipes?: Queue[] } }).stream?.pipes?.[0];
  const waiting = () => (queue?._readableState?.length ?? 0) + (queue?._writableState?.length ?? 0);
  // A closed reply stops the wait (and breathe() then the export): nothing would ever read the zip again.
  while (waiting() > ZIP_BACKLOG_BYTES && !queue?.destroyed && !out.destroyed) {
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
  }
}

function cellValues(row: Record<string, unknown>, columns: Column[]): unknown[] {
  return columns.map((c) => {
    const v = row[c.key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return JSON.stringify(v);
  });
}

const csvField = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  // Quote when needed; a leading = + - @ is prefixed so a spreadsheet never runs a cell as a formula.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One sheet as CSV with a UTF-8 BOM; waits for the consumer when it is slower (backpressure). */
export async function writeCsv(out: Writable, sheet: SheetSpec): Promise<void> {
  const budget = exportHeapBudget();
  const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('\uFEFF' + sheet.columns.map((c) => csvField(c.header)).join(',') + '\r\n');
  for await (const batch of sheet.rows) {
    boundHeap(budget);
    await write(batch.map((row) => sheet.columns.map((c) => csvField(row[c.key])).join(',') + '\r\n').join(''));
  }
  out.end();
}

/**
 * A stream to hand to the HTTP reply, filled in the background; a failure half-way destroys the stream (the client
 * sees a cut download, never a file that looks complete). The writing is a bounded pass (core/heap.ts), as the
 * import's are: without it V8's lazy growth took a 300,000-deal export's server from 226 to 515 MB.
 */
export function spreadsheetStream(format: 'xlsx' | 'csv', sheets: SheetSpec[], onError: (err: unknown) => void): PassThrough {
  const out = new PassThrough();
  const work = boundedPass(() => (format === 'xlsx' ? writeXlsx(out, sheets) : writeCsv(out, sheets[0])));
  work.catch((err) => {
    onError(err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
