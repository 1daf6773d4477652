import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, normalizeCreditCode, normalizePhone, toHalfWidth } from './normalize.js';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['+86 13800138000', '13800138000'],
    ['0086 138 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['＋８６ １３８－００１３－８０００', '13800138000'],
    ['(+86)138-0013-8000', '13800138000'],
    ['021-6234 5678', '02162345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
  it('has no key without digits', () => {
    expect(normalizePhone('无')).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });
});

describe('normalizeCompanyName', () => {
  const key = '杭州康捷医疗科技';
  it.each([
    '杭州康捷医疗科技有限公司',
    '杭州康捷医疗科技（有限公司）',
    '杭州康捷医疗科技(有限公司)',
    '杭州 康捷医疗科技 有限 公司',
    '杭州康捷医疗科技有限责任公司',
    '杭州康捷医疗科技股份有限公司',
    '杭州康捷医疗科技公司',
    '杭州康捷医疗科技集团有限公司',
    '杭州康捷医疗科技集团',
    '　杭州康捷医疗科技有限公司　',
    '杭州康捷医疗科技',
  ])('%s → 杭州康捷医疗科技', (input) => {
    expect(normalizeCompanyName(input)).toBe(key);
  });
  it('folds full-width latin letters and case', () => {
    expect(normalizeCompanyName('ＡＢＣ医疗有限公司')).toBe('abc医疗');
    expect(normalizeCompanyName('abc医疗有限公司')).toBe('abc医疗');
    expect(normalizeCompanyName('Kangjie Medical Co., Ltd.')).toBe('kangjiemedical');
    expect(normalizeCompanyName('KANGJIE MEDICAL CO.,LTD')).toBe('kangjiemedical');
  });
  it('keeps what tells companies apart', () => {
    expect(normalizeCompanyName('杭州康捷医疗科技分公司')).toBe('杭州康捷医疗科技分公司');
    expect(normalizeCompanyName('上海康捷医疗科技有限公司')).not.toBe(key);
    expect(normalizeCompanyName('有限公司')).not.toBeNull();
    expect(normalizeCompanyName('  ')).toBeNull();
  });
});

describe('normalizeCreditCode', () => {
  it('upper-cases and drops spaces', () => {
    expect(normalizeCreditCode(' 91330100 ma2abcde1x ')).toBe('91330100MA2ABCDE1X');
    expect(normalizeCreditCode('９１３３０１００ＭＡ２ＡＢＣＤＥ１Ｘ')).toBe('91330100MA2ABCDE1X');
    expect(normalizeCreditCode('')).toBeNull();
  });
  it('toHalfWidth maps the ideographic space', () => {
    expect(toHalfWidth('Ａ　１')).toBe('A 1');
  });
});
