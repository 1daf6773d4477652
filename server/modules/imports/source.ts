/**
 * Reading an import file as a stream of rows: .xlsx through exceljs' streaming reader (first worksheet, see
 * xlsx-reader.ts), .csv
 * through csv-parse, decoded from UTF-8 (with or without BOM) or GB18030 (what Chinese Excel writes for
 * "CSV (逗号分隔)"; a superset of GBK and GB2312) by iconv-lite. Format and encoding are detected from the first bytes
 * unless given. Nothing reads the whole file into memory.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import chardet from 'chardet';
import { cellText, type Cell } from './cells.js';
import { xlsxRows } from './xlsx-reader.js';

export type FileFormat = 'xlsx' | 'csv';
export type Encoding = 'utf8' | 'gb18030';

export interface SourceRow {
  /** Row number as the spreadsheet shows it (the header row is 1). */
  number: number;
  cells: Cell[];
}

const SAMPLE = 64 * 1024;

async function head(path: string, bytes = SAMPLE): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** xlsx is a zip (PK\3\4); everything else is treated as CSV text. */
export function detectFormat(first: Buffer): FileFormat {
  return first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04 ? 'xlsx' : 'csv';
}

/**
 * UTF-8 when there is a BOM or the sample decodes as valid UTF-8 (a multi-byte character cut at the sample's end
 * does not count against it); otherwise GB18030 — the sample is already not UTF-8, and chardet only confirms which
 * Chinese code page (all of GBK/GB2312 decode as GB18030).
 */
export function detectEncoding(sample: Buffer): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  let end = sample.length;
  // Back off to the last ASCII byte so a truncated trailing character is not mistaken for invalid UTF-8.
  while (end > 0 && end > sample.length - 4 && sample[end - 1]! >= 0x80) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf8';
  } catch {
    const guess = chardet.detect(sample);
    return guess && /^(utf-?8)$/i.test(guess) ? 'utf8' : 'gb18030';
  }
}

export async function sniff(path: string): Promise<{ format: FileFormat; encoding: Encoding | null }> {
  const first = await head(path);
  const format = detectFormat(first);
  return { format, encoding: format === 'csv' ? detectEncoding(first) : null };
}

async function* csvRows(stream: Readable, encoding: Encoding): AsyncGenerator<SourceRow> {
  const decoded = stream.pipe(iconv.decodeStream(encoding === 'utf8' ? 'utf8' : 'gb18030', { stripBOM: true }));
  const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  let number = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    number++;
    yield { number, cells: record.map((c) => (c === '' ? null : c)) };
  }
}

/** Every row of the file (header included) with its sheet row number; empty rows are skipped. */
export async function* readRows(path: string, format: FileFormat, encoding: Encoding | null, read?: { bytes: number }): AsyncGenerator<SourceRow> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    const rows = format === 'xlsx' ? xlsxRows(stream, () => createReadStream(path)) : csvRows(stream, encoding ?? 'utf8');
    for await (const row of rows) {
      // How far into the file the reader is: the progress of a phase whose row count is not known yet.
      if (read) read.bytes = stream.bytesRead;
      if (row.cells.every((c) => cellText(c) === '')) continue;
      yield row;
    }
  } finally {
    stream.destroy();
  }
}

/** The header row and the first `limit` data rows, as text, for the preview. */
export async function previewRows(path: string, format: FileFormat, encoding: Encoding | null, limit: number) {
  let headers: string[] | null = null;
  const rows: Array<{ number: number; cells: string[] }> = [];
  for await (const row of readRows(path, format, encoding)) {
    if (!headers) headers = row.cells.map((c) => cellText(c));
    else rows.push({ number: row.number, cells: row.cells.map((c) => cellText(c)) });
    if (rows.length >= limit) break;
  }
  return { headers: headers ?? [], rows };
}
