/**
 * The figures every pattern carries. Pure.
 * Wilson score interval (95 %, z = 1.96): unlike the normal approximation it stays inside [0, 1] and is honest for
 * small samples and rates near 0 or 1, which is where risk patterns live (89 % of 150).
 */
export const Z95 = 1.959963984540054;

export function wilson(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { low: Math.max(0, (centre - margin) / denom), high: Math.min(1, (centre + margin) / denom) };
}

export interface Scored {
  support: number;
  outcomeCount: number;
  outcomeRate: number;
  ciLow: number;
  ciHigh: number;
  baseline: number;
  lift: number;
}

/** Outcome rate, its interval, the baseline (the outcome's rate over all closed deals of the pipeline) and lift. */
export function score(outcomeCount: number, support: number, baselineCount: number, baselineTotal: number): Scored {
  const outcomeRate = support > 0 ? outcomeCount / support : 0;
  const { low, high } = wilson(outcomeCount, support);
  const baseline = baselineTotal > 0 ? baselineCount / baselineTotal : 0;
  return { support, outcomeCount, outcomeRate, ciLow: low, ciHigh: high, baseline, lift: baseline > 0 ? outcomeRate / baseline : 0 };
}

/**
 * Whether a pattern clears the bar: enough support, enough lift, and the interval's lower end above the baseline
 * (so that a lucky streak among hundreds of candidates is not shown as a finding).
 */
export function clearsBar(s: Scored, bar: { minSupport: number; minLift: number }): boolean {
  return s.support >= bar.minSupport && s.lift >= bar.minLift && s.ciLow > s.baseline;
}

const pct = (x: number) => Math.round(x * 100);

/** 150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50% — and its English twin. */
export function evidenceSentence(s: Scored, outcome: 'won' | 'lost'): { zh: string; en: string } {
  const zhOutcome = outcome === 'lost' ? '输单' : '赢单';
  return {
    zh: `${s.support} 个相似商机中 ${s.outcomeCount} 个${zhOutcome}（${pct(s.outcomeRate)}%，95% CI ${pct(s.ciLow)}–${pct(s.ciHigh)}%），基线 ${pct(s.baseline)}%`,
    en: `${s.outcomeCount} of ${s.support} similar deals were ${outcome} (${pct(s.outcomeRate)} %, 95 % CI ${pct(s.ciLow)}–${pct(s.ciHigh)} %), baseline ${pct(s.baseline)} %`,
  };
}
