/** Predictive patterns (预判式干预): read hooks over the patterns API. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { GetAnswer } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';

export type Pattern = components['schemas']['Pattern'];
export type RiskFlag = components['schemas']['RiskFlag'];
export type DealRisks = components['schemas']['DealRisks'];
export type RiskFlagList = components['schemas']['RiskFlagList'];
export type ModelCard = components['schemas']['ModelCard'];
export type PatternDeals = components['schemas']['PatternDeals'];
export type LoopReport = components['schemas']['PatternLoopReport'];
export type ActivityTag = components['schemas']['ActivityTag'];
export type PatternSettingsVersion = components['schemas']['PatternSettingsVersion'];

export const patternKeys = {
  all: ['patterns'] as const,
  list: (pipelineId: string) => ['patterns', 'list', pipelineId] as const,
  card: (pipelineId: string) => ['patterns', 'card', pipelineId] as const,
  loop: (pipelineId: string) => ['patterns', 'loop', pipelineId] as const,
  deals: (patternId: string, page: number) => ['patterns', 'deals', patternId, page] as const,
  dealRisks: (dealId: string) => ['patterns', 'deal-risks', dealId] as const,
  risks: (ownerId?: string) => ['patterns', 'risks', ownerId ?? 'scope'] as const,
  tags: (all: boolean) => queryKeys.activityTags(all),
};

export const usePatterns = (pipelineId: string | undefined) =>
  useQuery({ queryKey: patternKeys.list(pipelineId ?? ''), queryFn: () => api.get<Pattern[]>('/api/patterns', { pipelineId }), enabled: !!pipelineId });

export const useModelCard = (pipelineId: string | undefined) =>
  useQuery({ queryKey: patternKeys.card(pipelineId ?? ''), queryFn: () => api.get<ModelCard>('/api/patterns/model-card', { pipelineId }), enabled: !!pipelineId });

export const useLoopReport = (pipelineId: string | undefined, enabled: boolean) =>
  useQuery({ queryKey: patternKeys.loop(pipelineId ?? ''), queryFn: () => api.get<LoopReport>('/api/patterns/loop', { pipelineId }), enabled: !!pipelineId && enabled });

export const usePatternDeals = (patternId: string | null, page: number) =>
  useQuery({ queryKey: patternKeys.deals(patternId ?? '', page), queryFn: () => api.get<PatternDeals>(`/api/patterns/${patternId}/deals`, { page, pageSize: 20 }), enabled: !!patternId });

export const useDealRisks = (dealId: string) =>
  // Flags are raised by the worker within a turn of an event: re-read every half minute while the page is open.
  useQuery({ queryKey: patternKeys.dealRisks(dealId), queryFn: () => api.get<DealRisks>(`/api/deals/${dealId}/risks`), refetchInterval: 30_000 });

export const useRiskList = (ownerId?: string) =>
  useQuery({ queryKey: patternKeys.risks(ownerId), queryFn: () => api.get<RiskFlagList>('/api/risks', { ownerId, pageSize: 50 }), refetchInterval: 60_000 });

export const useActivityTags = (all = false) =>
  useQuery({ queryKey: patternKeys.tags(all), queryFn: () => api.get<GetAnswer<'/api/activity-tags'>>('/api/activity-tags', all ? { all: 'true' } : undefined) });
