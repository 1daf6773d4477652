import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type Contract = components['schemas']['Contract'];
export type Instalment = components['schemas']['Instalment'];
export type ReceivableRow = components['schemas']['ReceivableRow'];
export type Board = paths['/api/receivables']['get']['responses'][200]['content']['application/json'];
export type Ageing = paths['/api/receivables/ageing']['get']['responses'][200]['content']['application/json'];
export type DealContracts = paths['/api/contracts']['get']['responses'][200]['content']['application/json'];
export type GroupBy = 'customer' | 'seller' | 'team';
export type AgeingInstalment = components['schemas']['AgeingInstalment'];
export type CollectedPayment = components['schemas']['CollectedPayment'];
export type DsoSale = components['schemas']['DsoSale'];
export type Bucket = AgeingInstalment['bucket'];
type InstalmentsQuery = NonNullable<paths['/api/receivables/ageing/instalments']['get']['parameters']['query']>;
type Drill<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

/** Which rows a clicked ageing figure stands for; the drill-down route and the export take the same keys. */
export type AgeingFigure =
  | { kind: 'instalments'; groupBy: GroupBy; key?: string; bucket?: InstalmentsQuery['bucket']; title: string; fen: number; contracts?: number }
  | { kind: 'collected'; sellerId?: string; title: string; fen: number }
  | { kind: 'sales'; title: string; fen: number };

export const METHOD_KEYS = ['wire', 'bank_acceptance', 'commercial_acceptance', 'letter_of_credit', 'cash', 'other'] as const;

export const moneyKeys = {
  all: ['money'] as const,
  board: (asOf: string, band: string) => ['money', 'board', asOf, band] as const,
  ageing: (asOf: string, groupBy: string) => ['money', 'ageing', asOf, groupBy] as const,
  ageingDrill: (asOf: string, figure: AgeingFigure | null) => ['money', 'ageing-drill', asOf, figure?.kind ?? '', figureQuery(figure)] as const,
  contract: (id: string) => ['money', 'contract', id] as const,
  dealContracts: (dealId: string) => ['money', 'deal', dealId] as const,
};

export function useBoard(asOf: string, band: string) {
  return useQuery({ queryKey: moneyKeys.board(asOf, band), queryFn: () => api.get<Board>('/api/receivables', { asOf, ...(band ? { band } : {}) }) });
}

export function useAgeing(asOf: string, groupBy: GroupBy) {
  return useQuery({ queryKey: moneyKeys.ageing(asOf, groupBy), queryFn: () => api.get<Ageing>('/api/receivables/ageing', { asOf, groupBy }) });
}

/** The query keys of a figure: its drill-down route's and its export's (groupBy/key/bucket, or sellerId). */
export function figureQuery(figure: AgeingFigure | null): Record<string, string> {
  if (!figure) return {};
  if (figure.kind === 'instalments') return { groupBy: figure.groupBy, ...(figure.key ? { key: figure.key } : {}), ...(figure.bucket ? { bucket: figure.bucket } : {}) };
  if (figure.kind === 'collected') return figure.sellerId ? { sellerId: figure.sellerId } : {};
  return {};
}

export const ageingExportUrl = (asOf: string, figure: AgeingFigure | null) => withQuery('/api/receivables/ageing/export', { asOf, ...figureQuery(figure) });

export type AgeingDrillRows =
  | { kind: 'instalments'; items: Drill<'/api/receivables/ageing/instalments'>['items'] }
  | { kind: 'collected'; items: Drill<'/api/receivables/ageing/collected'>['items'] }
  | { kind: 'sales'; items: Drill<'/api/receivables/ageing/sales'>['items'] };

/** The records behind one ageing figure (the same selector on the server as the figure and the export). */
export function useAgeingDrill(asOf: string, figure: AgeingFigure | null) {
  return useQuery({
    queryKey: moneyKeys.ageingDrill(asOf, figure),
    enabled: !!figure,
    queryFn: async (): Promise<AgeingDrillRows> => {
      const query = { asOf, ...figureQuery(figure) };
      if (figure?.kind === 'collected') return { kind: 'collected', items: (await api.get<Drill<'/api/receivables/ageing/collected'>>('/api/receivables/ageing/collected', query)).items };
      if (figure?.kind === 'sales') return { kind: 'sales', items: (await api.get<Drill<'/api/receivables/ageing/sales'>>('/api/receivables/ageing/sales', query)).items };
      return { kind: 'instalments', items: (await api.get<Drill<'/api/receivables/ageing/instalments'>>('/api/receivables/ageing/instalments', query)).items };
    },
  });
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
