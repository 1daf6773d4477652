import { useQuery } from '@tanstack/react-query';
import { DatePicker, Descriptions, Form, Input, InputNumber, Select, Typography } from 'antd';
import { api, type Page } from '../../api/client';
import type { CustomFieldDef } from '../../api/types';
import { useI18n } from '../../i18n';
import { dayjs, fenToYuan, formatDate, formatFen, yuanToFen } from '../../lib/format';
import { UserSelect, useUsers } from './UserSelect';
import { queryKeys } from '../../api/queryKeys';

type Entity = CustomFieldDef['entity'];

/** One form-side custom value: text, number (money in yuan), switch, a multi-select's options, or a date picker's day. */
export type CustomFormValue = string | number | boolean | string[] | dayjs.Dayjs;
/** Form-side custom values by field key; which type each holds depends on its definition, known only at runtime. */
export type CustomFormValues = Record<string, CustomFormValue | undefined>;

/** Same key as the admin page, so defining a field there refreshes the forms. */
export function useCustomFields(entity: Entity) {
  return useQuery({
    queryKey: queryKeys.customFields(entity),
    queryFn: () => api.get<Page<CustomFieldDef>>('/api/custom-fields', { entity }),
    staleTime: 60_000,
  });
}

/** Attachment fields are filled by uploading evidence, never typed, so forms show them and never send them. */
const editable = (def: CustomFieldDef) => def.type !== 'attachment';

/** Stored values → form values (money fen → yuan, dates → dayjs). */
export function customToForm(defs: CustomFieldDef[], custom: Record<string, unknown> | undefined): CustomFormValues {
  const out: CustomFormValues = {};
  for (const def of defs) {
    const v = custom?.[def.key];
    if (v === undefined || v === null) continue;
    if (def.type === 'money' && typeof v === 'number') out[def.key] = fenToYuan(v);
    else if (def.type === 'date' && typeof v === 'string') out[def.key] = dayjs(v);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[def.key] = v;
    else if (Array.isArray(v)) out[def.key] = v.map(String);
  }
  return out;
}

function toWire(def: CustomFieldDef, v: unknown): unknown {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  if (def.type === 'money') return yuanToFen(Number(v));
  if (def.type === 'date') return (v as dayjs.Dayjs).format('YYYY-MM-DD');
  if (def.type === 'text' && typeof v === 'string') return v.trim() === '' ? null : v;
  return v;
}

/**
 * Form values → the `custom` object of a request. Creating sends only what is filled in; editing sends only what
 * changed (null clears a value), so a field the admin made required later does not block unrelated edits.
 */
export function formToCustom(defs: CustomFieldDef[], values: CustomFormValues | undefined, original?: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs.filter(editable)) {
    const wire = toWire(def, values?.[def.key]);
    if (!original) {
      if (wire !== null) out[def.key] = wire;
      continue;
    }
    const before = original[def.key] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(wire)) out[def.key] = wire;
  }
  return out;
}

/** One form input per custom field, named `['custom', key]`, so server errors on `custom.<key>` land under it. */
export function CustomFieldItems({ defs }: { defs: CustomFieldDef[] }) {
  const { t, lang } = useI18n();
  const label = (d: CustomFieldDef) => (lang === 'en' && d.labelEn ? d.labelEn : d.label);
  return (
    <>
      {defs.map((def) => {
        const testId = `custom-${def.key}`;
        if (def.type === 'attachment') {
          return (
            <Form.Item key={def.key} label={label(def)} required={def.required}>
              <Typography.Text type="secondary" data-testid={testId}>
                {t('forms.attachmentHint', { kind: def.key })}
              </Typography.Text>
            </Form.Item>
          );
        }
        return (
          <Form.Item key={def.key} name={['custom', def.key]} label={label(def)} rules={def.required ? [{ required: true }] : undefined}>
            {input(def, testId, lang)}
          </Form.Item>
        );
      })}
    </>
  );
}

function input(def: CustomFieldDef, testId: string, lang: 'zh' | 'en') {
  const options = def.options.map((o) => ({ value: o.value, label: lang === 'en' && o.labelEn ? o.labelEn : o.label }));
  switch (def.type) {
    case 'number':
      return <InputNumber style={{ width: '100%' }} data-testid={testId} />;
    case 'money':
      return <InputNumber style={{ width: '100%' }} min={0} precision={2} prefix="¥" data-testid={testId} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} data-testid={testId} />;
    case 'select':
      return <Select allowClear options={options} data-testid={testId} />;
    case 'multiselect':
      return <Select mode="multiple" allowClear options={options} data-testid={testId} />;
    case 'user':
      return <UserSelect allowClear testId={testId} />;
    default:
      return <Input maxLength={2000} data-testid={testId} />;
  }
}

/** Read-only custom values for detail pages; renders nothing when the entity has no fields defined. */
export function CustomValuesView({ entity, custom }: { entity: Entity; custom: Record<string, unknown> | undefined }) {
  const { t, lang } = useI18n();
  const defs = useCustomFields(entity).data?.items ?? [];
  const users = useUsers();
  if (defs.length === 0) return null;
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.displayName ?? id;
  const optionLabel = (def: CustomFieldDef, v: unknown) => {
    const o = def.options.find((x) => x.value === v);
    return o ? (lang === 'en' && o.labelEn ? o.labelEn : o.label) : String(v);
  };
  const show = (def: CustomFieldDef, v: unknown): string => {
    if (v === undefined || v === null || v === '') return '—';
    switch (def.type) {
      case 'money':
        return formatFen(v as number) ?? '—';
      case 'date':
        return formatDate(v as string, lang);
      case 'select':
        return optionLabel(def, v);
      case 'multiselect':
        return Array.isArray(v) && v.length ? v.map((x) => optionLabel(def, x)).join(lang === 'en' ? ', ' : '、') : '—';
      case 'user':
        return userName(String(v));
      default:
        return String(v);
    }
  };
  return (
    <Descriptions
      size="small"
      title={<Typography.Text type="secondary">{t('forms.customFields')}</Typography.Text>}
      column={{ xs: 1, sm: 2, lg: 3 }}
      style={{ marginTop: 12 }}
      items={defs
        .filter((d) => d.type !== 'attachment')
        .map((d) => ({ key: d.key, label: lang === 'en' && d.labelEn ? d.labelEn : d.label, children: <span data-testid={`custom-value-${d.key}`}>{show(d, custom?.[d.key])}</span> }))}
    />
  );
}
