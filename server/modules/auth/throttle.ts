/**
 * Failed-login throttling. Two counters per attempt: the account (a guesser rotating addresses still hits it)
 * and the client address (a guesser rotating usernames still hits that). Only failures count, so an office behind
 * one NAT address can log in all day; past the free failures each further failure doubles a lock-out.
 * Pure: the counters live in the `login_throttle` table (auth/repo.ts).
 */
import type { LoginThrottle } from '../../core/config.js';

export interface ThrottleKey {
  key: string;
  /** Failures allowed before the lock-out starts. */
  free: number;
}

export function throttleKeys(username: string, address: string, t: LoginThrottle): ThrottleKey[] {
  return [
    // Case and surrounding spaces must not give a guesser a fresh counter.
    { key: `account:${username.trim().toLowerCase()}`, free: t.accountFailures },
    { key: `address:${address}`, free: t.addressFailures },
  ];
}

/** Lock-out after the `failures`-th failure in a row: none while free, then base, 2×base, 4×base … up to the cap. */
export function lockDelayMs(failures: number, free: number, t: LoginThrottle): number {
  if (failures < free) return 0;
  return Math.min(t.maxDelayMs, t.baseDelayMs * 2 ** Math.min(30, failures - free));
}
