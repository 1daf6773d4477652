import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { queryKeys } from '../../api/queryKeys';
import type { GetAnswer } from '../../api/types';

export type Approval = components['schemas']['Approval'];
export type ApprovalRoute = components['schemas']['ApprovalRoute'];
export type ApprovalDelegation = components['schemas']['ApprovalDelegation'];

export type ApprovalView = 'mine' | 'requested' | 'all';

export function useApprovals(view: ApprovalView, page = 1, dealId?: string) {
  const query = { assignee: view === 'mine' ? 'me' : undefined, status: view === 'mine' ? 'pending' : undefined, requester: view === 'requested' ? 'me' : undefined, dealId, page, pageSize: 20 };
  return useQuery({
    queryKey: queryKeys.approvals(view, page, dealId ?? ''),
    queryFn: () => api.get<GetAnswer<'/api/approvals'>>('/api/approvals', query),
    refetchInterval: 60_000,
  });
}

export function useApproval(id: string) {
  return useQuery({ queryKey: queryKeys.approval(id), queryFn: () => api.get<Approval>(`/api/approvals/${id}`) });
}

export const decide = (id: string, decision: 'approve' | 'reject', comment?: string) => api.post<Approval>(`/api/approvals/${id}/decision`, { decision, comment: comment || undefined });
export const withdraw = (id: string) => api.post<Approval>(`/api/approvals/${id}/withdraw`, {});
export const resubmit = (id: string) => api.post<Approval>(`/api/approvals/${id}/resubmit`, {});
export const requestApproval = (body: { kind: string; subject: { type: 'deal'; id: string }; values: Record<string, unknown> }) => api.post<Approval>('/api/approvals', body);

/** Basis points as a percentage with two decimals ("12.00 %"). */
export const bpText = (bp: number | null | undefined) => (typeof bp === 'number' ? `${(bp / 100).toFixed(2)} %` : '—');
