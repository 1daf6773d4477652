import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';
import type { GetAnswer } from '../../api/types';

export type MetricAnswer = components['schemas']['MetricAnswer'];
export type MetricName = MetricAnswer['name'];
/** The answer of one metric, picked from the union by its name. */
export type MetricAnswerOf<N extends MetricName> = Extract<MetricAnswer, { name: N }>;
export type DrillItem = components['schemas']['DrillItem'];

/** A countable figure: `cell` is what the drill list takes, and its total equals `value`. */
export type Cell = components['schemas']['MetricCell'];

export interface Filters {
  pipelineId?: string;
  from?: string;
  to?: string;
  teamId?: string;
  ownerId?: string;
  industry?: string;
  level?: string;
  region?: string;
  source?: string;
}

export function useMetric<N extends MetricName>(name: N, filters: Filters) {
  return useQuery({
    queryKey: queryKeys.metric(name, filters),
    queryFn: () => api.get<MetricAnswerOf<N>>(`/api/metrics/${name}`, { ...filters }),
    placeholderData: keepPreviousData,
  });
}

/** `asOf`: the figure came from a snapshot; its drill reads the same snapshot (metrics/snapshots.ts on the server). */
export function useDrill(name: string | null, cell: string | null, filters: Filters, page: number, asOf?: string) {
  return useQuery({
    queryKey: queryKeys.metricRecords(name, cell, { ...filters, asOf }, page),
    queryFn: () => api.get<GetAnswer<'/api/metrics/{name}/records'>>(`/api/metrics/${name}/records`, { ...filters, cell, page, pageSize: 20, asOf }),
    enabled: !!name && !!cell,
  });
}

export const exportUrl = (name: string, filters: Filters, cell?: string, asOf?: string) => withQuery(`/api/metrics/${name}/export`, { ...filters, cell, asOf });

/** The instant to pin a drill to when the metric's figure on screen was read from a snapshot. */
export function useSnapshotAsOf(name: string | null, filters: Filters): string | undefined {
  const figure = useQuery<MetricAnswer>({ queryKey: queryKeys.metric(name ?? '', filters), enabled: false });
  return figure.data?.source === 'snapshot' ? figure.data.asOf : undefined;
}
export const dashboardExportUrl = (filters: Filters) => withQuery('/api/dashboard/export', { ...filters });
