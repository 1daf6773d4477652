/**
 * The first worksheet of an .xlsx file as a stream of rows, through exceljs' streaming reader.
 *
 * exceljs decodes every chunk of a sheet's XML on its own (a `TextDecoder` without `stream: true`), so a multi-byte
 * character split across two chunks became U+FFFD: with Chinese text, a few cells in every large file. Its XML parser
 * passes text through untouched, so the reader below hands it text already decoded across chunk boundaries.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cells.js';
import type { SourceRow } from './source.js';

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** exceljs' reader with its two text entry points (shared strings, worksheets) fed decoded text. */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  // Overrides of exceljs internals (lib/stream/xlsx/workbook-reader.js, 4.4): the shared-strings entry is a Node
  // stream read through its 'data' events, a worksheet arrives as an async iterable (zip entry or temp file).
  _parseSharedStrings(entry: Readable): unknown {
    entry.setEncoding('utf8');
    const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { _parseSharedStrings(e: Readable): unknown };
    return base._parseSharedStrings.call(this, entry);
  }

  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown {
    // exceljs reads the sheet's name from the workbook model, which is missing when xl/workbook.xml comes later in
    // the archive (exceljs' own writer does that now and then); the rows do not need the name.
    const self = this as unknown as { model?: { sheets?: unknown[] } };
    self.model ??= { sheets: [] };
    const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { _parseWorksheet(i: unknown, n: string): unknown };
    return base._parseWorksheet.call(this, utf8Text(iterator), sheetNo);
  }
}

/** What exceljs hands over for a cell (rich text, formulas, hyperlinks, errors) reduced to a plain cell. */
function xlsxCell(value: unknown): Cell {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string; formula?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if (v.text !== undefined) return xlsxCell(v.text);
    if (v.error) return null;
  }
  return String(value);
}

const isSharedRef = (v: unknown): boolean => typeof v === 'object' && v !== null && 'sharedString' in v;
// exceljs rows are 1-based sparse arrays.
const cellsOf = (values: unknown[]): Cell[] => Array.from(values.slice(1), xlsxCell); // holes (empty cells) → null

/**
 * The rows of the first worksheet, streamed. `reopen` gives the file again for the rare archive the streaming unzip
 * reads short: now and then (1 file in a few hundred written by exceljs itself, sheet stored before the shared
 * strings) it delivers the sheet but never the shared-strings entry, and every text cell arrives as
 * `{ sharedString: index }`. The file is then read whole (exceljs' non-streaming reader) from the first such row on.
 */
export async function* xlsxRows(stream: Readable, reopen?: () => Readable): AsyncGenerator<SourceRow> {
  const reader = new Utf8WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let resumeAfter: number | null = null;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      if (reopen && values.some(isSharedRef)) {
        resumeAfter = row.number - 1;
        break;
      }
      yield { number: row.number, cells: cellsOf(values) };
    }
    // Only the first worksheet is imported; stop reading the rest of the archive.
    break;
  }
  if (resumeAfter === null || !reopen) return;
  stream.destroy();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(reopen());
  const rows: SourceRow[] = [];
  workbook.worksheets[0]?.eachRow((row, number) => {
    if (number > resumeAfter!) rows.push({ number, cells: cellsOf(row.values as unknown[]) });
  });
  yield* rows;
}
