/**
 * The batch side of the customers write path, for callers that write many customers in one transaction (imports):
 * insert a batch, change fields, soft-delete, contacts. Rows are built exactly as the use cases in service.ts build
 * them (normalised keys, the owner's team path); updates and deletes go through the command helper
 * (core/command.ts) like every other change, inserts write their audit entries in one statement. Events are emitted
 * only when asked: an import does not fire rules per row.
 */
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { emitEvent } from '../../core/events.js';
import { commandIn } from '../../core/command.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import { recordAudits } from '../../core/audit-log.js';
import type { ContactsTable, CustomersTable } from '../../db/schema.js';
import { presentContact, presentCustomer } from './presenter.js';
import * as repo from './repo.js';
import { normalizePhone } from './rules.js';

export interface NewCustomer {
  id?: string;
  kind: string;
  name: string;
  phone?: string | null;
  region?: string | null;
  industry?: string | null;
  source?: string | null;
  level?: string | null;
  creditCode?: string | null;
  owner: { id: string; teamPath: string };
  custom?: Record<string, unknown>;
}

export interface WriteOptions {
  /** Emit `customer.created` / `customer.updated` (rules, SLA, cadences react). Imports turn it off by default. */
  emit?: boolean;
  /** Extra keys of the event payload (`via`). */
  via?: string;
}

/** What the audit trail keeps of a customer: its data fields, not timestamps or derived display values. */
export function customerAuditView(c: ReturnType<typeof presentCustomer>): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, owner: _o, phoneNormalized: _p, id: _id, ...rest } = c;
  return rest;
}

export function contactAuditView(c: ReturnType<typeof presentContact>): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, id: _id, ...rest } = c;
  return rest;
}

function customerRowOf(c: NewCustomer, id: string, now: string): CustomersTable {
  return {
    id,
    kind: c.kind,
    name: c.name,
    phone: c.phone || null,
    phone_normalized: normalizePhone(c.phone),
    region: c.region || null,
    industry: c.industry || null,
    source: c.source || null,
    level: c.level || null,
    credit_code: c.creditCode || null,
    owner_id: c.owner.id,
    team_path: c.owner.teamPath,
    custom: toJson(c.custom ?? {}),
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

/** Inserts customers (one statement per batch), their audit entries and, with `emit`, a `customer.created` each. */
export async function insertCustomers(trx: Queryable, clock: Clock, actorId: string | null, customers: NewCustomer[], options: WriteOptions = {}): Promise<string[]> {
  if (customers.length === 0) return [];
  const now = clock.now().toISOString();
  const rows = customers.map((c) => customerRowOf(c, c.id ?? newId(), now));
  await repo.insertCustomerRows(trx, rows);
  await recordAudits(
    trx,
    clock,
    rows.map((row) => ({
      entity: 'customer',
      entityId: row.id,
      action: 'create',
      actorId,
      // The owner's display name is not part of the audit view, so no read-back is needed.
      after: customerAuditView(presentCustomer({ ...row, owner_name: '' })),
    })),
  );
  if (options.emit !== false) {
    for (const row of rows) {
      await emitEvent(trx, clock, {
        type: 'customer.created',
        entity: 'customer',
        entityId: row.id,
        actorId,
        payload: { ownerId: row.owner_id, name: row.name, ...(options.via ? { via: options.via } : {}) },
      });
    }
  }
  return rows.map((r) => r.id);
}

/** Column values of a customer change; `name` refreshes its duplicate key, an owner change its team path. */
export type CustomerSet = Partial<Pick<CustomersTable, 'kind' | 'name' | 'phone' | 'region' | 'industry' | 'source' | 'level' | 'credit_code' | 'custom'>> & {
  owner?: { id: string; teamPath: string };
};

/**
 * Applies `set` to a customer read in this transaction: writes only when something differs, then one audit entry with
 * the changed fields before/after and (with `emit`) `customer.updated`. Returns the diff (empty when nothing changed).
 */
export async function changeCustomer(trx: Queryable, clock: Clock, actorId: string | null, row: repo.CustomerRow, set: CustomerSet, options: WriteOptions = {}) {
  const values: Partial<CustomersTable> = {};
  for (const key of ['kind', 'name', 'region', 'industry', 'source', 'level', 'credit_code', 'custom'] as const) {
    if (set[key] !== undefined) (values as Record<string, unknown>)[key] = set[key];
  }
  if (set.phone !== undefined) {
    values.phone = set.phone || null;
    values.phone_normalized = normalizePhone(set.phone);
  }
  if (set.owner && set.owner.id !== row.owner_id) {
    values.owner_id = set.owner.id;
    // The record follows its new owner into their team, so the new team's lead sees it and the old one no longer does.
    values.team_path = set.owner.teamPath;
  }
  const next = { ...row, ...values };
  const cmd = commandIn(trx, clock, { entity: 'customer', actorId });
  const diff = await cmd.updated(row.id, customerAuditView(presentCustomer(row)), customerAuditView(presentCustomer(next)), ({ change }) =>
    options.emit === false ? null : { type: 'customer.updated', payload: { ...change, ownerId: next.owner_id, previousOwnerId: row.owner_id } },
  );
  if (!diff.changed) return { changed: false as const, before: {}, after: {}, updatedAt: row.updated_at };
  const updatedAt = clock.now().toISOString();
  await repo.updateCustomer(trx, row.id, { ...values, updated_at: updatedAt });
  return { changed: true as const, before: diff.before, after: diff.after, updatedAt };
}

/** Soft-deletes a customer with its audit entry and `customer.deleted`. */
export async function removeCustomer(trx: Queryable, clock: Clock, actorId: string | null, row: repo.CustomerRow) {
  const now = clock.now().toISOString();
  await repo.updateCustomer(trx, row.id, { deleted_at: now, updated_at: now });
  await commandIn(trx, clock, { entity: 'customer', actorId }).deleted(row.id, customerAuditView(presentCustomer(row)), { type: 'customer.deleted', payload: { ownerId: row.owner_id } });
}

export interface NewContact {
  customerId: string;
  name: string;
  title?: string | null;
  decisionPower?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Inserts contacts (one statement per batch) with their audit entries. */
export async function insertContacts(trx: Queryable, clock: Clock, actorId: string | null, contacts: NewContact[]): Promise<ContactsTable[]> {
  if (contacts.length === 0) return [];
  const now = clock.now().toISOString();
  const rows: ContactsTable[] = contacts.map((c) => ({
    id: newId(),
    customer_id: c.customerId,
    name: c.name,
    title: c.title || null,
    decision_power: c.decisionPower ?? null,
    phone: c.phone || null,
    email: c.email || null,
    created_at: now,
    updated_at: now,
  }));
  await repo.insertContactRows(trx, rows);
  await recordAudits(
    trx,
    clock,
    rows.map((row) => ({ entity: 'contact', entityId: row.id, action: 'create', actorId, after: contactAuditView(presentContact(row)) })),
  );
  return rows;
}

/** Applies a contact change when something differs, with its audit entry; returns the diff. */
export async function changeContact(trx: Queryable, clock: Clock, actorId: string | null, row: ContactsTable, set: Partial<Pick<ContactsTable, 'name' | 'title' | 'decision_power' | 'phone' | 'email'>>) {
  const next = { ...row, ...set };
  const diff = await commandIn(trx, clock, { entity: 'contact', actorId }).updated(row.id, contactAuditView(presentContact(row)), contactAuditView(presentContact(next)));
  if (!diff.changed) return { changed: false as const, before: {}, after: {}, row };
  next.updated_at = clock.now().toISOString();
  await repo.updateContact(trx, row.id, { ...set, updated_at: next.updated_at });
  return { changed: true as const, before: diff.before, after: diff.after, row: next };
}
