/**
 * A work-order type as admins write it (API body and YAML file): the handling team (queue), the response and
 * resolution SLA targets on that team's business hours, the warning share and the escalation ladder. Pure: no SQL.
 *
 * Targets use the SLA ladder's duration syntax (`4bh` business hours, `2wd` working days, `8h` elapsed hours).
 * A ladder level fires when its clock (response or resolution) has consumed `at` × its target (1 = due, 1.5 = half
 * the target past due), skipping pauses; a level on a clock already stopped (responded, resolved) never fires.
 */
import { formatMessage } from '../../core/validation.js';
import { z } from 'zod';
import { durationSchema } from '../sla/ladder.js';

export const LADDER_RECIPIENTS = ['helper', 'helper.lead', 'department_head', 'requester'] as const;
export type LadderRecipient = (typeof LADDER_RECIPIENTS)[number];

const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const ladderLevelSchema = z.strictObject({
  clock: z.enum(['response', 'resolution'], { error: 'must be response or resolution' }),
  at: z.number({ error: 'must be a number such as 1 or 1.5' }).min(0.1, 'must be at least 0.1').max(10, 'must be at most 10'),
  notify: z.array(z.enum(LADDER_RECIPIENTS, { error: `must be one of ${LADDER_RECIPIENTS.join(', ')}` })).min(1, 'name at least one recipient').max(4),
});
export type LadderLevel = z.infer<typeof ladderLevelSchema>;

/** helper → helper's lead → department head, as the issue asks, when a type names no ladder. */
export const DEFAULT_LADDER: LadderLevel[] = [
  { clock: 'response', at: 1, notify: ['helper'] },
  { clock: 'resolution', at: 1, notify: ['helper', 'helper.lead'] },
  { clock: 'resolution', at: 1.5, notify: ['department_head'] },
];

export const typeDefinitionSchema = z
  .strictObject({
    key: z
      .string({ error: 'must be text' })
      .regex(/^[a-z][a-z0-9_-]{0,63}$/, formatMessage('key_dash_format')),
    name: text(100),
    nameEn: text(100).optional(),
    /** The handling team: its id or its exact name. */
    team: text(100),
    response: durationSchema,
    resolution: durationSchema,
    warnShare: z.number({ error: 'must be a number between 0.1 and 1' }).min(0.1, 'must be at least 0.1').max(1, 'must be at most 1').default(0.8),
    escalation: z.array(ladderLevelSchema).max(10, 'at most 10 levels').default(DEFAULT_LADDER),
    active: z.boolean({ error: 'must be true or false' }).default(true),
  })
  .superRefine((d, ctx) => {
    if (d.response === '0h' || /^0(wd|bh|h|d)$/.test(d.response)) ctx.addIssue({ code: 'custom', path: ['response'], message: 'must be more than zero' });
    if (/^0(wd|bh|h|d)$/.test(d.resolution)) ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'must be more than zero' });
  });
export type TypeDefinitionInput = z.input<typeof typeDefinitionSchema>;
export type TypeDefinition = z.output<typeof typeDefinitionSchema>;

/** What a version pins (stored as JSON on the type and each version); the team is resolved to its id. */
export interface StoredTypeDefinition {
  key: string;
  name: string;
  nameEn?: string;
  teamId: string;
  response: string;
  resolution: string;
  warnShare: number;
  escalation: LadderLevel[];
  active: boolean;
}
