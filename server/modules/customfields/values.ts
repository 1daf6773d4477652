/** Custom field definitions and validation of values on write. Pure: no HTTP, no SQL. */
import type { FieldError } from '../../core/errors.js';
import { CUSTOM_FIELD_KINDS, type CustomFieldKind } from '../../core/entities.js';
import { isCalendarDate } from '../../core/dates.js';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'money', 'date', 'select', 'multiselect', 'user', 'attachment'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
/** Record kinds that take custom fields: the registry's decision (core/entities.ts). */
export const CUSTOM_FIELD_ENTITIES = CUSTOM_FIELD_KINDS;
export type CustomFieldEntity = CustomFieldKind;

export interface SelectOption {
  value: string;
  label: string;
  labelEn?: string;
}

export interface CustomFieldDef {
  key: string;
  label: string;
  labelEn?: string | null;
  type: CustomFieldType;
  options: SelectOption[];
  required: boolean;
}

export type CustomValues = Record<string, unknown>;


/**
 * Checks values against the definitions. Unknown keys are refused (a typo must not silently vanish);
 * `money` is integer fen; `user` is a user id (existence is checked by the caller, which has the database);
 * `attachment` holds an evidence kind name that the record's attachments must carry.
 * With `partial`, required fields missing from `values` are not reported (PATCH).
 */
export function validateCustomValues(
  defs: CustomFieldDef[],
  values: CustomValues,
  options: { partial?: boolean; fieldPrefix?: string } = {},
): FieldError[] {
  const prefix = options.fieldPrefix ?? 'custom';
  const errors: FieldError[] = [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const key of Object.keys(values)) {
    if (!byKey.has(key)) errors.push({ field: `${prefix}.${key}`, code: 'not_custom_field' });
  }
  for (const def of defs) {
    const field = `${prefix}.${def.key}`;
    const value = values[def.key];
    if (value === undefined || value === null || value === '') {
      if (def.required && !(options.partial && !(def.key in values))) errors.push({ field, code: 'required' });
      continue;
    }
    const problem = checkValue(def, value);
    if (problem) errors.push({ field, ...problem });
  }
  return errors;
}

function checkValue(def: CustomFieldDef, value: unknown): Pick<FieldError, 'code' | 'params'> | null {
  switch (def.type) {
    case 'text':
    case 'attachment':
      return typeof value === 'string' && value.length <= 2000 ? null : { code: 'too_long', params: { max: 2000 } };
    case 'user':
      return typeof value === 'string' ? null : { code: 'not_user_id' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : { code: 'not_number' };
    case 'money':
      return Number.isSafeInteger(value) ? null : { code: 'not_fen' };
    case 'date':
      return isCalendarDate(value) ? null : { code: 'invalid_date' };
    case 'select':
      return def.options.some((o) => o.value === value) ? null : { code: 'unknown_value', params: { values: def.options.map((o) => o.value).join(', ') } };
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => def.options.some((o) => o.value === v))
        ? null
        : { code: 'unknown_value', params: { values: def.options.map((o) => o.value).join(', ') } };
  }
}

/** Whether a value counts as filled in, for gates' required-field checks. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
