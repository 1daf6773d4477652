/** Pure rules of the customer record: phone normalisation, credit code format, who may own what. */
import { inScope, scopeOf, type Actor } from '../org/scope.js';

/**
 * Digits only, without the China country prefix (+86 / 0086 / 86 before an 11-digit mobile), so "+86 138-0013-8000",
 * "008613800138000" and "13800138000" are the same number for search and duplicate checks. Landlines keep their
 * leading 0 area code ("021-6234 5678" → "02162345678").
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (phone == null) return null;
  let digits = phone.replace(/\D/g, '');
  const hadPlus = phone.trim().startsWith('+');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (hadPlus && digits.startsWith('86')) digits = digits.slice(2);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits === '' ? null : digits;
}

/** 统一社会信用代码: 18 characters; the alphabet excludes I, O, Z, S, V. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function isValidCreditCode(code: string): boolean {
  return CREDIT_CODE.test(code);
}

/**
 * Whether `actor` may make `target` the owner (or assignee) of a record: sellers only themselves, leads and
 * managers someone in their team subtree, roles that see everything anyone. Inactive users own nothing new.
 */
export function mayAssign(actor: Actor, target: { id: string; teamPath: string; active: boolean }): boolean {
  if (!target.active) return false;
  return inScope(scopeOf(actor), { ownerId: target.id, teamPath: target.teamPath });
}
