/**
 * The verdict of one row: shared by the dry run and the commit, so both report the same numbers on the same data.
 * Duplicates are found the way the leads module finds them (its `duplicateKeys`: normalised phone, credit code,
 * company-name key), for a whole batch at once.
 */
import type { Queryable } from '../../db/index.js';
import type { ContactsTable, CustomersTable } from '../../db/schema.js';
import { parseJson } from '../../core/json.js';
import { inScope, type Scope } from '../org/scope.js';
import { normalizePhone } from '../customers/rules.js';
import type { CustomerChange } from '../customers/write.js';
import { duplicateKeys } from '../leads/duplicates.js';
import * as repo from './repo.js';
import type { ImportRecord, RowProblem } from './validate.js';

export const VERDICTS = ['create', 'update', 'unchanged', 'skip', 'conflict', 'denied', 'error'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface ImportOptions {
  /** create: only new customers; update: only existing ones; upsert: both. */
  mode: 'create' | 'update' | 'upsert';
  /** An existing customer matched by credit code or phone: skip the row, update it, or create another anyway. */
  duplicates: 'skip' | 'update' | 'create';
  /** Emit customer events per row (rules, robots). Off by default: one summary notification instead. */
  perRowEvents: boolean;
  /** Owner of created rows without an owner column (required when the CLI imports as the organisation). */
  defaultOwnerId: string | null;
}

export const DEFAULT_OPTIONS: ImportOptions = { mode: 'upsert', duplicates: 'update', perRowEvents: false, defaultOwnerId: null };

export interface ContactChange {
  add?: { name: string; phone: string | null; title: string | null; email: string | null };
  change?: { row: ContactsTable; set: Partial<Pick<ContactsTable, 'name' | 'title' | 'phone' | 'email'>> };
}

export interface Plan {
  verdict: Verdict;
  /** The matched customer (update, unchanged, skip, conflict, denied). */
  match: CustomersTable | null;
  matchedOn: Array<'creditCode' | 'phone' | 'name'>;
  problems: RowProblem[];
  set: CustomerChange;
  contact: ContactChange | null;
}

export interface Lookup {
  customers: CustomersTable[];
  contacts: Map<string, ContactsTable[]>;
}

/** One query for the duplicates of a batch of records, one for the contacts of the customers found. */
export async function lookupBatch(db: Queryable, records: ImportRecord[]): Promise<Lookup> {
  const phones = new Set<string>();
  const creditCodes = new Set<string>();
  const names = new Set<string>();
  for (const r of records) {
    const keys = duplicateKeys({ kind: r.kind, name: r.name ?? '', phone: r.phone, creditCode: r.creditCode });
    if (keys.phone) phones.add(keys.phone);
    if (keys.creditCode) creditCodes.add(keys.creditCode);
    if (keys.name) names.add(keys.name);
  }
  const customers = await repo.customersByKeys(db, { phones: [...phones], creditCodes: [...creditCodes], names: [...names] });
  const contacts = new Map<string, ContactsTable[]>();
  for (const c of await repo.contactsOf(db, customers.map((x) => x.id))) contacts.set(c.customer_id, [...(contacts.get(c.customer_id) ?? []), c]);
  return { customers, contacts };
}

/** Fields of `record` that differ from the customer `row`: what an update would write (empty: unchanged). */
export function customerChanges(record: ImportRecord, row: CustomersTable): CustomerChange {
  const set: CustomerChange = {};
  if (record.kind !== undefined && record.kind !== row.kind) set.kind = record.kind;
  if (record.name !== undefined && record.name !== row.name) set.name = record.name;
  if (record.phone !== undefined && record.phoneNormalized !== row.phone_normalized) set.phone = record.phone;
  if (record.creditCode !== undefined && record.creditCode !== row.credit_code) set.creditCode = record.creditCode;
  for (const key of ['region', 'industry', 'source', 'level'] as const) {
    if (record[key] !== undefined && record[key] !== row[key]) set[key] = record[key];
  }
  if (record.owner && record.owner.id !== row.owner_id) set.owner = { id: record.owner.id, teamPath: record.owner.teamPath };
  if (record.custom) {
    const existing = parseJson<Record<string, unknown>>(row.custom, {});
    if (Object.entries(record.custom).some(([k, v]) => JSON.stringify(existing[k]) !== JSON.stringify(v))) set.custom = { ...existing, ...record.custom };
  }
  return set;
}

/** The contact of the row against the customer's contacts: same phone, else same name; add it when none is. */
export function contactChange(record: ImportRecord, contacts: ContactsTable[]): ContactChange | null {
  const c = record.contact;
  if (!c) return null;
  const phone = normalizePhone(c.phone);
  const same = contacts.find((x) => phone && normalizePhone(x.phone) === phone) ?? contacts.find((x) => x.name === c.name);
  if (!same) return { add: c };
  const set: ContactChange['change'] extends infer X ? (X extends { set: infer S } ? S : never) : never = {};
  if (c.name && c.name !== same.name) set.name = c.name;
  if (c.phone && phone !== normalizePhone(same.phone)) set.phone = c.phone;
  if (c.title && c.title !== same.title) set.title = c.title;
  if (c.email && c.email !== same.email) set.email = c.email;
  return Object.keys(set).length ? { change: { row: same, set } } : null;
}

/**
 * The verdict of a valid record against the database (`lookup`) and the importer's scope. Matches by credit code or
 * phone are strong; a match only by the loosened company name is never written over (conflict) unless the row says
 * nothing new. A seller never changes a customer outside their scope (denied).
 */
export function planRow(record: ImportRecord, lookup: Lookup, options: ImportOptions, scope: Scope): Plan {
  const keys = duplicateKeys({ kind: record.kind, name: record.name ?? '', phone: record.phone, creditCode: record.creditCode });
  const byCredit = keys.creditCode ? lookup.customers.find((c) => c.credit_code === keys.creditCode) : undefined;
  const byPhone = keys.phone ? lookup.customers.find((c) => c.phone_normalized === keys.phone) : undefined;
  const byName = keys.name ? lookup.customers.find((c) => c.kind === 'company' && c.name_normalized === keys.name) : undefined;
  const base = { problems: [] as RowProblem[], set: {}, contact: null };
  if (byCredit && byPhone && byCredit.id !== byPhone.id) {
    return {
      ...base,
      verdict: 'error',
      match: null,
      matchedOn: [],
      problems: [{ column: null, field: 'row', code: 'duplicate_ambiguous', params: { names: `${byCredit.name}、${byPhone.name}` } }],
    };
  }
  const strong = byCredit ?? byPhone;
  const match = strong ?? byName ?? null;
  const matchedOn: Plan['matchedOn'] = [];
  if (match && byCredit?.id === match.id) matchedOn.push('creditCode');
  if (match && byPhone?.id === match.id) matchedOn.push('phone');
  if (match && byName?.id === match.id) matchedOn.push('name');
  if (!match) {
    if (options.mode === 'update') return { ...base, verdict: 'skip', match: null, matchedOn, problems: [{ column: null, field: 'row', code: 'not_found_skipped' }] };
    return { ...base, verdict: 'create', match: null, matchedOn };
  }
  if (options.duplicates === 'create' && options.mode !== 'update') return { ...base, verdict: 'create', match: null, matchedOn };
  const set = customerChanges(record, match);
  const contact = contactChange(record, lookup.contacts.get(match.id) ?? []);
  const changes = Object.keys(set).length > 0 || contact !== null;
  if (!changes) return { ...base, verdict: 'unchanged', match, matchedOn };
  if (options.mode === 'create' || options.duplicates === 'skip') {
    return { ...base, verdict: 'skip', match, matchedOn, problems: [{ column: null, field: 'row', code: 'exists_skipped', params: { name: match.name } }] };
  }
  if (!strong) {
    return { ...base, verdict: 'conflict', match, matchedOn, problems: [{ column: null, field: 'row', code: 'name_match_only', params: { name: match.name } }] };
  }
  if (!inScope(scope, { ownerId: match.owner_id, teamPath: match.team_path })) {
    return { ...base, verdict: 'denied', match, matchedOn, problems: [{ column: null, field: 'row', code: 'record_out_of_scope', params: { name: match.name } }] };
  }
  return { verdict: 'update', match, matchedOn, problems: [], set, contact };
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  skipped: number;
  conflicts: number;
  denied: number;
}

export const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, errors: 0, skipped: 0, conflicts: 0, denied: 0 });

const COUNT_OF: Record<Verdict, keyof ImportCounts> = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  error: 'errors',
  skip: 'skipped',
  conflict: 'conflicts',
  denied: 'denied',
};

export function tally(counts: ImportCounts, verdict: Verdict, n = 1) {
  counts[COUNT_OF[verdict]] += n;
}
