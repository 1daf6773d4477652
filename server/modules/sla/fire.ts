/**
 * Fires due ladder levels. One transaction per firing: claim the timer row (PostgreSQL: FOR UPDATE SKIP LOCKED),
 * insert the firing (UNIQUE(timer_id, level): a level can only ever be recorded once), colour the subject,
 * enqueue the notifications (idempotency key `sla:<timer>:<level>:<user>`), emit `sla.level_reached` (and
 * `task.overdue` on a task's first level), record interventions and schedule the next level. A crash anywhere
 * rolls all of it back and the level fires again later, once.
 */
import { breathe } from '../../core/breathe.js';
import type { Clock } from '../../core/clock.js';
import { emitEvent } from '../../core/events.js';
import type { Db, Dialect, Queryable } from '../../db/index.js';
import type { Calendars } from '../calendar/schedules.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { definitionOf, findPipeline } from '../pipelines/repo.js';
import { stageLabel, type PipelineDefinition } from '../pipelines/definition.js';
import { colourAfter, levelDueAt, type StoredLevel } from './ladder.js';
import { resolveRecipients } from './recipients.js';
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
}

/**
 * Fires due levels in one transaction until `max` are done, nothing is due or `sliceMs` has passed: a commit per
 * firing cost a third of the firing (SQLite, one writer at a time) or two of its round trips (PostgreSQL). A crash
 * rolls the batch back whole, and each level in it fires again later, once — nothing leaves the transaction before
 * it commits (notifications go out through the outbox).
 */
async function fireBatch(opts: FireOptions, max: number, sliceMs: number): Promise<Array<Firing | 'skipped'>> {
  const started = performance.now();
  return opts.db.transaction().execute(async (trx) => {
    const out: Array<Firing | 'skipped'> = [];
    const ids = await repo.claimDueTimerIds(trx, opts.dialect, opts.clock.now().toISOString(), max);
    for (const id of ids) {
      // Claimed but not fired in time: unlocked at commit, still due, taken by the next batch.
      if (out.length > 0 && performance.now() - started >= sliceMs) break;
      const result = await fireIn(trx, opts, id);
      if (result !== null) out.push(result);
    }
    return out;
  });
}

/** Fires the due level of timer `id` (locked by this transaction) in `trx`, or returns null when it is no longer due. */
async function fireIn(trx: Queryable, opts: FireOptions, id: string): Promise<Firing | 'skipped' | null> {
  const { dialect, clock, calendars } = opts;
  const asOf = clock.now().toISOString();
  const timer = await repo.claimDueTimer(trx, dialect, asOf, id);
  if (!timer) return null;
  const ladder = repo.ladderOf(timer);
  const level = timer.next_level;
  const spec = ladder[level - 1];
  const owner = await repo.subjectOwner(trx, timer.subject_type as repo.SubjectType, timer.subject_id);
  if (!spec || !owner || !owner.open || !timer.due_at) {
    // The subject closed or vanished without its event reaching us yet: nothing left to escalate.
    await repo.cancelTimers(trx, [timer.id], owner ? 'subject_closed' : 'subject_missing', asOf);
    return 'skipped' as const;
  }
  const dueAt = timer.due_at;
  const recipients = await resolveRecipients(trx, owner, spec.notify);
  const channels = spec.channels ?? [];
  if (!(await repo.insertFiring(trx, { timerId: timer.id, level, subjectType: timer.subject_type, subjectId: timer.subject_id, dueAt, firedAt: asOf, recipients, channels }))) {
    // Only reachable if a row lock was bypassed; the firing exists, so never notify twice.
    return 'skipped' as const;
  }
  const next = level < ladder.length ? (levelDueAt(calendars.forTeam(timer.team_id), ladder, level + 1, new Date(timer.anchor_at), new Date(dueAt))?.toISOString() ?? null) : null;
  const colour = colourAfter(spec);
  await repo.advanceTimer(trx, timer.id, { nextLevel: level + 1, dueAt: next, lastDueAt: dueAt, levelReached: level, colour, status: next ? 'active' : 'exhausted', now: asOf });

  const text = await messageFor(trx, opts.pipelines ?? new Map(), timer, owner, spec, level);
  for (const userId of recipients) {
    await enqueueNotification(trx, clock, {
      idempotencyKey: `sla:${timer.id}:${level}:${userId}`,
      userId,
      ...text,
      subject: { type: timer.subject_type, id: timer.subject_id },
      ...(spec.channels ? { channels: spec.channels } : {}),
    });
  }
  const intervention = spec.require === 'intervention';
  if (intervention) {
    // Managers intervene; the owner is told but is not asked to intervene in their own record.
    const managers = recipients.filter((id) => id !== owner.id);
    for (const userId of managers.length ? managers : recipients) {
      await repo.insertIntervention(trx, { timerId: timer.id, level, userId, subjectType: timer.subject_type, subjectId: timer.subject_id, now: asOf });
    }
  }
  const payload = { timerId: timer.id, kind: timer.kind, stageKey: timer.stage_key, level, levels: ladder.length, dueAt, colour, recipients, channels, intervention, ownerId: owner.id };
  await emitEvent(trx, clock, { type: 'sla.level_reached', entity: timer.subject_type as 'deal' | 'task', entityId: timer.subject_id, actorId: null, payload });
  if (timer.subject_type === 'task' && level === 1) {
    await emitEvent(trx, clock, { type: 'task.overdue', entity: 'task', entityId: timer.subject_id, actorId: null, payload: { timerId: timer.id, dueAt: timer.anchor_at, assigneeId: owner.id } });
  }
  return { timer: timer.id, subject: { type: timer.subject_type as repo.SubjectType, id: timer.subject_id }, level, recipients, channels, dueAt, firedAt: asOf, colour, intervention };
}

/**
 * Fires everything due as of the clock, up to `limit` firings, in time-boxed batches (see `fireBatch`). On
 * PostgreSQL three lanes claim in parallel, each its own transaction and connection (`FOR UPDATE SKIP LOCKED`: other
 * lanes and processes pass over the timers a batch holds); SQLite serialises writers, so one lane, with a short box
 * so HTTP gets the connection between batches.
 */
export async function fireDue(opts: FireOptions, limit = 500, onFire?: (f: Firing) => void): Promise<number> {
  opts = { ...opts, pipelines: opts.pipelines ?? new Map() };
  const postgres = opts.dialect === 'postgres';
  const [lanes, batchSize, sliceMs] = postgres ? [3, 50, 100] : [1, 200, 15];
  let budget = limit;
  let done = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (budget > 0) {
        const take = Math.min(budget, batchSize);
        budget -= take;
        await breathe();
        const batch = await fireBatch(opts, take, sliceMs);
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
  owner: { name: string; title: string; pipelineId: string | null },
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
