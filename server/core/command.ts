/**
 * The command helper: one transaction in which a use case's change, its audit entry and its typed event are written
 * together, so a committed change always has both and a refused one has neither. A use case declares the record kind
 * it changes and who acts; the helper fills entity, id, actor and time into the audit entry and the event, diffs
 * before/after for updates and skips both when nothing changed.
 *
 *   return command(db, clock, { entity: 'customer', actorId: actor.id }, async (cmd) => {
 *     await repo.insertCustomer(cmd.trx, row);
 *     await cmd.created(id, auditView(row), { type: 'customer.created', payload: { … } });
 *   });
 *
 * Inside a transaction another use case already opened (a task created by an activity's "next action"), use
 * `commandIn(trx, …)`: it records the same way without opening a second transaction.
 *
 * This file is the only caller of `recordAudit(s)` and `emitEvent(s)` (tests/unit/command-path.test.ts fails on a
 * direct call elsewhere): an audit entry or event written beside the helper would escape its entity/actor/time rules.
 */
import type { Db, Queryable } from '../db/index.js';
import { diffFields, recordAudit, recordAudits } from './audit-log.js';
import type { Clock } from './clock.js';
import type { RecordKind } from './entities.js';
import { change, emitEvent, emitEvents, type Change, type DomainEvent, type DomainEventType, type EventMap } from './events.js';

/** An event the command emits about its record; entity, id and actor come from the command. */
export interface CommandEvent<K extends DomainEventType> {
  type: K;
  payload: EventMap[K];
}

/** What `updated` found: the audit-style diff (column or field names as given) and the event's `Change`. */
export interface Changed {
  changed: boolean;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  change: Change;
}

export interface CommandOptions {
  /** The record kind the use case changes: audit `entity` and event `entity`. */
  entity: RecordKind;
  /** Who acts; null for the organisation (rules, jobs, CLI — see `auditActorId` in core/policy.ts). */
  actorId: string | null;
}

export interface UpdateOptions {
  /** The audit action when the change is not an edit (`handover`, `pool_return`, …); default `update`. */
  action?: string;
  /** Facts merged into the audit entry's `after` (the rule that did it, a reason); not part of the diff. */
  note?: Record<string, unknown>;
  /** Record the entry and the event even when no field differs (a merge that filled nothing is still a merge). */
  always?: boolean;
}

export interface Command {
  readonly trx: Queryable;
  readonly clock: Clock;
  readonly entity: RecordKind;
  readonly actorId: string | null;
  /** The record was created: audit `create` with `after`, then the event (if any). */
  created<K extends DomainEventType>(id: string, after: unknown, event?: CommandEvent<K>): Promise<void>;
  /**
   * The record may have changed: only differing fields of `after` are kept; when none differ nothing is written and
   * `changed` is false. Otherwise audit `update` with the differing before/after, then the event built from the diff.
   */
  updated<K extends DomainEventType>(
    id: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    event?: (diff: Changed) => CommandEvent<K> | null,
    options?: UpdateOptions,
  ): Promise<Changed>;
  /** The record was deleted (or soft-deleted): audit `delete` with `before`, then the event. */
  deleted<K extends DomainEventType>(id: string, before: unknown, event?: CommandEvent<K>): Promise<void>;
  /** Any other action (`move`, `checklist`, `merge`, …): one audit entry with the given before/after, then the event. */
  recorded<K extends DomainEventType>(id: string, action: string, values: { before?: unknown; after?: unknown }, event?: CommandEvent<K>): Promise<void>;
  /** A further event about the record, without an audit entry of its own (e.g. `task.completed` after `task.created`). */
  emit<K extends DomainEventType>(id: string, event: CommandEvent<K>): Promise<void>;
  /** Many records of the kind were created in one batch (imports): their `create` entries in one statement. */
  createdMany(items: ReadonlyArray<{ id: string; after: unknown }>): Promise<void>;
}

/** Runs `work` in one new transaction with a command that records audit and events in it. */
export function command<T>(db: Db, clock: Clock, options: CommandOptions, work: (cmd: Command) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(commandIn(trx, clock, options)));
}

/** A command inside a transaction the caller already holds. */
export function commandIn(trx: Queryable, clock: Clock, options: CommandOptions): Command {
  const { entity, actorId } = options;
  const emit = async <K extends DomainEventType>(id: string, event: CommandEvent<K>) => {
    await emitEvent(trx, clock, { type: event.type, entity, entityId: id, actorId, payload: event.payload });
  };
  const recorded = async <K extends DomainEventType>(id: string, action: string, values: { before?: unknown; after?: unknown }, event?: CommandEvent<K>) => {
    await recordAudit(trx, clock, { entity, entityId: id, action, actorId, ...values });
    if (event) await emit(id, event);
  };
  return {
    trx,
    clock,
    entity,
    actorId,
    emit,
    recorded,
    created: (id, after, event) => recorded(id, 'create', { after }, event),
    createdMany: (items) => recordAudits(trx, clock, items.map(({ id, after }) => ({ entity, entityId: id, action: 'create', actorId, after }))),
    deleted: (id, before, event) => recorded(id, 'delete', { before }, event),
    async updated(id, before, after, event, opts = {}) {
      const diff = diffFields(before, after);
      const result: Changed = { ...diff, change: change(diff.before, diff.after) };
      if (!diff.changed && !opts.always) return result;
      await recordAudit(trx, clock, { entity, entityId: id, action: opts.action ?? 'update', actorId, before: diff.before, after: { ...diff.after, ...opts.note } });
      const ev = event?.(result);
      if (ev) await emit(id, ev);
      return result;
    },
  };
}

/**
 * Events about many records written in one batch by a job (SLA firings, health changes), where each event names its
 * own record: one statement per 500 events. Returns the events' ids in order.
 */
export function emitAll(trx: Queryable, clock: Clock, events: ReadonlyArray<DomainEvent>): Promise<string[]> {
  return emitEvents(trx, clock, events);
}
