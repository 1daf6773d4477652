/**
 * Colour as a state machine with hysteresis, so a score wobbling around a band boundary does not flip the colour
 * (and fire playbooks) every night. A change needs the score beyond the boundary by `h` points on `k` consecutive
 * computations — counted once per local day, so recomputing the same day twice is not two confirmations — except
 * below the severe floor, which turns red at once. Below the coverage floor the customer is grey (数据不足). The
 * trend rule compares the score with the highest score of the last D days. Pure.
 */
import type { Colour, HealthModel } from './definition.js';

export type Band = Exclude<Colour, 'grey'>;

export interface ColourState {
  colour: Colour | null;
  /** A colour the score points at but that is not confirmed yet, with how many computations (days) agreed. */
  pending: { colour: Band; count: number; lastDate: string } | null;
}

export interface ColourStep {
  state: ColourState;
  /** Set when the confirmed colour changed in this step. */
  changed: { from: Colour | null; to: Colour; reason: 'initial' | 'confirmed' | 'severe' | 'coverage' | 'model_switch' } | null;
}

const RANK: Record<Band, number> = { red: 0, yellow: 1, green: 2 };

/** The plain band of a score, without hysteresis. */
export function bandOf(bands: HealthModel['bands'], score: number): Band {
  if (score >= bands.green) return 'green';
  if (score >= bands.yellow) return 'yellow';
  return 'red';
}

/** The band the score points at when it must clear each boundary it crosses by `h` points. */
export function candidateBand(bands: HealthModel['bands'], current: Band, score: number, h: number): Band {
  const up = (limit: number) => score >= limit + h;
  const down = (limit: number) => score < limit - h;
  if (current === 'green') return down(bands.yellow) ? 'red' : down(bands.green) ? 'yellow' : 'green';
  if (current === 'red') return up(bands.green) ? 'green' : up(bands.yellow) ? 'yellow' : 'red';
  return up(bands.green) ? 'green' : down(bands.yellow) ? 'red' : 'yellow';
}

export interface StepInput {
  score: number;
  coverage: number;
  /** Local date (org time zone) of this computation. */
  date: string;
  /** The model changed since the last computation: the colour is taken afresh from the new model. */
  modelSwitch?: boolean;
}

export function nextColour(model: Pick<HealthModel, 'bands' | 'hysteresis' | 'severeBelow' | 'coverageFloor'>, state: ColourState, input: StepInput): ColourStep {
  const from = state.colour;
  const change = (to: Colour, reason: NonNullable<ColourStep['changed']>['reason']): ColourStep => ({
    state: { colour: to, pending: null },
    changed: from === to ? null : { from, to, reason },
  });
  if (input.coverage < model.coverageFloor) return change('grey', 'coverage');
  const band = bandOf(model.bands, input.score);
  if (from === null || from === 'grey') return change(band, 'initial');
  if (input.modelSwitch) return change(band, 'model_switch');
  if (model.severeBelow !== undefined && input.score < model.severeBelow) return change('red', 'severe');
  const candidate = candidateBand(model.bands, from, input.score, model.hysteresis.points);
  if (candidate === from) return { state: { colour: from, pending: null }, changed: null };
  const p = state.pending;
  // Counted once per day: a same-day recompute neither advances nor resets a pending change in its direction.
  const count = p && p.colour === candidate ? (p.lastDate === input.date ? p.count : p.count + 1) : 1;
  if (count >= model.hysteresis.computations) return change(candidate, 'confirmed');
  return { state: { colour: from, pending: { colour: candidate, count, lastDate: input.date } }, changed: null };
}

type ColourModel = Pick<HealthModel, 'bands' | 'hysteresis' | 'severeBelow' | 'coverageFloor'>;

/**
 * The first computation under a new model version, from the customer's stored state. The new model takes the colour
 * afresh (`model_switch`: quiet unless the admin asked for playbooks). But a change the old model's own state machine
 * would confirm at this very computation — a pending change one computation from its `k`, or the severe floor — is not
 * caused by the switch: it keeps its own reason, so its playbooks fire as they would have without the switch.
 * `old` is the old model with its score now (null: not known, e.g. no stored state).
 */
export function switchStep(model: ColourModel, state: ColourState, input: Omit<StepInput, 'modelSwitch'>, old: { model: ColourModel; input: Omit<StepInput, 'modelSwitch'> } | null): ColourStep {
  const step = nextColour(model, state, { ...input, modelSwitch: true });
  if (step.changed?.reason !== 'model_switch' || !old) return step;
  const without = nextColour(old.model, state, old.input);
  return without.changed && without.state.colour === step.state.colour ? { ...step, changed: { ...step.changed, reason: without.changed.reason } } : step;
}

/** Whether a colour change is "worse" (towards red). */
export function isWorse(from: Colour | null, to: Colour): boolean {
  return from !== null && from !== 'grey' && to !== 'grey' && RANK[to] < RANK[from];
}

export interface TrendInput {
  score: number;
  /** Earlier scores within the trend window (D days), any order. */
  window: ReadonlyArray<{ score: number; at: string }>;
}

/** The trend rule: a drop of ≥ N points from the window's highest score. Returns the peak it dropped from. */
export function trendDrop(rule: HealthModel['trend'], input: TrendInput): { drop: number; peak: { score: number; at: string } } | null {
  if (!rule || !input.window.length) return null;
  const peak = input.window.reduce((best, s) => (s.score > best.score ? s : best));
  const drop = Math.round((peak.score - input.score) * 10) / 10;
  return drop >= rule.drop ? { drop, peak } : null;
}
