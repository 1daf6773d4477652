import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_MESSAGES, FIELD_MESSAGES, REASON_MESSAGES, RECORD_NAMES, pickLang, type Msg } from '../../shared/messages.js';
import { AppError, ERROR_CATALOGUE, invalid, notFound } from './errors.js';
import { coded, fieldErrorsOf } from './validation.js';

const CJK = /[\u4e00-\u9fff]/;
const placeholders = (text: string, dropEn = false) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => (dropEn ? m[1].replace(/En$/, '') : m[1])).sort();

function checkCatalogue(name: string, catalogue: Record<string, Msg>) {
  for (const [key, msg] of Object.entries(catalogue)) {
    const where = `${name}.${key}`;
    expect(msg.zh.trim(), where).not.toBe('');
    expect(msg.en.trim(), where).not.toBe('');
    expect(msg.zh, `${where} is Chinese`).toMatch(CJK);
    // Both languages name the same parameters (an English-only variant is spelt `{xEn}`).
    expect(placeholders(msg.en, true), where).toEqual(placeholders(msg.zh));
  }
}

describe('error message catalogue', () => {
  it('has a Chinese and an English text for every error code, field code, reason and record name', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual(Object.keys(ERROR_CATALOGUE).sort());
    checkCatalogue('ERROR_MESSAGES', ERROR_MESSAGES);
    checkCatalogue('FIELD_MESSAGES', FIELD_MESSAGES);
    checkCatalogue('REASON_MESSAGES', REASON_MESSAGES);
    checkCatalogue('RECORD_NAMES', RECORD_NAMES);
  });

  it('renders bodies in the requested language, keeping the stable codes', () => {
    const error = invalid('ownerId', 'not_found_user');
    expect(error.toBody('zh').error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'ownerId：没有该在职用户',
      fields: [{ field: 'ownerId', code: 'not_found_user', message: '没有该在职用户' }],
    });
    expect(error.toBody('en').error.fields).toEqual([{ field: 'ownerId', code: 'not_found_user', message: 'no such active user' }]);
    expect(notFound('Deal').toBody('zh').error).toMatchObject({ code: 'NOT_FOUND', reason: 'not_found', message: '商机不存在', params: { what: 'Deal' } });
    expect(notFound('Deal').message).toBe('Deal not found');
    expect(new AppError('FORBIDDEN').toBody('zh').error.message).toBe('您无权执行此操作');
    // Free English text from a caller without a reason code never reaches a Chinese reader.
    expect(new AppError('INVALID_STATE', 'Some English detail').toBody('zh').error.message).toBe('记录当前的状态不允许此操作');
  });

  it('picks Chinese unless English is preferred', () => {
    expect(pickLang(undefined)).toBe('zh');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(pickLang('en;q=0.5,zh;q=0.8')).toBe('zh');
    expect(pickLang('fr-FR')).toBe('zh');
  });
});

describe('zod issues → field codes', () => {
  const schema = z.object({
    name: z.string().trim().min(1).max(5),
    code: z.string().min(3),
    count: z.number().int().min(1).max(9),
    kind: z.enum(['a', 'b']),
    email: z.string().email(),
    tags: z.array(z.string()).max(1),
    phone: z.string().refine(() => false, coded('phone_invalid', { min: 7, max: 20 })),
    other: z.string().refine(() => false, 'free English text'),
  });
  const errorsFor = (input: Record<string, unknown>) =>
    Object.fromEntries(fieldErrorsOf(schema.safeParse(input).error!.issues, '', input).map((f) => [f.field, { code: f.code, params: f.params, detail: f.detail }]));

  it('maps each issue to a stable code with its parameters', () => {
    const errors = errorsFor({ name: '', code: 'x', count: 10, kind: 'c', email: 'no', tags: ['a', 'b'], phone: '1', other: 'x' });
    expect(errors).toEqual({
      name: { code: 'required' },
      code: { code: 'too_short', params: { min: 3 } },
      count: { code: 'too_large', params: { max: 9 } },
      kind: { code: 'unknown_value', params: { values: 'a, b' } },
      email: { code: 'invalid_email' },
      tags: { code: 'too_many', params: { max: 1 } },
      phone: { code: 'phone_invalid', params: { min: 7, max: 20 }, detail: 'must have 7 to 20 digits' },
      other: { code: 'invalid', detail: 'free English text' },
    });
  });

  it('calls a missing value required and a wrong one invalid_type', () => {
    const errors = errorsFor({ name: 'ok', code: 12, count: 1, kind: 'a', email: 'a@b.cn', tags: [], other: 'x' });
    expect(errors.phone.code).toBe('required');
    expect(errors.code.code).toBe('invalid_type');
  });
});
