import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';

import { calendarDate } from '../../core/dates.js';

export { calendarDate };

const dateList = z.array(calendarDate).max(1000, 'at most 1000 dates');

export const calendarSettingsBody = z
  .strictObject({
    timeZone: z.string({ error: 'must be text' }).refine((v) => IANAZone.isValidZone(v), coded('invalid_time_zone')),
    restWeekdays: z
      .array(z.number({ error: 'must be a whole number 1-7' }).int('must be a whole number 1-7').min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'))
      .max(6, 'at least one weekday must be a working day')
      .refine((days) => new Set(days).size === days.length, coded('duplicate')),
    extraDaysOff: dateList.default([]),
    extraWorkdays: dateList.default([]),
  })
  .superRefine((body, ctx) => {
    const off = new Set(body.extraDaysOff);
    body.extraWorkdays.forEach((d, i) => {
      if (off.has(d)) ctx.addIssue({ code: 'custom', path: ['extraWorkdays', i], ...coded('day_also_off', { date: d }) });
    });
  });
export type CalendarSettingsBody = z.infer<typeof calendarSettingsBody>;

export const workingDaysQuery = z
  .object({ from: calendarDate, to: calendarDate })
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], ...coded('before_start') });
    else if (DateTime.fromISO(q.to).diff(DateTime.fromISO(q.from), 'days').days > 731) {
      ctx.addIssue({ code: 'custom', path: ['to'], ...coded('range_too_long', { max: 732 }) });
    }
  });

const wholeNumber = (max: number) =>
  z
    .string({ error: 'must be a whole number' })
    .regex(/^\d+$/, formatMessage('not_integer'))
    .transform(Number)
    .refine((n) => n <= max, coded('too_large', { max }));

export const addQuery = z
  .object({
    start: z.iso
      .datetime({ offset: true, message: 'must be an ISO-8601 instant such as 2026-09-29T10:00:00+08:00' })
      .transform((v) => new Date(v)),
    workingDays: wholeNumber(1000).optional(),
    hours: z
      .string({ error: 'must be a number of hours' })
      .regex(/^\d+(\.\d+)?$/, formatMessage('hours_format'))
      .transform(Number)
      .refine((n) => n <= 100_000, coded('too_large', { max: 100_000 }))
      .optional(),
  })
  .superRefine((q, ctx) => {
    if (q.workingDays === undefined && q.hours === undefined) {
      ctx.addIssue({ code: 'custom', path: ['workingDays'], ...coded('required'), message: 'give workingDays, hours or both' });
    }
  });
