import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';
import { calendarDate } from './schema.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const time = z.string({ error: 'must be a time HH:mm' }).regex(TIME, formatMessage('day_time_format'));
const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Ascending, non-overlapping `[from, to]` pairs, each with from < to. */
const intervals = z
  .array(z.tuple([time, time], { error: 'must be a pair ["09:00", "12:00"]' }))
  .min(1, 'give at least one interval')
  .max(8, 'at most 8 intervals a day')
  .superRefine((list, ctx) => {
    list.forEach(([from, to], i) => {
      if (toMinutes(from) >= toMinutes(to)) ctx.addIssue({ code: 'custom', path: [i, 1], message: 'must be after the start' });
      const prev = list[i - 1];
      if (prev && toMinutes(from) < toMinutes(prev[1])) ctx.addIssue({ code: 'custom', path: [i, 0], message: `must not start before the previous interval ends (${prev[1]})` });
    });
  });

export const teamScheduleBody = z.strictObject({
  intervals,
  /** ISO weekday "1"–"7" → that day's own intervals. */
  weekdays: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7'], { error: 'must be an ISO weekday 1-7' }), intervals).default({}),
  closures: z
    .array(
      z
        .strictObject({ from: calendarDate, to: calendarDate, reason: z.string().trim().max(200).optional() })
        .superRefine((c, ctx) => {
          if (c.to < c.from) ctx.addIssue({ code: 'custom', path: ['to'], ...coded('before_start') });
        }),
    )
    .max(200, 'at most 200 closures')
    .default([]),
});
export type TeamScheduleBody = z.infer<typeof teamScheduleBody>;

export const teamParams = z.object({ teamId: z.string().min(1).max(64) });
