import { z } from 'zod';
import { userRef } from '../../core/contract.js';
import type { AppointmentRow } from './repo.js';
import { APPOINTMENT_STATUSES } from './schema.js';

export const appointmentSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    durationMinutes: z.number().int(),
    status: z.enum(APPOINTMENT_STATUSES),
    late: z.boolean(),
    phone: z.string(),
    note: z.string().nullable(),
    customer: z.object({ id: z.string(), name: z.string() }),
    store: z.object({ id: z.string(), name: z.string() }),
    consultant: userRef,
    noShowDueAt: z.string().nullable(),
    noShowAt: z.string().nullable(),
    checkedInAt: z.string().nullable(),
    checkedInBy: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    followUp: z
      .object({
        userId: z.string(),
        name: z.string(),
        taskId: z.string().nullable(),
        taskStatus: z.string().nullable(),
        dueAt: z.string().nullable(),
        reassignedAt: z.string().nullable(),
        reassignedBy: z.string().nullable(),
      })
      .nullable()
      .describe('Who calls the no-show back, once handed over'),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Appointment' });

export const createdAppointmentSchema = appointmentSchema
  .extend({
    customerCreated: z.boolean(),
    confirmation: z.object({ queued: z.boolean(), template: z.string(), params: z.record(z.string(), z.unknown()) }),
  })
  .meta({ id: 'CreatedAppointment' });

export const appointmentStatsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    store: z.string().nullable(),
    consultant: z.string().nullable(),
    appointments: z.number().int(),
    arrivals: z.number().int(),
    lateArrivals: z.number().int(),
    noShows: z.number().int(),
    cancelled: z.number().int(),
    dealsWon: z.number().int(),
    noShowFollowedUp: z.number().int(),
    noShowSecondTouchRate: z.number().nullable(),
  })
  .meta({ id: 'AppointmentStats' });

export const reassignCandidatesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), team: z.object({ id: z.string(), name: z.string() }) })),
});

export const reassignedAppointmentSchema = appointmentSchema.extend({ task: z.object({ id: z.string(), assigneeId: z.string(), dueAt: z.string() }) });

export function presentAppointment(row: AppointmentRow): z.infer<typeof appointmentSchema> {
  return {
    id: row.id,
    at: row.at,
    durationMinutes: row.duration_minutes,
    status: row.status as z.infer<typeof appointmentSchema>['status'],
    late: row.late === 1,
    phone: row.phone,
    note: row.note,
    customer: { id: row.customer_id, name: row.customer_name },
    store: { id: row.store_id, name: row.store_name },
    consultant: { id: row.consultant_id, name: row.consultant_name },
    noShowDueAt: row.no_show_due_at,
    noShowAt: row.no_show_at,
    checkedInAt: row.checked_in_at,
    checkedInBy: row.checked_in_by,
    cancelledAt: row.cancelled_at,
    followUp: row.followup_user_id
      ? { userId: row.followup_user_id, name: row.followup_name ?? '', taskId: row.followup_task_id, taskStatus: row.task_status, dueAt: row.task_due_at, reassignedAt: row.reassigned_at, reassignedBy: row.reassigned_by }
      : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
