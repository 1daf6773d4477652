import { useEffect, useMemo, useRef } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n, type Lang } from '../../i18n';
import { fieldText, type ServerFieldError } from '../../i18n/errors';

export type NamePath = string | (string | number)[];
/** Maps a server field (`custom.bed_count`, `actions.1.config.title`) to the form's name for it, or undefined. */
export type FieldResolver = (field: string) => NamePath | undefined;

/** A field error in the reader's language. */
export interface LocalFieldError {
  field: string;
  code?: string;
  text: string;
}

/**
 * The field errors of a failed request, rendered by code in the reader's language, by field path. Forms built on
 * component state read them with `at` / `under` / `item`; antd forms get them placed by `useFormErrors`.
 */
export class FieldErrors {
  private readonly map = new Map<string, LocalFieldError[]>();
  readonly list: LocalFieldError[];
  constructor(error: unknown, lang: Lang) {
    const fields: ServerFieldError[] = error instanceof ApiError ? (error.body.fields ?? []) : [];
    this.list = fields.map((f) => ({ field: f.field, code: f.code, text: fieldText(f, lang, (error as ApiError).lang) }));
    for (const f of this.list) this.map.set(f.field, [...(this.map.get(f.field) ?? []), f]);
  }
  get size() {
    return this.map.size;
  }
  /** Messages of exactly this path. */
  at(path: string): string | undefined {
    return this.map.get(path)?.map((f) => f.text).join('; ');
  }
  /** Messages of this path and everything below it, each prefixed with the rest of its path. */
  under(prefix: string): string | undefined {
    const out: string[] = [];
    for (const [field, errors] of this.map) {
      if (field === prefix) out.push(...errors.map((f) => f.text));
      else if (field.startsWith(prefix + '.')) out.push(...errors.map((f) => `${field.slice(prefix.length + 1)}: ${f.text}`));
    }
    return out.length ? out.join('; ') : undefined;
  }
  /** Form.Item props for a path: red status and the message as help. */
  item(path: string, deep = false) {
    const help = deep ? this.under(path) : this.at(path);
    return help ? { validateStatus: 'error' as const, help } : {};
  }
  all(): string[] {
    return this.list.map((f) => `${f.field}: ${f.text}`);
  }
}

export interface FormErrors extends FieldErrors {
  /** The request error itself (for the form-level line). */
  readonly error: unknown;
  /** Field errors no input of the form took. */
  readonly leftover: LocalFieldError[];
}

/** Splits `actions.1.config.title` into an antd name path. */
export const pathOf = (field: string): (string | number)[] => field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** Resolver for forms whose inputs are named like the API fields, with custom values under `['custom', key]`. */
export function fieldResolver(known: string[], customKeys: string[] = [], renames: Record<string, NamePath> = {}): FieldResolver {
  return (field) => {
    if (field in renames) return renames[field];
    if (field.startsWith('custom.')) {
      const key = field.slice('custom.'.length);
      return customKeys.includes(key) ? ['custom', key] : undefined;
    }
    return known.includes(field) ? field : undefined;
  };
}

/** Resolver for forms whose item names are the API paths under some top-level names (`settings.host`). */
export const pathResolver = (roots: string[]): FieldResolver => (field) => (roots.includes(field.split('.')[0]) ? pathOf(field) : undefined);

/**
 * The one way forms show server errors: pass the mutation's error; with `form` and `resolve`, each field error is
 * put under its input (again when the language changes), and the rest is `leftover` for <FormError>.
 */
export function useFormErrors(error: unknown, options: { form?: FormInstance; resolve?: FieldResolver } = {}): FormErrors {
  const { lang } = useI18n();
  const { form, resolve } = options;
  const errors = useMemo(() => new FieldErrors(error, lang), [error, lang]);
  // Resolvers are usually written inline; placing again on every render would bring back errors the user fixed.
  const resolveRef = useRef(resolve);
  resolveRef.current = resolve;
  const placed = useMemo(() => {
    const resolve = resolveRef.current;
    const byName = new Map<string, { name: NamePath; errors: string[] }>();
    const leftover: LocalFieldError[] = [];
    for (const f of errors.list) {
      const name = form && resolve ? resolve(f.field) : undefined;
      if (name === undefined) {
        leftover.push(f);
        continue;
      }
      const key = JSON.stringify(name);
      const entry = byName.get(key) ?? { name, errors: [] };
      entry.errors.push(f.text);
      byName.set(key, entry);
    }
    return { items: [...byName.values()], leftover };
  }, [errors, form]);
  useEffect(() => {
    if (form && placed.items.length) form.setFields(placed.items);
  }, [form, placed]);
  return Object.assign(Object.create(errors) as FieldErrors, { error, leftover: placed.leftover }) as FormErrors;
}
