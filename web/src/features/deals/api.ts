import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { Board, CustomFieldDef, Deal, Pipeline, PipelineDefinition, Stage, GetAnswer } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';

export function usePipelines() {
  return useQuery({ queryKey: queryKeys.pipelines(), queryFn: () => api.get<Page<Pipeline>>('/api/pipelines') });
}

export function usePipeline(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.pipeline(id), queryFn: () => api.get<Pipeline>(`/api/pipelines/${id}`), enabled: !!id });
}

/** Cards a board column shows before "load more". */
export const BOARD_CARDS = 20;

/** The kanban's owner/team filters (within the viewer's scope; the server applies both to counts and sums too). */
export interface BoardFilters {
  ownerId?: string;
  teamId?: string;
}

export function useBoard(pipelineId: string | undefined, filters: BoardFilters = {}) {
  return useQuery({
    queryKey: queryKeys.board(pipelineId, filters.ownerId ?? '', filters.teamId ?? ''),
    queryFn: () => api.get<Board>(`/api/pipelines/${pipelineId}/board`, { limit: BOARD_CARDS, ownerId: filters.ownerId, teamId: filters.teamId }),
    enabled: !!pipelineId,
  });
}

export const boardColumnMore = (pipelineId: string, stageKey: string, cursor: string, filters: BoardFilters = {}) =>
  api.get<GetAnswer<'/api/pipelines/{id}/board/columns/{stageKey}'>>(`/api/pipelines/${pipelineId}/board/columns/${encodeURIComponent(stageKey)}`, {
    cursor,
    limit: BOARD_CARDS,
    ownerId: filters.ownerId,
    teamId: filters.teamId,
  });

export function useDeal(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.deal(id), queryFn: () => api.get<Deal>(`/api/deals/${id}`), enabled: !!id });
}

export function useDealFields() {
  return useQuery({
    queryKey: queryKeys.customFields('deal'),
    queryFn: () => api.get<Page<CustomFieldDef>>('/api/custom-fields', { entity: 'deal' }),
    staleTime: 60_000,
  });
}

/** A lost move above the org's confirmation amount answers 202: the deal waits for a manager's approval. */
export interface PendingMove {
  pendingApproval: { id: string; kind: string };
  deal: Deal;
}

export const moveDeal = (id: string, toStage: string, skipReason?: string, lostReason?: string) =>
  api.post<Deal | PendingMove>(`/api/deals/${id}/move`, { toStage, ...(skipReason ? { skipReason } : {}), ...(lostReason ? { lostReason } : {}) });

export const setChecklist = (id: string, item: string, done: boolean, note?: string) =>
  api.post<Deal>(`/api/deals/${id}/checklist`, note ? { item, done, note } : { item, done });

export const patchDeal = (id: string, patch: Record<string, unknown>) => api.patch<Deal>(`/api/deals/${id}`, patch);

/** Stages of a pipeline answer; the full `definition` (with gates) wins over the `stages` summary. */
export function stagesOf(p: { stages?: Stage[]; definition?: PipelineDefinition } | undefined | null): Stage[] {
  return p?.definition?.stages ?? p?.stages ?? [];
}
