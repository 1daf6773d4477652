import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { queryKeys } from '../api/queryKeys';

/**
 * How amounts are shown, for everyone (an org display setting an admin sets in 组织设置, issue 15 point 11):
 * `full` = ¥2,656,000.00, `wan` = ¥265.6万 — what a sales director reads on a kanban. Stored values and inputs stay
 * in fen/yuan either way.
 */
export type MoneyStyle = 'full' | 'wan';
export type OrgSettings = components['schemas']['OrgSettings'];

/** The org settings (every signed-in user may read them); cached, they change rarely. */
export function useOrgSettings() {
  return useQuery({ queryKey: queryKeys.orgSettings(), queryFn: () => api.get<OrgSettings>('/api/org-settings'), staleTime: 5 * 60_000 });
}

export function useMoneyStyle(): MoneyStyle {
  return useOrgSettings().data?.amountDisplay === 'wan' ? 'wan' : 'full';
}
