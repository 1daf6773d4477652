/**
 * The patterns module's background pass (one job in the registry, so `actionflow tick --at` replays it):
 * 1. Live flags on events: consumes activity, deal and material-open events exactly once (consumer `patterns`) and re-evaluates the
 *    deal each touches, in the consumption's transaction — a flag appears within a worker turn of the event.
 * 2. Scheduled mining: every pipeline once a day at 02:00 org time; the `(pipeline, slot)` row claimed in the run's
 *    transaction makes it once across processes. One pipeline per pass.
 * 3. Hourly sweep: re-evaluates every open deal for conditions that become true with time alone (no effective
 *    interaction within N working days); the slot row makes it once per hour across processes.
 * No `nextDue`: `tick --at` drains it like the other event consumers at each replayed instant and as of the target
 * (a due instant at the start of the hour or the day would make the consumers run with a clock earlier than events
 * they had already seen); the daily slot and the hour slot are taken from that clock.
 */
import { DateTime } from 'luxon';
import { consumeEvents } from '../../core/consumers.js';
import type { Deps } from '../../core/http.js';
import type { Queryable } from '../../db/index.js';
import { defineJob, type Fired } from '../../jobs/job.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { evaluateDeals } from './live.js';
import { minePipeline } from './mine.js';
import * as repo from './repo.js';

export const PATTERNS_CONSUMER = 'patterns';
const EVENT_TYPES = ['activity.logged', 'deal.created', 'deal.updated', 'deal.stage_changed', 'material.opened'];
const MINING_HOUR = 2;

type JobDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

async function dealOfEvent(db: Queryable, event: { type: string; entityId: string; payload: unknown }): Promise<string | null> {
  if (event.type === 'material.opened') {
    // An open is an action of the deal whose activity sent the material (templates.ts, `open:material`).
    const activityId = (event.payload as { activityId?: unknown }).activityId;
    if (typeof activityId !== 'string') return null;
    const row = await db.selectFrom('activities').select('deal_id').where('id', '=', activityId).executeTakeFirst();
    return row?.deal_id ?? null;
  }
  if (event.type === 'activity.logged') {
    const dealId = (event.payload as { dealId?: unknown }).dealId;
    return typeof dealId === 'string' ? dealId : null;
  }
  return event.entityId;
}

export async function consumeForFlags(deps: JobDeps, fired: Fired[]): Promise<number> {
  let calendar: WorkCalendar | null = null;
  return consumeEvents(
    deps.db,
    deps.clock,
    PATTERNS_CONSUMER,
    async (trx, event) => {
      const dealId = await dealOfEvent(trx, event);
      if (!dealId) return;
      calendar ??= await loadWorkCalendar(trx, deps.config.timeZone);
      const r = await evaluateDeals({ db: trx, clock: deps.clock, calendar }, [dealId]);
      if (r.raised || r.cleared) fired.push({ kind: 'risk.flags', at: deps.clock.now().toISOString(), subject: { type: 'deal', id: dealId }, raised: r.raised, cleared: r.cleared });
    },
    { types: EVENT_TYPES },
  );
}

/** Today's mining slot (local date) and its instant, in the org time zone. */
function miningSlot(deps: JobDeps): { slot: string; at: Date } {
  const local = DateTime.fromJSDate(deps.clock.now(), { zone: deps.config.timeZone });
  const at = local.startOf('day').plus({ hours: MINING_HOUR });
  return { slot: local.toISODate()!, at: at.toJSDate() };
}

async function pipelinesDue(deps: JobDeps): Promise<string[]> {
  const { slot, at } = miningSlot(deps);
  if (deps.clock.now() < at) return [];
  const done = new Set((await deps.db.selectFrom('pattern_runs').select('pipeline_id').where('slot', '=', slot).execute()).map((r) => r.pipeline_id));
  return (await repo.activePipelineIds(deps.db)).filter((id) => !done.has(id));
}

async function mineDue(deps: JobDeps, fired: Fired[]): Promise<number> {
  const [pipelineId] = await pipelinesDue(deps);
  if (!pipelineId) return 0;
  const { slot, at } = miningSlot(deps);
  const calendar = await loadWorkCalendar(deps.db, deps.config.timeZone);
  const result = await deps.db.transaction().execute((trx) => minePipeline({ db: trx, clock: deps.clock, calendar }, pipelineId, { trigger: 'schedule', slot }));
  if (!result) return 0;
  fired.push({ kind: 'patterns.mined', at: at.toISOString(), subject: { type: 'pipeline', id: pipelineId }, coldStart: result.coldStart, surfaced: result.surfaced });
  return 1;
}

const hourSlot = (now: Date) => now.toISOString().slice(0, 13);

async function sweep(deps: JobDeps, fired: Fired[]): Promise<number> {
  const now = deps.clock.now();
  const slot = hourSlot(now);
  const calendar = await loadWorkCalendar(deps.db, deps.config.timeZone);
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('risk_sweeps').values({ slot, ran_at: now.toISOString(), deals: 0 }).onConflict((oc) => oc.column('slot').doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
    const open = (await trx.selectFrom('deals').select('id').where('status', '=', 'open').orderBy('id').execute()).map((d) => d.id);
    const flagged = (await trx.selectFrom('deal_risk_flags').select('deal_id').where('active', '=', 1).execute()).map((d) => d.deal_id);
    const ids = [...new Set([...open, ...flagged])];
    let raised = 0;
    let cleared = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const r = await evaluateDeals({ db: trx, clock: deps.clock, calendar }, ids.slice(i, i + 500));
      raised += r.raised;
      cleared += r.cleared;
    }
    await trx.updateTable('risk_sweeps').set({ deals: ids.length }).where('slot', '=', slot).execute();
    // Reported only when it changed something, so a quiet hour adds nothing to `tick` output.
    if (raised || cleared) fired.push({ kind: 'risk.sweep', at: `${slot}:00:00.000Z`, deals: ids.length, raised, cleared });
    return 1;
  });
}

export const patternsJob = defineJob({
  name: 'patterns',
  idleIntervalMs: 1000,
  pass: async (deps) => {
    const fired: Fired[] = [];
    const consumed = await consumeForFlags(deps, fired);
    const mined = await mineDue(deps, fired);
    const swept = await sweep(deps, fired);
    return { did: consumed + mined + swept, fired };
  },
});
