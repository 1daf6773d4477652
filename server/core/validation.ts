/**
 * Zod issues → field errors with stable codes. The one mapping, used by the HTTP error handler for every route
 * schema and by services that parse nested input themselves (channel configs, rule actions, uploads, deliverables).
 */
import type { FieldCode, FieldError, MessageParams } from './errors.js';
import { FIELD_MESSAGES } from '../../shared/messages.js';

/** The parts of a zod 4 issue the mapping reads (fastify-type-provider-zod passes them as `params`). */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  values?: unknown[];
  keys?: string[];
  expected?: string;
  params?: Record<string, unknown>;
}

const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;
/** Field codes by their English text: zod keeps no params on a `.regex()` failure, only its message. */
const CODE_OF_TEXT = new Map(Object.entries(FIELD_MESSAGES).map(([code, m]) => [m.en as string, code as FieldCode]));

/**
 * The message of a format check, `z.string().regex(KEY, formatMessage('key_format'))`: the catalogue's English text,
 * by which the mapping finds the code again, so the field error says in zh and en which format is expected.
 */
export function formatMessage(code: FieldCode): string {
  return FIELD_MESSAGES[code].en;
}
const isFieldCode = (value: unknown): value is FieldCode => typeof value === 'string' && Object.hasOwn(FIELD_MESSAGES, value);
const num = (value: number | bigint | undefined) => (value === undefined ? 0 : Number(value));
const list = (values: unknown[] | undefined) => (values ?? []).map((v) => String(v)).join(', ');

/**
 * `present` says whether the input had a value at the issue's path; a missing value is `required`, whatever type
 * the schema expected.
 */
export function fieldErrorOf(issue: IssueLike, field: string, present: boolean): FieldError {
  const own = issue.message && !DEFAULT_MESSAGE.test(issue.message) ? issue.message : undefined;
  const make = (code: FieldCode, params?: MessageParams, detail?: string): FieldError => ({
    field,
    code,
    ...(params ? { params } : {}),
    ...(detail ? { detail } : {}),
  });
  switch (issue.code) {
    case 'invalid_type':
      return present ? make('invalid_type', issue.expected ? { expected: issue.expected } : undefined, own) : make('required');
    case 'too_small': {
      const min = num(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? make('required') : make('too_short', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return make('too_few', { min });
      return make('too_small', { min });
    }
    case 'too_big': {
      const max = num(issue.maximum);
      if (issue.origin === 'string') return make('too_long', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return make('too_many', { max });
      return make('too_large', { max });
    }
    case 'invalid_format': {
      if (isFieldCode(issue.params?.code)) return make(issue.params.code, undefined, own);
      const byText = own === undefined ? undefined : CODE_OF_TEXT.get(own);
      if (byText) return make(byText);
      if (issue.format === 'email') return make('invalid_email');
      if (issue.format === 'datetime') return make('invalid_datetime');
      if (issue.format === 'date') return make('invalid_date');
      return make('invalid_format', undefined, own);
    }
    case 'not_multiple_of':
      return make('not_integer');
    case 'invalid_value':
      return make('unknown_value', { values: list(issue.values) });
    case 'unrecognized_keys':
      return make('unknown_field', { keys: list(issue.keys) });
    case 'custom': {
      const { code, ...params } = issue.params ?? {};
      const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as MessageParams;
      return make(isFieldCode(code) ? code : 'invalid', Object.keys(clean).length ? clean : undefined, own);
    }
    default:
      return make('invalid', undefined, own);
  }
}

export const fieldPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Field errors of a `safeParse` failure, fields named under `prefix` (e.g. `config`, `deliverable`). */
export function fieldErrorsOf(issues: readonly IssueLike[], prefix = '', input?: unknown): FieldError[] {
  return issues.map((issue) => {
    const field = [prefix, fieldPath(issue.path)].filter(Boolean).join('.') || 'body';
    return fieldErrorOf(issue, field, input === undefined ? true : valueAt(input, issue.path) !== undefined);
  });
}

/** The value at a path of parsed JSON, or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Options for a zod `.refine()` whose failure carries a field code: `.refine(check, coded('phone_invalid', { min: 7, max: 20 }))`. */
export function coded(code: FieldCode, params?: MessageParams, path?: PropertyKey[]) {
  return { message: fillEn(code, params), params: { code, ...params }, ...(path ? { path } : {}) };
}

function fillEn(code: FieldCode, params?: MessageParams): string {
  return FIELD_MESSAGES[code].en.replace(/\{(\w+)\}/g, (whole, name: string) => (params?.[name] === undefined ? whole : String(params[name])));
}
