import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { components } from '../../api/schema';
import { queryKeys } from '../../api/queryKeys';

export type DictionaryEntry = components['schemas']['DictionaryEntry'];
export type DictionaryKind = 'lost_reason' | 'region' | 'industry' | 'source' | 'customer_level';

/** Active entries of one dictionary (forms and filters); admins may ask for retired ones too. */
export function useDictionary(kind: DictionaryKind, includeInactive = false) {
  return useQuery({
    queryKey: queryKeys.dictionary(kind, includeInactive),
    queryFn: () => api.get<Page<DictionaryEntry>>('/api/dictionaries', includeInactive ? { kind, includeInactive: 'true' } : { kind }),
    staleTime: 60_000,
  });
}

/** The label of a stored dictionary value in the UI language (the value itself when the entry is unknown). */
export function dictionaryLabel(entries: DictionaryEntry[] | undefined, key: string | null | undefined, lang: 'zh' | 'en'): string {
  if (!key) return '';
  const entry = entries?.find((e) => e.key === key);
  if (!entry) return key;
  return lang === 'en' && entry.labelEn ? entry.labelEn : entry.label;
}

const fold = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** Select options of a dictionary: the stored key as value, the label as text, every spelling to search by. */
export function dictionaryOptions(entries: DictionaryEntry[] | undefined, lang: 'zh' | 'en') {
  return (entries ?? []).map((e) => ({
    value: e.key,
    label: lang === 'en' && e.labelEn ? e.labelEn : e.label,
    search: fold([e.key, e.label, e.labelEn ?? '', ...(e.aliases ?? [])].join('|')),
  }));
}

/** Searching a dictionary Select matches aliases too: typing 浙江杭州 finds 浙江省杭州市 (as the server maps it). */
export function dictionaryFilter(input: string, option?: { search?: string; label?: unknown }): boolean {
  const wanted = fold(input);
  return !!option && (option.search ?? String(option.label ?? '')).includes(wanted);
}
