/**
 * Computes and stores the scores of a batch of customers inside the caller's transaction: loads each dimension's raw
 * values with one query per dimension, scores, steps the colour state machine and the trend rule, and appends a
 * snapshot only when something differs from the customer's latest one. A snapshot's UNIQUE(prev_id) decides, when
 * two processes compute the same customer, which one writes; only the writer emits `customer.health_changed`, so a
 * confirmed change fires its playbooks once.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../../core/clock.js';
import { emitEvent } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { nextColour, trendDrop, type ColourState } from './colour.js';
import { dimensionsOf, type HealthModel } from './definition.js';
import * as repo from './repo.js';
import { scoreCustomer, type Contribution } from './score.js';
import { fieldValue, loadSource } from './sources.js';

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

export const localDate = (now: Date, timeZone: string) => DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;

/** What a customer's score would be now, without writing: used by the batch and by the model preview. */
export async function evaluateBatch(db: Queryable, model: LoadedModel, customers: readonly repo.BatchCustomer[], now: Date) {
  const ctx = { db, asOf: now, customers };
  const raw = new Map<string, Map<string, number | null>>();
  for (const { dim } of dimensionsOf(model.def)) raw.set(dim.key, await loadSource(ctx, dim.source));
  const latest = new Map((customers.length ? await repo.latestSnapshots(db, customers.map((c) => c.id)) : []).map((r) => [r.customer_id, r]));
  return customers.map((c) => {
    const prev = latest.get(c.id) ?? null;
    const segment = model.def.segmentBy ? fieldValue(c, model.def.segmentBy) : null;
    const values = new Map([...raw].map(([key, m]) => [key, m.get(c.id) ?? null]));
    const scored = scoreCustomer(model.def, { segment, raw: values, previous: prev ? parseJson<Contribution[]>(prev.contributions, []) : null, now });
    return { customer: c, prev, segment, scored };
  });
}

export async function computeBatch(trx: Queryable, clock: Clock, timeZone: string, model: LoadedModel, customers: readonly repo.BatchCustomer[]): Promise<BatchResult> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const date = localDate(now, timeZone);
  const evaluated = await evaluateBatch(trx, model, customers, now);
  const trend = model.def.trend;
  const windows = new Map<string, Array<{ id: string; score: number; at: string }>>();
  if (trend && customers.length) {
    for (const s of await repo.scoresSince(trx, customers.map((c) => c.id), new Date(now.getTime() - trend.days * 86_400_000).toISOString())) {
      const list = windows.get(s.customer_id) ?? [];
      list.push({ id: s.id, score: s.score, at: s.computed_at });
      windows.set(s.customer_id, list);
    }
  }
  const result: BatchResult = { customers: customers.length, written: 0, changes: [] };
  for (const { customer, prev, scored } of evaluated) {
    // A replayed night older than the customer's latest score changes nothing: history is only appended to.
    if (prev && prev.computed_at > nowIso) continue;
    const state: ColourState = { colour: (prev?.colour as ColourState['colour']) ?? null, pending: prev?.pending ? parseJson<ColourState['pending']>(prev.pending, null) : null };
    const modelSwitch = !!prev && prev.model_version !== model.version;
    const step = nextColour(model.def, state, { score: scored.score, coverage: scored.coverage, date, modelSwitch });
    // The latest snapshot's score held until now, however long ago it was written (unchanged days write nothing).
    const window = [...(windows.get(customer.id) ?? []), ...(prev ? [{ id: prev.id, score: prev.score, at: prev.computed_at }] : [])];
    const drop = step.state.colour === 'grey' ? null : trendDrop(trend, { score: scored.score, window });
    const row = {
      score: scored.score,
      colour: step.state.colour!,
      pending: step.state.pending ? toJson(step.state.pending) : null,
      coverage: scored.coverage,
      trend_alert: drop ? 1 : 0,
      contributions: toJson(scored.contributions),
      model_version: model.version,
    };
    // An unchanged recompute writes nothing and emits nothing.
    if (prev && prev.score === row.score && prev.colour === row.colour && prev.pending === row.pending && prev.coverage === row.coverage && prev.trend_alert === row.trend_alert && prev.contributions === row.contributions && prev.model_version === row.model_version) continue;
    const id = newId();
    const wrote = await repo.insertSnapshot(trx, { id, prev_id: prev?.id ?? `root:${customer.id}`, customer_id: customer.id, computed_at: nowIso, local_date: date, colour_reason: step.changed?.reason ?? null, ...row });
    if (!wrote) continue;
    await repo.upsertProjection(trx, { customer_id: customer.id, snapshot_id: id, score: row.score, colour: row.colour, trend_alert: row.trend_alert, model_version: model.version, computed_at: nowIso });
    result.written++;
    const changed = step.changed;
    // Playbooks act on colour changes between real colours: not the first colour, not into or out of 数据不足.
    if (changed && changed.from && changed.from !== 'grey' && changed.to !== 'grey' && changed.reason !== 'initial') {
      const quiet = changed.reason === 'model_switch' && !model.firePlaybooks;
      const eventId = await emitEvent(trx, clock, {
        type: 'customer.health_changed',
        entity: 'customer',
        entityId: customer.id,
        actorId: null,
        payload: { kind: 'colour', from: changed.from, to: changed.to, reason: changed.reason, score: row.score, previousScore: prev?.score ?? null, modelVersion: model.version, snapshotId: id, ownerId: customer.owner_id, ...(quiet ? { quiet: true } : {}) },
      });
      result.changes.push({ customerId: customer.id, kind: 'colour', from: changed.from, to: changed.to, eventId });
    }
    if (drop && !prev?.trend_alert) {
      const peak = window.find((w) => w.at === drop.peak.at && w.score === drop.peak.score);
      const before = peak ? parseJson<Contribution[]>((await repo.snapshotContributions(trx, peak.id))?.contributions ?? '[]', []) : [];
      const deltas = scored.contributions.map((c) => ({ dimension: c.dimension, delta: Math.round((c.contribution - (before.find((b) => b.dimension === c.dimension)?.contribution ?? 0)) * 100) / 100 }));
      const eventId = await emitEvent(trx, clock, {
        type: 'customer.health_changed',
        entity: 'customer',
        entityId: customer.id,
        actorId: null,
        payload: { kind: 'trend', drop: drop.drop, from: row.colour, to: row.colour, score: row.score, peakScore: drop.peak.score, peakAt: drop.peak.at, deltas, modelVersion: model.version, snapshotId: id, ownerId: customer.owner_id },
      });
      result.changes.push({ customerId: customer.id, kind: 'trend', eventId });
    }
  }
  return result;
}
