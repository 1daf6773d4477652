/**
 * Cadence runs on deals: start (each step becomes a task), stop (open step tasks are cancelled), keep step state in
 * step with its task, and the pre-completion check that refuses a step's task without its deliverable.
 */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { fieldErrorsOf } from '../../core/validation.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import type { CadencesTable } from '../../db/schema.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { loadCustomFieldDefs } from '../customfields/repo.js';
import { CUSTOM_FIELD_PREFIX } from '../gates/evaluate.js';
import { insertTaskInTx, type CompletionCheck } from '../tasks/service.js';
import { changeTask, taskStateOf } from '../tasks/write.js';
import { evaluateDeliverable, deliverableInput } from './deliverable.js';
import * as repo from './repo.js';
import { stepDueAt, type Anchor } from './schedule.js';
import { type AnyActor, systemActor } from '../../core/policy.js';

type RunDeps = Pick<Deps, 'clock' | 'config'>;

/** Who creates step tasks when no user started the run (stage entry, rules): sees everything, owns nothing. */
export const CADENCE_ENGINE = systemActor('cadences', '节奏引擎 Cadence engine');

export interface StartInput {
  deal: repo.CadenceDeal;
  cadence: CadencesTable;
  actor: AnyActor;
  /** User id, `stage:<key>` or `rule:<id>`. */
  startedBy: string;
  /** Stage-entry starts count from the entry; API and rule starts count from now. */
  fromStageEntry: boolean;
}

function anchorOf(input: StartInput, now: Date): Anchor {
  const def = repo.definitionOf(input.cadence);
  if (def.anchor.kind === 'stage_entered') return { kind: 'instant', at: input.fromStageEntry ? new Date(input.deal.stage_entered_at) : now };
  const field = def.anchor.field;
  const value = field.startsWith(CUSTOM_FIELD_PREFIX)
    ? parseJson<Record<string, unknown>>(input.deal.custom, {})[field.slice(CUSTOM_FIELD_PREFIX.length)]
    : input.deal.expected_close_date;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new AppError('INVALID_STATE', 'cadence_anchor_empty', {
      params: { field },
      fields: [{ field, code: 'date_field_empty' }],
    });
  }
  return { kind: 'date', date: value };
}

/** Starts `cadence` on the deal inside an open transaction; refuses closed deals, opted-out customers and doubles. */
export async function startRunInTx(trx: Queryable, deps: RunDeps, calendar: WorkCalendar, input: StartInput) {
  const { deal, cadence } = input;
  const now = deps.clock.now();
  if (deal.status !== 'open') throw new AppError('INVALID_STATE', 'cadence_deal_closed', { params: { status: deal.status } });
  if (await repo.isOptedOut(trx, deal.customer_id)) throw new AppError('INVALID_STATE', 'customer_opted_out');
  if (deal.owner_active !== 1) throw new AppError('INVALID_STATE', 'deal_owner_inactive');
  const running = (await repo.activeRuns(trx, { dealId: deal.id })).find((r) => r.cadence_id === cadence.id);
  if (running) throw new AppError('CONFLICT', 'cadence_running', { params: { cadence: cadence.key }, extra: { run: running.id } });
  const def = repo.definitionOf(cadence);
  const anchor = anchorOf(input, now);
  const runId = newId();
  await repo.insertRun(trx, {
    id: runId,
    cadence_id: cadence.id,
    cadence_key: cadence.key,
    deal_id: deal.id,
    customer_id: deal.customer_id,
    stage_key: deal.stage_key,
    anchor_at: anchor.kind === 'instant' ? anchor.at.toISOString() : anchor.date,
    status: 'active',
    stop_reason: null,
    started_by: input.startedBy,
    started_at: now.toISOString(),
    ended_at: null,
  });
  let open = 0;
  for (const [index, step] of def.steps.entries()) {
    const dueAt = stepDueAt(calendar, anchor, step).toISOString();
    // A step whose moment has already passed (a trial started late) is recorded as skipped, not as an overdue task.
    const skipped = dueAt <= now.toISOString();
    const task = skipped
      ? null
      : await insertTaskInTx(trx, { ...deps, db: trx }, input.actor, { title: step.title, assigneeId: deal.owner_id, dueAt, customerId: deal.customer_id, dealId: deal.id, status: 'open' });
    if (task) open++;
    await repo.insertStep(trx, {
      id: newId(),
      run_id: runId,
      step_index: index,
      step_key: step.key,
      spec: toJson(step),
      task_id: task?.id ?? null,
      due_at: dueAt,
      status: skipped ? 'skipped' : 'open',
      deliverable: null,
      completed_at: null,
    });
  }
  if (open === 0) await repo.endRun(trx, runId, 'completed', null, now.toISOString());
  await commandIn(trx, deps.clock, { entity: 'deal', actorId: input.actor.id }).recorded(deal.id, 'cadence_start', {
    after: { run: runId, cadence: cadence.key, startedBy: input.startedBy, anchor },
  });
  return runId;
}

/** Stops active runs: open step tasks are cancelled (their SLA timers stop through task.updated). */
export async function stopRunsInTx(trx: Queryable, clock: Clock, runIds: string[], reason: string, actorId: string | null) {
  const now = clock.now().toISOString();
  let cancelled = 0;
  for (const step of await repo.stepsOfRuns(trx, runIds)) {
    if (step.status !== 'open' || !step.task_id) continue;
    const task = await trx.selectFrom('tasks').selectAll().where('id', '=', step.task_id).executeTakeFirst();
    if (task && task.status === 'open') {
      await changeTask(trx, clock, taskStateOf(task), { status: 'cancelled' }, { actorId, reason: `cadence_${reason}` });
      cancelled++;
    }
    await repo.updateStep(trx, step.id, { status: 'cancelled' });
  }
  for (const id of runIds) await repo.endRun(trx, id, 'stopped', reason, now);
  return cancelled;
}

/** Mirrors a step task's status onto its step; the run completes when no step is left open. */
export async function syncStepFromTask(trx: Queryable, clock: Clock, taskId: string) {
  const step = await repo.stepOfTask(trx, taskId);
  if (!step) return;
  const task = await trx.selectFrom('tasks').select(['status', 'completed_at']).where('id', '=', taskId).executeTakeFirst();
  if (!task) return;
  if (task.status !== step.status || task.completed_at !== step.completed_at) {
    await repo.updateStep(trx, step.id, { status: task.status, completed_at: task.completed_at });
  }
  if (step.run_status !== 'active') return;
  const steps = await repo.stepsOfRuns(trx, [step.run_id]);
  if (steps.every((s) => (s.id === step.id ? task.status : s.status) !== 'open')) await repo.endRun(trx, step.run_id, 'completed', null, clock.now().toISOString());
}

/** Registered with the tasks module: a cadence step's task completes only with its deliverable. */
export const checkStepDeliverable: CompletionCheck = async (trx, { taskId, clock, deliverable }) => {
  const step = await repo.stepOfTask(trx, taskId);
  if (!step) return;
  const parsed = deliverableInput.safeParse(deliverable ?? {});
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', undefined, { fields: fieldErrorsOf(parsed.error.issues, 'deliverable', deliverable ?? {}) });
  }
  const spec = repo.specOf(step);
  const task = await trx.selectFrom('tasks').select('created_at').where('id', '=', taskId).executeTakeFirstOrThrow();
  const deal = await repo.findDeal(trx, null, step.deal_id);
  const defs = spec.deliverable.fields?.some((f) => f.startsWith(CUSTOM_FIELD_PREFIX)) ? await loadCustomFieldDefs(trx, 'deal') : [];
  const unmet = evaluateDeliverable(spec.deliverable, {
    now: clock.now().toISOString(),
    attachments: spec.deliverable.attachments ? await repo.countAttachments(trx, step.deal_id, spec.deliverable.attachments.kind, task.created_at) : 0,
    deal: { title: deal?.title, amountFen: Number(deal?.amount_fen ?? 0), expectedCloseDate: deal?.expected_close_date },
    custom: parseJson<Record<string, unknown>>(deal?.custom, {}),
    customLabels: Object.fromEntries(defs.map((d) => [d.key, { label: d.label, labelEn: d.labelEn }])),
    given: parsed.data,
  });
  if (unmet.length > 0) {
    throw new AppError('DELIVERABLE_MISSING', 'deliverable_missing', {
      params: { step: spec.title, missing: unmet.map((u) => u.label).join('、'), missingEn: unmet.map((u) => u.labelEn).join(', ') },
      extra: { step: { key: step.step_key, cadence: step.cadence_key }, unmet },
    });
  }
  await repo.updateStep(trx, step.id, { deliverable: toJson(parsed.data) });
};
