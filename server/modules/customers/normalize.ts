/**
 * The one set of normalisers for duplicate detection and search (customers, leads, appointments). Pure: the same
 * person or company typed differently (full-width digits, +86, 有限公司 or not, spaces) gives the same key.
 */

/** Full-width ASCII (Ａ-Ｚ, ０-９, （）, ＋ …) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Digits only, without the China country prefix (+86 / 0086 / 86 before an 11-digit mobile), so "+86 138-0013-8000",
 * "008613800138000", "１３８００１３８０００" and "13800138000" are the same number. Landlines keep their leading 0 area
 * code ("021-6234 5678" → "02162345678").
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (phone == null) return null;
  const half = toHalfWidth(phone);
  let digits = half.replace(/\D/g, '');
  const hadPlus = half.trim().startsWith('+');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (hadPlus && digits.startsWith('86')) digits = digits.slice(2);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits === '' ? null : digits;
}

/** Digits a phone may have after normalisation: a 7-digit local landline up to E.164's 15 (country code included). */
export const PHONE_DIGITS = { min: 7, max: 15 } as const;
/** What people type around the digits: spaces, dashes, brackets, one leading +. */
const PHONE_FORMAT = /^\+?[\d\s()-]*\d[\d\s()-]*$/;
/** A mainland mobile number: 11 digits, 1 then 3–9. */
const CN_MOBILE = /^1[3-9]\d{9}$/;

export type PhoneKind = 'mobile' | 'landline';

/** The verdict of the one phone rule: the normalised number and its kind, or the field code refusing it. */
export type PhoneVerdict =
  | { ok: true; normalized: string; kind: PhoneKind }
  | { ok: false; code: 'phone_format' } | { ok: false; code: 'phone_invalid'; params: typeof PHONE_DIGITS };

/**
 * The one phone rule, used by customers, contacts, appointments and lead intake (through `phoneText` in schema.ts and
 * directly): half-width, only digits/spaces/dashes/brackets/a leading +, then 7–15 digits once normalised
 * (`normalizePhone`: +86/0086 dropped). `kind` tells a mainland mobile (11 digits starting 13–19) from every other
 * number (landlines with area code, short local numbers, foreign numbers) — a booking that needs a mobile refuses a
 * landline by this.
 */
export function checkPhone(raw: string): PhoneVerdict {
  const half = toHalfWidth(raw).trim();
  if (!PHONE_FORMAT.test(half)) return { ok: false, code: 'phone_format' };
  const normalized = normalizePhone(half);
  if (!normalized || normalized.length < PHONE_DIGITS.min || normalized.length > PHONE_DIGITS.max) return { ok: false, code: 'phone_invalid', params: PHONE_DIGITS };
  return { ok: true, normalized, kind: CN_MOBILE.test(normalized) ? 'mobile' : 'landline' };
}

/**
 * Legal-form suffixes that do not tell two companies apart, longest first so "股份有限公司" is not left as "股份".
 * "分公司" is kept: a branch is a different customer from its head office.
 */
const LEGAL_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '责任公司',
  '股份公司',
  '集团',
  '股份',
  'co.,ltd',
  'co.ltd',
  'coltd',
  'limited',
  'company',
  'corp',
  'inc',
  'ltd',
  'co',
];

/** Brackets, punctuation and spaces carry no identity: "（有限公司）" and "有限 公司" are the same suffix. */
const NOISE = /[\s()[\]{}【】〔〕「」《》<>"'`·・、，,。.;；:：!！?？\-_—/\\&]/g;

/**
 * Key of a company name for duplicate detection: half-width, lower case, no spaces/brackets/punctuation, without the
 * legal form (有限公司, 有限责任公司, 股份有限公司, 集团, trailing 公司, Co., Ltd.). Returns null for an empty key so a
 * name made only of a legal form never matches everything.
 */
export function normalizeCompanyName(name: string | null | undefined): string | null {
  if (name == null) return null;
  let key = toHalfWidth(name).toLowerCase();
  // English suffixes are matched with their dots and commas, before the punctuation goes.
  key = key.replace(/\bco\.?,?\s*ltd\.?/g, '').replace(NOISE, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
    }
    if (key.endsWith('公司') && !key.endsWith('分公司') && key.length > 2) {
      key = key.slice(0, -2);
      changed = true;
    }
  }
  return key === '' ? null : key;
}

/** 统一社会信用代码 as stored and compared: half-width, upper case, without spaces or dashes. */
export function normalizeCreditCode(code: string | null | undefined): string | null {
  if (code == null) return null;
  const key = toHalfWidth(code).replace(/[\s-]/g, '').toUpperCase();
  return key === '' ? null : key;
}
