/**
 * The one output layer for field-level restriction: every JSON body the API sends passes through `redact` with the
 * caller's hidden keys (a Fastify hook in app.ts), and every text rendered for a recipient (rule notifications and
 * task titles) is rendered from a context redacted for that recipient. Pure.
 */
import type { Role } from '../db/schema.js';
import { hiddenKeys, hiddenKeysOfRole, hiddenMarkedKeys, hiddenMarkedKeysOfRole, type AnyActor, type MarkedKeys } from './policy.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const NONE: MarkedKeys = new Map();

/**
 * A copy of `value` without any property named in `keys`, at any depth, and without the `marked` keys of objects
 * whose marker property is true; the input is not modified.
 */
export function redact<T>(value: T, keys: ReadonlySet<string>, marked: MarkedKeys = NONE): T {
  if (keys.size === 0 && marked.size === 0) return value;
  return strip(value, keys, marked) as T;
}

function strip(value: unknown, keys: ReadonlySet<string>, marked: MarkedKeys): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, keys, marked));
  if (!isPlainObject(value)) return value;
  let hidden = keys;
  for (const [marker, extra] of marked) if (value[marker] === true) hidden = new Set([...hidden, ...extra]);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!hidden.has(key)) out[key] = strip(v, keys, marked);
  return out;
}

/** `value` as `actor` may see it. */
export function redactFor<T>(actor: AnyActor, value: T): T {
  return redact(value, hiddenKeys(actor), hiddenMarkedKeys(actor));
}

/** `value` as a user of `role` may see it: for texts rendered for a recipient rather than for the caller. */
export function redactForRole<T>(role: Role, value: T): T {
  return redact(value, hiddenKeysOfRole(role), hiddenMarkedKeysOfRole(role));
}
