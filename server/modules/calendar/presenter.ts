/** Calendar answers: the org settings, working-day queries and a team's schedule, as the API shows them. */
import { z } from 'zod';

const dayKind = z.object({
  date: z.string(),
  kind: z.enum(['workday', 'dayoff']),
  reason: z.enum(['weekday', 'rest_day', 'holiday', 'makeup_workday', 'extra_day_off', 'extra_workday']),
  provisional: z.boolean(),
});

export const calendarSettingsResponse = z.object({
  timeZone: z.string(),
  restWeekdays: z.array(z.number()),
  extraDaysOff: z.array(z.string()),
  extraWorkdays: z.array(z.string()),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const workingDaysResponse = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  count: z.number(),
  workingDays: z.array(z.string()),
  days: z.array(dayKind),
  provisionalYears: z.array(z.number()),
});

export const addResponse = z.object({
  start: z.string(),
  workingDays: z.number(),
  hours: z.number(),
  timeZone: z.string(),
  result: z.string(),
  resultLocal: z.string(),
});

export const teamScheduleResponse = z.object({
  teamId: z.string(),
  custom: z.boolean(),
  intervals: z.array(z.tuple([z.string(), z.string()])),
  weekdays: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))).optional(),
  closures: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string().optional() })),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
