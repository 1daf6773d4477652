/** Row types of the hardening tables (migration 0012). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  /** `METHOD /route/pattern`: a key is bound to the operation it was first used on. */
  route: string;
  body_hash: string;
  status: number;
  response: string; // JSON text of the original answer
  created_at: string;
}

export interface SecurityTables {
  login_throttle: LoginThrottleTable;
  idempotency_keys: IdempotencyKeysTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends SecurityTables {}
}
