/**
 * Work-order use cases: create (users and engines), list, read, change status/assignee/rating, comment. Every
 * write is one transaction holding the order's row lock, with its history row, audit entry, event, notifications
 * and assist points; clocks are derived from the pinned type version and the status history.
 */
import { commandIn } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { change } from '../../core/events.js';
import { parseJson } from '../../core/json.js';
import { auditActorId, inGroup, isSystem, type Actor, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import type { BusinessCalendar } from '../calendar/hours.js';
import { loadCalendars } from '../calendar/schedules.js';
import { getCustomerInScope } from '../customers/service.js';
import { getDealInScope } from '../tasks/service.js';
import { contractInScope } from '../contracts/service.js';
import { levelDues, nextEscalation, orderSla, pausesOf, STOPPED, stopClock, waitingMsUntil, type Status } from './clocks.js';
import type { StoredTypeDefinition } from './definition.js';
import { notifyOrder } from './notify.js';
import { grantFor, reverseOnReopen } from './points.js';
import { orderClockInput, presentOrder } from './presenter.js';
import * as repo from './repo.js';
import type { OrderBody, OrderListQuery, OrderPatch } from './schema.js';
import { clockTarget } from '../sla/ladder.js';

export type WoDeps = Pick<Deps, 'db' | 'dialect' | 'clock' | 'config'>;
/** What writing inside someone else's transaction needs (rules, other modules). */
export type TxDeps = { clock: Deps['clock']; config: Pick<Deps['config'], 'timeZone'> };

/** Helper statuses (who handles), requester statuses (who asked), and the transitions between statuses. */
const TRANSITIONS: Record<Status, readonly Status[]> = {
  open: ['assigned', 'in_progress', 'waiting_requester', 'resolved'],
  assigned: ['in_progress', 'waiting_requester', 'resolved'],
  reopened: ['assigned', 'in_progress', 'waiting_requester', 'resolved'],
  in_progress: ['waiting_requester', 'resolved'],
  waiting_requester: ['in_progress', 'resolved'],
  resolved: ['closed', 'reopened'],
  closed: [],
};
/** Moves the requester makes: supply what was asked for, accept or reopen the resolution. */
const REQUESTER_MOVES: ReadonlySet<string> = new Set(['waiting_requester>in_progress', 'resolved>closed', 'resolved>reopened']);
/** A first move into these statuses is the first response. */
const RESPONDING: ReadonlySet<string> = new Set(['in_progress', 'waiting_requester', 'resolved']);

async function calendarOf(db: Queryable, deps: TxDeps, teamId: string) {
  return (await loadCalendars(db, deps.config.timeZone)).forTeam(teamId);
}

function definitionOf(row: repo.OrderRow): StoredTypeDefinition {
  return parseJson<StoredTypeDefinition>(row.type_definition, null as never);
}

/** The queue team's subtree holds the helpers; admins and engines may handle any order. */
export function canHandle(actor: AnyActor, row: Pick<repo.OrderRow, 'assignee_id' | 'queue_path'>): boolean {
  if (isSystem(actor) || inGroup(actor, 'admins')) return true;
  return row.assignee_id === actor.id || row.queue_path.startsWith(actor.teamPath);
}

async function helperInQueue(db: Queryable, userId: string, queue: { path: string; name: string }) {
  const user = await repo.userById(db, userId);
  if (!user || user.active !== 1 || !user.team_path.startsWith(queue.path)) throw invalid('assigneeId', 'not_in_queue', { team: queue.name });
  return user;
}

/**
 * Recomputes the stored due instant (queues sort by it) and the next escalation from the pinned definition, the
 * history and the team calendar; called after every change and after each firing.
 */
export async function refreshClocks(db: Queryable, deps: TxDeps, id: string, loaded?: BusinessCalendar) {
  const row = (await repo.findOrder(db, { kind: 'system', name: 'worker', id: 'system:worker', displayName: 'worker' }, id))!;
  const def = definitionOf(row);
  const calendar = loaded ?? (await calendarOf(db, deps, row.queue_team_id));
  const history = (await repo.historyOf(db, [id])).map((h) => ({ status: h.status, at: h.at }));
  const now = deps.clock.now();
  const sla = orderSla(calendar, orderClockInput(row, def, history), now);
  const dueAt = !row.responded_at ? sla.response.dueAt : STOPPED.has(row.status) ? null : sla.resolution.dueAt;
  const fired = await repo.firedLevels(db, id);
  const next = nextEscalation(levelDues(calendar, def.escalation, { createdAt: row.created_at, status: row.status, respondedAt: row.responded_at, response: def.response, resolution: def.resolution, history }), fired);
  await repo.updateOrder(db, id, { due_at: dueAt, escalation_due_at: next?.toISOString() ?? null });
  return { row, def, calendar, history };
}

async function present(db: Queryable, deps: WoDeps, rows: repo.OrderRow[]) {
  const calendars = await loadCalendars(db, deps.config.timeZone);
  const history = await repo.historyOf(db, rows.map((r) => r.id));
  const byOrder = new Map<string, Array<{ status: string; at: string }>>();
  for (const h of history) byOrder.set(h.order_id, [...(byOrder.get(h.order_id) ?? []), { status: h.status, at: h.at }]);
  const now = deps.clock.now();
  return rows.map((r) => presentOrder(r, calendars.forTeam(r.queue_team_id), byOrder.get(r.id) ?? [], now));
}

export interface CreateInput extends OrderBody {
  /** Engines (SystemActor) name the requester; users are the requester themselves. */
  requesterId?: string;
}

/**
 * Creates an order inside an open transaction: the one write path for users, rules and other modules (a finance
 * "receivable" order from the money module). Engines pass a SystemActor and a requester.
 */
export async function createWorkOrderInTx(trx: Queryable, deps: TxDeps, actor: AnyActor, input: CreateInput) {
  const type = await repo.findType(trx, input.type);
  if (!type || type.active !== 1) throw invalid('type', 'not_found_work_order_type');
  let requesterId = actor.id;
  if (isSystem(actor)) {
    if (!input.requesterId) throw invalid('requesterId', 'required');
    const requester = await repo.userById(trx, input.requesterId);
    if (!requester || requester.active !== 1) throw invalid('requesterId', 'not_found_user');
    requesterId = requester.id;
  }
  const requester = (await repo.userById(trx, requesterId))!;
  let customerId: string;
  let dealId: string | null = null;
  if (input.subject.type === 'deal') {
    const deal = await getDealInScope(trx, actor, input.subject.id, 'subject.id');
    customerId = deal.customer_id;
    dealId = deal.id;
  } else if (input.subject.type === 'contract') {
    const contract = await contractOfSubject(trx, actor, input.subject.id);
    customerId = contract.customer_id;
    dealId = contract.deal_id;
  } else {
    customerId = (await getCustomerInScope(trx, actor, input.subject.id, 'subject.id')).id;
  }
  const queue = (await repo.findTeam(trx, type.team_id))!;
  const assignee = input.assigneeId ? await helperInQueue(trx, input.assigneeId, queue) : null;
  const now = deps.clock.now().toISOString();
  const id = newId();
  const status: Status = assignee ? 'assigned' : 'open';
  await repo.insertOrder(trx, {
    id,
    type_id: type.id,
    type_version: type.version,
    title: input.title,
    description: input.description ?? null,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    customer_id: customerId,
    deal_id: dealId,
    requester_id: requesterId,
    team_path: requester.team_path,
    queue_team_id: queue.id,
    queue_path: queue.path,
    assignee_id: assignee?.id ?? null,
    status,
    due_at: null,
    responded_at: null,
    response_due_at: null,
    response_outcome: null,
    first_resolved_at: null,
    first_resolution_due_at: null,
    first_resolution_outcome: null,
    resolved_at: null,
    resolution_due_at: null,
    resolution_outcome: null,
    waiting_ms: 0,
    closed_at: null,
    reopen_count: 0,
    rating: null,
    rating_comment: null,
    next_level: 1,
    escalation_due_at: null,
    created_by: isSystem(actor) ? actor.id : actor.id,
    created_at: now,
    updated_at: now,
  });
  await repo.appendHistory(trx, { id: newId(), order_id: id, from_status: null, status, assignee_id: assignee?.id ?? null, actor_id: auditActorId(actor), note: null, at: now });
  const { row } = await refreshClocks(trx, deps, id);
  await commandIn(trx, deps.clock, { entity: 'work_order', actorId: auditActorId(actor) }).recorded(id, 'create', { after: { type: type.key, typeVersion: type.version, title: input.title, subject: input.subject, requesterId, assigneeId: assignee?.id ?? null, status } }, { type: 'work_order.created', payload: { typeKey: type.key, requesterId, assigneeId: assignee?.id ?? null, queueTeamId: queue.id, subjectType: input.subject.type, subjectId: input.subject.id } });
  await notifyOrder(trx, deps, row, 'created', assignee ? [assignee.id] : (await repo.activeUsersOfTeam(trx, queue.id)).map((u) => u.id).filter((u) => u !== requesterId));
  return id;
}

export async function createWorkOrder(deps: WoDeps, actor: AnyActor, input: CreateInput) {
  const id = await deps.db.transaction().execute((trx) => createWorkOrderInTx(trx, deps, actor, input));
  return getWorkOrder(deps, actor, id);
}

export async function listWorkOrders(deps: WoDeps, actor: Actor, query: OrderListQuery) {
  const filter: repo.OrderFilter = {};
  if (query.view === 'mine') filter.requesterId = actor.id;
  if (query.view === 'assigned') filter.assigneeId = actor.id;
  if (query.view === 'queue') filter.queueOf = { userId: actor.id, teamId: actor.teamId };
  if (query.status) {
    const wanted = query.status.split(',').map((s) => s.trim()).filter(Boolean);
    filter.status = wanted.flatMap((s) => (s === 'active' ? ['open', 'assigned', 'in_progress', 'waiting_requester', 'reopened'] : [s]));
    const unknown = filter.status.filter((s) => !Object.hasOwn(TRANSITIONS, s));
    if (unknown.length) throw invalid('status', 'unknown_value', { values: [...Object.keys(TRANSITIONS), 'active'].join(', ') });
  }
  if (query.subjectType) filter.subjectType = query.subjectType;
  if (query.subjectId) filter.subjectId = query.subjectId;
  if (query.type) {
    const type = await repo.findType(deps.db, query.type);
    filter.typeId = type?.id ?? '-';
  }
  const sort = query.view === 'queue' || query.view === 'assigned' ? 'due' : 'created';
  const { rows, total } = await repo.listOrders(deps.db, actor, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }, sort);
  return { items: await present(deps.db, deps, rows), total };
}

export async function getWorkOrder(deps: WoDeps, actor: AnyActor, id: string) {
  const row = await repo.findOrder(deps.db, actor, id);
  if (!row) throw notFound('Work order');
  const [view] = await present(deps.db, deps, [row]);
  const history = await repo.historyOf(deps.db, [id]);
  const comments = await repo.commentsOf(deps.db, id);
  const escalations = await repo.escalationsOf(deps.db, id);
  const points = await repo.pointsOfOrder(deps.db, id);
  return {
    ...view,
    history: history.map((h) => ({
      seq: Number(h.seq),
      from: h.from_status,
      status: h.status,
      assignee: h.assignee_id ? { id: h.assignee_id, name: h.assignee_name ?? '' } : null,
      actor: h.actor_id ? { id: h.actor_id, name: h.actor_name ?? '' } : null,
      note: h.note,
      at: h.at,
    })),
    comments: comments.map((c) => ({ id: c.id, author: { id: c.author_id, name: c.author_name }, body: c.body, createdAt: c.created_at })),
    escalations: escalations.map((e) => ({ level: Number(e.level), dueAt: e.due_at, firedAt: e.fired_at, recipients: parseJson<string[]>(e.recipients, []) })),
    points: points.map((p) => ({ id: p.id, ruleKey: p.rule_key, helperId: p.helper_id, kind: p.kind as 'grant' | 'reversal', points: Number(p.points), at: p.at })),
  };
}

export async function updateWorkOrder(deps: WoDeps, actor: AnyActor, id: string, patch: OrderPatch) {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findOrder(trx, actor, id))) throw notFound('Work order');
    await repo.lockOrder(trx, deps.dialect, id);
    const row = (await repo.findOrder(trx, actor, id))!;
    await applyPatch(trx, deps, actor, row, patch);
  });
  return getWorkOrder(deps, actor, id);
}

/**
 * A helper takes an unassigned order (the "accept" of a card sent to the whole queue): checked and applied under the
 * order's row lock, so of two helpers pressing at the same instant exactly one takes it and the other is told who did.
 * With a reply (the card's "respond") the helper also answers the requester in the same transaction.
 */
export async function takeWorkOrder(deps: WoDeps, actor: AnyActor, id: string, note: string, reply?: string) {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findOrder(trx, actor, id))) throw notFound('Work order');
    await repo.lockOrder(trx, deps.dialect, id);
    const row = (await repo.findOrder(trx, actor, id))!;
    if (row.assignee_id && row.assignee_id !== actor.id) {
      const taker = await trx.selectFrom('users').select('display_name').where('id', '=', row.assignee_id).executeTakeFirst();
      throw new AppError('CONFLICT', 'platform_card_taken', { params: { name: taker?.display_name ?? row.assignee_id } });
    }
    await applyPatch(trx, deps, actor, row, { assigneeId: actor.id, status: 'in_progress', note });
    if (reply) await commentInTx(trx, deps, actor as Actor, row, reply);
  });
  return getWorkOrder(deps, actor, id);
}

/** A contract the order is about, in the requester's scope; a missing one is a 4xx naming the field. */
async function contractOfSubject(db: Queryable, actor: AnyActor, id: string) {
  try {
    return await contractInScope(db, actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', 'not_found', { params: { what: 'Contract' }, fields: [{ field: 'subject.id', code: 'not_found_contract' }] });
    throw error;
  }
}

async function applyPatch(trx: Queryable, deps: WoDeps, actor: AnyActor, row: repo.OrderRow, patch: OrderPatch) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const isRequester = actor.id === row.requester_id || (!isSystem(actor) && inGroup(actor, 'admins'));
  const helper = canHandle(actor, row);
  const def = definitionOf(row);
  const set: Partial<import('../../db/schema.js').WorkOrdersTable> = {};
  const audit: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  const queue = { path: row.queue_path, name: row.queue_name };
  let assigneeId = row.assignee_id;
  let status = row.status as Status;
  const notifyTo: Array<{ what: 'assigned' | 'status'; users: string[] }> = [];

  if (patch.title !== undefined || patch.description !== undefined) {
    if (!isRequester && !helper) throw new AppError('FORBIDDEN', 'wo_requester_only', { params: { to: 'title' } });
    if (patch.title !== undefined && patch.title !== row.title) {
      set.title = patch.title;
      audit.before.title = row.title;
      audit.after.title = patch.title;
    }
    if (patch.description !== undefined && patch.description !== row.description) {
      set.description = patch.description;
      audit.after.description = patch.description;
    }
  }

  if (patch.assigneeId !== undefined && patch.assigneeId !== row.assignee_id) {
    if (!helper) throw new AppError('FORBIDDEN', 'wo_helper_only', { params: { to: 'assign' } });
    if (STOPPED.has(row.status)) throw new AppError('INVALID_STATE', 'wo_transition', { params: { from: row.status, to: 'assigned' } });
    const user = await helperInQueue(trx, patch.assigneeId, queue);
    assigneeId = user.id;
    set.assignee_id = user.id;
    audit.before.assigneeId = row.assignee_id;
    audit.after.assigneeId = user.id;
    notifyTo.push({ what: 'assigned', users: [user.id] });
    // Dispatching an order nobody has taken yet moves it to "assigned"; a reassignment keeps the status (and the clocks).
    if (patch.status === undefined && (status === 'open' || status === 'reopened')) {
      set.status = 'assigned';
      audit.before.status = status;
      audit.after.status = 'assigned';
      status = 'assigned';
    }
  }

  const target = patch.status;
  if (target !== undefined && target !== row.status) {
    if (!TRANSITIONS[status].includes(target)) throw new AppError('INVALID_STATE', 'wo_transition', { params: { from: status, to: target } });
    const requesterMove = REQUESTER_MOVES.has(`${status}>${target}`);
    // Supplying what was asked for may come from either side; the rest belongs to one side.
    if (requesterMove && !isRequester && !(target === 'in_progress' && helper)) throw new AppError('FORBIDDEN', 'wo_requester_only', { params: { to: target } });
    if (!requesterMove && !helper) throw new AppError('FORBIDDEN', 'wo_helper_only', { params: { to: target } });
    // A helper who takes the order without an assignee becomes the assignee (one-tap respond).
    if (!assigneeId && target !== 'closed' && target !== 'reopened' && !isSystem(actor)) {
      assigneeId = actor.id;
      set.assignee_id = actor.id;
      audit.after.assigneeId = actor.id;
    }
    const calendar = await calendarOf(trx, deps, row.queue_team_id);
    const history = (await repo.historyOf(trx, [row.id])).map((h) => ({ status: h.status, at: h.at }));
    if (RESPONDING.has(target) && !row.responded_at) {
      const stopped = stopClock(calendar, def.response, row.created_at, [], now);
      Object.assign(set, { responded_at: at, response_due_at: stopped.dueAt, response_outcome: stopped.outcome });
    }
    if (target === 'resolved') {
      const pauses = pausesOf([...history, { status: 'resolved', at }]);
      const stopped = stopClock(calendar, def.resolution, row.created_at, pauses, now);
      const waiting = waitingMsUntil(calendar, clockTarget(def.resolution).unit, pauses, now);
      Object.assign(set, { resolved_at: at, resolution_due_at: stopped.dueAt, resolution_outcome: stopped.outcome, waiting_ms: waiting });
      if (!row.first_resolved_at) Object.assign(set, { first_resolved_at: at, first_resolution_due_at: stopped.dueAt, first_resolution_outcome: stopped.outcome });
      notifyTo.push({ what: 'status', users: [row.requester_id] });
    }
    if (target === 'closed') set.closed_at = at;
    if (target === 'reopened') {
      Object.assign(set, { resolved_at: null, resolution_due_at: null, resolution_outcome: null, reopen_count: row.reopen_count + 1 });
      notifyTo.push({ what: 'status', users: assigneeId ? [assigneeId] : [] });
    }
    if (target === 'waiting_requester') notifyTo.push({ what: 'status', users: [row.requester_id] });
    if (status === 'waiting_requester' && target === 'in_progress' && assigneeId && actor.id !== assigneeId) notifyTo.push({ what: 'status', users: [assigneeId] });
    set.status = target;
    audit.before.status = status;
    audit.after.status = target;
    status = target;
  }

  if (patch.rating !== undefined) {
    if (actor.id !== row.requester_id) throw new AppError('FORBIDDEN', 'wo_requester_only', { params: { to: 'rating' } });
    if (!STOPPED.has(status)) throw new AppError('INVALID_STATE', 'wo_not_resolved');
    if (row.rating !== null) throw new AppError('INVALID_STATE', 'wo_already_rated');
    set.rating = patch.rating;
    set.rating_comment = patch.ratingComment ?? null;
    audit.after.rating = patch.rating;
  } else if (patch.ratingComment !== undefined) {
    throw invalid('rating', 'required');
  }

  if (Object.keys(set).length === 0 && !patch.note) return;
  await repo.updateOrder(trx, row.id, { ...set, updated_at: at });
  if (set.status !== undefined || set.assignee_id !== undefined || patch.note) {
    await repo.appendHistory(trx, { id: newId(), order_id: row.id, from_status: row.status, status, assignee_id: assigneeId, actor_id: auditActorId(actor), note: patch.note ?? null, at });
  }
  const { row: after } = await refreshClocks(trx, deps, row.id);
  const diff = { before: audit.before, after: { ...audit.after, ...(patch.note ? { note: patch.note } : {}) } };
  await commandIn(trx, deps.clock, { entity: 'work_order', actorId: auditActorId(actor) }).recorded(row.id, 'update', diff, { type: 'work_order.updated', payload: { ...change(diff.before, diff.after), from: row.status, status, assigneeId, requesterId: row.requester_id, rating: after.rating } });
  for (const n of notifyTo) await notifyOrder(trx, deps, after, n.what, n.users.filter((u) => u !== actor.id));

  // Points follow the facts just recorded, scored by the rule set in force now.
  const helperId = after.assignee_id;
  if (set.response_outcome === 'hit' && helperId) await grantFor(trx, deps, after, 'response_in_sla', helperId, now);
  if (set.first_resolution_outcome === 'hit' && helperId) await grantFor(trx, deps, after, 'resolution_in_sla', helperId, now);
  if (set.rating !== undefined && helperId) await grantFor(trx, deps, after, 'rating_at_least', helperId, now);
  if (set.status === 'reopened') await reverseOnReopen(trx, deps, after, now);
}

export async function addComment(deps: WoDeps, actor: Actor, id: string, body: string) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findOrder(trx, actor, id);
    if (!row) throw notFound('Work order');
    return commentInTx(trx, deps, actor, row, body);
  });
}

async function commentInTx(trx: Queryable, deps: WoDeps, actor: Actor, row: repo.OrderRow, body: string) {
  const now = deps.clock.now().toISOString();
  const commentId = newId();
  await repo.insertComment(trx, { id: commentId, order_id: row.id, author_id: actor.id, body, created_at: now });
  await commandIn(trx, deps.clock, { entity: 'work_order', actorId: actor.id }).recorded(row.id, 'comment', { after: { commentId, body } });
  // Nobody has taken the order yet: its queue (the handling team) hears about the comment, as it did of the order.
  const handlers = row.assignee_id ? [row.assignee_id] : (await repo.activeUsersOfTeam(trx, row.queue_team_id)).map((u) => u.id);
  const others = [row.requester_id, ...handlers].filter((u) => u !== actor.id);
  await notifyOrder(trx, deps, row, 'comment', others, commentId);
  return { id: commentId, author: { id: actor.id, name: actor.displayName }, body, createdAt: now };
}
