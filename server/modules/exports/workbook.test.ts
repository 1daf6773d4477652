/**
 * The xlsx writer streams: with a row source that answers at once (as better-sqlite3 does: every batch settles as a
 * microtask), bytes reach the reply while later batches are still to be read, and the file reads back whole; and it
 * does not pile the sheet up in front of the zip.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { spreadsheetStream, ZIP_BACKLOG_BYTES, zipCaughtUp } from './workbook.js';

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

describe('xlsx export memory', () => {
  // The queue exceljs' worksheet stream feeds into the zip (the same internals zipCaughtUp reads).
  const backlog = (ws: ExcelJS.Worksheet) => {
    const q = (ws as unknown as { stream: { pipes: Array<{ _readableState: { length: number }; _writableState: { length: number } }> } }).stream.pipes[0];
    return q._readableState.length + q._writableState.length;
  };
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };

  it('waits while more sheet XML than the bound is queued in front of the zip, until the zip reads it or the reply closes', async () => {
    for (const ending of ['read', 'closed'] as const) {
      const out = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const ws = workbook.addWorksheet('deals');
      ws.columns = [{ header: 'id', key: 'id' }, { header: 'title', key: 'title' }];
      // Nothing reads the reply, so the zip stops taking XML and committed rows pile up in the queue.
      for (let i = 0; backlog(ws) <= 2 * ZIP_BACKLOG_BYTES; i++) ws.addRow([`deal-${i}`, `商机 ${i} 监护仪采购与安装调试，含三年维保与培训`.repeat(4)]).commit();
      let done = false;
      const waiting = zipCaughtUp(ws, out).then(() => (done = true));
      await turns(50);
      expect(done).toBe(false);
      if (ending === 'read') out.resume();
      else out.destroy();
      await waiting;
      if (ending === 'read') expect(backlog(ws)).toBeLessThanOrEqual(ZIP_BACKLOG_BYTES);
    }
  });
});
