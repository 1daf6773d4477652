/**
 * Issue 9: a work order's helper usually sits in another department than the requester, outside the requester's
 * scope. They see the order, so they may also attach files to it and read them; someone who does not take part
 * still gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { addPresales, addType } from '../support/workorders.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = `----actionflow${newId()}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('work-order attachments across departments', () => {
  let t: TestContext;
  let orderId: string;

  beforeAll(async () => {
    t = await setupTestApp();
    await addPresales(t);
    await addType(t, { key: 'presales', name: '售前支持', nameEn: 'Presales', team: '售前支持部', response: '4bh', resolution: '8bh', warnShare: 0.75 });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '附件测试医院' } })).json().id;
    const order = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'customer', id: customerId }, title: '需要方案附件' } });
    expect(order.statusCode, order.body).toBe(201);
    orderId = order.json().id;
  });
  afterAll(async () => t?.close());

  it('the helper attaches a file to the order and the requester reads it; an outsider gets 404', async () => {
    const helper = await t.as('presales_1');
    const up = await helper({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'work_order', entityId: orderId }, { name: '技术方案.pdf', content: PDF }) });
    expect(up.statusCode, up.body).toBe(201);
    const seller = await t.as('seller_a');
    const listed = await seller({ method: 'GET', url: `/api/attachments?entity=work_order&entityId=${orderId}` });
    expect(listed.json().items.map((a: { filename: string }) => a.filename)).toEqual(['技术方案.pdf']);
    expect((await helper({ method: 'GET', url: `/api/attachments?entity=work_order&entityId=${orderId}` })).statusCode).toBe(200);
    expect((await helper({ method: 'GET', url: `/api/attachments/${up.json().id}/content` })).statusCode).toBe(200);
    // seller_b (another region, not a helper) neither sees nor attaches.
    const outsider = await t.as('seller_b');
    expect((await outsider({ method: 'GET', url: `/api/attachments?entity=work_order&entityId=${orderId}` })).statusCode).toBe(404);
    expect((await outsider({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'work_order', entityId: orderId }, { name: 'x.pdf', content: PDF }) })).statusCode).toBe(404);
  });
});
