/** Query schemas of the metrics routes: the shared filters, the drill cell and the export format. */
import { z } from 'zod';
import { calendarDate } from '../../core/dates.js';

export const METRIC_NAMES = [
  'funnel',
  'dwell',
  'stalled',
  'saturation',
  'timeliness',
  'cadence_ontime',
  'completeness',
  'idi',
  'loss_matrix',
  'win_rate',
  'lead_quality',
  'heatmap',
  'consistency',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

const id = z.string().min(1).max(64);
const segmentValue = z.string().min(1).max(100);

/** Filters every metric accepts (the ones a metric does not use are ignored and stated in the export's "About" sheet). */
export const metricFilters = z.object({
  pipelineId: id.optional().describe('pipeline id or key; default the first active pipeline'),
  from: calendarDate.optional().describe('first local date of the period (org time zone); default 29 days before `to`'),
  to: calendarDate.optional().describe('last local date of the period, inclusive; default today'),
  teamId: id.optional().describe('team subtree, within your scope'),
  ownerId: id.optional().describe('one owner (seller)'),
  industry: segmentValue.optional(),
  level: segmentValue.optional(),
  region: segmentValue.optional(),
  source: segmentValue.optional(),
  segment: z.enum(['industry', 'level', 'region', 'source']).optional().describe('loss_matrix: the customer segment of the rows; default industry'),
  idleDays: z.coerce.number().int().min(1).max(365).optional().describe('stalled: working days without an effective interaction; default 5'),
});
export type MetricFilters = z.infer<typeof metricFilters>;

export const metricParams = z.object({ name: z.enum(METRIC_NAMES) });

/** The `asOf` of a figure served from a snapshot: its drill and export read that snapshot's rows while it is kept. */
const pinnedAsOf = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 instant such as 2026-11-30T10:00:00.000Z' })
  .transform((v) => new Date(v).toISOString())
  .optional().describe('the `asOf` of the figure being drilled: read the same snapshot while it is kept (otherwise the current figure\'s records)');

export const recordsQuery = metricFilters.extend({
  cell: z.string().min(1).max(2000).describe('the `cell` of a figure or chart cell of the metric answer'),
  asOf: pinnedAsOf,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RecordsQuery = z.infer<typeof recordsQuery>;

export const exportQuery = metricFilters.extend({
  cell: z.string().min(1).max(2000).optional().describe('export only the records of this cell'),
  asOf: pinnedAsOf,
  format: z.enum(['xlsx', 'csv']).default('xlsx').describe('csv: the records only, UTF-8 with a BOM'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const dashboardExportQuery = metricFilters.extend({
  metrics: z
    .string()
    .max(500)
    .optional()
    .describe('comma-separated metric names; default every metric of the dashboard'),
});
