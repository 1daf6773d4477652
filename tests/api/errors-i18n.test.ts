import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/** Error bodies speak the caller's language (Chinese by default) and always carry stable codes. */
describe('error messages in the user’s language', () => {
  let t: TestContext;
  let lead: Requester;
  const post = (payload: Record<string, unknown>, lang?: string) =>
    lead({ method: 'POST', url: '/api/customers', payload, ...(lang ? { headers: { 'accept-language': lang } } : {}) });

  beforeAll(async () => {
    t = await setupTestApp();
    lead = await t.as('lead_east1');
  });
  afterAll(async () => t?.close());

  it('tells a Chinese user in Chinese that the owner does not exist, and an English user in English', async () => {
    const zh = await post({ name: '杭州第一医院', ownerId: 'no-such-user' }, 'zh-CN,zh;q=0.9');
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'ownerId：没有该在职用户',
      fields: [{ field: 'ownerId', code: 'not_found_user', message: '没有该在职用户' }],
    });
    const en = await post({ name: '杭州第一医院', ownerId: 'no-such-user' }, 'en-US,en;q=0.9');
    expect(en.json().error.fields).toEqual([{ field: 'ownerId', code: 'not_found_user', message: 'no such active user' }]);
  });

  it('answers a 5-digit phone with the digit range in Chinese when no language is asked for', async () => {
    const res = await post({ name: '杭州第二医院', phone: '12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { field: 'phone', code: 'phone_invalid', params: { min: 7, max: 15 }, message: '须为 7 到 15 位数字的电话号码' },
    ]);
    expect(await t.db.selectFrom('customers').select('id').where('name', '=', '杭州第二医院').execute()).toHaveLength(0);
  });

  it('codes schema failures: a missing name is required, an unknown kind lists the allowed values', async () => {
    const res = await post({ kind: 'robot' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields).toContainEqual({ field: 'name', code: 'required', message: '必填' });
    expect(fields).toContainEqual({ field: 'kind', code: 'unknown_value', params: { values: 'company, person' }, message: '须为以下之一：company, person' });
  });

  it('names the expected format of a pattern check in Chinese, and in English when asked', async () => {
    const admin = await t.as('admin');
    const field = await admin({ method: 'POST', url: '/api/custom-fields', payload: { entity: 'customer', key: 'Hospital Grade', label: '医院等级', type: 'text' } });
    expect(field.statusCode).toBe(400);
    expect(field.json().error.fields).toEqual([{ field: 'key', code: 'key_format', message: '须以小写字母开头，只能包含小写字母、数字和 _' }]);
    expect(field.json().error.message).toBe('key：须以小写字母开头，只能包含小写字母、数字和 _');
    const month = await admin({ method: 'GET', url: '/api/callbacks?month=2026-13', headers: { 'accept-language': 'en' } });
    expect(month.statusCode).toBe(400);
    expect(month.json().error.fields).toEqual([{ field: 'month', code: 'month_format', message: 'must be a month YYYY-MM' }]);
    expect((await admin({ method: 'GET', url: '/api/callbacks?month=2026-13' })).json().error.fields[0].message).toBe('须为月份 YYYY-MM，例如 2026-11');
  });

  it('translates reasons and record names: a missing customer is 客户不存在', async () => {
    const res = await lead({ method: 'GET', url: '/api/customers/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', reason: 'not_found', params: { what: 'Customer' }, message: '客户不存在' });
    const en = await lead({ method: 'GET', url: '/api/customers/nope', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('Customer not found');
  });
});
