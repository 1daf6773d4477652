import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type Contract = components['schemas']['Contract'];
export type Instalment = components['schemas']['Instalment'];
export type ReceivableRow = components['schemas']['ReceivableRow'];
export type Board = paths['/api/receivables']['get']['responses'][200]['content']['application/json'];
export type Ageing = paths['/api/receivables/ageing']['get']['responses'][200]['content']['application/json'];
export type DealContracts = paths['/api/contracts']['get']['responses'][200]['content']['application/json'];
export type GroupBy = 'customer' | 'seller' | 'team';

export const METHOD_KEYS = ['wire', 'bank_acceptance', 'commercial_acceptance', 'letter_of_credit', 'cash', 'other'] as const;

export const moneyKeys = {
  all: ['money'] as const,
  board: (asOf: string, band: string) => ['money', 'board', asOf, band] as const,
  ageing: (asOf: string, groupBy: string) => ['money', 'ageing', asOf, groupBy] as const,
  contract: (id: string) => ['money', 'contract', id] as const,
  dealContracts: (dealId: string) => ['money', 'deal', dealId] as const,
};

export function useBoard(asOf: string, band: string) {
  return useQuery({ queryKey: moneyKeys.board(asOf, band), queryFn: () => api.get<Board>('/api/receivables', { asOf, ...(band ? { band } : {}) }) });
}

export function useAgeing(asOf: string, groupBy: GroupBy) {
  return useQuery({ queryKey: moneyKeys.ageing(asOf, groupBy), queryFn: () => api.get<Ageing>('/api/receivables/ageing', { asOf, groupBy }) });
}

export function useContract(id: string | null) {
  return useQuery({ queryKey: moneyKeys.contract(id ?? ''), queryFn: () => api.get<Contract>(`/api/contracts/${id}`), enabled: !!id });
}

export function useDealContracts(dealId: string) {
  return useQuery({ queryKey: moneyKeys.dealContracts(dealId), queryFn: () => api.get<DealContracts>('/api/contracts', { dealId }) });
}

/** Today in the org's zone (Asia/Shanghai), as the server counts due dates. */
export function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const BAND_COLOURS: Record<string, string> = { red: 'red', yellow: 'gold', normal: 'green' };
