/**
 * The xlsx writer streams: with a row source that answers at once (as better-sqlite3 does: every batch settles as a
 * microtask), bytes reach the reply while later batches are still to be read, and the file reads back whole.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { spreadsheetStream } from './workbook.js';

describe('xlsx export streaming', () => {
  it('sends bytes before the last batch is read, and the workbook reads back complete', async () => {
    const BATCHES = 40;
    const PER = 1000;
    let sent = 0;
    const sentWhenAsked: number[] = [];
    async function* rows() {
      for (let b = 0; b < BATCHES; b++) {
        sentWhenAsked.push(sent);
        yield Array.from({ length: PER }, (_, i) => ({ id: `deal-${b}-${i}`, title: `商机 ${b * PER + i} 监护仪采购与安装调试`, amount: (b * PER + i) * 100 }));
      }
    }
    const out = spreadsheetStream('xlsx', [{ name: 'deals', columns: [{ key: 'id', header: 'id' }, { key: 'title', header: '名称' }, { key: 'amount', header: '金额' }], rows: rows() }], (err) => {
      throw err;
    });
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      chunks.push(chunk);
    });
    await new Promise<void>((resolve, reject) => {
      out.on('end', () => resolve());
      out.on('error', reject);
    });
    expect(sentWhenAsked).toHaveLength(BATCHES);
    // Without a turn of the event loop between batches only the zip's first header (49 bytes) was out before every
    // row had been written; now the sheet flows while it is read.
    expect(sentWhenAsked[BATCHES - 1]).toBeGreaterThan(10_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as never);
    const ws = wb.getWorksheet('deals')!;
    expect(ws.rowCount).toBe(BATCHES * PER + 1);
    expect(ws.getRow(BATCHES * PER + 1).getCell(1).value).toBe(`deal-${BATCHES - 1}-${PER - 1}`);
  });
});
