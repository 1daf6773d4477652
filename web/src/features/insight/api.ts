import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';

export type MetricAnswer = components['schemas']['MetricAnswer'];
export type DrillItem = components['schemas']['DrillItem'];

/** A countable figure: `cell` is what the drill list takes, and its total equals `value`. */
export interface Cell {
  cell: string;
  value: number;
}

export interface Filters {
  pipelineId?: string;
  from?: string;
  to?: string;
  teamId?: string;
  ownerId?: string;
}

export function useMetric<A>(name: string, filters: Filters) {
  return useQuery({
    queryKey: queryKeys.metric(name, filters),
    queryFn: () => api.get<MetricAnswer>(`/api/metrics/${name}`, { ...filters }),
    placeholderData: keepPreviousData,
    select: (m) => ({ ...m, answer: m.answer as unknown as A }),
  });
}

export function useDrill(name: string | null, cell: string | null, filters: Filters, page: number) {
  return useQuery({
    queryKey: queryKeys.metricRecords(name, cell, filters, page),
    queryFn: () => api.get<{ items: DrillItem[]; total: number; page: number; pageSize: number }>(`/api/metrics/${name}/records`, { ...filters, cell, page, pageSize: 20 }),
    enabled: !!name && !!cell,
  });
}

export const exportUrl = (name: string, filters: Filters, cell?: string) => withQuery(`/api/metrics/${name}/export`, { ...filters, cell });
export const dashboardExportUrl = (filters: Filters) => withQuery('/api/dashboard/export', { ...filters });
