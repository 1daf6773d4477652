/** Every metric by name: the one list the routes, the dashboard and the exports read. */
import type { MetricDef } from './framework.js';
import { cadenceOnTime, saturation, timeliness } from './defs/actions.js';
import { consistency } from './defs/consistency.js';
import { completeness } from './defs/completeness.js';
import { dwell, heatmap } from './defs/dwell.js';
import { funnel } from './defs/funnel.js';
import { idi } from './defs/idi.js';
import { leadQuality, lossMatrix, winRate } from './defs/outcomes.js';
import { stalled } from './defs/stalled.js';
import type { MetricName } from './schema.js';

export const METRICS = {
  funnel,
  dwell,
  stalled,
  saturation,
  timeliness,
  cadence_ontime: cadenceOnTime,
  completeness,
  idi,
  loss_matrix: lossMatrix,
  win_rate: winRate,
  lead_quality: leadQuality,
  heatmap,
  consistency,
} as const satisfies Record<MetricName, MetricDef<unknown>>;

export function metricDef(name: MetricName): MetricDef<unknown> {
  return METRICS[name];
}
