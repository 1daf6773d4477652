/**
 * The one write path of a customer. Every customer row is inserted by `insertCustomerRecord`, changed by
 * `changeCustomer` and soft-deleted by `removeCustomerRecord`, whoever asks: HTTP and lead intake (service.ts), an
 * appointment booking a new phone, a rule's set_field, transfers, pool moves, hand-over and merges (leads), import.
 * Each normalises the same way (phone, company-name key in repo.ts) and writes the row, its audit entry and its typed
 * event in the caller's transaction (core/command.ts). Checks of who may own what stay with the callers.
 * The demo generator stays a bulk writer for speed but builds its rows with `newCustomerRow` (docs/architecture.md).
 * tests/unit/write-paths.test.ts fails if SQL writing `customers` appears anywhere but customers/repo.ts.
 */
import type { Clock } from '../../core/clock.js';
import { canonicalCustomerValues } from '../dictionaries/service.js';
import { commandIn, type Changed } from '../../core/command.js';
import type { EventSource } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import type { CustomersTable } from '../../db/schema.js';
import { normalizePhone } from './normalize.js';
import * as repo from './repo.js';
import type { ContactsTable } from '../../db/schema.js';

export interface NewCustomer {
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

/** Who writes and why: the audit actor (null = the organisation), extra audit facts, how it happened. */
export interface CustomerWriteContext {
  actorId: string | null;
  /** Merged into the audit entry's `after`. */
  note?: Record<string, unknown>;
  /** How the customer came or changed when not by an edit: appointment, import, transfer, handover, … */
  via?: string;
  source?: EventSource;
  /** Emit the typed event (default). Imports turn it off: no rules or robot messages per row, one summary instead. */
  emit?: boolean;
  /** The values come from records already stored (a merge): mapped to dictionary keys when known, never refused. */
  storedValues?: boolean;
}

/** The row of a new customer: empty texts become null, the phone gets its normalised key. */
export function newCustomerRow(id: string, input: NewCustomer, now: string): CustomersTable {
  return {
    id,
    kind: input.kind,
    name: input.name,
    phone: input.phone || null,
    phone_normalized: normalizePhone(input.phone),
    region: input.region || null,
    industry: input.industry || null,
    source: input.source || null,
    level: input.level || null,
    credit_code: input.creditCode || null,
    owner_id: input.owner.id,
    team_path: input.owner.teamPath,
    custom: toJson(input.custom ?? {}),
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

/** What the audit trail keeps of a customer: its data fields, not timestamps, keys or display values. */
export function customerAuditView(row: Pick<CustomersTable, 'kind' | 'name' | 'phone' | 'region' | 'industry' | 'source' | 'level' | 'credit_code' | 'owner_id' | 'custom'>) {
  return {
    kind: row.kind,
    name: row.name,
    phone: row.phone,
    region: row.region,
    industry: row.industry,
    source: row.source,
    level: row.level,
    creditCode: row.credit_code,
    ownerId: row.owner_id,
    custom: parseJson<Record<string, unknown>>(row.custom, {}),
  };
}

export async function insertCustomerRecord(trx: Queryable, clock: Clock, input: NewCustomer, ctx: CustomerWriteContext): Promise<string> {
  const id = newId();
  const row = newCustomerRow(id, await canonicalCustomerValues(trx, input), clock.now().toISOString());
  await repo.insertCustomer(trx, row);
  await commandIn(trx, clock, { entity: 'customer', actorId: ctx.actorId }).created(
    id,
    { ...customerAuditView(row), ...ctx.note },
    { type: 'customer.created', payload: { ownerId: row.owner_id, name: row.name, ...(ctx.via ? { via: ctx.via } : {}) } },
  );
  return id;
}

export interface CustomerChange {
  kind?: string;
  name?: string;
  phone?: string | null;
  region?: string | null;
  industry?: string | null;
  source?: string | null;
  level?: string | null;
  creditCode?: string | null;
  /** A new owner: the record follows them into their team (scope), so `teamPath` moves with it. */
  owner?: { id: string; teamPath: string };
  /** The complete custom values after the change (callers merge partial input first). */
  custom?: Record<string, unknown>;
}

/**
 * Applies a change to a live customer: the row, then (when any field differs, or always for `always`) one audit
 * entry under `action` and one `customer.updated` with the diff and the owner before/after.
 */
export async function changeCustomer(
  trx: Queryable,
  clock: Clock,
  id: string,
  set: CustomerChange,
  ctx: CustomerWriteContext & { action?: string; always?: boolean; mergedFrom?: string },
): Promise<Changed> {
  const current = await trx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  set = await canonicalCustomerValues(trx, set, { stored: current, lenient: ctx.storedValues });
  const columns: Partial<CustomersTable> = {};
  if (set.kind !== undefined) columns.kind = set.kind;
  if (set.name !== undefined) columns.name = set.name;
  if (set.phone !== undefined) Object.assign(columns, { phone: set.phone || null, phone_normalized: normalizePhone(set.phone) });
  if (set.region !== undefined) columns.region = set.region || null;
  if (set.industry !== undefined) columns.industry = set.industry || null;
  if (set.source !== undefined) columns.source = set.source || null;
  if (set.level !== undefined) columns.level = set.level || null;
  if (set.creditCode !== undefined) columns.credit_code = set.creditCode || null;
  if (set.owner) Object.assign(columns, { owner_id: set.owner.id, team_path: set.owner.teamPath });
  if (set.custom !== undefined) columns.custom = toJson(set.custom);
  const next = { ...current, ...columns };
  const before = customerAuditView(current);
  const diff = await commandIn(trx, clock, { entity: 'customer', actorId: ctx.actorId }).updated(
    id,
    before,
    customerAuditView(next),
    ({ change }) => (ctx.emit === false ? null : {
      type: 'customer.updated',
      payload: {
        ...change,
        ownerId: next.owner_id,
        previousOwnerId: current.owner_id,
        ...(ctx.via ? { via: ctx.via } : {}),
        ...(ctx.mergedFrom ? { mergedFrom: ctx.mergedFrom } : {}),
        ...(ctx.source ? { source: ctx.source } : {}),
      },
    }),
    { action: ctx.action, note: ctx.note, always: ctx.always },
  );
  // Columns outside the audit view (team path) still move; updated_at only when the record really changed.
  if (diff.changed || ctx.always) Object.assign(columns, { updated_at: clock.now().toISOString() });
  if (Object.keys(columns).length > 0) await repo.updateCustomer(trx, id, columns);
  return diff;
}

/** Soft-deletes a customer (an edit or a merge into another), audited under `action` with `customer.deleted`. */
export async function removeCustomerRecord(
  trx: Queryable,
  clock: Clock,
  id: string,
  ctx: CustomerWriteContext & { action?: string; auditBefore?: Record<string, unknown>; mergedInto?: string },
): Promise<void> {
  const current = await trx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const now = clock.now().toISOString();
  await repo.updateCustomer(trx, id, { deleted_at: now, updated_at: now });
  await commandIn(trx, clock, { entity: 'customer', actorId: ctx.actorId }).recorded(
    id,
    ctx.action ?? 'delete',
    { before: ctx.auditBefore ?? customerAuditView(current), ...(ctx.note ? { after: ctx.note } : {}) },
    { type: 'customer.deleted', payload: { ownerId: current.owner_id, ...(ctx.mergedInto ? { mergedInto: ctx.mergedInto } : {}) } },
  );
}

/**
 * Inserts many customers in one statement with their audit entries in one more (imports: a batch of rows); the same
 * rows (`newCustomerRow`), audit view and, unless `emit` is false, the same `customer.created` as `insertCustomerRecord`.
 */
export async function insertCustomerRecords(trx: Queryable, clock: Clock, inputs: Array<NewCustomer & { id?: string }>, ctx: CustomerWriteContext): Promise<string[]> {
  if (inputs.length === 0) return [];
  const now = clock.now().toISOString();
  const rows = inputs.map((input) => newCustomerRow(input.id ?? newId(), input, now));
  await repo.insertCustomerRows(trx, rows);
  const cmd = commandIn(trx, clock, { entity: 'customer', actorId: ctx.actorId });
  await cmd.createdMany(rows.map((row) => ({ id: row.id, after: { ...customerAuditView(row), ...ctx.note } })));
  if (ctx.emit !== false) {
    for (const row of rows) await cmd.emit(row.id, { type: 'customer.created', payload: { ownerId: row.owner_id, name: row.name, ...(ctx.via ? { via: ctx.via } : {}) } });
  }
  return rows.map((r) => r.id);
}

export interface NewContact {
  customerId: string;
  name: string;
  title?: string | null;
  decisionPower?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** What the audit trail keeps of a contact. */
export function contactAuditView(row: Pick<ContactsTable, 'customer_id' | 'name' | 'title' | 'decision_power' | 'phone' | 'email'>) {
  return { customerId: row.customer_id, name: row.name, title: row.title, decisionPower: row.decision_power, phone: row.phone, email: row.email };
}

/** Inserts contacts of customers in one statement, audited in one more (imports). */
export async function insertContactRecords(trx: Queryable, clock: Clock, contacts: NewContact[], ctx: CustomerWriteContext): Promise<ContactsTable[]> {
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
  await commandIn(trx, clock, { entity: 'contact', actorId: ctx.actorId }).createdMany(rows.map((row) => ({ id: row.id, after: contactAuditView(row) })));
  return rows;
}

/** Changes a contact when a field differs, audited like an edit. */
export async function changeContactRecord(trx: Queryable, clock: Clock, row: ContactsTable, set: Partial<Pick<ContactsTable, 'name' | 'title' | 'phone' | 'email'>>, ctx: CustomerWriteContext): Promise<Changed> {
  const next = { ...row, ...set };
  const diff = await commandIn(trx, clock, { entity: 'contact', actorId: ctx.actorId }).updated(row.id, contactAuditView(row), contactAuditView(next));
  if (diff.changed) await repo.updateContact(trx, row.id, { ...set, updated_at: clock.now().toISOString() });
  return diff;
}
