/**
 * The cadence definition as the form edits it, and its conversion to the body `POST /api/cadences` accepts
 * (server/modules/cadences/definition.ts): optional texts left empty are dropped rather than sent as "".
 */
import type { Deliverable } from './api';

export const ACTION_KINDS = ['send_materials', 'second_touch', 'book_demo', 'call', 'visit', 'wechat', 'email', 'send_link', 'send_video', 'other'] as const;
export type Unit = 'calendar_days' | 'working_days';

export interface StepDraft {
  /** Local row id for React keys; never sent. */
  rowId: number;
  key: string;
  offset: string;
  unit: Unit;
  at?: string;
  action: string;
  title: string;
  titleEn?: string;
  instructions?: string;
  instructionsEn?: string;
  template?: string;
  templateEn?: string;
  deliverable: Deliverable;
}

export interface CadenceDraft {
  key: string;
  name: string;
  nameEn?: string;
  description?: string;
  descriptionEn?: string;
  anchor: { kind: 'stage_entered' } | { kind: 'field'; field: string };
  steps: StepDraft[];
}

let nextRowId = 1;

export function blankStep(index: number): StepDraft {
  return { rowId: nextRowId++, key: `step_${index + 1}`, offset: `T+${index + 1}`, unit: 'working_days', action: 'call', title: '', deliverable: {} };
}

export function blankCadence(): CadenceDraft {
  return { key: '', name: '', anchor: { kind: 'stage_entered' }, steps: [blankStep(0)] };
}

const STEP_TEXTS = ['at', 'titleEn', 'instructions', 'instructionsEn', 'template', 'templateEn'] as const;
const CADENCE_TEXTS = ['nameEn', 'description', 'descriptionEn'] as const;

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v));

/** From a saved definition (or a parsed YAML document) into the form; unknown shapes fall back to blanks. */
export function fromDefinition(input: unknown): CadenceDraft {
  const def = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const anchor = (def.anchor ?? {}) as { kind?: string; field?: string };
  const steps = Array.isArray(def.steps) ? (def.steps as Record<string, unknown>[]) : [];
  const draft: CadenceDraft = {
    key: str(def.key) ?? '',
    name: str(def.name) ?? '',
    anchor: anchor.kind === 'field' ? { kind: 'field', field: anchor.field ?? '' } : { kind: 'stage_entered' },
    steps: steps.map((s) => {
      const step: StepDraft = {
        rowId: nextRowId++,
        key: str(s.key) ?? '',
        offset: str(s.offset) ?? 'T+1',
        unit: s.unit === 'working_days' ? 'working_days' : 'calendar_days',
        action: str(s.action) ?? 'other',
        title: str(s.title) ?? '',
        deliverable: (s.deliverable && typeof s.deliverable === 'object' ? s.deliverable : {}) as Deliverable,
      };
      for (const k of STEP_TEXTS) if (str(s[k])) step[k] = str(s[k]);
      return step;
    }),
  };
  for (const k of CADENCE_TEXTS) if (str(def[k])) draft[k] = str(def[k]);
  return draft;
}

function cleanDeliverable(d: Deliverable): Deliverable {
  const out: Deliverable = {};
  // Kept even without a kind, so the server names `deliverable.attachments.kind` instead of the form dropping it.
  if (d.attachments) {
    const { kind, min, label, labelEn } = d.attachments;
    out.attachments = { kind, min: min ?? 1, ...(label ? { label } : {}), ...(labelEn ? { labelEn } : {}) };
  }
  if (d.fields?.length) out.fields = d.fields;
  if (d.note_required) out.note_required = true;
  if (d.time_slots) out.time_slots = d.time_slots;
  return out;
}

/** The JSON body of `POST /api/cadences` (also what the YAML tab shows). */
export function toDefinition(draft: CadenceDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { key: draft.key, name: draft.name };
  for (const k of CADENCE_TEXTS) if (draft[k]) body[k] = draft[k];
  body.anchor = draft.anchor;
  body.steps = draft.steps.map((s) => {
    const step: Record<string, unknown> = { key: s.key, offset: s.offset, unit: s.unit, ...(s.at ? { at: s.at } : {}), action: s.action, title: s.title };
    for (const k of STEP_TEXTS) if (s[k]) step[k] = s[k];
    step.deliverable = cleanDeliverable(s.deliverable);
    return step;
  });
  return body;
}
