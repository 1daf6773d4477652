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
