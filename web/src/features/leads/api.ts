import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { GetAnswer, PostAnswer } from '../../api/types';
import type { components } from '../../api/schema';

export type PoolItem = components['schemas']['PoolItem'];
export type PoolLimits = components['schemas']['PoolLimits'];
export type Conflict = components['schemas']['OwnershipConflict'];

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
  return useQuery({ queryKey: queryKeys.pool(q), queryFn: () => api.get<GetAnswer<'/api/pool'>>('/api/pool', { q, pageSize: 100 }) });
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
  return useQuery({ queryKey: queryKeys.conflicts(), queryFn: () => api.get<GetAnswer<'/api/ownership-conflicts'>>('/api/ownership-conflicts', { pageSize: 100 }) });
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
      api.post<PostAnswer<'/api/users/{id}/handover'>>(`/api/users/${userId}/handover`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}
