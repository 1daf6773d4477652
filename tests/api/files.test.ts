import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { newId } from '../../server/core/ids.js';
import { setupTestApp, type TestContext } from '../support/app.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake png body')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; field?: string }) {
  const boundary = `----actionflow${newId()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('attachments', () => {
  let t: TestContext;
  let filesDir: string;
  const ids: Record<string, string> = {};

  const upload = async (username: string, fields: Record<string, string>, file?: { name: string; content: Buffer; field?: string }) =>
    (await t.as(username))({ method: 'POST', url: '/api/attachments', ...multipart(fields, file) });

  beforeAll(async () => {
    t = await setupTestApp();
    filesDir = t.config.filesDir;
    const a = await t.as('seller_a');
    ids.custA = (await a({ method: 'POST', url: '/api/customers', payload: { name: '上海瑞金医院' } })).json().id;
    ids.custB = (await (await t.as('seller_b'))({ method: 'POST', url: '/api/customers', payload: { name: '广州医疗器械公司' } })).json().id;
    ids.activityA = (await a({ method: 'POST', url: '/api/activities', payload: { customerId: ids.custA, summary: '拜访' } })).json().id;
    const now = t.clock.now().toISOString();
    const pipelineId = newId();
    await t.db.insertInto('pipelines').values({ id: pipelineId, key: 'b2b', name: 'B2B', name_en: null, template_key: null, definition: '{}', version: 1, archived: 0, created_at: now, updated_at: now }).execute();
    const owner = await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    ids.dealA = newId();
    await t.db
      .insertInto('deals')
      .values({ id: ids.dealA, title: '瑞金 DR', customer_id: ids.custA, pipeline_id: pipelineId, stage_key: 's1', status: 'open', owner_id: t.org.users.sellerA.id, team_path: owner.team_path, amount_fen: 0, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now })
      .execute();
  });
  afterAll(async () => t?.close());

  it('stores an upload content-addressed and serves it back with a UTF-8 safe filename', async () => {
    const res = await upload('seller_a', { entity: 'deal', entityId: ids.dealA, kind: 'trial_agreement' }, { name: '试用协议.pdf', content: PDF });
    expect(res.statusCode, res.body).toBe(201);
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(res.json()).toMatchObject({ entity: 'deal', entityId: ids.dealA, kind: 'trial_agreement', filename: '试用协议.pdf', mime: 'application/pdf', size: PDF.length, sha256: sha, uploadedBy: { id: t.org.users.sellerA.id } });
    const row = await t.db.selectFrom('attachments').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ entity: 'deal', entity_id: ids.dealA, kind: 'trial_agreement' });

    const download = await (await t.as('seller_a'))({ method: 'GET', url: res.json().url });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('试用协议.pdf')}`);
    expect(String(download.headers['content-disposition'])).toMatch(/^inline; filename="[\x20-\x7e]+"/);

    const audit = (await (await t.as('admin'))({ method: 'GET', url: `/api/audit?entity=attachment&id=${res.json().id}` })).json().items;
    expect(audit[0]).toMatchObject({ action: 'create', after: { kind: 'trial_agreement', sha256: sha } });
  });

  it('writes the file under filesDir/ab/cd/<sha> and keeps no temp files', async () => {
    const content = Buffer.from('姓名,电话\n王,138\n');
    const res = await upload('seller_a', { entity: 'customer', entityId: ids.custA }, { name: '联系人.csv', content });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().kind).toBe('other');
    const sha = res.json().sha256;
    expect(sha).toBe(createHash('sha256').update(content).digest('hex'));
    const root = filesDir;
    const path = join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).equals(content)).toBe(true);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('lists attachments of a record in scope only', async () => {
    await upload('seller_a', { entity: 'activity', entityId: ids.activityA, kind: 'site_photo' }, { name: 'IMG_0001.png', content: PNG });
    const seller = await t.as('seller_a');
    const list = (await seller({ method: 'GET', url: `/api/attachments?entity=deal&entityId=${ids.dealA}` })).json();
    expect(list.total).toBe(1);
    expect(list.items[0].kind).toBe('trial_agreement');
    expect((await seller({ method: 'GET', url: `/api/attachments?entity=activity&entityId=${ids.activityA}` })).json().items[0].mime).toBe('image/png');
    const sellerB = await t.as('seller_b');
    expect((await sellerB({ method: 'GET', url: `/api/attachments?entity=deal&entityId=${ids.dealA}` })).statusCode).toBe(404);
    expect((await (await t.as('lead_east1'))({ method: 'GET', url: `/api/attachments?entity=deal&entityId=${ids.dealA}` })).json().total).toBe(1);
  });

  it('serves content only to users whose scope covers the owning record', async () => {
    const res = await upload('seller_a', { entity: 'customer', entityId: ids.custA }, { name: 'photo.png', content: PNG });
    const url = res.json().url;
    expect((await (await t.as('seller_b'))({ method: 'GET', url })).statusCode).toBe(404);
    expect((await (await t.as('seller_a2'))({ method: 'GET', url })).statusCode).toBe(404);
    expect((await (await t.as('lead_east1'))({ method: 'GET', url })).statusCode).toBe(200);
    expect((await (await t.as('rm_east'))({ method: 'GET', url })).statusCode).toBe(200);
    expect((await (await t.as('support'))({ method: 'GET', url })).statusCode).toBe(200);
    expect((await (await t.as('seller_a'))({ method: 'GET', url: '/api/attachments/nope/content' })).statusCode).toBe(404);
  });

  it('refuses uploads to records outside the scope with 404 and writes nothing', async () => {
    const before = await t.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const [entity, entityId] of [['customer', ids.custB], ['deal', 'ghost'], ['activity', ids.activityA]] as const) {
      const res = await upload('seller_b', { entity, entityId }, { name: 'a.pdf', content: PDF });
      expect(res.statusCode, `${entity} ${entityId}`).toBe(entity === 'customer' ? 201 : 404);
      if (res.statusCode === 404) expect(res.json().error.fields[0].field).toBe('entityId');
    }
    const after = await t.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('refuses files over the size limit with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await upload('seller_a', { entity: 'customer', entityId: ids.custA }, { name: 'big.pdf', content: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(readdirSync(join(filesDir, 'tmp'))).toEqual([]);
  });

  it('refuses unlisted types and content that lies about its extension with 415', async () => {
    for (const file of [
      { name: 'setup.exe', content: Buffer.from([0x4d, 0x5a, 0x90, 0x00]) },
      { name: 'photo.png', content: Buffer.from('<html><script>alert(1)</script>') },
      { name: 'contract.pdf', content: PNG },
      { name: 'page.html', content: Buffer.from('<html></html>') },
    ]) {
      const res = await upload('seller_a', { entity: 'customer', entityId: ids.custA }, file);
      expect(res.statusCode, file.name).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ field: 'file' }] });
    }
    expect(readdirSync(join(filesDir, 'tmp'))).toEqual([]);
  });

  it.each([
    [{ entityId: 'x' }, true, 'entity'],
    [{ entity: 'invoice', entityId: 'x' }, true, 'entity'],
    [{ entity: 'customer' }, true, 'entityId'],
    [{ entity: 'customer', entityId: ':custA', kind: 'Trial Agreement' }, true, 'kind'],
    [{ entity: 'customer', entityId: ':custA' }, false, 'file'],
  ])('upload fields %j (file: %s) → 400 naming %s', async (fields, withFile, field) => {
    const resolved = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === ':custA' ? ids.custA : v]));
    const res = await upload('seller_a', resolved, withFile ? { name: 'a.pdf', content: PDF } : undefined);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a non-multipart body, a second file and bad list queries', async () => {
    const seller = await t.as('seller_a');
    const json = await seller({ method: 'POST', url: '/api/attachments', payload: { entity: 'customer', entityId: ids.custA } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.fields[0].field).toBe('content-type');
    const wrongField = await upload('seller_a', { entity: 'customer', entityId: ids.custA }, { name: 'a.pdf', content: PDF, field: 'document' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.fields[0].field).toBe('file');
    const badList = await seller({ method: 'GET', url: '/api/attachments?entity=invoice&entityId=x' });
    expect(badList.statusCode).toBe(400);
    expect(badList.json().error.fields[0].field).toBe('entity');
  });
});
