/**
 * How a deal or activity row names its customer — by credit code, phone or name, whichever columns it has — resolved
 * for a whole batch with one query. Strong keys (credit code, phone) win; a name must match exactly one customer.
 */
import type { Queryable } from '../../db/index.js';
import type { CustomersTable } from '../../db/schema.js';
import { normalizeCompanyName } from '../customers/normalize.js';
import { normalizePhone } from '../customers/rules.js';
import { inScope, type Scope } from '../../core/policy.js';
import type { RowPlan } from './target.js';
import type { RowProblem } from './validate.js';
import * as repo from './repo.js';

export interface CustomerRef {
  name?: string;
  creditCode?: string;
  phone?: string;
}

/** The key two rows of a file share when they name the same customer. */
export function refKey(ref: CustomerRef): string {
  return ref.creditCode ? `c:${ref.creditCode}` : ref.phone ? `p:${normalizePhone(ref.phone)}` : `n:${normalizeCompanyName(ref.name ?? '') ?? ref.name ?? ''}`;
}

export type Resolved = { customer: CustomersTable } | { problem: RowProblem };

export async function resolveCustomers(db: Queryable, refs: CustomerRef[], columnOf: (field: string) => string | null): Promise<(ref: CustomerRef) => Resolved> {
  const names = new Set<string>();
  const phones = new Set<string>();
  const creditCodes = new Set<string>();
  for (const r of refs) {
    if (r.creditCode) creditCodes.add(r.creditCode);
    const phone = normalizePhone(r.phone);
    if (phone) phones.add(phone);
    if (r.name) names.add(r.name);
  }
  const rows = await repo.customersByRef(db, { names: [...names], normalizedNames: [...names].map((n) => normalizeCompanyName(n)).filter((n): n is string => !!n), phones: [...phones], creditCodes: [...creditCodes] });
  return (ref) => {
    const phone = normalizePhone(ref.phone);
    const strong = ref.creditCode ? rows.filter((c) => c.credit_code === ref.creditCode) : phone ? rows.filter((c) => c.phone_normalized === phone) : [];
    const field = ref.creditCode ? 'customerCreditCode' : phone ? 'customerPhone' : 'customer';
    let found = strong;
    if (!ref.creditCode && !phone && ref.name) {
      found = rows.filter((c) => c.name === ref.name);
      const key = normalizeCompanyName(ref.name);
      if (!found.length && key) found = rows.filter((c) => c.kind === 'company' && c.name_normalized === key);
    }
    const value = ref.creditCode ?? ref.phone ?? ref.name ?? '';
    if (found.length === 1) return { customer: found[0]! };
    if (found.length > 1) return { problem: { column: columnOf(field), field, code: 'customer_ambiguous', params: { value } } };
    return { problem: { column: columnOf(field), field, code: 'customer_unknown', params: { value } } };
  };
}

/** The row's customer when it resolves and lies in the importer's scope; otherwise the row's verdict (error, denied). */
export function rowCustomer(resolved: Resolved, scope: Scope, column: string | null): { customer: CustomersTable } | { plan: RowPlan } {
  if ('problem' in resolved) return { plan: { verdict: 'error', matchId: null, problems: [resolved.problem] } };
  const { customer } = resolved;
  if (inScope(scope, { ownerId: customer.owner_id, teamPath: customer.team_path })) return { customer };
  return { plan: { verdict: 'denied', matchId: null, problems: [{ column, field: 'customer', code: 'record_out_of_scope', params: { name: customer.name } }] } };
}

/** The verdict of a row refused for one field. */
export function rowError(column: string | null, field: string, code: RowProblem['code'], params?: Record<string, string | number>): RowPlan {
  return { verdict: 'error', matchId: null, problems: [{ column, field, code, ...(params ? { params } : {}) }] };
}
