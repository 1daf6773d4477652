import { describe, expect, it } from 'vitest';
import { checkPhone, PHONE_DIGITS } from './normalize.js';

describe('checkPhone (the one phone rule)', () => {
  it('normalises and tells a mainland mobile from a landline', () => {
    expect(checkPhone('+86 138-0013-8000')).toEqual({ ok: true, normalized: '13800138000', kind: 'mobile' });
    expect(checkPhone('１３８　００１３　８０００')).toEqual({ ok: true, normalized: '13800138000', kind: 'mobile' });
    expect(checkPhone('(021) 6234 5678')).toEqual({ ok: true, normalized: '02162345678', kind: 'landline' });
    expect(checkPhone('6234567')).toEqual({ ok: true, normalized: '6234567', kind: 'landline' });
    // 11 digits starting 12 is no mobile number range.
    expect(checkPhone('12800138000')).toMatchObject({ ok: true, kind: 'landline' });
  });

  it('refuses by field code with the same limits everywhere', () => {
    expect(checkPhone('138-0013-800a')).toEqual({ ok: false, code: 'phone_format' });
    expect(checkPhone('123456')).toEqual({ ok: false, code: 'phone_invalid', params: PHONE_DIGITS });
    expect(checkPhone('1380013800012345')).toEqual({ ok: false, code: 'phone_invalid', params: { min: 7, max: 15 } });
    // +86 is not counted: 16 digits typed, 14 once the country code is dropped.
    expect(checkPhone('+86 123 4567 8901 234')).toMatchObject({ ok: true, normalized: '12345678901234' });
  });
});
