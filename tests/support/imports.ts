/** Helpers of the import tests: spreadsheets built with exceljs, multipart uploads, valid credit codes. */
import ExcelJS from 'exceljs';
import { newId } from '../../server/core/ids.js';
import { creditCodeCheckOk } from '../../server/modules/customers/rules.js';
import type { Requester } from './app.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A unified social credit code with the right GB 32100-2015 check character for `n`. */
export function creditCode(n: number): string {
  const body = `913301${String(n).padStart(11, '0')}`;
  for (const c of ALPHABET) if (creditCodeCheckOk(body + c)) return body + c;
  throw new Error('no check character');
}

export async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = `----actionflow${newId()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface ImportFlow {
  upload: { import: { id: string; format: string; encoding: string | null; headers: string[] }; suggested: Array<string | null>; preview: Array<{ row: number; cells: string[] }> };
  dry: { status: string; counts: Record<string, number>; totalRows: number };
  commit?: { status: string; result: Record<string, number> };
}

/** Upload → dry run (suggested mapping unless given) → commit unless `dryOnly`; every step must answer 2xx. */
export async function runImport(
  as: Requester,
  file: { name: string; content: Buffer },
  options: { mapping?: Array<string | null>; options?: Record<string, unknown>; dryOnly?: boolean; fields?: Record<string, string> } = {},
): Promise<ImportFlow> {
  const up = await as({ method: 'POST', url: '/api/imports', ...multipart(options.fields ?? {}, file) });
  if (up.statusCode !== 201) throw new Error(`upload ${up.statusCode} ${up.body}`);
  const upload = up.json();
  const dryRes = await as({ method: 'POST', url: `/api/imports/${upload.import.id}/dry-run`, payload: { mapping: options.mapping ?? upload.suggested, options: options.options ?? {}, wait: true } });
  if (dryRes.statusCode !== 200) throw new Error(`dry run ${dryRes.statusCode} ${dryRes.body}`);
  const dry = dryRes.json();
  if (options.dryOnly) return { upload, dry };
  const commitRes = await as({ method: 'POST', url: `/api/imports/${upload.import.id}/commit`, payload: { wait: true } });
  if (commitRes.statusCode !== 200) throw new Error(`commit ${commitRes.statusCode} ${commitRes.body}`);
  return { upload, dry, commit: commitRes.json() };
}
