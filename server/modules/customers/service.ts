import { canonicalCustomerValues } from '../dictionaries/service.js';
import type { Db, Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { command } from '../../core/command.js';
import { hooksOf } from '../../core/hooks.js';
import { resolveSort } from '../../core/http.js';
import { decodeCursor, listTotal, sampledTotal } from '../../core/paging.js';
import { indexable } from './search.js';
import { newId } from '../../core/ids.js';
import { parseJson } from '../../core/json.js';
import { checkCustomValues } from '../customfields/service.js';
import { scopeOf, type Actor, type AnyActor, type Scope } from '../org/scope.js';
import { presentContact, presentCustomer } from './presenter.js';
import * as repo from './repo.js';
import { changeCustomer, insertCustomerRecord, removeCustomerRecord, type CustomerChange } from './write.js';
import { mayAssign } from './rules.js';
import type { ContactBody, ContactPatch, CustomerBody, CustomerListQuery, CustomerPatch } from './schema.js';

/**
 * What another module (leads) decides when a customer is created, through the hook `customers.intake`: it may pick the
 * owner by its assignment rules (then `afterInsert` records why) and may refuse the customer (duplicates → 409). Both
 * run inside the creating transaction; customers never import the module that fills the hook.
 */
export interface CustomerIntake {
  pickOwner?(
    trx: Queryable,
    actor: Actor,
    input: CustomerBody,
    options: { viaToken?: boolean; lead?: boolean },
  ): Promise<{ owner: { id: string; teamPath: string }; afterInsert(trx: Queryable, clock: Clock, customerId: string, actorId: string): Promise<void> } | null>;
  check?(trx: Queryable, actor: Actor, input: CustomerBody): Promise<void>;
}
declare module '../../core/hooks.js' {
  interface HookMap {
    'customers.intake': CustomerIntake;
  }
}

const SORTABLE = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at', region: 'region' } as const;

/**
 * The user `actor` may make owner/assignee of a record, with their team path. Anyone outside the actor's reach is
 * refused naming `field` (sellers: only themselves; leads/managers: their subtree). Used by customers, tasks, deals.
 */
export async function assertAssignable(db: Queryable, actor: AnyActor, userId: string, field: string, scope: Scope = scopeOf(actor)) {
  const user = await repo.findUserForAssignment(db, userId);
  if (!user) throw invalid(field, 'not_found_user');
  if (!mayAssign(actor, { id: user.id, teamPath: user.team_path, active: user.active === 1 }, scope)) {
    throw new AppError('FORBIDDEN', 'assign_not_allowed', {
      fields: [{ field, code: scope.kind === 'own' ? 'must_be_self' : 'assignee_not_allowed' }],
    });
  }
  return { id: user.id, name: user.display_name, teamPath: user.team_path };
}

/** The customer if it is live and in the actor's scope; 404 otherwise (never reveal that it exists). */
export async function getCustomerInScope(db: Queryable, actor: AnyActor, id: string, field?: string, scope: Scope = scopeOf(actor)) {
  const row = await repo.findCustomer(db, scope, id);
  if (!row) {
    throw new AppError('NOT_FOUND', 'not_found', { params: { what: 'Customer' }, ...(field ? { fields: [{ field, code: 'not_found_customer' }] } : {}) });
  }
  return row;
}

export async function listCustomers(db: Queryable, clock: Clock, actor: Actor, query: CustomerListQuery) {
  const sort = resolveSort(query.sort, SORTABLE, { column: 'updated_at', direction: 'desc' });
  // region is the one sortable column that may be empty.
  const order = { column: `customers.${sort.column}`, direction: sort.direction, nullable: sort.column === 'region' };
  const scope = scopeOf(actor);
  // Stored values are the dictionary's keys for known spellings, so a filter spelled "浙江" means the same entry.
  const segment = await canonicalCustomerValues(db, { region: query.region, industry: query.industry, level: query.level, source: query.source });
  const filter = { q: query.q, ownerId: query.ownerId, kind: query.kind, ...segment };
  const cursor = query.cursor ? decodeCursor(query.cursor, order) : undefined;
  const { items, nextCursor } = await repo.listCustomers(db, scope, filter, { order, cursor, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const totalOf = (f: typeof filter) =>
    listTotal({
      db,
      clock,
      key: `customers ${JSON.stringify([scope, f])}`,
      exact: query.exactTotal,
      capped: (n) => repo.countCustomers(db, scope, f, n),
      full: () => repo.countCustomers(db, scope, f),
    });
  // Short queries have no index: their total comes from a bounded sample unless asked for exactly.
  const short = !!query.q?.trim() && !indexable(query.q.trim()) && !query.exactTotal;
  const total = short
    ? await sampledTotal({ sample: (w) => repo.sampleCustomers(db, scope, filter, w), scopeTotal: () => totalOf({ ...filter, q: undefined }) })
    : await totalOf(filter);
  return { items: items.map(presentCustomer), ...total, nextCursor };
}

export async function getCustomerDetail(db: Queryable, actor: Actor, id: string) {
  return detailOf(db, await getCustomerInScope(db, actor, id));
}

async function detailOf(db: Queryable, row: repo.CustomerRow) {
  const contacts = await repo.listContacts(db, row.id);
  const counts = await repo.countRelated(db, row.id);
  return { ...presentCustomer(row), contacts: contacts.map(presentContact), counts };
}

/**
 * `viaToken`: created with an API token; `lead`: POST /api/leads. Either, or a manager without ownerId when the lead
 * assignment rules are enabled, lets the rules pick the owner (leads/assignment.ts). Duplicates answer 409.
 */
export async function createCustomer(db: Db, clock: Clock, actor: Actor, input: CustomerBody, options: { viaToken?: boolean; lead?: boolean } = {}) {
  return command(db, clock, { entity: 'customer', actorId: actor.id }, async (cmd) => {
    const { trx } = cmd;
    const intakes = hooksOf('customers.intake');
    let picked: Awaited<ReturnType<NonNullable<CustomerIntake['pickOwner']>>> = null;
    for (const intake of input.ownerId ? [] : intakes) picked ??= (await intake.pickOwner?.(trx, actor, input, options)) ?? null;
    const owner = picked ? picked.owner : await assertAssignable(trx, actor, input.ownerId ?? actor.id, 'ownerId');
    const custom = await checkCustomValues(trx, 'customer', input.custom);
    for (const intake of intakes) await intake.check?.(trx, actor, input);
    const id = await insertCustomerRecord(trx, clock, { ...input, owner, custom }, { actorId: actor.id });
    if (picked) await picked.afterInsert(trx, clock, id, actor.id);
    const created = presentCustomer((await repo.findCustomer(trx, { kind: 'all' }, id))!);
    return { ...created, contacts: [], counts: { deals: 0, activities: 0 } };
  });
}

export async function updateCustomer(db: Db, clock: Clock, actor: Actor, id: string, patch: CustomerPatch) {
  return db.transaction().execute(async (trx) => {
    const row = await getCustomerInScope(trx, actor, id);
    const { ownerId, custom, ...fields } = patch;
    const set: CustomerChange = { ...fields };
    // The record follows its new owner into their team, so the new team's lead sees it and the old one no longer does.
    if (ownerId !== undefined && ownerId !== row.owner_id) set.owner = await assertAssignable(trx, actor, ownerId, 'ownerId');
    if (custom !== undefined) set.custom = await checkCustomValues(trx, 'customer', custom, { partial: true, existing: parseJson(row.custom, {}) });
    await changeCustomer(trx, clock, id, set, { actorId: actor.id });
    // Read back without the actor's scope: handing a customer to someone outside it is allowed and must still answer.
    return detailOf(trx, (await repo.findCustomer(trx, { kind: 'all' }, id))!);
  });
}

export async function deleteCustomer(db: Db, clock: Clock, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    await getCustomerInScope(trx, actor, id);
    await removeCustomerRecord(trx, clock, id, { actorId: actor.id });
  });
}

export async function addContact(db: Db, clock: Clock, actor: Actor, customerId: string, input: ContactBody) {
  return command(db, clock, { entity: 'contact', actorId: actor.id }, async (cmd) => {
    const { trx } = cmd;
    await getCustomerInScope(trx, actor, customerId);
    const now = clock.now().toISOString();
    const row = {
      id: newId(),
      customer_id: customerId,
      name: input.name,
      title: input.title || null,
      decision_power: input.decisionPower ?? null,
      phone: input.phone || null,
      email: input.email || null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertContact(trx, row);
    const contact = presentContact(row);
    await cmd.created(row.id, contactAudit(contact));
    return contact;
  });
}

export async function updateContact(db: Db, clock: Clock, actor: Actor, id: string, patch: ContactPatch) {
  return command(db, clock, { entity: 'contact', actorId: actor.id }, async (cmd) => {
    const { trx } = cmd;
    const row = await repo.findContact(trx, scopeOf(actor), id);
    if (!row) throw notFound('Contact');
    const set: Record<string, unknown> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.title !== undefined) set.title = patch.title || null;
    if (patch.decisionPower !== undefined) set.decision_power = patch.decisionPower;
    if (patch.phone !== undefined) set.phone = patch.phone || null;
    if (patch.email !== undefined) set.email = patch.email || null;
    const next = { ...row, ...set };
    const diff = await cmd.updated(id, contactAudit(presentContact(row)), contactAudit(presentContact(next)));
    if (diff.changed) {
      next.updated_at = clock.now().toISOString();
      await repo.updateContact(trx, id, { ...set, updated_at: next.updated_at });
    }
    return presentContact(next);
  });
}

export async function removeContact(db: Db, clock: Clock, actor: Actor, id: string) {
  await command(db, clock, { entity: 'contact', actorId: actor.id }, async (cmd) => {
    const row = await repo.findContact(cmd.trx, scopeOf(actor), id);
    if (!row) throw notFound('Contact');
    await repo.deleteContact(cmd.trx, id);
    await cmd.deleted(id, contactAudit(presentContact(row)));
  });
}

function contactAudit(c: ReturnType<typeof presentContact>): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, id: _id, ...rest } = c;
  return rest;
}
