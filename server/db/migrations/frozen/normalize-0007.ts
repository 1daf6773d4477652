/**
 * Frozen copy of the normalisers as they were when migration 0007 backfilled `name_normalized` and
 * `phone_normalized` (modules/leads/normalize.ts at that time). A migration must give the same result forever, so
 * it never imports live module code, which keeps changing.
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
