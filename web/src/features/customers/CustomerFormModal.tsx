import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Divider, Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client';
import type { Customer } from '../../api/types';
import { useI18n } from '../../i18n';
import { DuplicateNotice, duplicateOf } from '../leads/DuplicateNotice';
import { CustomFieldItems, type CustomFormValues, customToForm, formToCustom, useCustomFields } from '../forms/customFields';
import { FormError } from '../forms/FormError';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import { queryKeys } from '../../api/queryKeys';
import { dictionaryFilter, dictionaryOptions, useDictionary } from '../dictionaries/api';

const BASE = ['kind', 'name', 'phone', 'region', 'industry', 'source', 'level', 'creditCode'] as const;
type Values = Pick<Customer, (typeof BASE)[number]> & { custom?: CustomFormValues };

/** Create a customer, or edit one when `customer` is given (PATCH sends only what changed). */
export function CustomerFormModal({ open, onClose, customer }: { open: boolean; onClose(): void; customer?: Customer }) {
  const { t, lang } = useI18n();
  const regions = useDictionary('region');
  const industries = useDictionary('industry');
  const sources = useDictionary('source');
  const levels = useDictionary('customer_level');
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const navigate = useNavigate();
  const defs = useCustomFields('customer').data?.items ?? [];
  useEffect(() => {
    if (!open) return;
    save.reset();
    // Keyed on defs.length: the definitions arrive once and are cached, and re-filling on every new array would wipe typing.
    form.setFieldsValue(customer ? { ...customer, custom: customToForm(defs, customer.custom) } : { kind: 'company' });
  }, [open, customer, form, defs.length]);

  const save = useMutation({
    mutationFn: ({ custom, ...values }: Values) => {
      const clean: Record<string, unknown> = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' || v === undefined ? null : v]));
      const customOut = formToCustom(defs, custom, customer ? (customer.custom ?? {}) : undefined);
      if (Object.keys(customOut).length) clean.custom = customOut;
      if (!customer) return api.post<Customer>('/api/customers', clean);
      // PATCH sends only what changed, so the audit entry names exactly the edited fields.
      const patch = Object.fromEntries(Object.entries(clean).filter(([k, v]) => k === 'custom' || (customer[k as keyof Customer] ?? null) !== v));
      return Object.keys(patch).length ? api.patch<Customer>(`/api/customers/${customer.id}`, patch) : Promise.resolve(customer);
    },
    onSuccess: (saved) => {
      client.invalidateQueries({ queryKey: queryKeys.customers() });
      client.invalidateQueries({ queryKey: queryKeys.customer(saved.id) });
      onClose();
      if (!customer) navigate(`/customers/${saved.id}`);
    },
  });
  const formErrors = useFormErrors(save.error, { form, resolve: fieldResolver([...BASE], defs.map((d) => d.key)) });

  return (
    <Modal open={open} onCancel={onClose} title={customer ? t('forms.editCustomer') : t('customers.new')} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      {duplicateOf(save.error) && <DuplicateNotice info={duplicateOf(save.error)!} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('customers.kind')}>
          <Select options={[{ value: 'company', label: t('customers.kind.company') }, { value: 'person', label: t('customers.kind.person') }]} />
        </Form.Item>
        <Form.Item name="name" label={t('customers.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('customers.phone')}>
          <Input maxLength={40} />
        </Form.Item>
        {/* Admin-managed lists (issue 15 point 9): one spelling per value, so filters and reports do not fragment. */}
        <Form.Item name="region" label={t('customers.region')}>
          <Select showSearch allowClear filterOption={dictionaryFilter} options={dictionaryOptions(regions.data?.items, lang)} data-testid="customer-region" />
        </Form.Item>
        <Form.Item name="industry" label={t('customers.industry')}>
          <Select showSearch allowClear filterOption={dictionaryFilter} options={dictionaryOptions(industries.data?.items, lang)} data-testid="customer-industry" />
        </Form.Item>
        <Form.Item name="source" label={t('customers.source')}>
          <Select showSearch allowClear filterOption={dictionaryFilter} options={dictionaryOptions(sources.data?.items, lang)} data-testid="customer-source" />
        </Form.Item>
        <Form.Item name="level" label={t('customers.level')}>
          <Select showSearch allowClear filterOption={dictionaryFilter} options={dictionaryOptions(levels.data?.items, lang)} data-testid="customer-level" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('customers.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        {defs.length > 0 && <Divider plain>{t('forms.customFields')}</Divider>}
        <CustomFieldItems defs={defs} />
        {!duplicateOf(save.error) && <FormError errors={formErrors} />}
      </Form>
    </Modal>
  );
}
