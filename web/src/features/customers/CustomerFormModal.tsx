import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { api, errorMessage } from '../../api/client';
import type { Customer } from '../../api/types';
import { useI18n } from '../../i18n';
import { DuplicateNotice, duplicateOf } from '../leads/DuplicateNotice';

type Values = Pick<Customer, 'kind' | 'name' | 'phone' | 'region' | 'industry' | 'source' | 'level' | 'creditCode'>;

/** Create a customer, or edit one when `customer` is given (PATCH sends only what changed). */
export function CustomerFormModal({ open, onClose, customer }: { open: boolean; onClose(): void; customer?: Customer }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    if (open) form.setFieldsValue(customer ?? { kind: 'company' });
  }, [open, customer, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const clean = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v]));
      return customer ? api.patch<Customer>(`/api/customers/${customer.id}`, clean) : api.post<Customer>('/api/customers', clean);
    },
    onSuccess: (saved) => {
      client.invalidateQueries({ queryKey: ['customers'] });
      client.invalidateQueries({ queryKey: ['customer', saved.id] });
      onClose();
      if (!customer) navigate(`/customers/${saved.id}`);
    },
  });

  return (
    <Modal open={open} onCancel={onClose} title={customer ? t('common.edit') : t('customers.new')} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
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
        <Form.Item name="region" label={t('customers.region')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="industry" label={t('customers.industry')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="source" label={t('customers.source')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="level" label={t('customers.level')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('customers.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        {save.error && !duplicateOf(save.error) && <Alert type="error" showIcon message={errorMessage(save.error)} />}
      </Form>
    </Modal>
  );
}
