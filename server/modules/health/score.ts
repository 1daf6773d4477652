/**
 * One customer's score under a model: normalise each dimension's raw value to 0–100, drop dimensions that do not
 * apply to the customer's segment and hand their weight to the others (within the group first, then across groups),
 * carry a missing value for `missingDays` and then exclude it, and report the coverage (the share of applicable
 * weight that had data). Contributions sum to the score. Pure.
 */
import { dimensionsOf, type HealthModel, type Normalize } from './definition.js';

/** Piecewise-linear through the points, clamped to the first and last score. */
export function normalizeValue(points: ReadonlyArray<readonly [number, number]>, raw: number): number {
  if (raw <= points[0][0]) return points[0][1];
  const last = points[points.length - 1];
  if (raw >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (raw <= x1) {
      const [x0, y0] = points[i - 1];
      return y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return last[1];
}

/** The first index of ascending `sorted` whose value is not below (`strict`: not at or below) `raw`. */
function bound(sorted: readonly number[], raw: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < raw || (strict && sorted[mid] === raw)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The share (0–100) of ascending `sorted` values below `raw`, ties counted half: the mid-rank percentile. Binary
 * search, so ranking a whole segment of 100,000 customers stays cheap. An empty segment ranks everyone at 50.
 */
export function percentileRank(sorted: readonly number[], raw: number): number {
  if (!sorted.length) return 50;
  const below = bound(sorted, raw, false);
  const equal = bound(sorted, raw, true) - below;
  return ((below + equal / 2) / sorted.length) * 100;
}

export type DimensionStatus = 'ok' | 'stale' | 'missing' | 'not_applicable';

export interface Contribution {
  dimension: string;
  group: string;
  raw: number | null;
  normalized: number | null;
  /** The weight the dimension carried in this score (after redistribution), in % of the score. */
  weight: number;
  contribution: number;
  status: DimensionStatus;
  /** Since when the feed has given no value (the last value is carried `missingDays`, then excluded). */
  missingSince: string | null;
}

export interface Scored {
  score: number;
  coverage: number;
  contributions: Contribution[];
}

/**
 * Weights after removing the dimensions that do not apply: within each group the applicable dimensions share the
 * group's weight in proportion to their own; groups left without any share the total in proportion to theirs.
 */
export function redistribute(model: HealthModel, applicable: (dimensionKey: string) => boolean): Map<string, number> {
  const groups = model.groups
    .map((g) => ({ g, dims: g.dimensions.filter((d) => applicable(d.key)) }))
    .filter((x) => x.dims.length && x.dims.some((d) => d.weight > 0) && x.g.weight > 0);
  const groupTotal = groups.reduce((a, x) => a + x.g.weight, 0);
  const out = new Map<string, number>();
  for (const d of dimensionsOf(model)) out.set(d.dim.key, 0);
  for (const { g, dims } of groups) {
    const dimTotal = dims.reduce((a, d) => a + d.weight, 0);
    for (const d of dims) out.set(d.key, (g.weight / groupTotal) * (d.weight / dimTotal) * 100);
  }
  return out;
}

export interface ScoreInput {
  segment: string | null;
  /** Raw value per dimension key; null or absent = no data this time. */
  raw: ReadonlyMap<string, number | null>;
  /** The previous score's contributions, for carrying a missing value. */
  previous: readonly Contribution[] | null;
  now: Date;
  /** For dimensions normalised by percentile: the rank (0–100) of a raw value among the customer's segment. */
  percentile?: (dimensionKey: string, raw: number) => number | undefined;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function normalizeWith(normalize: Normalize, key: string, raw: number, input: ScoreInput): number {
  if (!normalize.percentile) return normalizeValue(normalize.points, raw);
  // A caller without the segment's values (none given) ranks the value alone: the middle.
  return normalizeValue(normalize.points, input.percentile?.(key, raw) ?? 50);
}

export function scoreCustomer(model: HealthModel, input: ScoreInput): Scored {
  const applicable = (key: string) => {
    const d = dimensionsOf(model).find((x) => x.dim.key === key)!.dim;
    return !(input.segment !== null && d.notApplicableFor.includes(input.segment));
  };
  const weights = redistribute(model, applicable);
  const maxAgeMs = model.missingDays * 86_400_000;
  const previous = new Map((input.previous ?? []).map((c) => [c.dimension, c]));
  const rows: Array<Omit<Contribution, 'contribution'> & { base: number }> = [];
  for (const { group, dim } of dimensionsOf(model)) {
    const base = weights.get(dim.key) ?? 0;
    if (!applicable(dim.key)) {
      rows.push({ dimension: dim.key, group: group.key, raw: null, normalized: null, weight: 0, status: 'not_applicable', missingSince: null, base: 0 });
      continue;
    }
    let raw = input.raw.get(dim.key) ?? null;
    let status: DimensionStatus = 'ok';
    let missingSince: string | null = null;
    if (raw === null) {
      const prev = previous.get(dim.key);
      missingSince = prev && (prev.status === 'stale' || prev.status === 'missing') && prev.missingSince ? prev.missingSince : input.now.toISOString();
      const carried = prev && prev.raw !== null && (prev.status === 'ok' || prev.status === 'stale') ? prev.raw : null;
      if (carried !== null && input.now.getTime() - Date.parse(missingSince) <= maxAgeMs) {
        raw = carried;
        status = 'stale';
      } else {
        status = 'missing';
      }
    }
    const normalized = raw === null ? null : normalizeWith(dim.normalize, dim.key, raw, input);
    rows.push({ dimension: dim.key, group: group.key, raw, normalized: normalized === null ? null : round(normalized), weight: 0, status, missingSince, base });
  }
  // Missing dimensions are excluded; the ones with data share their weight so the score stays on 0–100.
  const applicableWeight = rows.reduce((a, r) => a + r.base, 0);
  const covered = rows.filter((r) => r.normalized !== null).reduce((a, r) => a + r.base, 0);
  const contributions = rows.map(({ base, ...r }) => {
    const weight = r.normalized === null || covered === 0 ? 0 : (base / covered) * 100;
    return { ...r, weight: round(weight), contribution: r.normalized === null ? 0 : round((r.normalized * weight) / 100) };
  });
  const score = covered === 0 ? 0 : rows.reduce((a, r) => a + (r.normalized === null ? 0 : (r.normalized * r.base) / covered), 0);
  return { score: round(score, 1), coverage: applicableWeight === 0 ? 0 : round(covered / applicableWeight, 3), contributions };
}
