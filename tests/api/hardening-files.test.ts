import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { multipart } from '../support/imports.js';

/**
 * Issue 14, defect 8 (attachments): a served file runs nothing (sandboxing content security policy, no MIME
 * sniffing), and a stored file name cannot disguise its type with bidirectional control characters.
 */
describe('hardening: attachments', () => {
  let t: TestContext;
  let seller: Requester;
  let customerId: string;
  beforeAll(async () => {
    t = await setupTestApp();
    seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '附件加固医院' } })).json().id;
  });
  afterAll(async () => t?.close());

  const upload = (name: string, content: Buffer) => seller({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'customer', entityId: customerId }, { name, content }) });

  it('strips bidirectional overrides and isolates from a stored file name ("invoice\\u202Efdp.exe" shows as …exe.pdf)', async () => {
    const res = await upload('invoice\u202Efdp.pdf\u2066\u200f', Buffer.from('%PDF-1.7\n%%EOF\n'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filename).toBe('invoicefdp.pdf');
    const row = await t.db.selectFrom('attachments').select('filename').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.filename).toBe('invoicefdp.pdf');
    expect(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(row.filename)).toBe(false);
  });

  it('serves a PDF inline only inside a sandbox with no scripts, and forbids MIME sniffing', async () => {
    const created = (await upload('报价单.pdf', Buffer.from('%PDF-1.7\n<script>alert(1)</script>\n%%EOF\n'))).json();
    const res = await seller({ method: 'GET', url: `/api/attachments/${created.id}/content` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const csp = String(res.headers['content-security-policy']).split(';').map((d) => d.trim());
    expect(csp).toContain('sandbox');
    expect(csp).toContain("default-src 'none'");
    expect(csp.some((d) => d.startsWith('script-src'))).toBe(false);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
