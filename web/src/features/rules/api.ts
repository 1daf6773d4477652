import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { Rule, RuleRun } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';

export function useRules() {
  return useQuery({ queryKey: queryKeys.rules(), queryFn: () => api.get<Page<Rule>>('/api/rules') });
}

export function useRule(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.rule(id), queryFn: () => api.get<Rule>(`/api/rules/${id}`), enabled: !!id && id !== 'new' });
}

export function useRuleRuns(id: string | undefined, page: number) {
  return useQuery({
    queryKey: queryKeys.ruleRuns(id, page),
    queryFn: () => api.get<Page<RuleRun>>(`/api/rules/${id}/runs`, { page, pageSize: 20 }),
    enabled: !!id,
    refetchInterval: 15_000,
  });
}

/** Downloads the rule's YAML export as a file. */
export async function downloadRuleYaml(rule: Pick<Rule, 'id' | 'key'>) {
  const text = await api.getText(`/api/rules/${rule.id}/export`);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `rule-${rule.key}.yaml`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export type { FieldErrors } from '../forms/useFormErrors';
