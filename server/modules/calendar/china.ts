/**
 * China's statutory calendar: holidays and make-up working days (调休).
 * Sources, in order: the `chinese-days` package (State Council notices, kept up to date by its maintainers), then
 * `data/cn-holidays.yaml` for years published after the installed package, then — for a year nobody has published
 * yet — the statutory holidays fixed by the 全国年节及纪念日放假办法 (lunar dates computed), flagged provisional and
 * without make-up days. Update path: `npm update chinese-days`, or add the year to the YAML file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cd from 'chinese-days';
import { parse } from 'yaml';
import type { DayKind, DayKindSource } from './workdays.js';

interface PublishedYear {
  holidays: string[];
  workdays: string[];
}

const dataFile = fileURLToPath(new URL('./data/cn-holidays.yaml', import.meta.url));
const published: Record<string, PublishedYear> = (parse(readFileSync(dataFile, 'utf8')) ?? {}).years ?? {};

const packageCoverage = new Map<number, boolean>();
function packageCovers(year: number): boolean {
  let covered = packageCoverage.get(year);
  if (covered === undefined) {
    covered = cd.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    packageCoverage.set(year, covered);
  }
  return covered;
}

const provisionalCache = new Map<number, Set<string>>();

/** Statutory rest days of a year by law (no 调休 arrangement): 元旦, 春节 (除夕–初三), 清明, 劳动节, 端午, 中秋, 国庆. */
export function statutoryHolidays(year: number): Set<string> {
  let days = provisionalCache.get(year);
  if (days) return days;
  days = new Set<string>();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const plus = (date: string, n: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000));
  const fromLunar = (md: string) => cd.getSolarDateFromLunar(`${year}-${md}`).date;
  days.add(`${year}-01-01`);
  const springFestival = fromLunar('01-01');
  for (let i = -1; i <= 2; i++) days.add(plus(springFestival, i));
  const qingming = cd.getSolarTermsInRange(`${year}-04-01`, `${year}-04-10`).find((t) => t.term === 'pure_brightness' && t.index === 1);
  if (qingming) days.add(qingming.date);
  days.add(`${year}-05-01`).add(`${year}-05-02`);
  days.add(fromLunar('05-05'));
  days.add(fromLunar('08-15'));
  for (let i = 1; i <= 3; i++) days.add(`${year}-10-0${i}`);
  provisionalCache.set(year, days);
  return days;
}

export type ChinaCalendarStatus = 'published' | 'provisional';

export function chinaCalendarStatus(year: number): ChinaCalendarStatus {
  return packageCovers(year) || published[String(year)] ? 'published' : 'provisional';
}

export const chinaStatutorySource: DayKindSource = (date: string): DayKind | null => {
  const year = Number(date.slice(0, 4));
  if (packageCovers(year)) {
    // Statutory entries carry the festival's name ("National Day,国庆节,3"); plain weekdays/weekends carry a day name
    // and are left to the org's weekly rest days.
    const detail = cd.getDayDetail(date);
    if (!detail.name.includes(',')) return null;
    return detail.work ? 'workday' : 'dayoff';
  }
  const fromFile = published[String(year)];
  if (fromFile) {
    if (fromFile.workdays.includes(date)) return 'workday';
    if (fromFile.holidays.includes(date)) return 'dayoff';
    return null;
  }
  return statutoryHolidays(year).has(date) ? 'dayoff' : null;
};
