/**
 * The SLA specification a pipeline stage carries under `sla`: part of the pipeline definition (YAML and the JSON
 * editor are checked against it), so it lives with pipelines; the SLA engine reads it (sla/ladder.ts) and turns
 * ladders into deadlines. Semantics are described in sla/ladder.ts.
 */
import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';

export const HIERARCHY = ['owner', 'owner.lead', 'owner.regional_manager', 'owner.director'] as const;
export type HierarchyRecipient = (typeof HIERARCHY)[number];
export const CHANNELS = ['inapp', 'wecom', 'dingtalk', 'feishu', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const SLA_COLOURS = ['yellow', 'red'] as const;

const DURATION = /^(\d{1,4})(wd|bh|h|d)$/;
const ROLE_RECIPIENT = /^role:(seller|lead|regional_manager|director|finance|support|admin)$/;
const USER_RECIPIENT = /^user:[A-Za-z0-9_.@-]{1,64}$/;

export const durationSchema = z
  .string({ error: "must be text such as '7wd', '8bh', '48h' or '3d'" })
  .regex(DURATION, formatMessage('duration_format'));

export const recipientSchema = z
  .string({ error: 'must be text' })
  .refine(
    (v) => (HIERARCHY as readonly string[]).includes(v) || v === 'next_up' || ROLE_RECIPIENT.test(v) || USER_RECIPIENT.test(v),
    coded('recipient_invalid', { values: HIERARCHY.join(', ') }),
  );

export const ladderLevelSchema = z.strictObject({
  after: durationSchema,
  since: z.enum(['entry', 'previous_level'], { error: 'must be entry or previous_level' }).default('entry'),
  colour: z.enum(SLA_COLOURS, { error: 'must be yellow or red' }).optional(),
  notify: z.array(recipientSchema).min(1, 'name at least one recipient').max(10, 'at most 10 recipients'),
  require: z.literal('intervention', { error: "must be 'intervention'" }).optional(),
  channels: z.array(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` })).max(6).optional(),
});

export const slaSpecSchema = z
  .strictObject({
    /** The clock restarts on every effective activity on the record (a dwell limit when false). */
    idle: z.boolean({ error: 'must be true or false' }).default(false),
    /**
     * Which effective activities restart an idle clock: any on the deal's customer (default — a visit logged from
     * the quick-log menu counts for the customer's open deals) or only those linked to this deal (`deal`).
     */
    idleFrom: z.enum(['customer', 'deal'], { error: 'must be customer or deal' }).optional(),
    ladder: z.array(ladderLevelSchema).min(1, 'a ladder needs at least one level').max(10, 'a ladder has at most 10 levels'),
  })
  .superRefine((spec, ctx) => {
    spec.ladder.forEach((level, i) => {
      if (i === 0 && level.notify.includes('next_up')) {
        ctx.addIssue({ code: 'custom', path: ['ladder', 0, 'notify'], ...coded('next_up_first_level') });
      }
      // Levels fire in order, so a level counted from entry must not come before the one it follows.
      const prev = spec.ladder[i - 1];
      if (prev && level.since === 'entry' && prev.since === 'entry' && comparable(prev.after, level.after) && durationOrder(level.after) <= durationOrder(prev.after)) {
        ctx.addIssue({ code: 'custom', path: ['ladder', i, 'after'], ...coded('ladder_not_later', { previous: prev.after }) });
      }
    });
  });

export type SlaSpec = z.output<typeof slaSpecSchema>;
export type SlaSpecInput = z.input<typeof slaSpecSchema>;
export type LadderLevel = SlaSpec['ladder'][number];

export type Unit = 'wd' | 'bh' | 'h' | 'd';

export function parseDuration(after: string): { n: number; unit: Unit } {
  const m = DURATION.exec(after);
  if (!m) throw new RangeError(`bad duration ${after}`);
  return { n: Number(m[1]), unit: m[2] as Unit };
}

function comparable(a: string, b: string): boolean {
  const ua = parseDuration(a).unit;
  const ub = parseDuration(b).unit;
  const plain = (u: Unit) => u === 'h' || u === 'd';
  return ua === ub || (plain(ua) && plain(ub));
}

function durationOrder(after: string): number {
  const { n, unit } = parseDuration(after);
  return unit === 'd' ? n * 24 : n;
}
