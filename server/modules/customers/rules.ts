/** Pure rules of the customer record: phone normalisation, credit code format, who may own what. */
import { inScope, scopeOf, type AnyActor, type Scope } from '../org/scope.js';

/** The one phone normaliser (customers/normalize.ts); customers, leads and appointments import it from here. */
export { normalizePhone } from './normalize.js';

/** 统一社会信用代码: 18 characters; the alphabet excludes I, O, Z, S, V. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function isValidCreditCode(code: string): boolean {
  return CREDIT_CODE.test(code);
}

/**
 * Whether `actor` (within `scope`, their own unless a use case grants a wider reach) may make `target` the owner (or assignee) of a record: sellers only themselves, leads and
 * managers someone in their team subtree, roles that see everything anyone. Inactive users own nothing new.
 */
export function mayAssign(actor: AnyActor, target: { id: string; teamPath: string; active: boolean }, scope: Scope = scopeOf(actor)): boolean {
  if (!target.active) return false;
  return inScope(scope, { ownerId: target.id, teamPath: target.teamPath });
}

/** Values of the 31 characters of a 统一社会信用代码 (GB 32100-2015): digits, then letters without I, O, Z, S, V. */
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Whether the 18th character is the check character of the first 17 (GB 32100-2015, modulus 31): catches a mistyped
 * or transposed character that the format alone lets through. Expects the normalised (upper-case) code.
 */
export function creditCodeCheckOk(code: string): boolean {
  if (!CREDIT_CODE.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(code[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return code[17] === CREDIT_CODE_ALPHABET[check];
}
