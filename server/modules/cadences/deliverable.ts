/**
 * Whether a cadence step's deliverable (交付物) is met. Pure: the caller gathers the facts (attachments of the step's
 * kind uploaded since the task was created, the deal's fields, what the seller gave on completion); this lists what
 * is missing in the gates' shape `{ code, label, labelEn, hint, hintEn, requirement }`.
 */
import { z } from 'zod';
import { isFilled } from '../customfields/values.js';
import { CUSTOM_FIELD_PREFIX, GATE_DEAL_FIELDS, type GateDealField } from '../gates/evaluate.js';
import type { Deliverable } from './definition.js';

/** What the seller hands in when completing a step's task (`PATCH /api/tasks/{id}` `deliverable`). */
export const deliverableInput = z.strictObject({
  note: z.string({ error: 'must be text' }).trim().max(5000, 'must be at most 5000 characters').optional(),
  timeSlots: z
    .array(z.iso.datetime({ offset: true, message: 'must be an ISO-8601 instant such as 2026-11-25T10:00:00+08:00' }).transform((v) => new Date(v).toISOString()))
    .max(10, 'at most 10 time slots')
    .optional(),
});
export type DeliverableInput = z.output<typeof deliverableInput>;

export type DeliverableCode = 'ATTACHMENTS_REQUIRED' | 'FIELD_REQUIRED' | 'NOTE_REQUIRED' | 'TIME_SLOTS_REQUIRED';

export interface UnmetDeliverable {
  code: DeliverableCode;
  label: string;
  labelEn: string;
  hint: string;
  hintEn: string;
  requirement: Record<string, unknown>;
}

export interface DeliverableFacts {
  now: string;
  /** Attachments of the required kind on the deal, uploaded since the task was created. */
  attachments: number;
  deal: Record<string, unknown>;
  custom: Record<string, unknown>;
  customLabels: Record<string, { label: string; labelEn?: string | null }>;
  given: DeliverableInput;
}

export function evaluateDeliverable(spec: Deliverable, facts: DeliverableFacts): UnmetDeliverable[] {
  const unmet: UnmetDeliverable[] = [];
  if (spec.attachments) {
    const { kind, min } = spec.attachments;
    const label = spec.attachments.label ?? kind;
    const labelEn = spec.attachments.labelEn ?? label;
    if (facts.attachments < min) {
      unmet.push({
        code: 'ATTACHMENTS_REQUIRED',
        label,
        labelEn,
        hint: `在商机上传至少 ${min} 份「${label}」附件（当前 ${facts.attachments} 份）`,
        hintEn: `Upload at least ${min} "${labelEn}" file(s) to the deal (${facts.attachments} so far)`,
        requirement: { kind: 'attachments', attachmentKind: kind, min, have: facts.attachments },
      });
    }
  }
  for (const field of spec.fields ?? []) {
    const custom = field.startsWith(CUSTOM_FIELD_PREFIX);
    const key = custom ? field.slice(CUSTOM_FIELD_PREFIX.length) : field;
    const value = custom ? facts.custom[key] : facts.deal[key];
    const filled = field === 'amountFen' ? typeof value === 'number' && value > 0 : isFilled(value);
    if (filled) continue;
    const known = custom ? facts.customLabels[key] : GATE_DEAL_FIELDS[field as GateDealField];
    const label = known?.label ?? key;
    const labelEn = known?.labelEn ?? label;
    unmet.push({ code: 'FIELD_REQUIRED', label, labelEn, hint: `填写商机字段「${label}」`, hintEn: `Fill in the deal field "${labelEn}"`, requirement: { kind: 'field', field } });
  }
  if (spec.note_required && !isFilled(facts.given.note?.trim())) {
    unmet.push({
      code: 'NOTE_REQUIRED',
      label: '说明',
      labelEn: 'Note',
      hint: '写下本次动作的要点（例如客户痛点解读）',
      hintEn: 'Write what was done (e.g. your reading of the customer’s pain points)',
      requirement: { kind: 'note' },
    });
  }
  if (spec.time_slots) {
    const future = new Set((facts.given.timeSlots ?? []).filter((s) => s > facts.now));
    if (future.size < spec.time_slots) {
      unmet.push({
        code: 'TIME_SLOTS_REQUIRED',
        label: '可选时间段',
        labelEn: 'Time slots offered',
        hint: `给出 ${spec.time_slots} 个不同的未来时间段供客户选择（当前 ${future.size} 个）`,
        hintEn: `Offer ${spec.time_slots} different future time slots (${future.size} so far)`,
        requirement: { kind: 'time_slots', min: spec.time_slots, have: future.size },
      });
    }
  }
  return unmet;
}
