/**
 * Computes and stores the scores of a batch of customers inside the caller's transaction, set-based: the raw values
 * come from one grouped query per source table (sources.ts), the latest snapshots and the trend window from one query
 * each; scoring, the colour state machine and the trend rule run in memory; the changed snapshots are appended with
 * one multi-row insert, the projection with one multi-row upsert, the events with one insert. A snapshot is appended
 * only when something differs from the customer's latest one. Its UNIQUE(prev_id) decides, when two processes compute
 * the same customer, which one writes (`ON CONFLICT DO NOTHING RETURNING id`); only the writer's rows get a
 * projection and a `customer.health_changed` event, so a confirmed change fires its playbooks once.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../../core/clock.js';
import { emitAll } from '../../core/command.js';
import type { DomainEvent } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import type { HealthScoresTable } from '../../db/schema-health.js';
import { nextColour, switchStep, trendDrop, type ColourState } from './colour.js';
import { dimensionsOf, healthModelSchema, type HealthModel } from './definition.js';
import * as repo from './repo.js';
import { percentileRank, scoreCustomer, type Contribution } from './score.js';
import { fieldValue, loadSources } from './sources.js';

export interface LoadedModel {
  version: number;
  def: HealthModel;
  firePlaybooks: boolean;
}

export interface BatchResult {
  customers: number;
  written: number;
  changes: Array<{ customerId: string; kind: 'colour' | 'trend'; from?: string | null; to?: string; eventId: string }>;
}

/** For percentile dimensions: each segment's raw values, ascending (dimension key → segment ('' = none) → values). */
export type Distributions = Map<string, Map<string, number[]>>;

export const localDate = (now: Date, timeZone: string) => DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;

const percentileDims = (model: HealthModel) => dimensionsOf(model).filter((d) => d.dim.normalize.percentile);
const segmentOf = (model: HealthModel, c: repo.BatchCustomer) => (model.segmentBy ? fieldValue(c, model.segmentBy) : null);

/**
 * The raw values of the percentile dimensions over every live customer at `asOf`, per segment — what a customer is
 * ranked against. Read in keyset batches (memory: one number per customer and percentile dimension); null when the
 * model has none. The nightly run computes it once per night, not per batch.
 */
export async function loadDistributions(db: Queryable, model: HealthModel, asOf: Date): Promise<Distributions | null> {
  const dims = percentileDims(model).map(({ dim }) => ({ key: dim.key, source: dim.source }));
  if (!dims.length) return null;
  const out: Distributions = new Map(dims.map((d) => [d.key, new Map()]));
  for (let cursor = ''; ; ) {
    const customers = await repo.customersAfter(db, cursor, 2000, asOf.toISOString());
    if (!customers.length) break;
    const raw = await loadSources({ db, asOf, customers }, dims);
    for (const c of customers) {
      const segment = segmentOf(model, c) ?? '';
      for (const d of dims) {
        const v = raw.get(d.key)!.get(c.id);
        if (v === null || v === undefined) continue;
        const bySegment = out.get(d.key)!;
        const list = bySegment.get(segment) ?? [];
        list.push(v);
        bySegment.set(segment, list);
      }
    }
    cursor = customers[customers.length - 1].id;
  }
  for (const bySegment of out.values()) for (const list of bySegment.values()) list.sort((a, b) => a - b);
  return out;
}

/** What a customer's score would be now, without writing: used by the batch and by the model preview. */
export async function evaluateBatch(db: Queryable, model: LoadedModel, customers: readonly repo.BatchCustomer[], now: Date, distributions?: Distributions | null) {
  const raw = await loadSources({ db, asOf: now, customers }, dimensionsOf(model.def).map(({ dim }) => ({ key: dim.key, source: dim.source })));
  const latest = new Map((customers.length ? await repo.latestSnapshots(db, customers.map((c) => c.id)) : []).map((r) => [r.customer_id, r]));
  const ranks = distributions === undefined && percentileDims(model.def).length ? await loadDistributions(db, model.def, now) : distributions;
  return customers.map((c) => {
    const prev = latest.get(c.id) ?? null;
    const segment = segmentOf(model.def, c);
    const values = new Map([...raw].map(([key, m]) => [key, m.get(c.id) ?? null]));
    const percentile = ranks ? (key: string, value: number) => ranks.get(key) && percentileRank(ranks.get(key)!.get(segment ?? '') ?? [], value) : undefined;
    const scored = scoreCustomer(model.def, { segment, raw: values, previous: prev ? parseJson<Contribution[]>(prev.contributions, []) : null, now, percentile: percentile as never });
    return { customer: c, prev, segment, scored };
  });
}

type Planned = {
  customer: repo.BatchCustomer;
  prev: repo.LatestRow | null;
  row: HealthScoresTable;
  changed: ReturnType<typeof nextColour>['changed'];
  drop: ReturnType<typeof trendDrop>;
  window: Array<{ id: string; score: number; at: string }>;
  contributions: Contribution[];
};

/** A stored version, parsed (null when it does not exist). */
export async function modelOfVersion(db: Queryable, version: number): Promise<LoadedModel | null> {
  const row = await repo.modelVersion(db, version);
  return row ? { version: row.version, def: healthModelSchema.parse(parseJson(row.definition, {})), firePlaybooks: row.fire_playbooks === 1 } : null;
}

/** Supplies the percentile distributions of a model version (absent: each batch loads its own). */
export type DistributionsOf = (model: LoadedModel) => Promise<Distributions | null>;

/** Distributions loaded once per version for one pass over every customer (the nightly run, recompute-all, preview). */
export function memoDistributions(db: Queryable, asOf: Date): DistributionsOf {
  const loaded = new Map<number, Promise<Distributions | null>>();
  return (model) => {
    if (!loaded.has(model.version)) {
      const loading = loadDistributions(db, model.def, asOf);
      // A failed load is not remembered: the next batch tries again.
      loading.catch(() => loaded.delete(model.version));
      loaded.set(model.version, loading);
    }
    return loaded.get(model.version)!;
  };
}

/**
 * Customers whose latest score is from another model version (the switch's first computation): their score under
 * that version now, so `switchStep` can tell a change the old model would have confirmed anyway from one the switch
 * caused. Only customers at a switch pay for it — one extra evaluation on the night after a publish.
 */
export async function oldModelScores(db: Queryable, model: LoadedModel, evaluated: ReadonlyArray<{ customer: repo.BatchCustomer; prev: repo.LatestRow | null }>, now: Date, distributionsOf?: DistributionsOf) {
  const byVersion = new Map<number, repo.BatchCustomer[]>();
  for (const { customer, prev } of evaluated) {
    if (!prev || prev.model_version === model.version || !prev.colour || prev.colour === 'grey') continue;
    byVersion.set(prev.model_version, [...(byVersion.get(prev.model_version) ?? []), customer]);
  }
  const out = new Map<string, { model: LoadedModel; score: number; coverage: number }>();
  for (const [version, customers] of byVersion) {
    const old = await modelOfVersion(db, version);
    if (!old) continue;
    for (const { customer, scored } of await evaluateBatch(db, old, customers, now, distributionsOf ? await distributionsOf(old) : undefined)) {
      out.set(customer.id, { model: old, score: scored.score, coverage: scored.coverage });
    }
  }
  return out;
}

/** The colour step of one computation from the stored state: the state machine, or `switchStep` on a new version. */
export function stepFrom(model: LoadedModel, prev: repo.LatestRow | null, input: { score: number; coverage: number; date: string }, old: { model: LoadedModel; score: number; coverage: number } | undefined) {
  const state: ColourState = { colour: (prev?.colour as ColourState['colour']) ?? null, pending: prev?.pending ? parseJson<ColourState['pending']>(prev.pending, null) : null };
  if (!prev || prev.model_version === model.version) return nextColour(model.def, state, input);
  return switchStep(model.def, state, input, old ? { model: old.model.def, input: { score: old.score, coverage: old.coverage, date: input.date } } : null);
}

export async function computeBatch(trx: Queryable, clock: Clock, timeZone: string, model: LoadedModel, customers: readonly repo.BatchCustomer[], distributions?: Distributions | null, distributionsOf?: DistributionsOf): Promise<BatchResult> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const date = localDate(now, timeZone);
  const evaluated = await evaluateBatch(trx, model, customers, now, distributions);
  const olds = await oldModelScores(trx, model, evaluated.filter((e) => !e.prev || e.prev.computed_at <= nowIso), now, distributionsOf);
  const trend = model.def.trend;
  const windows = new Map<string, Array<{ id: string; score: number; at: string }>>();
  if (trend && customers.length) {
    for (const s of await repo.scoresSince(trx, customers.map((c) => c.id), new Date(now.getTime() - trend.days * 86_400_000).toISOString())) {
      const list = windows.get(s.customer_id) ?? [];
      list.push({ id: s.id, score: s.score, at: s.computed_at });
      windows.set(s.customer_id, list);
    }
  }
  const planned: Planned[] = [];
  for (const { customer, prev, scored } of evaluated) {
    // A replayed night older than the customer's latest score changes nothing: history is only appended to.
    if (prev && prev.computed_at > nowIso) continue;
    const step = stepFrom(model, prev, { score: scored.score, coverage: scored.coverage, date }, olds.get(customer.id));
    // The latest snapshot's score held until now, however long ago it was written (unchanged days write nothing).
    const window = [...(windows.get(customer.id) ?? []), ...(prev ? [{ id: prev.id, score: prev.score, at: prev.computed_at }] : [])];
    const drop = step.state.colour === 'grey' ? null : trendDrop(trend, { score: scored.score, window });
    const values = {
      score: scored.score,
      colour: step.state.colour!,
      pending: step.state.pending ? toJson(step.state.pending) : null,
      coverage: scored.coverage,
      trend_alert: drop ? 1 : 0,
      contributions: toJson(scored.contributions),
      model_version: model.version,
    };
    // An unchanged recompute writes nothing and emits nothing.
    if (prev && prev.score === values.score && prev.colour === values.colour && prev.pending === values.pending && prev.coverage === values.coverage && prev.trend_alert === values.trend_alert && prev.contributions === values.contributions && prev.model_version === values.model_version) continue;
    const row: HealthScoresTable = { id: newId(), prev_id: prev?.id ?? `root:${customer.id}`, customer_id: customer.id, computed_at: nowIso, local_date: date, colour_reason: step.changed?.reason ?? null, ...values };
    planned.push({ customer, prev, row, changed: step.changed, drop, window, contributions: scored.contributions });
  }
  const result: BatchResult = { customers: customers.length, written: 0, changes: [] };
  if (!planned.length) return result;
  // The rows another process wrote first (same predecessor) are dropped here, with their projection and events.
  const wrote = await repo.insertSnapshots(trx, planned.map((p) => p.row));
  const written = planned.filter((p) => wrote.has(p.row.id));
  if (!written.length) return result;
  await repo.upsertProjections(trx, written.map(({ row }) => ({ customer_id: row.customer_id, snapshot_id: row.id, score: row.score, colour: row.colour, trend_alert: row.trend_alert, model_version: row.model_version, computed_at: nowIso })));
  result.written = written.length;
  const alerts = written.filter((p) => p.drop && !p.prev?.trend_alert);
  const peaks = alerts.map((p) => p.window.find((w) => w.at === p.drop!.peak.at && w.score === p.drop!.peak.score)?.id).filter((id): id is string => !!id);
  const peakContributions = new Map((peaks.length ? await repo.contributionsOf(trx, peaks) : []).map((r) => [r.id, parseJson<Contribution[]>(r.contributions, [])]));
  const events: Array<{ event: DomainEvent<'customer.health_changed'>; change: Omit<BatchResult['changes'][number], 'eventId'> }> = [];
  for (const { customer, prev, row, changed, drop, window, contributions } of written) {
    // Playbooks act on colour changes between real colours: not the first colour, not into or out of 数据不足.
    if (changed && changed.from && changed.from !== 'grey' && changed.to !== 'grey' && changed.reason !== 'initial') {
      const quiet = changed.reason === 'model_switch' && !model.firePlaybooks;
      events.push({
        event: {
          type: 'customer.health_changed',
          entity: 'customer',
          entityId: customer.id,
          actorId: null,
          payload: { kind: 'colour', from: changed.from, to: changed.to, reason: changed.reason, score: row.score, previousScore: prev?.score ?? null, modelVersion: model.version, snapshotId: row.id, ownerId: customer.owner_id, ...(quiet ? { quiet: true } : {}) },
        },
        change: { customerId: customer.id, kind: 'colour', from: changed.from, to: changed.to },
      });
    }
    if (drop && !prev?.trend_alert) {
      const peak = window.find((w) => w.at === drop.peak.at && w.score === drop.peak.score);
      const before = peak ? (peakContributions.get(peak.id) ?? []) : [];
      const deltas = contributions.map((c) => ({ dimension: c.dimension, delta: Math.round((c.contribution - (before.find((b) => b.dimension === c.dimension)?.contribution ?? 0)) * 100) / 100 }));
      events.push({
        event: {
          type: 'customer.health_changed',
          entity: 'customer',
          entityId: customer.id,
          actorId: null,
          payload: { kind: 'trend', drop: drop.drop, from: row.colour, to: row.colour, score: row.score, peakScore: drop.peak.score, peakAt: drop.peak.at, deltas, modelVersion: model.version, snapshotId: row.id, ownerId: customer.owner_id },
        },
        change: { customerId: customer.id, kind: 'trend' },
      });
    }
  }
  const ids = events.length ? await emitAll(trx, clock, events.map((e) => e.event)) : [];
  result.changes = events.map((e, i) => ({ ...e.change, eventId: ids[i] }));
  return result;
}
