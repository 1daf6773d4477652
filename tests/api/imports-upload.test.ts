/**
 * The upload's manual override of the detected format and encoding, refused when it cannot be right (a workbook read
 * as CSV, a GBK file read as UTF-8: the field named, zh/en), a mapping longer than the file, a seller naming an owner
 * outside their scope, owners by display name, and the worker taking over an import whose process died mid-commit
 * (both databases).
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../server/core/http.js';
import { importResumeJob } from '../../server/modules/imports/job.js';
import { startCommit } from '../../server/modules/imports/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { multipart, runImport, xlsx } from '../support/imports.js';

const GBK = iconv.encode('客户名称,手机号\n杭州甲公司,13800138001\n', 'gb18030');

describe('imports: upload overrides and resume on start', () => {
  let t: TestContext;
  let admin: Requester;
  const upload = (fields: Record<string, string>, name: string, content: Buffer, lang = 'zh') => {
    const body = multipart(fields, { name, content });
    return admin({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, 'accept-language': lang } });
  };
  const fieldsOf = (res: { json(): { error: { fields: Array<{ field: string; code: string; message: string }> } } }) => res.json().error.fields.map((f) => [f.field, f.code, f.message]);

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await t.as('admin');
  });
  afterAll(async () => t?.close());

  it('takes the chosen encoding, and refuses one under which the headers come out garbled or a format the file is not', async () => {
    const forced = await upload({ encoding: 'gb18030' }, 'gbk.csv', GBK);
    expect(forced.statusCode, forced.body).toBe(201);
    expect(forced.json().import).toMatchObject({ format: 'csv', encoding: 'gb18030', headers: ['客户名称', '手机号'] });

    const garbled = await upload({ encoding: 'utf8' }, 'gbk.csv', GBK);
    expect(garbled.statusCode).toBe(400);
    expect(fieldsOf(garbled)).toEqual([['encoding', 'import_encoding_garbled', '按 utf8 编码读取时表头出现乱码（�）；请换一种编码（UTF-8 或 GBK/GB18030）']]);
    const en = await upload({ encoding: 'utf8' }, 'gbk.csv', GBK, 'en');
    expect(fieldsOf(en)[0][2]).toBe('read as utf8, the headers come out garbled (�); choose another encoding (UTF-8 or GBK/GB18030)');

    const workbook = await upload({ format: 'csv' }, 'a.xlsx', await xlsx([['客户名称'], ['甲公司']]));
    expect(workbook.statusCode).toBe(400);
    expect(fieldsOf(workbook)).toEqual([['format', 'import_format_mismatch', '文件内容是 xlsx，不能按所选格式读取']]);
    expect(fieldsOf(await upload({ encoding: 'latin1' }, 'gbk.csv', GBK))[0].slice(0, 2)).toEqual(['encoding', 'unknown_value']);
    expect(await t.db.selectFrom('imports').select('id').where('file_name', '=', 'a.xlsx').execute()).toEqual([]);
  });

  it('takes an import file larger than the attachment limit, up to its own limit (ACTIONFLOW_MAX_IMPORT_BYTES)', async () => {
    // The test app allows 1 MB attachments and 2 MB imports; a 100,000-row GBK CSV is ~32 MB against 20 / 200 MB.
    const rows = (bytes: number) => {
      const line = '杭州甲公司,13800138001\n';
      return Buffer.concat([Buffer.from('客户名称,手机号\n'), Buffer.from(line.repeat(Math.ceil(bytes / Buffer.byteLength(line))))]);
    };
    const big = rows(1.5 * 1024 * 1024);
    const attachment = multipart({ entity: 'customer', entityId: 'none' }, { name: 'big.csv', content: big });
    const refusedAsAttachment = await admin({ method: 'POST', url: '/api/attachments', payload: attachment.payload, headers: attachment.headers });
    expect(refusedAsAttachment.statusCode).toBe(413);

    const accepted = await upload({}, 'big.csv', big);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().import).toMatchObject({ format: 'csv', headers: ['客户名称', '手机号'] });

    const tooBig = await upload({}, 'huge.csv', rows(2.5 * 1024 * 1024));
    expect(tooBig.statusCode).toBe(413);
    expect(fieldsOf(tooBig)).toEqual([['file', 'file_too_large', `文件不能超过 ${2 * 1024 * 1024} 字节`]]);
    expect(await t.db.selectFrom('imports').select('id').where('file_name', '=', 'huge.csv').execute()).toEqual([]);
  });

  it('a mapping with more entries than the file has columns names the count of columns', async () => {
    const up = (await upload({}, 'gbk.csv', GBK)).json();
    const res = await admin({ method: 'POST', url: `/api/imports/${up.import.id}/dry-run`, payload: { mapping: ['name', 'phone', null] } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['mapping', 'too_many', '最多 2 项']]);
  });

  it('a seller may name only owners in their scope: another seller is an error row with its code, never written', async () => {
    const seller = await t.as('seller_a');
    const csv = Buffer.from('客户名称,手机号,负责人\n丽水甲公司,13800138121,seller_a\n丽水乙公司,13800138122,seller_b\n');
    const flow = await runImport(seller, { name: 'ls.csv', content: csv });
    expect(flow.commit!.result).toMatchObject({ created: 1, errors: 1 });
    const rows = (await seller({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=error` })).json();
    expect(rows.items.map((r: { row: number; problems: Array<{ column: string; code: string; message: string }> }) => [r.row, r.problems.map((p) => [p.column, p.code, p.message])])).toEqual([
      [3, [['负责人', 'owner_out_of_scope', '您不能把客户分配给“seller_b”']]],
    ]);
    expect((await t.db.selectFrom('customers').select('owner_id').where('name', 'like', '丽水%').execute()).map((c) => c.owner_id)).toEqual([t.org.users.sellerA.id]);
  });

  it('owners by display name: a unique one resolves, one two users share is owner_ambiguous', async () => {
    const rename = (id: string, name: string) => t.db.updateTable('users').set({ display_name: name }).where('id', '=', id).execute();
    await rename(t.org.users.sellerA.id, '王磊');
    await rename(t.org.users.leadEast1.id, '陈静');
    await rename(t.org.users.sellerB.id, '陈静');
    const csv = Buffer.from('客户名称,手机号,负责人\n湖州甲公司,13800138131,王磊\n湖州乙公司,13800138132,陈静\n');
    const flow = await runImport(admin, { name: 'hz.csv', content: csv });
    expect(flow.commit!.result).toMatchObject({ created: 1, errors: 1 });
    const rows = (await admin({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=error` })).json();
    expect(rows.items.map((r: { row: number; problems: Array<{ code: string; message: string }> }) => [r.row, r.problems.map((p) => [p.code, p.message])])).toEqual([[3, [['owner_ambiguous', '有多个用户名为“陈静”，请填写用户名']]]]);
    expect((await t.db.selectFrom('customers').select('owner_id').where('name', '=', '湖州甲公司').executeTakeFirstOrThrow()).owner_id).toBe(t.org.users.sellerA.id);
  });

  it('the worker resumes an import whose process died between batches once its lease runs out, without duplicates', async () => {
    const rows = [['客户名称', '手机号', '负责人']];
    for (let i = 0; i < 5; i++) rows.push([`嘉兴续传${i}号公司`, `1380013811${i}`, 'seller_a']);
    const id = (await runImport(admin, { name: 'jx.xlsx', content: await xlsx(rows) }, { dryOnly: true })).upload.import.id;
    const deps = { db: t.db, clock: t.clock, config: t.config };
    const actor = { id: t.org.users.admin.id, username: 'admin', displayName: 'admin', role: 'admin' as const, teamId: '', teamPath: '' };
    await expect(startCommit(deps, actor, id, { wait: true }, { batchSize: 2, afterBatch: () => Promise.reject(new Error('killed')) })).rejects.toThrow('killed');
    // As kill -9 leaves it: still committing, the dead process's lease not yet run out.
    await t.db.updateTable('imports').set({ status: 'committing', error: null, lease_until: new Date(t.clock.now().getTime() + 60_000).toISOString() }).where('id', '=', id).execute();
    const named = () => t.db.selectFrom('customers').select('id').where('name', 'like', '嘉兴续传%').execute();
    expect(await named()).toHaveLength(2);
    const job = () => importResumeJob.pass!({ ...deps, dialect: t.dialect } as Deps);
    expect((await job()).did).toBe(0);
    t.clock.advance(3 * 60_000);
    expect((await job()).fired).toEqual([{ kind: 'import.resume', at: t.clock.now().toISOString(), subject: { type: 'import', id } }]);
    expect(await named()).toHaveLength(5);
    expect((await admin({ method: 'GET', url: `/api/imports/${id}` })).json()).toMatchObject({ status: 'committed', appliedRows: 5, result: { created: 5 } });
    expect((await job()).did).toBe(0);
  });
});
