import { commandIn } from '../../core/command.js';
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { insertCustomerRecord } from '../customers/write.js';
import { checkPhone } from '../customers/normalize.js';
import { enqueueSms } from '../notifications/outbox.js';
import { scopeOf, type Actor } from '../org/scope.js';
import { insertTaskInTx } from '../tasks/service.js';
import { changeTask, taskStateOf } from '../tasks/write.js';
import * as repo from './repo.js';
import { confirmationSms, FOLLOWUP_DEADLINE_MS, inReach, localDate, localDayRange, maskedPhone, noShowDueAt, reassignReach, secondTouchRate } from './rules.js';
import type { AppointmentBody, AppointmentListQuery, ReassignBody, StatsQuery } from './schema.js';
import { presentAppointment } from './presenter.js';
import { authorize, roleIn } from '../../core/policy.js';

type AppDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

async function reload(db: Queryable, id: string) {
  return presentAppointment((await repo.findAppointment(db, { kind: 'all' }, id))!);
}

/** The customer with this normalised phone, or a new person owned by the consultant; never a second record. */
async function findOrCreateCustomer(trx: Queryable, clock: Clock, actor: Actor, phone: string, normalized: string, name: string | undefined) {
  const existing = await repo.findCustomerByPhone(trx, normalized);
  if (existing) return { id: existing.id, created: false };
  const id = await insertCustomerRecord(
    trx,
    clock,
    { kind: 'person', name: name ?? maskedPhone(normalized), phone, source: '门店预约', owner: { id: actor.id, teamPath: actor.teamPath } },
    { actorId: actor.id, via: 'appointment' },
  );
  return { id, created: true };
}


/** How far ahead a booking may be. */
const MAX_AHEAD_DAYS = 180;
export async function createAppointment(deps: AppDeps, actor: Actor, input: AppointmentBody) {
  const { db, clock, config } = deps;
  // Store consultants book: the store is the booker's team, the consultant the booker.
  authorize(actor, 'appointment.book');
  // The one phone rule (customers/normalize.ts), as on every path that takes a phone; the schema already applied it.
  const phone = checkPhone(input.phone);
  if (!phone.ok) throw invalid('phone', phone.code, phone.code === 'phone_invalid' ? phone.params : undefined);
  // Bookings confirm and remind by SMS: a landline typed as the customer's mobile would never get them.
  if (phone.kind !== 'mobile') throw invalid('phone', 'mobile_required');
  const normalized = phone.normalized;
  // A store books weeks ahead, not years: three years out is a typo in the year.
  if (Date.parse(input.at) > clock.now().getTime() + MAX_AHEAD_DAYS * 86_400_000) throw invalid('at', 'too_far_ahead', { days: MAX_AHEAD_DAYS });
  // A time more than the grace period in the past would be a no-show the moment it is saved.
  if (new Date(noShowDueAt(input.at)) <= clock.now()) throw invalid('at', 'too_far_past');
  return db.transaction().execute(async (trx) => {
    const store = (await repo.findTeam(trx, actor.teamId))!;
    if (await repo.findBookedAt(trx, normalized, input.at)) {
      throw new AppError('CONFLICT', 'appointment_duplicate', { params: { at: input.at }, fields: [{ field: 'at', code: 'invalid' }] });
    }
    const customer = await findOrCreateCustomer(trx, clock, actor, input.phone, normalized, input.name);
    const now = clock.now().toISOString();
    const id = newId();
    await repo.insertAppointment(trx, {
      id,
      customer_id: customer.id,
      phone: input.phone,
      phone_normalized: normalized,
      store_id: store.id,
      team_path: store.path,
      consultant_id: actor.id,
      at: input.at,
      duration_minutes: input.durationMinutes,
      note: input.note || null,
      status: 'booked',
      no_show_due_at: noShowDueAt(input.at),
      no_show_at: null,
      late: 0,
      checked_in_at: null,
      checked_in_by: null,
      cancelled_at: null,
      cancelled_by: null,
      followup_user_id: null,
      followup_task_id: null,
      reassigned_at: null,
      reassigned_by: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    const sms = confirmationSms({ durationMinutes: input.durationMinutes, storeName: store.name, at: input.at, timeZone: config.timeZone });
    const queued = await enqueueSms(trx, clock, { idempotencyKey: `appointment-confirm:${id}`, teamPath: store.path, phone: normalized, ...sms, subject: { type: 'appointment', id } });
    const created = await reload(trx, id);
    await commandIn(trx, clock, { entity: 'appointment', actorId: actor.id }).recorded(id, 'create', { after: { customerId: customer.id, phone: input.phone, at: input.at, durationMinutes: input.durationMinutes, storeId: store.id, consultantId: actor.id } }, { type: 'appointment.created', payload: { storeId: store.id, consultantId: actor.id, customerId: customer.id, at: input.at } });
    return { ...created, customerCreated: customer.created, confirmation: { queued: queued.queued, template: sms.template, params: sms.params } };
  });
}

/**
 * The appointment if the actor may act on it; 404 otherwise. Besides the read scope, anyone of the appointment's own
 * store may check a customer in (the front desk taps for a colleague's customer).
 */
async function getInScope(db: Queryable, actor: Actor, id: string, opts: { sameStore?: boolean } = {}) {
  const row = await repo.findAppointment(db, scopeOf(actor), id);
  if (row) return row;
  if (opts.sameStore) {
    const any = await repo.findAppointment(db, { kind: 'all' }, id);
    if (any && any.store_id === actor.teamId) return any;
  }
  throw notFound('Appointment');
}

export async function getAppointment(deps: AppDeps, actor: Actor, id: string) {
  return presentAppointment(await getInScope(deps.db, actor, id));
}

/** One tap at the door. After a no-show it still works: the customer came late, which clears the no-show. */
export async function checkIn(deps: AppDeps, actor: Actor, id: string) {
  const { db, clock } = deps;
  return db.transaction().execute(async (trx) => {
    const row = await getInScope(trx, actor, id, { sameStore: true });
    if (row.status === 'arrived') return reload(trx, id);
    if (row.status === 'cancelled') throw new AppError('INVALID_STATE', 'appointment_cancelled');
    const now = clock.now().toISOString();
    const late = row.status === 'no_show';
    if (!(await repo.updateIfStatus(trx, id, [row.status], { status: 'arrived', checked_in_at: now, checked_in_by: actor.id, late: late ? 1 : 0, updated_at: now }))) {
      // The no-show job flipped it between our read and write: check in again from the new state.
      return checkInAgain(trx, deps, actor, id);
    }
    await cancelOpenFollowUp(trx, clock, actor, row);
    await commandIn(trx, clock, { entity: 'appointment', actorId: actor.id }).recorded(id, 'check_in', { before: { status: row.status }, after: { status: 'arrived', late } }, { type: 'appointment.checked_in', payload: { storeId: row.store_id, consultantId: row.consultant_id, late } });
    return reload(trx, id);
  });
}

async function checkInAgain(trx: Queryable, deps: AppDeps, actor: Actor, id: string) {
  const now = deps.clock.now().toISOString();
  if (!(await repo.updateIfStatus(trx, id, ['no_show'], { status: 'arrived', checked_in_at: now, checked_in_by: actor.id, late: 1, updated_at: now }))) {
    throw new AppError('CONFLICT', 'moved_meanwhile');
  }
  await commandIn(trx, deps.clock, { entity: 'appointment', actorId: actor.id }).recorded(id, 'check_in', { before: { status: 'no_show' }, after: { status: 'arrived', late: true } });
  const row = (await repo.findAppointment(trx, { kind: 'all' }, id))!;
  await commandIn(trx, deps.clock, { entity: 'appointment', actorId: actor.id }).emit(id, { type: 'appointment.checked_in', payload: { storeId: row.store_id, consultantId: row.consultant_id, late: true } });
  return presentAppointment(row);
}

export async function cancelAppointment(deps: AppDeps, actor: Actor, id: string) {
  const { db, clock } = deps;
  return db.transaction().execute(async (trx) => {
    const row = await getInScope(trx, actor, id, { sameStore: true });
    if (row.status === 'cancelled') return reload(trx, id);
    const now = clock.now().toISOString();
    if (!(await repo.updateIfStatus(trx, id, ['booked'], { status: 'cancelled', cancelled_at: now, cancelled_by: actor.id, updated_at: now }))) {
      throw new AppError('INVALID_STATE', 'cancel_booked_only', { params: { status: row.status } });
    }
    await commandIn(trx, clock, { entity: 'appointment', actorId: actor.id }).recorded(id, 'cancel', { before: { status: row.status }, after: { status: 'cancelled' } }, { type: 'appointment.cancelled', payload: { storeId: row.store_id, consultantId: row.consultant_id } });
    return reload(trx, id);
  });
}

/** Resolves `store` / `consultant` filters; a store outside the actor's reach simply yields nothing (scope applies). */
async function resolveFilter(db: Queryable, actor: Actor, q: { store?: string; consultant?: string }) {
  let storePath: string | undefined;
  if (q.store) {
    const team = await repo.findTeam(db, q.store);
    if (!team) throw invalid('store', 'not_found_team');
    storePath = team.path;
  }
  return { storePath, consultantId: q.consultant === 'me' ? actor.id : q.consultant };
}

export async function listAppointments(deps: AppDeps, actor: Actor, query: AppointmentListQuery) {
  const filter = await resolveFilter(deps.db, actor, query);
  const range = query.date ? localDayRange(query.date, query.date, deps.config.timeZone) : null;
  const { rows, total } = await repo.listAppointments(
    deps.db,
    scopeOf(actor),
    { ...filter, status: query.status, from: range?.start, to: range?.end },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(presentAppointment), total };
}

/** Consultants the actor may hand a follow-up call to (the reassign dialog). */
export async function reassignCandidates(deps: AppDeps, actor: Actor) {
  const reach = reassignReach(actor);
  if (!reach) throw new AppError('FORBIDDEN', 'reassign_managers_only');
  const rows = await repo.listConsultants(deps.db, reach.kind === 'all' ? null : reach.path);
  return { items: rows.map((u) => ({ id: u.id, name: u.display_name, role: u.role, team: { id: u.team_id, name: u.team_name } })) };
}

/**
 * Hands a no-show's follow-up call to `to` in one action: a task due in 2 hours for them, the appointment pointing at
 * it, audited. Reassigning again cancels the previous open follow-up task, so only one call is ever pending.
 */
export async function reassign(deps: AppDeps, actor: Actor, id: string, input: ReassignBody) {
  const { db, clock } = deps;
  const reach = reassignReach(actor);
  if (!reach) throw new AppError('FORBIDDEN', 'reassign_managers_only');
  return db.transaction().execute(async (trx) => {
    const row = await getInScope(trx, actor, id);
    if (row.status !== 'no_show') throw new AppError('INVALID_STATE', 'reassign_no_show_only', { params: { status: row.status } });
    const target = await repo.findUser(trx, input.to);
    if (!target || target.active !== 1 || !roleIn(target.role, 'consultants')) throw invalid('to', 'must_be_consultant');
    if (!inReach(reach, target.team_path)) throw invalid('to', 'outside_reach');
    const now = clock.now();
    const dueAt = input.dueAt ?? new Date(now.getTime() + FOLLOWUP_DEADLINE_MS).toISOString();
    if (dueAt <= now.toISOString()) throw invalid('dueAt', 'not_in_future');
    await cancelOpenFollowUp(trx, clock, actor, row);
    // Task creation checks assignability against the reassign reach (the region), not the actor's own scope, so a
    // store manager can hand the call to a neighbouring store, with the audit still naming the real actor.
    const customerInReach = reach.kind === 'all' || (await customerTeamPath(trx, row.customer_id))?.startsWith(reach.path);
    const local = localDate(new Date(row.at), deps.config.timeZone);
    const task = await insertTaskInTx(trx, deps, actor, {
      title: `未到店回访：${row.customer_name}（${row.phone}，预约 ${local} ${row.store_name}）`,
      assigneeId: target.id,
      dueAt,
      customerId: customerInReach ? row.customer_id : null,
      dealId: null,
      status: 'open',
    }, reach);
    await trx
      .updateTable('appointments')
      .set({ followup_user_id: target.id, followup_task_id: task.id, reassigned_at: now.toISOString(), reassigned_by: actor.id, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await commandIn(trx, clock, { entity: 'appointment', actorId: actor.id }).recorded(id, 'reassign', { before: { followUpUserId: row.followup_user_id, followUpTaskId: row.followup_task_id }, after: { followUpUserId: target.id, followUpTaskId: task.id, dueAt } }, { type: 'appointment.reassigned', payload: { to: target.id, taskId: task.id, dueAt, storeId: row.store_id } });
    return { ...(await reload(trx, id)), task: { id: task.id, assigneeId: target.id, dueAt } };
  });
}

/** The pending follow-up call is moot once another is handed out or the customer turns up: cancel it, audited. */
async function cancelOpenFollowUp(trx: Queryable, clock: Clock, actor: Actor, row: repo.AppointmentRow) {
  if (!row.followup_task_id || row.task_status !== 'open') return;
  const task = await trx.selectFrom('tasks').selectAll().where('id', '=', row.followup_task_id).where('status', '=', 'open').executeTakeFirst();
  if (task) await changeTask(trx, clock, taskStateOf(task), { status: 'cancelled' }, { actorId: actor.id });
}

async function customerTeamPath(db: Queryable, id: string) {
  return (await db.selectFrom('customers').select('team_path').where('id', '=', id).executeTakeFirst())?.team_path;
}

/** Store figures for local dates from..to: arrivals, deals won, no-shows, no-show second-touch rate. */
export async function stats(deps: AppDeps, actor: Actor, query: StatsQuery) {
  const { db, config } = deps;
  const filter = await resolveFilter(db, actor, query);
  const scope = scopeOf(actor);
  const range = localDayRange(query.from, query.to, config.timeZone);
  const counts = await repo.countByStatus(db, scope, { ...filter, from: range.start, to: range.end });
  const sum = (pick: (c: (typeof counts)[number]) => number, where: (c: (typeof counts)[number]) => boolean) => counts.filter(where).reduce((n, c) => n + pick(c), 0);
  const noShows = sum((c) => c.n, (c) => c.status === 'no_show');
  const touched = sum((c) => c.touched, (c) => c.status === 'no_show');
  // Deals follow the same reach: a consultant counts their own, managers the store/region asked for within scope.
  const ownerId = scope.kind === 'own' ? actor.id : filter.consultantId;
  const path = scope.kind === 'subtree' ? narrower(scope.path, filter.storePath) : filter.storePath;
  const dealsWon = path === null ? 0 : await repo.countDealsWon(db, { from: range.start, to: range.end }, { path, ownerId });
  return {
    from: query.from,
    to: query.to,
    store: query.store ?? null,
    consultant: filter.consultantId ?? null,
    appointments: sum((c) => c.n, () => true),
    arrivals: sum((c) => c.n, (c) => c.status === 'arrived'),
    lateArrivals: sum((c) => c.n, (c) => c.status === 'arrived' && c.late === 1),
    noShows,
    cancelled: sum((c) => c.n, (c) => c.status === 'cancelled'),
    dealsWon,
    noShowFollowedUp: touched,
    noShowSecondTouchRate: secondTouchRate(noShows, touched),
  };
}

/** The narrower of the actor's subtree and a requested store path; null when they do not overlap. */
function narrower(scopePath: string, storePath: string | undefined): string | null {
  if (!storePath) return scopePath;
  if (storePath.startsWith(scopePath)) return storePath;
  if (scopePath.startsWith(storePath)) return scopePath;
  return null;
}
