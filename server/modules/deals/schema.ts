import { z } from 'zod';
import { listQuery } from '../../core/http.js';
import { calendarDate } from '../../core/dates.js';
import { cursorQuery } from '../../core/paging.js';

const id = z.string().trim().min(1).max(64);
const date = calendarDate;
const amountFen = z.number({ error: 'must be an integer amount in fen (分)' }).int('must be an integer amount in fen (分)').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);
const custom = z.record(z.string(), z.unknown());

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;

export const dealListQuery = listQuery.extend({
  pipelineId: id.optional(),
  stage: z.string().max(64).optional(),
  ownerId: id.optional(),
  customerId: id.optional(),
  status: z.enum(DEAL_STATUSES).optional(),
  ...cursorQuery,
});
export type DealListQuery = z.infer<typeof dealListQuery>;

export const dealCreateBody = z.object({
  title: z.string().trim().min(1).max(200),
  customerId: id,
  pipelineId: id.describe('pipeline id or key'),
  stageKey: z.string().min(1).max(64).optional().describe('defaults to the first stage; a later stage needs the earlier gates met or, where they allow skipping, skipReason'),
  skipReason: z.string().max(500).nullable().optional().describe('why the earlier stages are skipped when creating in a later stage'),
  ownerId: id.optional().describe('defaults to the caller; sellers may only own their own deals'),
  amountFen: amountFen.optional(),
  expectedCloseDate: date.nullable().optional(),
  custom: custom.optional(),
});
export type DealCreateInput = z.infer<typeof dealCreateBody>;

export const dealPatchBody = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  customerId: id.optional(),
  ownerId: id.optional(),
  amountFen: amountFen.optional(),
  expectedCloseDate: date.nullable().optional(),
  custom: custom.optional().describe('merged into the existing values; null removes a value'),
});
export type DealPatchInput = z.infer<typeof dealPatchBody>;

export const moveBody = z.object({
  toStage: z.string({ error: 'is required: the key of the target stage' }).trim().min(1).max(64),
  skipReason: z.string().max(500).nullable().optional(),
  lostReason: z.string().trim().max(64).nullable().optional().describe('required when toStage is a lost stage: a key of the lost_reason dictionary (GET /api/dictionaries?kind=lost_reason)'),
});
export type MoveInput = z.infer<typeof moveBody>;

export const checklistBody = z.object({
  item: z.string({ error: 'is required: the checklist item key' }).trim().min(1).max(64),
  done: z.boolean({ error: 'must be true or false' }),
  note: z.string().max(1000).nullable().optional(),
});
export type ChecklistInput = z.infer<typeof checklistBody>;

export const boardQuery = z.object({
  ownerId: id.optional(),
  teamId: id.optional().describe('only deals of this team and its sub-teams (within your scope)'),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('cards per column'),
});

export const boardColumnQuery = boardQuery.extend({
  cursor: z.string().max(600).optional().describe('`nextCursor` of the column, for the next cards'),
});
export type BoardColumnQuery = z.infer<typeof boardColumnQuery>;
