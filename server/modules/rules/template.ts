/**
 * A tiny, safe interpolator for notification and task texts: `{{ record.title }}`, `{{ record.amountFen | yuan }}`.
 * Only own properties along a dotted path are read (no prototype walking, no calls, no eval); a missing value is
 * an empty string. Pure.
 */
import { CONTEXT_ROOTS, type ConditionIssue } from './conditions.js';
import { resolveTemplateName as resolveAlias } from '../../../shared/rule-templates.js';

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

const FILTERS: Record<string, (value: unknown) => string> = {
  /** Integer fen → "¥50,000.00". */
  yuan: (v) => (typeof v === 'number' && Number.isFinite(v) ? `¥${(v / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : ''),
  upper: (v) => text(v).toUpperCase(),
  lower: (v) => text(v).toLowerCase(),
};

export const TEMPLATE_FILTERS = Object.keys(FILTERS);


function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function readPath(context: unknown, path: string): unknown {
  let current: unknown = context;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || FORBIDDEN.has(segment)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export function interpolate(template: string, context: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_match, written: string, writtenFilter?: string) => {
    const { path, filter } = resolveAlias(written, writtenFilter);
    const value = readPath(context, path);
    return filter ? (FILTERS[filter]?.(value) ?? '') : text(value);
  });
}

/** Problems with a template's placeholders (unknown root, bad path, unknown filter, unbalanced braces). */
export function checkTemplate(template: string): Array<Omit<ConditionIssue, 'path'>> {
  const problems: Array<Omit<ConditionIssue, 'path'>> = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, written, writtenFilter] = match;
    const { path, filter } = resolveAlias(written, writtenFilter);
    if (!PATH.test(path) || path.split('.').some((s) => FORBIDDEN.has(s))) problems.push({ code: 'template_path', params: { placeholder: whole, path } });
    else if (!(CONTEXT_ROOTS as readonly string[]).includes(path.split('.')[0])) problems.push({ code: 'template_root', params: { placeholder: whole, roots: CONTEXT_ROOTS.join(', ') } });
    if (filter && !(filter in FILTERS)) problems.push({ code: 'template_filter', params: { placeholder: whole, filter, filters: TEMPLATE_FILTERS.join(', ') } });
  }
  const stripped = template.replace(PLACEHOLDER, '');
  if (stripped.includes('{{') || stripped.includes('}}')) problems.push({ code: 'template_malformed' });
  return problems;
}
