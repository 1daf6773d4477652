import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export interface PoolItem {
  customerId: string;
  name: string;
  level: string | null;
  region: string | null;
  industry: string | null;
  phoneMasked: string | null;
  team: { id: string; name: string };
  formerOwner: { id: string; name: string };
  reason: string;
  pooledAt: string;
  lastEffectiveAt: string | null;
}

export interface PoolLimits {
  claimsToday: number;
  claimsPerDay: number;
  held: number;
  maxHeld: number;
}

export interface Conflict {
  id: string;
  customer: { id: string; name: string };
  duplicate: { id: string; name: string } | null;
  requester: { id: string; name: string };
  owner: { id: string; name: string };
  reason: string;
  status: 'open' | 'resolved';
  resolution: 'keep' | 'transfer' | 'merge' | null;
  createdAt: string;
}

/** The extra fields of a 409 DUPLICATE_CUSTOMER answer. */
export interface DuplicateInfo {
  customer: string;
  customerName: string;
  owner: { id: string; name: string; team: { id: string; name: string } | null };
  matchedOn: Array<'phone' | 'name' | 'creditCode'>;
  yours: boolean;
  inPool: boolean;
  /** What the caller can do: claim it from the pool, or request a transfer (older servers: absent). */
  wayForward?: 'none' | 'claim' | 'transfer';
  message: string;
}

export function usePool(q: string) {
  return useQuery({ queryKey: queryKeys.pool(q), queryFn: () => api.get<{ items: PoolItem[]; total: number; limits: PoolLimits }>('/api/pool', { q, pageSize: 100 }) });
}

export function useClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) => api.post(`/api/pool/${customerId}/claim`),
    onSettled: () => {
      client.invalidateQueries({ queryKey: queryKeys.pool() });
      client.invalidateQueries({ queryKey: queryKeys.customers() });
    },
  });
}

export function useConflicts() {
  return useQuery({ queryKey: queryKeys.conflicts(), queryFn: () => api.get<{ items: Conflict[] }>('/api/ownership-conflicts', { pageSize: 100 }) });
}

export function useResolveConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; action: 'keep' | 'transfer' | 'merge'; mergeInto?: string; note?: string }) =>
      api.post(`/api/ownership-conflicts/${id}/resolve`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.conflicts() }),
  });
}

export function useRequestTransfer() {
  return useMutation({ mutationFn: ({ customerId, reason }: { customerId: string; reason: string }) => api.post(`/api/customers/${customerId}/transfer-requests`, { reason }) });
}

export function useHandover() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string; to: string[]; strategy: 'by_customer' | 'round_robin'; deactivate: boolean }) =>
      api.post<{ moved: { customers: number; deals: number; tasks: number } }>(`/api/users/${userId}/handover`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}
