/** Order statistics of durations: percentiles of completed stays and the Kaplan–Meier median with open stays censored. */

/** Linear-interpolated percentile (the spreadsheet PERCENTILE.INC definition) of sorted values; null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/**
 * Kaplan–Meier median survival time: stays that ended are events, stays still open are censored at their current
 * length (they have lasted at least that long). The median is the first event time where the estimated share of
 * stays still running drops to 0.5 or below; null when it never does (too many long open stays to tell yet).
 */
export function kaplanMeierMedian(completed: readonly number[], open: readonly number[]): number | null {
  const points = [...completed.map((t) => ({ t, event: true })), ...open.map((t) => ({ t, event: false }))];
  // At equal times events come first: a stay censored at t was still running at t.
  points.sort((a, b) => a.t - b.t || Number(b.event) - Number(a.event));
  let atRisk = points.length;
  let survival = 1;
  let i = 0;
  while (i < points.length) {
    const t = points[i].t;
    let events = 0;
    let leaving = 0;
    while (i < points.length && points[i].t === t) {
      if (points[i].event) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (survival <= 0.5 + 1e-12) return t;
    }
    atRisk -= leaving;
  }
  return null;
}

export const round = (n: number | null, digits = 2): number | null => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);
