import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';

/**
 * Puts the server's `fields[].field` messages next to the form items whose name path matches
 * (`settings.host` → ['settings','host'], `actions.1.config.title` → ['actions',1,'config','title']).
 * Returns the messages no item on the form claims, to be shown in a banner.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, known: (path: (string | number)[]) => boolean = () => true): string[] {
  if (!(error instanceof ApiError) || !error.body.fields) return [];
  const leftover: string[] = [];
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const f of error.body.fields) {
    const name = f.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (!known(name)) {
      leftover.push(`${f.field}: ${f.message}`);
      continue;
    }
    const entry = byPath.get(f.field) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byPath.set(f.field, entry);
  }
  form.setFields([...byPath.values()]);
  return leftover;
}
