/**
 * The SLA event consumer: turns domain events into durable timers, inside the same transaction that records the
 * event as consumed (so a crash never leaves a timer without its consumption row, or the reverse).
 *
 * Timers are never edited in place when their clock restarts: the old row is cancelled and a new one starts, so
 * `sla_firings (timer_id, level)` stays a once-only record of each level of each clock.
 */
import { breathe } from '../../core/breathe.js';
import { consumeEvents, type StoredEvent } from '../../core/consumers.js';
import type { Clock } from '../../core/clock.js';
import type { Db, Dialect, Queryable, Tx } from '../../db/index.js';
import { loadCalendars, type Calendars } from '../calendar/schedules.js';
import { definitionOf, findPipeline } from '../pipelines/repo.js';
import { findStage } from '../pipelines/definition.js';
import { DEFAULT_TASK_LADDER, expandLadder, levelDueAt, slaSpecSchema, type StoredLevel } from './ladder.js';
import { cancelTimers, insertTimer, ladderOf, liveTimers, ownerTeam } from './repo.js';

export const SLA_CONSUMER = 'sla';
export const SLA_EVENT_TYPES = ['calendar.updated', 'calendar.team_updated', 'deal.created', 'deal.imported', 'deal.deleted', 'deal.stage_changed', 'deal.updated', 'activity.logged', 'task.created', 'task.updated', 'task.completed'];

export async function consumeSlaEvents(db: Db, dialect: Dialect, clock: Clock, calendars: Calendars, batch = 200): Promise<number> {
  return consumeEvents(db, clock, SLA_CONSUMER, (trx, event) => handleEvent(trx, dialect, clock, calendars, event), { batch, types: SLA_EVENT_TYPES });
}

/**
 * Two processes may handle two events of the same record at once (say a move and an activity). Each handler
 * first locks the record's row, so they run one after the other and the second sees what the first wrote.
 */
async function lockSubject(trx: Queryable, dialect: Dialect, table: 'deals' | 'tasks', id: string): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite runs one write transaction at a time
  await trx.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}

export async function handleEvent(trx: Tx, dialect: Dialect, clock: Clock, calendars: Calendars, event: StoredEvent): Promise<void> {
  const now = clock.now().toISOString();
  if (event.type.startsWith('deal.')) await lockSubject(trx, dialect, 'deals', event.entityId);
  if (event.type.startsWith('task.')) await lockSubject(trx, dialect, 'tasks', event.entityId);
  const touched = event.type === 'activity.logged' && event.payload.effective ? await dealsTouchedBy(trx, event.payload) : [];
  for (const id of touched) await lockSubject(trx, dialect, 'deals', id);
  switch (event.type) {
    case 'deal.created':
    case 'deal.imported':
    case 'deal.deleted':
    case 'deal.stage_changed':
    case 'deal.updated':
      return syncDealTimer(trx, calendars, event.entityId, now);
    case 'activity.logged': {
      const occurred = typeof event.payload.occurredAt === 'string' ? event.payload.occurredAt : event.occurredAt;
      // A backdated visit counts from when it happened; one dated in the future counts from when it was logged.
      const at = occurred < event.occurredAt ? occurred : event.occurredAt;
      for (const id of touched) await restartIdleClock(trx, calendars, id, at, now, id !== event.payload.dealId);
      return;
    }
    case 'task.created':
    case 'task.updated':
    case 'task.completed':
      return syncTaskTimer(trx, calendars, event.entityId, now);
    case 'calendar.updated':
      return rescheduleActive(trx, await loadCalendars(trx, calendars.days.settings.timeZone), now, null);
    case 'calendar.team_updated':
      return rescheduleActive(trx, await loadCalendars(trx, calendars.days.settings.timeZone), now, event.entityId);
  }
}

/**
 * Recomputes the pending deadline of every running clock (of one team, or all); levels already fired, cancelled and
 * exhausted clocks stay as they were, so a closed clock's hit or miss never changes.
 */
async function rescheduleActive(trx: Queryable, calendars: Calendars, now: string, teamId: string | null): Promise<void> {
  let q = trx.selectFrom('sla_timers').select(['id', 'ladder', 'anchor_at', 'next_level', 'last_due_at', 'due_at', 'team_id']).where('status', '=', 'active');
  if (teamId) q = q.where('team_id', '=', teamId);
  for (const t of await q.execute()) {
    const ladder = ladderOf(t);
    if (!ladder[t.next_level - 1]) continue;
    const due = levelDueAt(calendars.forTeam(t.team_id), ladder, t.next_level, new Date(t.anchor_at), t.last_due_at ? new Date(t.last_due_at) : null)?.toISOString() ?? null;
    if (due !== t.due_at) await trx.updateTable('sla_timers').set({ due_at: due, updated_at: now }).where('id', '=', t.id).execute();
  }
}

async function startTimer(
  trx: Queryable,
  calendars: Calendars,
  now: string,
  t: { subjectType: 'deal' | 'task'; subjectId: string; kind: 'stage_dwell' | 'stage_idle' | 'task_due'; stageKey: string | null; ladder: StoredLevel[]; anchorAt: string },
) {
  // The clock counts on the business hours of the owner's (assignee's) team.
  const teamId = await ownerTeam(trx, t.subjectType, t.subjectId);
  const dueAt = levelDueAt(calendars.forTeam(teamId), t.ladder, 1, new Date(t.anchorAt), null)!.toISOString();
  return insertTimer(trx, now, { ...t, dueAt, teamId });
}

async function stageSpec(trx: Queryable, pipelineId: string, stageKey: string) {
  const pipeline = await findPipeline(trx, pipelineId);
  const stage = pipeline ? findStage(definitionOf(pipeline), stageKey) : undefined;
  if (!stage?.sla || stage.terminal) return null;
  // Definitions stored before the SLA schema existed are re-checked here rather than trusted.
  const parsed = slaSpecSchema.safeParse(stage.sla);
  return parsed.success ? parsed.data : null;
}

/**
 * The open deals an effective activity restarts: the deal it is linked to, and every open deal of its customer
 * (whether their stage lets a customer-level activity count is decided per deal in restartIdleClock). Sorted, so
 * two processes lock them in the same order.
 */
async function dealsTouchedBy(trx: Queryable, payload: { customerId: string; dealId: string | null }): Promise<string[]> {
  const rows = await trx.selectFrom('deals').select('id').where('customer_id', '=', payload.customerId).where('status', '=', 'open').execute();
  const ids = new Set(rows.map((r) => r.id));
  if (payload.dealId) ids.add(payload.dealId);
  return [...ids].sort();
}

/**
 * Where an idle clock starts: stage entry, or the latest effective activity since then — on the deal, or on its
 * customer unless the stage counts only the deal's own activities (`idleFrom: deal`).
 */
async function idleAnchor(trx: Queryable, deal: { id: string; customer_id: string }, idleFrom: 'customer' | 'deal' | undefined, enteredAt: string, now: string): Promise<string> {
  const row = await trx
    .selectFrom('activities')
    .select((eb) => eb.fn.max('occurred_at').as('last'))
    .where((eb) => (idleFrom === 'deal' ? eb('deal_id', '=', deal.id) : eb.or([eb('deal_id', '=', deal.id), eb('customer_id', '=', deal.customer_id)])))
    .where('effective', '=', 1)
    .where('created_at', '>=', enteredAt)
    .executeTakeFirst();
  const last = (row?.last as string | null | undefined) ?? null;
  if (!last || last <= enteredAt) return enteredAt;
  // Never later than now (a visit dated ahead), never before the stage entry (a tick evaluated in the past).
  return last < now ? last : now > enteredAt ? now : enteredAt;
}

/** Makes the deal's stage timer match its current stage: keeps a matching live clock, else cancels and starts over. */
async function syncDealTimer(trx: Queryable, calendars: Calendars, dealId: string, now: string): Promise<void> {
  const deal = await trx.selectFrom('deals').select(['id', 'customer_id', 'pipeline_id', 'stage_key', 'status', 'stage_entered_at']).where('id', '=', dealId).executeTakeFirst();
  const live = (await liveTimers(trx, 'deal', dealId)).filter((t) => t.kind !== 'task_due');
  const spec = deal && deal.status === 'open' ? await stageSpec(trx, deal.pipeline_id, deal.stage_key) : null;
  if (!deal || !spec) {
    await cancelTimers(trx, live.map((t) => t.id), deal?.status === 'open' ? 'stage_changed' : 'deal_closed', now);
    return;
  }
  const kind = spec.idle ? 'stage_idle' : 'stage_dwell';
  const anchorAt = spec.idle ? await idleAnchor(trx, deal, spec.idleFrom, deal.stage_entered_at, now) : deal.stage_entered_at;
  const keep = live.find((t) => t.stage_key === deal.stage_key && t.kind === kind && t.anchor_at >= deal.stage_entered_at);
  const stale = live.filter((t) => t !== keep);
  await cancelTimers(trx, stale.map((t) => t.id), 'stage_changed', now);
  if (!keep) await startTimer(trx, calendars, now, { subjectType: 'deal', subjectId: deal.id, kind, stageKey: deal.stage_key, ladder: expandLadder(spec.ladder), anchorAt });
}

/** `viaCustomer`: the activity is on the deal's customer, not linked to this deal — counts unless the stage says `idleFrom: deal`. */
async function restartIdleClock(trx: Queryable, calendars: Calendars, dealId: string, at: string, now: string, viaCustomer = false): Promise<void> {
  const deal = await trx.selectFrom('deals').select(['pipeline_id', 'stage_key', 'status']).where('id', '=', dealId).executeTakeFirst();
  if (!deal || deal.status !== 'open') return;
  if (viaCustomer && (await stageSpec(trx, deal.pipeline_id, deal.stage_key))?.idleFrom === 'deal') return;
  for (const timer of await liveTimers(trx, 'deal', dealId, 'stage_idle')) {
    if (timer.stage_key !== deal.stage_key || at <= timer.anchor_at) continue;
    await cancelTimers(trx, [timer.id], 'restarted', now);
    await startTimer(trx, calendars, now, { subjectType: 'deal', subjectId: dealId, kind: 'stage_idle', stageKey: timer.stage_key, ladder: ladderOf(timer), anchorAt: at });
  }
}

async function syncTaskTimer(trx: Queryable, calendars: Calendars, taskId: string, now: string): Promise<void> {
  const task = await trx.selectFrom('tasks').select(['id', 'status', 'due_at']).where('id', '=', taskId).executeTakeFirst();
  const live = await liveTimers(trx, 'task', taskId, 'task_due');
  if (!task || task.status !== 'open' || !task.due_at) {
    await cancelTimers(trx, live.map((t) => t.id), task?.status === 'done' ? 'completed' : task?.status === 'cancelled' ? 'cancelled' : 'no_due_time', now);
    return;
  }
  const keep = live.find((t) => t.anchor_at === task.due_at);
  await cancelTimers(trx, live.filter((t) => t !== keep).map((t) => t.id), 'rescheduled', now);
  if (!keep) await startTimer(trx, calendars, now, { subjectType: 'task', subjectId: task.id, kind: 'task_due', stageKey: null, ladder: DEFAULT_TASK_LADDER, anchorAt: task.due_at });
}

/**
 * Gives a clock to every open record that should have one but never got it through an event: deals bulk-loaded
 * (demo, imports), stages that gained an `sla` after deals entered them, tasks created before this engine existed.
 * Each record is synced in its own transaction under its row lock, so concurrent processes cannot double it.
 */
export async function reconcileTimers(db: Db, dialect: Dialect, calendars: Calendars, now: string): Promise<number> {
  const withSla = new Set<string>();
  for (const p of await db.selectFrom('pipelines').select(['id', 'definition']).execute()) {
    for (const stage of definitionOf(p).stages) if (stage.sla && !stage.terminal) withSla.add(`${p.id}/${stage.key}`);
  }
  const deals = await db
    .selectFrom('deals')
    .select(['id', 'pipeline_id', 'stage_key'])
    .where('status', '=', 'open')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sla_timers as t')
            .select('t.id')
            .where('t.subject_type', '=', 'deal')
            .whereRef('t.subject_id', '=', 'deals.id')
            .whereRef('t.stage_key', '=', 'deals.stage_key')
            .whereRef('t.anchor_at', '>=', 'deals.stage_entered_at'),
        ),
      ),
    )
    .execute();
  const tasks = await db
    .selectFrom('tasks')
    .select('id')
    .where('status', '=', 'open')
    .where('due_at', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('sla_timers as t').select('t.id').where('t.subject_type', '=', 'task').whereRef('t.subject_id', '=', 'tasks.id').whereRef('t.anchor_at', '=', 'tasks.due_at'))),
    )
    .execute();
  let synced = 0;
  for (const deal of deals.filter((d) => withSla.has(`${d.pipeline_id}/${d.stage_key}`))) {
    await breathe();
    await db.transaction().execute(async (trx) => {
      await lockSubject(trx, dialect, 'deals', deal.id);
      await syncDealTimer(trx, calendars, deal.id, now);
    });
    synced++;
  }
  for (const task of tasks) {
    await breathe();
    await db.transaction().execute(async (trx) => {
      await lockSubject(trx, dialect, 'tasks', task.id);
      await syncTaskTimer(trx, calendars, task.id, now);
    });
    synced++;
  }
  return synced;
}
