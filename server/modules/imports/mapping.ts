/**
 * Columns → fields: each header matched to a field of the import's kind (fields.ts) by its synonyms, custom fields by
 * label or key, and the header signature presets are found again by. Pure.
 */
import { createHash } from 'node:crypto';
import { toHalfWidth } from '../customers/normalize.js';
import type { CustomFieldDef } from '../customfields/values.js';
import { CUSTOMER_SPEC, type FieldSpec } from './fields.js';

export { CUSTOMER_FIELDS, type CustomerField } from './fields.js';
/** A mapping target: a field of the import's kind or `custom.<key>` of a custom field of its record type. */
export type MappedField = string;
/** One entry per column of the file, in order: the field it fills, or null (ignored). */
export type Mapping = Array<MappedField | null>;

/** Headers the import itself writes into an error file: ignored when the corrected file comes back. */
export const ERROR_COLUMN = '错误 / Errors';
export const ROW_COLUMN = '原行号 / Row';

/** "手机号（必填）*" → "手机号": half-width, lower case, without brackets' content, spaces and punctuation. */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*:：_\-./、]/g, '');
}

const BY_KEY = new Map<FieldSpec, Map<string, string>>();
function synonymsOf(spec: FieldSpec): Map<string, string> {
  let byKey = BY_KEY.get(spec);
  if (!byKey) {
    byKey = new Map();
    for (const field of spec.fields) for (const s of spec.synonyms[field]) if (!byKey.has(headerKey(s))) byKey.set(headerKey(s), field);
    BY_KEY.set(spec, byKey);
  }
  return byKey;
}

/** Suggests a field per header: exact synonym, then a custom field's label/key, then "contains a synonym" (longest). */
export function suggestMapping(headers: string[], customDefs: Pick<CustomFieldDef, 'key' | 'label' | 'labelEn'>[], spec: FieldSpec = CUSTOMER_SPEC): Mapping {
  const byKey = synonymsOf(spec);
  const taken = new Set<MappedField>();
  const custom = new Map<string, MappedField>();
  for (const d of customDefs) for (const label of [d.label, d.labelEn ?? '', d.key]) if (label) custom.set(headerKey(label), `custom.${d.key}`);
  const pick = (field: MappedField | undefined) => (field && !taken.has(field) ? (taken.add(field), field) : null);
  const result: Mapping = headers.map(() => null);
  const keys = headers.map(headerKey);
  // Exact matches first, so "联系人电话" is not taken by "电话" and a later exact "电话" still finds `phone` free.
  keys.forEach((key, i) => {
    if (headers[i] === ERROR_COLUMN || headers[i] === ROW_COLUMN) return;
    result[i] = pick(byKey.get(key)) ?? pick(custom.get(key));
  });
  keys.forEach((key, i) => {
    if (result[i] || !key || headers[i] === ERROR_COLUMN || headers[i] === ROW_COLUMN) return;
    let best: { field: string; length: number } | null = null;
    for (const [synonym, field] of byKey) {
      if (synonym.length >= 2 && key.includes(synonym) && !taken.has(field) && (!best || synonym.length > best.length)) best = { field, length: synonym.length };
    }
    result[i] = best ? pick(best.field) : null;
  });
  return result;
}

/** Same headers (in any order, any spelling variant of punctuation/width) → same signature: how presets are found. */
export function headerSignature(headers: string[]): string {
  const keys = headers.filter((h) => h !== ERROR_COLUMN && h !== ROW_COLUMN).map(headerKey).filter(Boolean).sort();
  return createHash('sha256').update(keys.join('\u0000')).digest('hex').slice(0, 32);
}

/** A preset (header text → field) applied to a file's headers. */
export function applyPreset(headers: string[], preset: Record<string, MappedField>): Mapping {
  const byKey = new Map(Object.entries(preset).map(([h, f]) => [headerKey(h), f]));
  return headers.map((h) => byKey.get(headerKey(h)) ?? null);
}

export function presetOf(headers: string[], mapping: Mapping): Record<string, MappedField> {
  const out: Record<string, MappedField> = {};
  mapping.forEach((field, i) => {
    if (field && headers[i] !== undefined) out[headers[i]!] = field;
  });
  return out;
}

export function isMappedField(value: string, customKeys: Set<string>, spec: FieldSpec = CUSTOMER_SPEC): value is MappedField {
  return spec.fields.includes(value) || (value.startsWith('custom.') && customKeys.has(value.slice(7)));
}
