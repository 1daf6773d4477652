import { z } from 'zod';
import { coded } from './validation.js';

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar date `YYYY-MM-DD`: the shape alone lets `2026-02-30` through, and date libraries then roll it
 * over or throw further down. Every date the API or a YAML document accepts goes through this one check.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_SHAPE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const DATE_MESSAGE = 'must be a valid date YYYY-MM-DD';

/** The strict date schema: shape and calendar (no 2026-02-30, no month 13). */
export const calendarDate = z.string({ error: DATE_MESSAGE }).refine(isCalendarDate, coded('invalid_date'));

/** The years a money date may fall in: working-day arithmetic walks the calendar, so a typo like 2926 must not reach it. */
export const MONEY_YEARS = { from: 2000, to: 2099 } as const;

/** A calendar date of contracts and receivables (due, signed, paid, as-of): within MONEY_YEARS. */
export const moneyDate = calendarDate.refine((v) => {
  if (!isCalendarDate(v)) return true; // already answered as invalid_date
  const year = Number(v.slice(0, 4));
  return year >= MONEY_YEARS.from && year <= MONEY_YEARS.to;
}, coded('date_out_of_range', { from: MONEY_YEARS.from, to: MONEY_YEARS.to }));
