/**
 * Fires due ladder levels, set-based: a batch of due timers is claimed with one statement (PostgreSQL: FOR UPDATE
 * SKIP LOCKED, so other processes take other timers) and each step runs once for the whole batch — owners, recipients,
 * the firing rows (UNIQUE(timer_id, level): a level is recorded once ever, and only the rows this transaction inserted
 * go on), the timers' next levels, the notifications (idempotency key `sla:<timer>:<level>:<user>`), interventions and
 * the `sla.level_reached` / `task.overdue` events. About a dozen statements per batch instead of per firing. A crash
 * rolls the batch back whole and each of its levels fires again later, once; nothing leaves the transaction before it
 * commits (notifications go out through the outbox).
 */
import { breathe } from '../../core/breathe.js';
import type { Clock } from '../../core/clock.js';
import { emitAll } from '../../core/command.js';
import type { DomainEvent } from '../../core/events.js';
import type { Db, Dialect, Queryable } from '../../db/index.js';
import type { Calendars } from '../calendar/schedules.js';
import type { NotificationRequest } from '../notifications/outbox.js';
import { enqueueNotifications } from '../notifications/outbox-batch.js';
import { definitionOf, findPipeline } from '../pipelines/repo.js';
import { stageLabel, type PipelineDefinition } from '../pipelines/definition.js';
import { colourAfter, levelDueAt, type StoredLevel } from './ladder.js';
import { preloadedDirectory, resolveRecipients } from './recipients.js';
import * as repo from './repo.js';

export interface Firing {
  timer: string;
  subject: { type: repo.SubjectType; id: string };
  level: number;
  recipients: string[];
  /** Channels the ladder level asked for; empty = each recipient's defaults (in-app + their team's robots). */
  channels: string[];
  dueAt: string;
  firedAt: string;
  colour: 'yellow' | 'red';
  intervention: boolean;
}

export interface FireOptions {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  calendars: Calendars;
  /** Pipeline definitions read during one pass (stage names for messages), so a backlog does not re-read them. */
  pipelines?: Map<string, PipelineDefinition | null>;
  /** Timers claimed per transaction (default: sized to a time per transaction, see SIZING). Tests set 1 to compare batches with one-by-one firing. */
  batchSize?: number;
}

interface Planned {
  timer: repo.TimerRow;
  ladder: StoredLevel[];
  spec: StoredLevel;
  owner: repo.SubjectOwner;
  recipients: string[];
}

/** Fires the due levels of up to `max` timers in one transaction; a timer no longer worth escalating counts as 'skipped'. */
async function fireBatch(opts: FireOptions, max: number): Promise<Array<Firing | 'skipped'>> {
  const { dialect, clock, calendars } = opts;
  return opts.db.transaction().execute(async (trx) => {
    const asOf = clock.now().toISOString();
    const timers = await repo.claimDueTimers(trx, dialect, asOf, max);
    if (timers.length === 0) return [];
    const owners = await repo.subjectOwners(trx, timers.map((t) => ({ type: t.subject_type, id: t.subject_id })));
    const planned: Planned[] = [];
    const gone = { subject_closed: [] as string[], subject_missing: [] as string[] };
    for (const timer of timers) {
      const ladder = repo.ladderOf(timer);
      const spec = ladder[timer.next_level - 1];
      const owner = owners.get(`${timer.subject_type}:${timer.subject_id}`);
      // The subject closed or vanished without its event reaching us yet: nothing left to escalate.
      if (!spec || !owner || !owner.open || !timer.due_at) gone[owner ? 'subject_closed' : 'subject_missing'].push(timer.id);
      else planned.push({ timer, ladder, spec, owner, recipients: [] });
    }
    for (const [reason, ids] of Object.entries(gone)) await repo.cancelTimers(trx, ids, reason, asOf);
    const directory = await preloadedDirectory(trx, planned.map((p) => p.owner.teamPath));
    for (const p of planned) p.recipients = await resolveRecipients(trx, p.owner, p.spec.notify, directory);

    const inserted = await repo.insertFirings(
      trx,
      planned.map((p) => ({ timerId: p.timer.id, level: p.timer.next_level, subjectType: p.timer.subject_type, subjectId: p.timer.subject_id, dueAt: p.timer.due_at!, firedAt: asOf, recipients: p.recipients, channels: p.spec.channels ?? [] })),
    );
    // Not inserted is only reachable if a row lock was bypassed; the firing exists, so never notify twice.
    const fired = planned.filter((p) => inserted.has(p.timer.id));
    await repo.advanceTimers(
      trx,
      fired.map(({ timer, ladder }) => {
        const level = timer.next_level;
        const next = level < ladder.length ? (levelDueAt(calendars.forTeam(timer.team_id), ladder, level + 1, new Date(timer.anchor_at), new Date(timer.due_at!))?.toISOString() ?? null) : null;
        return { id: timer.id, dueAt: next, colour: colourAfter(ladder[level - 1]), status: next ? 'active' : 'exhausted' };
      }),
      asOf,
    );

    const pipelines = opts.pipelines ?? new Map();
    const notifications: NotificationRequest[] = [];
    const interventions: Array<Parameters<typeof repo.insertInterventions>[1][number]> = [];
    const events: DomainEvent[] = [];
    const results: Firing[] = [];
    for (const { timer, ladder, spec, owner, recipients } of fired) {
      const level = timer.next_level;
      const dueAt = timer.due_at!;
      const subject = { type: timer.subject_type, id: timer.subject_id };
      const text = await messageFor(trx, pipelines, timer, owner, spec, level);
      for (const userId of recipients) {
        notifications.push({ idempotencyKey: `sla:${timer.id}:${level}:${userId}`, userId, ...text, subject, ...(spec.channels ? { channels: spec.channels } : {}) });
      }
      const intervention = spec.require === 'intervention';
      if (intervention) {
        // Managers intervene; the owner is told but is not asked to intervene in their own record.
        const managers = recipients.filter((id) => id !== owner.id);
        for (const userId of managers.length ? managers : recipients) interventions.push({ timerId: timer.id, level, userId, subjectType: subject.type, subjectId: subject.id });
      }
      const colour = colourAfter(spec);
      const channels = spec.channels ?? [];
      const payload = { timerId: timer.id, kind: timer.kind, stageKey: timer.stage_key, level, levels: ladder.length, dueAt, colour, recipients, channels, intervention, ownerId: owner.id };
      events.push({ type: 'sla.level_reached', entity: timer.subject_type as 'deal' | 'task', entityId: timer.subject_id, actorId: null, payload });
      if (timer.subject_type === 'task' && level === 1) {
        events.push({ type: 'task.overdue', entity: 'task', entityId: timer.subject_id, actorId: null, payload: { timerId: timer.id, dueAt: timer.anchor_at, assigneeId: owner.id } });
      }
      results.push({ timer: timer.id, subject: subject as Firing['subject'], level, recipients, channels, dueAt, firedAt: asOf, colour, intervention });
    }
    await enqueueNotifications(trx, clock, notifications);
    await repo.insertInterventions(trx, interventions, asOf);
    await emitAll(trx, clock, events);
    const skipped = timers.length - results.length;
    return [...results, ...Array.from({ length: skipped }, () => 'skipped' as const)];
  });
}

/**
 * Batch sizing: a batch should hold its transaction for about `targetMs` — short on SQLite, whose one writer HTTP
 * waits for, longer on PostgreSQL, where a batch locks only its own timers and every statement is a round trip.
 * Each lane starts small and sizes the next batch from the last one's time per timer.
 */
const SIZING = {
  sqlite: { lanes: 1, first: 50, min: 10, max: 500, targetMs: 25 },
  postgres: { lanes: 2, first: 100, min: 20, max: 1000, targetMs: 150 },
} as const;

/**
 * Fires everything due as of the clock, up to `limit` firings, a batch per transaction (see `fireBatch`). On
 * PostgreSQL two lanes claim in parallel, each its own transaction and connection (`FOR UPDATE SKIP LOCKED`: other
 * lanes and processes pass over the timers a batch holds), so one lane's commit overlaps the other's statements;
 * SQLite serialises writers, so one lane, yielding to HTTP between batches.
 */
export async function fireDue(opts: FireOptions, limit = 500, onFire?: (f: Firing) => void): Promise<number> {
  opts = { ...opts, pipelines: opts.pipelines ?? new Map() };
  const sizing = SIZING[opts.dialect];
  let budget = limit;
  let done = 0;
  await Promise.all(
    Array.from({ length: sizing.lanes }, async () => {
      let size: number = opts.batchSize ?? sizing.first;
      while (budget > 0) {
        const take = Math.min(budget, size);
        budget -= take;
        await breathe();
        const started = performance.now();
        const batch = await fireBatch(opts, take);
        // Wall time is right here: this is scheduling, not domain time.
        const perTimer = (performance.now() - started) / Math.max(1, batch.length);
        if (!opts.batchSize && batch.length === take) size = Math.round(Math.min(sizing.max, Math.max(sizing.min, sizing.targetMs / perTimer)));
        budget += take - batch.length;
        done += batch.length;
        for (const result of batch) if (result !== 'skipped') onFire?.(result);
        if (batch.length === 0) return;
      }
    }),
  );
  return done;
}

function humanAfter(after: string): { zh: string; en: string } {
  const m = /^(\d+)(wd|bh|h|d)$/.exec(after)!;
  const n = Number(m[1]);
  if (m[2] === 'wd') return { zh: `${n} 个工作日`, en: `${n} working day${n === 1 ? '' : 's'}` };
  if (m[2] === 'bh') return { zh: `${n} 个工作小时`, en: `${n} business hour${n === 1 ? '' : 's'}` };
  if (m[2] === 'h') return { zh: `${n} 小时`, en: `${n} hour${n === 1 ? '' : 's'}` };
  return { zh: `${n} 天`, en: `${n} day${n === 1 ? '' : 's'}` };
}

async function messageFor(
  db: Queryable,
  pipelines: Map<string, PipelineDefinition | null>,
  timer: repo.TimerRow,
  owner: repo.SubjectOwner,
  spec: StoredLevel,
  level: number,
) {
  const after = humanAfter(spec.after);
  const since = spec.since === 'previous_level' && level > 1 ? { zh: `上一级提醒后又过了 ${after.zh}`, en: `${after.en} after the previous reminder` } : null;
  const ask = spec.require === 'intervention' ? { zh: ' 需要您介入处理。', en: ' Your intervention is required.' } : { zh: '', en: '' };
  if (timer.subject_type === 'task') {
    return {
      title: `【第${level}级】任务「${owner.title}」已逾期`,
      titleEn: `Level ${level}: task "${owner.title}" is overdue`,
      body: `负责人：${owner.name}。${since ? since.zh + '，' : ''}任务仍未完成。${ask.zh}`,
      bodyEn: `Assignee: ${owner.name}. ${since ? since.en + ', ' : ''}the task is still open.${ask.en}`,
      link: `/tasks/${timer.subject_id}`,
    };
  }
  const pipelineId = owner.pipelineId ?? '';
  if (!pipelines.has(pipelineId)) {
    const row = await findPipeline(db, pipelineId);
    pipelines.set(pipelineId, row ? definitionOf(row) : null);
  }
  const stage = stageLabel(pipelines.get(pipelineId) ?? null, timer.stage_key ?? '');
  const what =
    since ??
    (timer.kind === 'stage_idle'
      ? { zh: `已连续 ${after.zh} 没有有效跟进`, en: `no effective activity for ${after.en}` }
      : { zh: `在本阶段已停留 ${after.zh}`, en: `in this stage for ${after.en}` });
  return {
    title: `【第${level}级】商机「${owner.title}」在「${stage.name}」阶段超时`,
    titleEn: `Level ${level}: deal "${owner.title}" is overdue in stage ${stage.nameEn}`,
    body: `负责人：${owner.name}。${what.zh}。${ask.zh}`,
    bodyEn: `Owner: ${owner.name}. ${what.en[0].toUpperCase()}${what.en.slice(1)}.${ask.en}`,
    link: `/deals/${timer.subject_id}`,
  };
}
