import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SlaState, GetAnswer } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';

const BATCH = 500;

/**
 * SLA states of the records on one page in one call (`/api/sla/state` takes up to 500 ids; longer pages are split).
 * Ids the caller cannot see are simply missing from the map.
 */
export function useSlaStates(subject: 'deal' | 'task', ids: string[]) {
  const sorted = [...new Set(ids)].sort();
  return useQuery({
    queryKey: queryKeys.sla(subject, sorted.join(',')),
    enabled: sorted.length > 0,
    staleTime: 30_000,
    refetchInterval: 60_000,
    queryFn: async () => {
      const out = new Map<string, SlaState>();
      for (let i = 0; i < sorted.length; i += BATCH) {
        const res = await api.get<GetAnswer<'/api/sla/state'>>('/api/sla/state', { subject, ids: sorted.slice(i, i + BATCH).join(',') });
        for (const item of res.items) out.set(item.id, item.sla);
      }
      return out;
    },
  });
}
