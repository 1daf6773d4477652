/**
 * Cell normalisers of the import: what Chinese spreadsheets put in cells, turned into the values the records keep.
 * Pure. Each returns `{ ok: true, value }` or `{ ok: false, code }` with a stable field code (shared/messages.ts), so
 * the row report names the row, the column and why.
 */
import { toHalfWidth } from '../customers/normalize.js';
import { normalizePhone } from '../customers/rules.js';
import { creditCodeCheckOk } from '../customers/rules.js';
import { normalizeCreditCode } from '../customers/normalize.js';
import { phoneText } from '../customers/schema.js';
import { DateTime } from 'luxon';
import type { FieldCode } from '../../core/errors.js';

/** A cell as the readers hand it over: text from CSV, text/number/Date/boolean from xlsx, null when empty. */
export type Cell = string | number | boolean | Date | null;
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: FieldCode; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: FieldCode, params?: Record<string, string | number>): Parsed<never> => ({ ok: false, code, ...(params ? { params } : {}) });

/** The text of a cell: trimmed, full-width turned half-width, numbers without exponent or float noise. */
export function cellText(cell: Cell): string {
  if (cell == null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.replace(/\u3000/g, ' ').trim();
}

/** "1.38E+10", "1.3800138E10": Excel showed a long number in scientific notation and saved that text. */
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

/**
 * A phone cell: full-width digits, spaces, dashes, +86 accepted; the value kept is what the customers module stores
 * (`phone` as typed but half-width, `normalized` by the one phone normaliser). A number Excel wrote in scientific
 * notation lost its last digits: it is refused (`phone_scientific`), never truncated or padded.
 */
export function parsePhone(cell: Cell): Parsed<{ phone: string; normalized: string } | null> {
  const text = toHalfWidth(cellText(cell));
  if (text === '') return ok(null);
  if (SCIENTIFIC.test(text)) return bad('phone_scientific', { value: text });
  if (typeof cell === 'number' && !Number.isInteger(cell)) return bad('phone_scientific', { value: text });
  const checked = phoneText.safeParse(text);
  if (!checked.success) {
    const code = ((checked.error.issues[0] as { params?: { code?: FieldCode } } | undefined)?.params)?.code;
    return bad(code === 'phone_invalid' ? 'phone_invalid' : 'phone_format', { min: 7, max: 20 });
  }
  const normalized = normalizePhone(checked.data)!;
  // A Chinese mobile is 11 digits starting with 1; a 10- or 12-digit "1…" number is a typo, not a landline.
  if (/^1/.test(normalized) && normalized.length !== 11) return bad('phone_mobile_length', { value: text });
  return ok({ phone: checked.data, normalized });
}

/** 统一社会信用代码: normalised (half-width, upper case, no spaces/dashes), format and GB 32100-2015 check character. */
export function parseCreditCode(cell: Cell): Parsed<string | null> {
  const code = normalizeCreditCode(cellText(cell));
  if (!code) return ok(null);
  if (code.length !== 18) return bad('credit_code_length', { length: code.length });
  if (!creditCodeCheckOk(code)) return bad('credit_code_check');
  return ok(code);
}

/**
 * An amount in yuan as people write it — "¥1,234.50", "￥1234", "1,234.5元", "RMB 800", "1.5万" — into integer fen.
 * Done on the digits as text: no binary floating point between the cell and the stored fen.
 */
export function parseAmountFen(cell: Cell): Parsed<number | null> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return bad('amount_invalid');
    const fen = Math.round(cell * 100);
    if (Math.abs(cell * 100 - fen) > 1e-6) return bad('amount_precision');
    return ok(fen);
  }
  let text = toHalfWidth(cellText(cell)).replace(/\s/g, '');
  if (text === '') return ok(null);
  text = text.replace(/^(¥|￥|RMB|CNY|人民币)/i, '').replace(/(元|圆|RMB|CNY)$/i, '');
  let scale = 0;
  if (text.endsWith('万')) {
    scale = 4;
    text = text.slice(0, -1);
  }
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return bad('amount_invalid');
  const negative = text.startsWith('-');
  const [whole, frac = ''] = text.replace(/[-,]/g, '').split('.');
  const digits = whole! + frac;
  // Shift the decimal point: fen = yuan × 100 × 10^scale.
  const exponent = 2 + scale - frac.length;
  if (exponent < 0 && /[^0]/.test(digits.slice(digits.length + exponent))) return bad('amount_precision');
  const fenText = exponent >= 0 ? digits + '0'.repeat(exponent) : digits.slice(0, digits.length + exponent);
  const fen = Number(fenText);
  if (!Number.isSafeInteger(fen)) return bad('amount_invalid');
  return ok(negative ? -fen : fen);
}

/**
 * Excel's day number to a calendar date. Excel counts 1900-01-01 as day 1 and believes 1900 was a leap year (Lotus
 * compatibility): day 60 is the non-existent 1900-02-29, and from day 61 on every number is one too high.
 */
export function excelSerialToDate(serial: number): Parsed<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return bad('date_invalid');
  const day = Math.floor(serial);
  if (day === 60) return bad('date_invalid');
  const epoch = Date.UTC(1899, 11, day < 60 ? 31 : 30);
  return ok(new Date(epoch + day * 86_400_000).toISOString().slice(0, 10));
}

function calendarDate(y: number, m: number, d: number): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return bad('date_invalid');
  return ok(date.toISOString().slice(0, 10));
}

/**
 * A date cell: a Date from a date-formatted xlsx cell (exceljs reads it as UTC midnight), an Excel serial number
 * (also as text, "45321"), or text — 2026-11-05, 2026/11/5, 2026.11.5, 2026年11月5日, 20261105.
 */
export function parseDate(cell: Cell): Parsed<string | null> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad('date_invalid') : ok(cell.toISOString().slice(0, 10));
  if (typeof cell === 'number') return excelSerialToDate(cell);
  const text = toHalfWidth(cellText(cell));
  if (text === '') return ok(null);
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{1,7}(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text));
  return bad('date_invalid');
}

/** A plain text cell with a length limit; empty → null. */
export function parseText(cell: Cell, max: number): Parsed<string | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  if (text.length > max) return bad('too_long', { max });
  return ok(text);
}

/**
 * A date-time cell as an instant: the wall time it shows, read in the organisation's time zone. An xlsx date-time
 * arrives as a Date holding that wall time in UTC (exceljs), a serial number carries the time as its fraction, text
 * is a date as `parseDate` reads it with an optional "14:30" or "14:30:00". A date alone means the start of that day.
 */
export function parseDateTime(cell: Cell, timeZone: string): Parsed<string | null> {
  let date: string | null;
  let minutes = 0;
  let seconds = 0;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('date_invalid');
    date = cell.toISOString().slice(0, 10);
    minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
    seconds = cell.getUTCSeconds();
  } else if (typeof cell === 'number') {
    const day = excelSerialToDate(cell);
    if (!day.ok) return day;
    date = day.value;
    const secondsOfDay = Math.round((cell - Math.floor(cell)) * 86_400);
    minutes = Math.floor(secondsOfDay / 60);
    seconds = secondsOfDay % 60;
  } else {
    const text = toHalfWidth(cellText(cell));
    const time = /[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
    const day = parseDate(time ? text.slice(0, time.index) : text);
    if (!day.ok || day.value === null) return day;
    date = day.value;
    if (time) {
      const [h, m, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
      if (h > 23 || m > 59 || s > 59) return bad('date_invalid');
      minutes = h * 60 + m;
      seconds = s;
    }
  }
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const local = DateTime.fromObject({ year: y, month: mo, day: d, hour: Math.floor(minutes / 60), minute: minutes % 60, second: seconds }, { zone: timeZone });
  return local.isValid ? ok(local.toJSDate().toISOString()) : bad('date_invalid');
}
