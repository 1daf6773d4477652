import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/** The org time zone used for display and day boundaries (the server stores UTC instants). */
export const ORG_TZ = 'Asia/Shanghai';

/** `123450` fen → `¥1,234.50`. Undefined (e.g. hidden from support) → null so callers can show "hidden". */
export function formatFen(fen: number | null | undefined): string | null {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return null;
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/**
 * Fen in 万/亿 for compact display: `265600000` fen → `¥265.6万`; below ¥10,000 the full amount; one decimal, a
 * trailing `.0` dropped. Null when hidden, like `formatFen`.
 */
export function formatFenWan(fen: number | null | undefined): string | null {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return null;
  const yuan = Math.abs(fen) / 100;
  const sign = fen < 0 ? '-' : '';
  const short = (v: number, unit: string) => `${sign}¥${v.toFixed(1).replace(/\.0$/, '')}${unit}`;
  if (yuan >= 1e8) return short(yuan / 1e8, '亿');
  if (yuan >= 1e4) return short(yuan / 1e4, '万');
  return formatFen(fen);
}

/** `1234.5` yuan (form input) → `123450` fen, rounding away float noise. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

export function toOrgTime(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  return dayjs(iso).tz(ORG_TZ);
}

/** Instant → `2026年11月2日 10:00` (zh) or `2026-11-02 10:00` (en), in the org time zone. */
export function formatDateTime(iso: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  const d = toOrgTime(iso);
  if (!d) return '—';
  return d.format(lang === 'zh' ? 'YYYY年M月D日 HH:mm' : 'YYYY-MM-DD HH:mm');
}

/** Calendar date (`YYYY-MM-DD`) or instant → `2026年11月2日`. */
export function formatDate(value: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!value) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : dayjs(value).tz(ORG_TZ);
  return d.format(lang === 'zh' ? 'YYYY年M月D日' : 'YYYY-MM-DD');
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** A picked local date (no time) → the instant at 09:00 of that day in the org time zone, as ISO UTC. */
export function orgDateToIso(day: Dayjs, hour = 9): string {
  return dayjs.tz(day.format('YYYY-MM-DD') + `T${String(hour).padStart(2, '0')}:00:00`, ORG_TZ).toISOString();
}

export { dayjs };
