import { z } from 'zod';
import { calendarDate, isCalendarDate } from '../../core/dates.js';
import { coded } from '../../core/validation.js';
import { phoneText } from '../customers/schema.js';
import { isoInstant } from '../tasks/schema.js';

export const APPOINTMENT_STATUSES = ['booked', 'arrived', 'no_show', 'cancelled'] as const;

const id = z.string().min(1).max(64);
const localDate = calendarDate;

export const appointmentBody = z.object({
  /** The customer's phone in any usual notation (spaces, dashes, +86 / 0086, full-width digits); found or created by its normalised form. */
  phone: phoneText,
  at: isoInstant,
  name: z.string().trim().min(1).max(100).optional(),
  durationMinutes: z.number().int().min(5).max(600).default(60),
  note: z.string().trim().max(500).optional(),
});
export type AppointmentBody = z.infer<typeof appointmentBody>;

export const appointmentListQuery = z.object({
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  /** A team id: the store, or a region for every store below it. */
  store: id.optional(),
  /** A consultant's user id, or `me`. */
  consultant: id.optional(),
  /** Appointments whose time falls on this local date (org time zone). */
  date: localDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AppointmentListQuery = z.infer<typeof appointmentListQuery>;

export const reassignBody = z.object({
  /** The consultant who makes the follow-up call. */
  to: id,
  /** Deadline of the follow-up task; default 2 hours from now. */
  dueAt: isoInstant.optional(),
});
export type ReassignBody = z.infer<typeof reassignBody>;

export const statsQuery = z
  .object({
    store: id.optional(),
    consultant: id.optional(),
    from: localDate,
    to: localDate,
  })
  // Compare only two well-formed dates, so a bad `from` is reported alone.
  .refine((q) => !isCalendarDate(q.from) || !isCalendarDate(q.to) || q.from <= q.to, coded('before_start', undefined, ['to']));
export type StatsQuery = z.infer<typeof statsQuery>;
