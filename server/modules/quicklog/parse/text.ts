/**
 * Text helpers of the free-text quick-log parser: the match key (what customer names, aliases and the sentence are
 * compared as) and Chinese numerals as spoken ("三", "十二", "两", "二十五").
 */

/** Half-width, lower case, without white space: phone keyboards and voice input mix both widths. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '');
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A number written in digits or in Chinese up to 99; null when it is neither. */
export function parseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(text)) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? DIGITS[text] : null;
  if (text.indexOf('十', ten + 1) !== -1) return null;
  const tens = ten === 0 ? 1 : text.length > 0 && ten === 1 ? DIGITS[text[0]] : NaN;
  const rest = text.slice(ten + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? DIGITS[rest] : NaN;
  const value = tens * 10 + ones;
  return Number.isFinite(value) ? value : null;
}

/** The numeral pattern for regular expressions (digits or up to three Chinese numeral characters). */
export const NUM = '(\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})';
