/**
 * The cadence definition (跟进节奏): one zod schema that checks the JSON API body and YAML imports and gives the
 * OpenAPI shape. Pure: no HTTP, no SQL.
 */
import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';
import { CUSTOM_FIELD_PREFIX, GATE_DEAL_FIELDS } from '../gates/evaluate.js';

const KEY = /^[a-z][a-z0-9_-]*$/;
const FIELD_KEY = /^[a-z][a-z0-9_]*$/;
export const cadenceKey = z
  .string({ error: 'must be text' })
  .max(64, 'must be at most 64 characters')
  .regex(KEY, formatMessage('key_dash_format'));
const stepKey = z.string({ error: 'must be text' }).max(64).regex(FIELD_KEY, formatMessage('key_format'));
const label = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`).optional();

export const ACTION_KINDS = ['send_materials', 'second_touch', 'book_demo', 'call', 'visit', 'wechat', 'email', 'send_link', 'send_video', 'other'] as const;

/** Date fields of a deal an anchor may name: `expectedCloseDate` or `custom.<key>` (a date custom field). */
const DATE_FIELDS = ['expectedCloseDate'];
const dateField = z
  .string({ error: 'must be text' })
  .refine(
    (v) => DATE_FIELDS.includes(v) || (v.startsWith(CUSTOM_FIELD_PREFIX) && FIELD_KEY.test(v.slice(CUSTOM_FIELD_PREFIX.length))),
    coded('anchor_date_field', { fields: DATE_FIELDS.join(', ') }),
  );
const deliverableField = z
  .string({ error: 'must be text' })
  .refine(
    (v) => v in GATE_DEAL_FIELDS || (v.startsWith(CUSTOM_FIELD_PREFIX) && FIELD_KEY.test(v.slice(CUSTOM_FIELD_PREFIX.length))),
    coded('gate_field_unknown', { fields: Object.keys(GATE_DEAL_FIELDS).join(', ') }),
  );

/** `T+1`, `T+3`, `T-7`: days after (or before) the anchor. */
export const OFFSET = /^T([+-])(\d{1,3})$/;
export function parseOffset(offset: string): number {
  const m = OFFSET.exec(offset);
  if (!m) throw new Error(`bad offset ${offset}`);
  return (m[1] === '-' ? -1 : 1) * Number(m[2]);
}

export const anchorSchema = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('stage_entered') }), z.strictObject({ kind: z.literal('field'), field: dateField })],
  { error: 'must be stage_entered or field' },
);

export const deliverableSchema = z.strictObject({
  /** Attachments of this kind uploaded to the deal since the step's task was created. */
  attachments: z
    .strictObject({
      kind: stepKey,
      min: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20').default(1),
      label: optionalText(100),
      labelEn: optionalText(100),
    })
    .optional(),
  /** Deal fields that must be filled when completing. */
  fields: z.array(deliverableField).max(20).optional(),
  note_required: z.boolean({ error: 'must be true or false' }).optional(),
  /** How many distinct future time slots must be offered (e.g. 2 demo slots). */
  time_slots: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10').optional(),
});
export type Deliverable = z.output<typeof deliverableSchema>;

export const stepSchema = z.strictObject({
  key: stepKey,
  offset: z.string({ error: 'must be text such as T+1 or T-7' }).regex(OFFSET, formatMessage('offset_format')),
  unit: z.enum(['calendar_days', 'working_days'], { error: 'must be calendar_days or working_days' }).default('calendar_days'),
  /** Local time of day in the org time zone; absent = the anchor's time (stage entry) or 09:00 (date fields). */
  at: z
    .string({ error: 'must be HH:MM' })
    .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), coded('invalid_time'))
    .optional(),
  action: z.enum(ACTION_KINDS, { error: `must be one of ${ACTION_KINDS.join(', ')}` }),
  title: label(200),
  titleEn: optionalText(200),
  instructions: optionalText(2000),
  instructionsEn: optionalText(2000),
  /** The talk script or message template a new seller uses (话术模板). */
  template: optionalText(4000),
  templateEn: optionalText(4000),
  deliverable: deliverableSchema.default({}),
});
export type CadenceStep = z.output<typeof stepSchema>;

export const cadenceDefinitionSchema = z
  .strictObject({
    key: cadenceKey,
    name: label(100),
    nameEn: optionalText(100),
    description: optionalText(2000),
    descriptionEn: optionalText(2000),
    anchor: anchorSchema.default({ kind: 'stage_entered' }),
    steps: z.array(stepSchema).min(1, 'a cadence needs at least 1 step').max(30, 'a cadence has at most 30 steps'),
  })
  .superRefine((def, ctx) => {
    const seen = new Map<string, number>();
    def.steps.forEach((step, i) => {
      const first = seen.get(step.key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['steps', i, 'key'], ...coded('step_key_duplicate', { key: step.key, first }) });
      else seen.set(step.key, i);
      if (OFFSET.test(step.offset) && parseOffset(step.offset) < 0 && def.anchor.kind !== 'field') {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'offset'], ...coded('offset_needs_field_anchor') });
      }
    });
  });

export type CadenceDefinition = z.output<typeof cadenceDefinitionSchema>;
