import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';

export type MaterialLink = components['schemas']['MaterialLink'];
export type MaterialLinkDetail = components['schemas']['MaterialLinkDetail'];
export type CreatedMaterialLink = components['schemas']['CreatedMaterialLink'];

/** A customer's tracked links with their opens; the timeline reads the same list and groups it by activity. */
export function useMaterialLinks(customerId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.materialLinks(customerId),
    queryFn: () => api.get<Page<MaterialLink>>('/api/material-links', { customerId }),
    enabled: !!customerId,
  });
}

export function useMaterialLink(id: string | null) {
  return useQuery({ queryKey: queryKeys.materialLinks('detail', id), queryFn: () => api.get<MaterialLinkDetail>(`/api/material-links/${id}`), enabled: !!id });
}
