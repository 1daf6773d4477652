/** Cadence use cases: definitions (CRUD, YAML, shipped seeds), starting on a deal, seller-home steps, stats, opt-out. */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { invalid, notFound, yamlInvalid } from '../../core/errors.js';
import { change } from '../../core/events.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import { getCustomerInScope } from '../customers/service.js';
import { scopeOf, type Actor } from '../org/scope.js';
import type { CadenceDefinition } from './definition.js';
import { guidance, presentCadence, presentStep } from './presenter.js';
import * as repo from './repo.js';
import { startRunInTx, stopRunsInTx } from './runs.js';
import type { StatsQuery } from './schema.js';
import { shippedCadences } from './templates.js';
import { cadenceToYaml, validateCadenceYaml } from './yaml.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';

type CadenceDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

export { presentCadence };

/** Inserts the shipped cadences that are missing by key; admin edits of existing ones are never overwritten. */
export async function ensureShippedCadences(db: Queryable, clock: Clock) {
  const now = clock.now().toISOString();
  for (const def of shippedCadences()) {
    if (await repo.findCadence(db, def.key)) continue;
    await repo.insertCadenceIfMissing(db, { id: newId(), key: def.key, name: def.name, name_en: def.nameEn ?? null, definition: toJson(def), version: 1, created_by: null, created_at: now, updated_at: now });
  }
}

export async function listCadences(deps: CadenceDeps) {
  await ensureShippedCadences(deps.db, deps.clock);
  const rows = await repo.listCadences(deps.db);
  return { items: rows.map(presentCadence), total: rows.length };
}

export async function getCadence(deps: CadenceDeps, key: string) {
  await ensureShippedCadences(deps.db, deps.clock);
  const row = await repo.findCadence(deps.db, key);
  if (!row) throw notFound('Cadence');
  return row;
}

/** Creates the cadence, or replaces the definition of the one with the same key (version + 1). Audited. */
export async function saveCadence(deps: CadenceDeps, actor: AnyActor, def: CadenceDefinition) {
  authorize(actor, 'cadence.manage');
  const actorId = auditActorId(actor);
  return deps.db.transaction().execute(async (trx) => {
    await ensureShippedCadences(trx, deps.clock);
    const now = deps.clock.now().toISOString();
    const existing = await repo.findCadence(trx, def.key);
    if (existing) {
      await repo.updateCadence(trx, existing.id, { name: def.name, name_en: def.nameEn ?? null, definition: toJson(def), version: existing.version + 1, updated_at: now });
      await commandIn(trx, deps.clock, { entity: 'cadence', actorId }).recorded(existing.id, 'update', { before: repo.definitionOf(existing), after: def });
    } else {
      const id = newId();
      await repo.insertCadenceIfMissing(trx, { id, key: def.key, name: def.name, name_en: def.nameEn ?? null, definition: toJson(def), version: 1, created_by: actorId, created_at: now, updated_at: now });
      await commandIn(trx, deps.clock, { entity: 'cadence', actorId }).created(id, def);
    }
    const row = (await repo.findCadence(trx, def.key))!;
    return { created: !existing, ...presentCadence(row) };
  });
}


export async function importCadenceYaml(deps: CadenceDeps, actor: AnyActor, text: string) {
  authorize(actor, 'cadence.manage');
  const result = validateCadenceYaml(text);
  if (!result.ok) throw yamlInvalid(result.errors);
  return saveCadence(deps, actor, result.value);
}

export async function exportCadenceYaml(deps: CadenceDeps, key: string) {
  const row = await getCadence(deps, key);
  return { key: row.key, text: cadenceToYaml(repo.definitionOf(row)) };
}

/** `POST /api/deals/{id}/cadences`: starts now on a deal in the caller's scope; its tasks go to the deal owner. */
export async function startOnDeal(deps: CadenceDeps, actor: Actor, dealId: string, key: string) {
  await ensureShippedCadences(deps.db, deps.clock);
  const calendar = await loadWorkCalendar(deps.db, deps.config.timeZone);
  const runId = await deps.db.transaction().execute(async (trx) => {
    const deal = await repo.findDeal(trx, scopeOf(actor), dealId);
    if (!deal) throw notFound('Deal');
    const cadence = await repo.findCadence(trx, key);
    if (!cadence) throw invalid('cadence', 'not_found_cadence');
    return startRunInTx(trx, deps, calendar, { deal, cadence, actor, startedBy: actor.id, fromStageEntry: false });
  });
  const runs = await dealRuns(deps, actor, dealId);
  return runs.items.find((r) => r.id === runId)!;
}

/** The deal's runs with their steps (guidance, due time, status). */
export async function dealRuns(deps: CadenceDeps, actor: Actor, dealId: string) {
  const deal = await repo.findDeal(deps.db, scopeOf(actor), dealId);
  if (!deal) throw notFound('Deal');
  const runs = await repo.runsOfDeal(deps.db, dealId);
  const steps = await repo.stepsOfRuns(deps.db, runs.map((r) => r.id));
  const items = runs.map((r) => ({
    id: r.id,
    cadence: { key: r.cadence_key, name: r.cadence_name, nameEn: r.cadence_name_en ?? r.cadence_name },
    stageKey: r.stage_key,
    anchorAt: r.anchor_at,
    status: r.status,
    stopReason: r.stop_reason,
    startedBy: r.started_by,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    steps: steps.filter((s) => s.run_id === r.id).map(presentStep),
  }));
  return { items, total: items.length };
}

/** Seller home: open step tasks with their guidance and deliverable, soonest first. */
export async function openSteps(deps: CadenceDeps, actor: Actor, query: { assigneeId: string; limit: number }) {
  const assigneeId = query.assigneeId === 'me' ? actor.id : query.assigneeId;
  const rows = await repo.openSteps(deps.db, scopeOf(actor), assigneeId, query.limit);
  const items = rows.map((r) => ({
    taskId: r.task_id!,
    stepKey: r.step_key,
    dueAt: r.due_at,
    cadence: { key: r.cadence_key, name: r.cadence_name, nameEn: r.cadence_name_en ?? r.cadence_name },
    deal: { id: r.deal_id, title: r.deal_title },
    assigneeId: r.assignee_id,
    ...guidance(repo.specOf(r)),
  }));
  return { items, total: items.length };
}

type Tally = { due: number; onTime: number };
const rate = (t: Tally) => ({ due: t.due, onTime: t.onTime, rate: t.due === 0 ? null : Math.round((t.onTime / t.due) * 10000) / 10000 });

/** On-time completion rate (done by the due time / steps due) per seller and per cadence, for steps due in [from, to). */
export async function stats(deps: CadenceDeps, actor: Actor, query: StatsQuery) {
  const now = deps.clock.now().toISOString();
  const rows = await repo.statSteps(deps.db, scopeOf(actor), query.from, query.to, now);
  const overall: Tally = { due: 0, onTime: 0 };
  const sellers = new Map<string, Tally & { name: string }>();
  const cadences = new Map<string, Tally & { name: string; nameEn: string }>();
  for (const r of rows) {
    const onTime = r.status === 'done' && r.completed_at !== null && r.completed_at <= r.due_at ? 1 : 0;
    const seller = sellers.get(r.assignee_id) ?? { name: r.display_name, due: 0, onTime: 0 };
    const cadence = cadences.get(r.cadence_key) ?? { name: r.cadence_name, nameEn: r.cadence_name_en ?? r.cadence_name, due: 0, onTime: 0 };
    for (const t of [overall, seller, cadence]) {
      t.due++;
      t.onTime += onTime;
    }
    sellers.set(r.assignee_id, seller);
    cadences.set(r.cadence_key, cadence);
  }
  return {
    from: query.from,
    to: query.to,
    overall: rate(overall),
    bySeller: [...sellers].map(([userId, t]) => ({ userId, name: t.name, ...rate(t) })).sort((a, b) => a.name.localeCompare(b.name)),
    byCadence: [...cadences].map(([key, t]) => ({ cadence: key, name: t.name, nameEn: t.nameEn, ...rate(t) })).sort((a, b) => a.cadence.localeCompare(b.cadence)),
  };
}

/** 退订: the customer asked not to be followed up; every running cadence on their deals stops at once. */
export async function optOut(deps: CadenceDeps, actor: Actor, customerId: string, reason: string | undefined) {
  return deps.db.transaction().execute(async (trx) => {
    await getCustomerInScope(trx, actor, customerId);
    const now = deps.clock.now().toISOString();
    const already = await repo.isOptedOut(trx, customerId);
    if (!already) {
      await trx.insertInto('customer_opt_outs').values({ customer_id: customerId, reason: reason ?? null, by: actor.id, at: now }).execute();
      await commandIn(trx, deps.clock, { entity: 'customer', actorId: actor.id }).recorded(
        customerId,
        'update',
        { before: { optOut: false }, after: { optOut: true, reason: reason ?? null } },
        { type: 'customer.updated', payload: change({ optOut: false }, { optOut: true }) },
      );
    }
    const runs = await repo.activeRuns(trx, { customerId });
    const cancelledTasks = runs.length > 0 ? await stopRunsInTx(trx, deps.clock, runs.map((r) => r.id), 'opted_out', actor.id) : 0;
    return { customerId, optOut: true, at: already ? (await trx.selectFrom('customer_opt_outs').select('at').where('customer_id', '=', customerId).executeTakeFirstOrThrow()).at : now, stoppedRuns: runs.length, cancelledTasks };
  });
}

export async function optIn(deps: CadenceDeps, actor: Actor, customerId: string) {
  return deps.db.transaction().execute(async (trx) => {
    await getCustomerInScope(trx, actor, customerId);
    const deleted = await trx.deleteFrom('customer_opt_outs').where('customer_id', '=', customerId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) > 0) {
      await commandIn(trx, deps.clock, { entity: 'customer', actorId: actor.id }).recorded(
        customerId,
        'update',
        { before: { optOut: true }, after: { optOut: false } },
        { type: 'customer.updated', payload: change({ optOut: true }, { optOut: false }) },
      );
    }
    return { customerId, optOut: false };
  });
}
