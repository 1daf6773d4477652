/**
 * The one catalogue of error codes the API answers with. Every error body is
 * `{ "error": { "code", "message", "fields"?, ...extra } }`.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'The request is invalid' },
  UNAUTHENTICATED: { status: 401, message: 'Log in first' },
  BAD_CREDENTIALS: { status: 401, message: 'Wrong username or password' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  CONFLICT: { status: 409, message: 'Conflicts with existing data' },
  DUPLICATE_CUSTOMER: { status: 409, message: 'This customer already exists' },
  SWEEP_RUNNING: { status: 409, message: 'A pool sweep is already running; try again when it has finished' },
  POOL_NOT_AVAILABLE: { status: 409, message: 'This customer is no longer in the pool' },
  POOL_DAILY_LIMIT: { status: 422, message: 'You reached your daily limit of pool claims' },
  POOL_HOLD_LIMIT: { status: 422, message: 'You hold the maximum number of customers' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This file type is not accepted' },
  GATE_UNMET: { status: 422, message: 'The stage gate is not met' },
  SKIP_NOT_ALLOWED: { status: 422, message: 'This stage cannot be skipped' },
  INVALID_STATE: { status: 422, message: 'The record is not in a state that allows this' },
  YAML_INVALID: { status: 422, message: 'The YAML document is invalid' },
  DELIVERABLE_MISSING: { status: 422, message: 'The step deliverable is missing' },
  CHECKLIST_INCOMPLETE: { status: 422, message: 'The activity checklist is incomplete' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; wait and retry' },
  URI_TOO_LONG: { status: 414, message: 'A path parameter is too long' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive' },
  INTERNAL: { status: 500, message: 'Unexpected error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldError[];
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, options: { fields?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.fields = options.fields;
    this.extra = options.extra;
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...this.extra,
      },
    };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${message}`, { fields: [{ field, message }] });
}
