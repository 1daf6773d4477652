import {
  ERROR_MESSAGES,
  REASON_MESSAGES,
  fieldCodeMessage,
  reasonMessage,
  type FieldCode,
  type Lang,
  type MessageParams,
  type Msg,
  type ReasonCode,
  type RecordName,
} from '../../shared/messages.js';

export type { FieldCode, Lang, MessageParams, ReasonCode };

/**
 * The one catalogue of error codes the API answers with, and their HTTP status. Every error body is
 * `{ "error": { "code", "message", "reason"?, "params"?, "fields"?, ...extra } }`; the zh/en text of each code,
 * reason and field code lives in shared/messages.ts.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400 },
  UNAUTHENTICATED: { status: 401 },
  BAD_CREDENTIALS: { status: 401 },
  FORBIDDEN: { status: 403 },
  NOT_FOUND: { status: 404 },
  CONFLICT: { status: 409 },
  DUPLICATE_CUSTOMER: { status: 409 },
  SWEEP_RUNNING: { status: 409 },
  IDEMPOTENCY_IN_PROGRESS: { status: 409 },
  IDEMPOTENCY_KEY_REUSED: { status: 422 },
  POOL_NOT_AVAILABLE: { status: 409 },
  POOL_DAILY_LIMIT: { status: 422 },
  POOL_HOLD_LIMIT: { status: 422 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  GATE_UNMET: { status: 422 },
  SKIP_NOT_ALLOWED: { status: 422 },
  INVALID_STATE: { status: 422 },
  YAML_INVALID: { status: 422 },
  DELIVERABLE_MISSING: { status: 422 },
  CHECKLIST_INCOMPLETE: { status: 422 },
  RATE_LIMITED: { status: 429 },
  URI_TOO_LONG: { status: 414 },
  HEADERS_TOO_LARGE: { status: 431 },
  REQUEST_TIMEOUT: { status: 408 },
  PLAN_MISMATCH: { status: 422 },
  INTERNAL: { status: 500 },
} as const satisfies Record<keyof typeof ERROR_MESSAGES, { status: number }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
// Both directions: a code without text, or text without a code, fails to compile.
const _everyCodeHasText: Record<ErrorCode, Msg> = ERROR_MESSAGES;
void _everyCodeHasText;

/**
 * What is wrong with one input: a stable `code` (the web app translates by it), its `params`, and optionally the
 * validator's own English wording (`detail`) for checks too specific for a catalogue entry; the Chinese text then
 * comes from the code.
 */
export interface FieldError {
  field: string;
  code: FieldCode;
  params?: MessageParams;
  detail?: string;
}

/** A field error as it goes out: with its message in the caller's language. */
export interface FieldErrorBody {
  field: string;
  code: FieldCode;
  message: string;
  params?: MessageParams;
}

export function fieldMessage(error: FieldError, lang: Lang): string {
  if (lang === 'en' && error.detail) return error.detail;
  return fieldCodeMessage(error.code, lang, error.params);
}

export function renderField(error: FieldError, lang: Lang): FieldErrorBody {
  return { field: error.field, code: error.code, message: fieldMessage(error, lang), ...(error.params ? { params: error.params } : {}) };
}

const isReason = (value: string): value is ReasonCode => Object.hasOwn(REASON_MESSAGES, value);

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly reason?: ReasonCode;
  /** English-only wording from a caller that has no reason code; Chinese users get the code's text instead. */
  readonly detail?: string;
  readonly params?: MessageParams;
  readonly fields?: FieldError[];
  readonly extra?: Record<string, unknown>;
  /** Params and extras whose texts depend on the reader's language (located YAML errors). */
  readonly localized?: (lang: Lang) => { params?: MessageParams; extra?: Record<string, unknown> };

  /** `reason` is a key of REASON_MESSAGES; any other text is kept as English-only detail. */
  constructor(
    code: ErrorCode,
    reason?: ReasonCode | (string & {}),
    options: {
      params?: MessageParams;
      fields?: FieldError[];
      extra?: Record<string, unknown>;
      localized?: (lang: Lang) => { params?: MessageParams; extra?: Record<string, unknown> };
    } = {},
  ) {
    super('');
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    if (reason !== undefined) {
      if (isReason(reason)) this.reason = reason;
      else this.detail = reason;
    }
    this.params = options.params;
    this.fields = options.fields;
    this.extra = options.extra;
    this.localized = options.localized;
    this.message = this.text('en');
  }

  /** The top-level message in one language: the reason, else the field errors, else the code's catalogue text. */
  text(lang: Lang): string {
    if (this.reason) return reasonMessage(this.reason, lang, this.localized?.(lang).params ?? this.params);
    if (this.detail && lang === 'en') return this.detail;
    if (this.fields?.length) {
      const [sep, colon] = lang === 'zh' ? ['；', '：'] : ['; ', ': '];
      return this.fields.map((f) => `${f.field}${colon}${fieldMessage(f, lang)}`).join(sep);
    }
    return ERROR_MESSAGES[this.code][lang];
  }

  toBody(lang: Lang = 'zh') {
    const localized = this.localized?.(lang);
    const params = localized?.params ?? this.params;
    return {
      error: {
        code: this.code,
        message: this.text(lang),
        ...(this.reason ? { reason: this.reason } : {}),
        ...(params ? { params } : {}),
        ...(this.fields ? { fields: this.fields.map((f) => renderField(f, lang)) } : {}),
        ...this.extra,
        ...localized?.extra,
      },
    };
  }
}

export const notFound = (what: RecordName) => new AppError('NOT_FOUND', 'not_found', { params: { what } });

export function invalid(field: string, code: FieldCode, params?: MessageParams, detail?: string): AppError {
  return new AppError('VALIDATION_FAILED', undefined, { fields: [{ field, code, ...(params ? { params } : {}), ...(detail ? { detail } : {}) }] });
}

/**
 * The message of a located (YAML) error in `lang`. A check with only its own English wording (a custom refinement
 * without a catalogue code: code `invalid`) keeps that wording after the generic Chinese text, so a Chinese reader
 * still learns what is wrong.
 */
export function locatedMessage(e: { path: string; code: FieldCode; params?: MessageParams; detail?: string }, lang: Lang): string {
  const text = fieldMessage({ field: e.path, code: e.code, params: e.params, detail: e.detail }, lang);
  return lang === 'zh' && e.detail && e.code === 'invalid' ? `${text}：${e.detail}` : text;
}

interface LocatedError {
  line: number;
  column: number;
  path: string;
  message: string;
  code?: FieldCode;
  params?: MessageParams;
  detail?: string;
}

/**
 * 422 YAML_INVALID for a located list of YAML problems; the problems themselves travel as `errors`, each message
 * (and the summary's first one) in the reader's language when the problem has a code.
 */
export function yamlInvalid(errors: ReadonlyArray<LocatedError>): AppError {
  const inLang = (lang: Lang) =>
    errors.map(({ detail, ...e }) => (e.code ? { ...e, message: locatedMessage({ ...e, code: e.code, detail }, lang) } : { ...e }));
  const summary = (list: LocatedError[]) => {
    const first = list[0];
    return { count: list.length, line: first.line, column: first.column, detail: `${first.path ? `${first.path}: ` : ''}${first.message}` };
  };
  return new AppError('YAML_INVALID', 'yaml_errors', {
    params: summary([...errors]),
    extra: { errors: inLang('en') },
    localized: (lang) => {
      const list = inLang(lang);
      return { params: summary(list), extra: { errors: list } };
    },
  });
}
