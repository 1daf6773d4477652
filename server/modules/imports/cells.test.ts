import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { creditCodeCheckOk } from '../customers/rules.js';
import { excelSerialToDate, parseAmountFen, parseCreditCode, parseDate, parsePhone } from './cells.js';
import { detectEncoding, detectFormat } from './source.js';
import { validateRow } from './validate.js';

describe('import cell normalisers', () => {
  it('refuses a row whose cell text came out garbled instead of writing U+FFFD', () => {
    const ctx = { headers: ['客户名称'], mapping: ['name' as const], customDefs: [], findUser: () => null, mayOwn: () => true, timeZone: 'Asia/Shanghai' };
    expect(validateRow(['杭州\uFFFD公司'], ctx).problems).toEqual([{ column: '客户名称', field: 'name', code: 'cell_garbled' }]);
    expect(validateRow(['杭州公司'], ctx)).toEqual({ record: { name: '杭州公司' }, problems: [] });
  });

  it('checks the GB 32100-2015 check character of unified social credit codes', () => {
    for (const valid of ['91350100M000100Y43', '91110000600037341L', '91440300708461136T']) expect(creditCodeCheckOk(valid)).toBe(true);
    // One character changed, two swapped: the check character no longer fits.
    expect(creditCodeCheckOk('91350100M000100Y44')).toBe(false);
    expect(creditCodeCheckOk('91530100M000100Y43')).toBe(false);
    expect(parseCreditCode(' 9135 0100-m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseCreditCode('91350100M000100Y44')).toMatchObject({ ok: false, code: 'credit_code_check' });
    expect(parseCreditCode('9135010')).toMatchObject({ ok: false, code: 'credit_code_length', params: { length: 7 } });
    expect(parseCreditCode('')).toEqual({ ok: true, value: null });
  });

  it('normalises phones (full-width, spaces, +86) and flags scientific notation instead of truncating', () => {
    expect(parsePhone('+86 138-0013-8000')).toEqual({ ok: true, value: { phone: '+86 138-0013-8000', normalized: '13800138000' } });
    expect(parsePhone('１３８ ００１３ ８０００')).toEqual({ ok: true, value: { phone: '138 0013 8000', normalized: '13800138000' } });
    expect(parsePhone(13800138000)).toEqual({ ok: true, value: { phone: '13800138000', normalized: '13800138000' } });
    expect(parsePhone('021-6234 5678')).toMatchObject({ ok: true, value: { normalized: '02162345678' } });
    expect(parsePhone('1.38E+10')).toEqual({ ok: false, code: 'phone_scientific', params: { value: '1.38E+10' } });
    expect(parsePhone('1.3800138E10')).toMatchObject({ ok: false, code: 'phone_scientific' });
    expect(parsePhone(1.38e10 + 0.5)).toMatchObject({ ok: false, code: 'phone_scientific' });
    expect(parsePhone('138001380')).toMatchObject({ ok: false, code: 'phone_mobile_length' });
    expect(parsePhone('call me')).toMatchObject({ ok: false, code: 'phone_format' });
    expect(parsePhone(null)).toEqual({ ok: true, value: null });
  });

  it('reads amounts in yuan into integer fen without floating-point drift', () => {
    expect(parseAmountFen('¥1,234.50')).toEqual({ ok: true, value: 123450 });
    expect(parseAmountFen('1,234.5元')).toEqual({ ok: true, value: 123450 });
    expect(parseAmountFen('￥1234')).toEqual({ ok: true, value: 123400 });
    expect(parseAmountFen('RMB 0.07')).toEqual({ ok: true, value: 7 });
    expect(parseAmountFen('1.5万')).toEqual({ ok: true, value: 1500000 });
    expect(parseAmountFen('-20')).toEqual({ ok: true, value: -2000 });
    expect(parseAmountFen(1234.5)).toEqual({ ok: true, value: 123450 });
    expect(parseAmountFen(0.29)).toEqual({ ok: true, value: 29 });
    expect(parseAmountFen('1.005')).toMatchObject({ ok: false, code: 'amount_precision' });
    expect(parseAmountFen('12,34')).toMatchObject({ ok: false, code: 'amount_invalid' });
    expect(parseAmountFen('about 5')).toMatchObject({ ok: false, code: 'amount_invalid' });
  });

  it('turns Excel serial dates into calendar dates across the 1900 leap-year bug', () => {
    expect(excelSerialToDate(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(excelSerialToDate(59)).toEqual({ ok: true, value: '1900-02-28' });
    // Day 60 is 1900-02-29, which never existed: refused rather than shifted.
    expect(excelSerialToDate(60)).toMatchObject({ ok: false, code: 'date_invalid' });
    expect(excelSerialToDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(excelSerialToDate(45597)).toEqual({ ok: true, value: '2024-11-01' });
    expect(excelSerialToDate(46331.75)).toEqual({ ok: true, value: '2026-11-05' });
    expect(parseDate(46331)).toEqual({ ok: true, value: '2026-11-05' });
    expect(parseDate('46331')).toEqual({ ok: true, value: '2026-11-05' });
  });

  it('reads text dates as people write them, and refuses impossible ones', () => {
    for (const text of ['2026-11-05', '2026/11/5', '2026.11.5', '2026年11月5日', '20261105', '2026-11-05 14:30']) expect(parseDate(text)).toEqual({ ok: true, value: '2026-11-05' });
    expect(parseDate(new Date(Date.UTC(2026, 10, 5)))).toEqual({ ok: true, value: '2026-11-05' });
    expect(parseDate('2026-02-30')).toMatchObject({ ok: false, code: 'date_invalid' });
    expect(parseDate('next week')).toMatchObject({ ok: false, code: 'date_invalid' });
  });

  it('detects xlsx by its zip signature and CSV encodings: UTF-8 with/without BOM, GBK/GB18030', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest'))).toBe('xlsx');
    expect(detectFormat(Buffer.from('客户名称,电话\n'))).toBe('csv');
    const text = '客户名称,手机号,统一社会信用代码\n杭州康捷医疗科技有限公司,13800138000,91350100M000100Y43\n';
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe('utf8');
    expect(detectEncoding(Buffer.from(text))).toBe('utf8');
    const gbk = iconv.encode(text, 'gbk');
    expect(detectEncoding(gbk)).toBe('gb18030');
    expect(iconv.decode(gbk, 'gb18030')).toBe(text);
    // A UTF-8 sample cut inside a multi-byte character is still UTF-8.
    const utf8 = Buffer.from(text);
    expect(detectEncoding(utf8.subarray(0, 5))).toBe('utf8');
  });
});
