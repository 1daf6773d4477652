import { useI18n, type MessageKey } from '../../i18n';
import { useDealFields } from './api';

/** Deal fields a gate or a cadence deliverable may require; custom fields are named `custom.<key>`. */
const BUILT_IN: Record<string, MessageKey> = { title: 'deals.name', amountFen: 'deals.amount', expectedCloseDate: 'deals.expectedClose' };

/**
 * The one list of requirable deal fields with their labels (the editors pick from it, the step cards and lists show
 * it): users see 金额 / 预计成交 / the custom field's label, never `amountFen` or `custom.budget`.
 */
export function useGateFields() {
  const { t, lang } = useI18n();
  const custom = useDealFields().data?.items ?? [];
  const options = [
    ...Object.entries(BUILT_IN).map(([value, key]) => ({ value, label: t(key) })),
    ...custom.map((f) => ({ value: `custom.${f.key}`, label: (lang === 'en' ? f.labelEn : null) ?? f.label })),
  ];
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return { options, labelOf: (field: string) => labels.get(field) ?? field };
}
