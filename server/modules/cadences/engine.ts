/**
 * The cadence event consumer (exactly once per event, see core/consumers.ts): starts the cadences a stage lists when a
 * deal enters it, stops runs when the deal leaves the stage they were started for, is won or lost, or the customer
 * opts out, and keeps step state in step with the step tasks.
 */
import { consumeEvents, type StoredEvent } from '../../core/consumers.js';
import { AppError } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import type { Queryable } from '../../db/index.js';
import { defineJob } from '../../jobs/job.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { findStage } from '../pipelines/definition.js';
import { definitionOf as pipelineDefinitionOf, findPipeline } from '../pipelines/repo.js';
import * as repo from './repo.js';
import { CADENCE_ENGINE, startRunInTx, stopRunsInTx, syncStepFromTask } from './runs.js';
import { ensureShippedCadences } from './service.js';

export const CADENCE_CONSUMER = 'cadences';
const TYPES = ['deal.created', 'deal.stage_changed', 'deal.updated', 'customer.updated', 'task.updated', 'task.completed'];

type EngineDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'dialect'>;

export async function processCadenceEvents(deps: EngineDeps, batch = 200): Promise<number> {
  const calendar = await loadWorkCalendar(deps.db, deps.config.timeZone);
  return consumeEvents(deps.db, deps.clock, CADENCE_CONSUMER, (trx, event) => handle(trx, deps, calendar, event), { batch, types: TYPES });
}

async function handle(trx: Queryable, deps: EngineDeps, calendar: WorkCalendar, event: StoredEvent) {
  if (event.type.startsWith('deal.')) {
    // Serialise with other processes handling events of the same deal (SQLite runs one writer at a time anyway).
    if (deps.dialect === 'postgres') await trx.selectFrom('deals').select('id').where('id', '=', event.entityId).forUpdate().execute();
    return syncDeal(trx, deps, calendar, event.entityId);
  }
  if (event.type === 'customer.updated') {
    if (!(await repo.isOptedOut(trx, event.entityId))) return;
    const runs = await repo.activeRuns(trx, { customerId: event.entityId });
    if (runs.length > 0) await stopRunsInTx(trx, deps.clock, runs.map((r) => r.id), 'opted_out', null);
    return;
  }
  return syncStepFromTask(trx, deps.clock, event.entityId);
}

/** Runs follow the deal's state: wrong stage or closed → stop; cadences of the current stage not yet started → start. */
async function syncDeal(trx: Queryable, deps: EngineDeps, calendar: WorkCalendar, dealId: string) {
  const deal = await repo.findDeal(trx, null, dealId);
  if (!deal) return;
  const runs = await repo.activeRuns(trx, { dealId });
  const closed = deal.status !== 'open';
  const stale = runs.filter((r) => closed || r.stage_key !== deal.stage_key);
  if (stale.length > 0) await stopRunsInTx(trx, deps.clock, stale.map((r) => r.id), closed ? deal.status : 'stage_left', null);
  if (closed) return;
  const pipeline = await findPipeline(trx, deal.pipeline_id);
  const stage = pipeline ? findStage(pipelineDefinitionOf(pipeline), deal.stage_key) : undefined;
  const keys = (stage?.cadences ?? []).filter((k): k is string => typeof k === 'string');
  if (keys.length === 0) return;
  await ensureShippedCadences(trx, deps.clock);
  for (const key of keys) {
    const cadence = await repo.findCadence(trx, key);
    if (!cadence) continue;
    // Started once per stage visit: a run for this stage begun at or after the entry means it is (or was) running.
    const visits = await trx
      .selectFrom('cadence_runs')
      .select('id')
      .where('deal_id', '=', deal.id)
      .where('cadence_id', '=', cadence.id)
      .where('stage_key', '=', deal.stage_key)
      .where('started_at', '>=', deal.stage_entered_at)
      .executeTakeFirst();
    if (visits) continue;
    await startOrRecord(trx, deps, calendar, deal, cadence, `stage:${deal.stage_key}`);
  }
}

/** A start the engine cannot make (anchor field empty, customer opted out) is recorded as a stopped run with the reason. */
export async function startOrRecord(trx: Queryable, deps: EngineDeps, calendar: WorkCalendar, deal: repo.CadenceDeal, cadence: NonNullable<Awaited<ReturnType<typeof repo.findCadence>>>, startedBy: string) {
  try {
    // Every refusal is thrown before the first write, so the transaction is still clean when we record it.
    return await startRunInTx(trx, deps, calendar, { deal, cadence, actor: CADENCE_ENGINE, startedBy, fromStageEntry: startedBy.startsWith('stage:') });
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'CONFLICT') throw error;
    const now = deps.clock.now().toISOString();
    await repo.insertRun(trx, {
      id: newId(),
      cadence_id: cadence.id,
      cadence_key: cadence.key,
      deal_id: deal.id,
      customer_id: deal.customer_id,
      stage_key: deal.stage_key,
      anchor_at: now,
      status: 'stopped',
      stop_reason: `not_started: ${error.message}`,
      started_by: startedBy,
      started_at: now,
      ended_at: now,
    });
    return null;
  }
}

export const cadencesJob = defineJob({
  name: 'cadences',
  idleIntervalMs: 1000,
  pass: async (deps) => ({ did: await processCadenceEvents(deps), fired: [] }),
});
