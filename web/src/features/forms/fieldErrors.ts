import type { FormInstance } from 'antd';
import { ApiError, type FieldError } from '../../api/client';

type NamePath = string | (string | number)[];

/**
 * Puts the server's per-field messages (`custom.bed_count`, `amountFen`) under the matching inputs.
 * `resolve` maps a server field to the form's name for it, or undefined when the form has no such input;
 * the errors it cannot place are returned so the caller can still show them.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, resolve: (field: string) => NamePath | undefined): FieldError[] {
  if (!(error instanceof ApiError) || !error.body.fields?.length) return [];
  const leftover: FieldError[] = [];
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
  for (const f of error.body.fields) {
    const name = resolve(f.field);
    if (name === undefined) {
      leftover.push(f);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = placed.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    placed.set(key, entry);
  }
  form.setFields([...placed.values()].map(({ name, errors }) => ({ name, errors })));
  return leftover;
}

/** Resolver for forms whose inputs are named like the API fields, with custom values under `['custom', key]`. */
export function fieldResolver(known: string[], customKeys: string[], renames: Record<string, NamePath> = {}) {
  return (field: string): NamePath | undefined => {
    if (field in renames) return renames[field];
    if (field.startsWith('custom.')) {
      const key = field.slice('custom.'.length);
      return customKeys.includes(key) ? ['custom', key] : undefined;
    }
    return known.includes(field) ? field : undefined;
  };
}
