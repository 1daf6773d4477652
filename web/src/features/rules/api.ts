import { useQuery } from '@tanstack/react-query';
import { api, ApiError, type Page } from '../../api/client';
import type { Rule, RuleRun } from '../../api/types';

export function useRules() {
  return useQuery({ queryKey: ['rules'], queryFn: () => api.get<Page<Rule>>('/api/rules') });
}

export function useRule(id: string | undefined) {
  return useQuery({ queryKey: ['rule', id], queryFn: () => api.get<Rule>(`/api/rules/${id}`), enabled: !!id && id !== 'new' });
}

export function useRuleRuns(id: string | undefined, page: number) {
  return useQuery({
    queryKey: ['rule-runs', id, page],
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

/** Server messages by field path (`actions.1.config.title`), for showing each next to its input. */
export class FieldErrors {
  private readonly map = new Map<string, string[]>();
  constructor(error: unknown) {
    if (error instanceof ApiError) for (const f of error.body.fields ?? []) this.map.set(f.field, [...(this.map.get(f.field) ?? []), f.message]);
  }
  get size() {
    return this.map.size;
  }
  /** Messages of exactly this path. */
  at(path: string): string | undefined {
    return this.map.get(path)?.join('; ');
  }
  /** Messages of this path and everything below it, each prefixed with the rest of its path. */
  under(prefix: string): string | undefined {
    const out: string[] = [];
    for (const [field, messages] of this.map) {
      if (field === prefix) out.push(...messages);
      else if (field.startsWith(prefix + '.')) out.push(...messages.map((m) => `${field.slice(prefix.length + 1)}: ${m}`));
    }
    return out.length ? out.join('; ') : undefined;
  }
  /** Form.Item props for a path: red status and the message as help. */
  item(path: string, deep = false) {
    const help = deep ? this.under(path) : this.at(path);
    return help ? { validateStatus: 'error' as const, help } : {};
  }
  all(): string[] {
    return [...this.map].flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`));
  }
}
