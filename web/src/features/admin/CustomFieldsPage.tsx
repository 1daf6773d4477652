import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Segmented, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, type Page } from '../../api/client';
import type { CustomFieldDef } from '../../api/types';
import { CUSTOM_FIELD_KINDS } from '../../api/entities.gen';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { queryKeys } from '../../api/queryKeys';

const ENTITIES = CUSTOM_FIELD_KINDS;
const TYPES = ['text', 'number', 'money', 'date', 'select', 'multiselect', 'user', 'attachment'] as const;

export function CustomFieldsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [entity, setEntity] = useState<(typeof ENTITIES)[number]>('customer');
  const [creating, setCreating] = useState(false);
  const client = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.customFields(entity), queryFn: () => api.get<Page<CustomFieldDef>>('/api/custom-fields', { entity }) });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/custom-fields/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.customFields() }),
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <div>
      <PageTitle
        title={t('fields.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('fields.new')}
          </Button>
        }
      />
      <Segmented value={entity} onChange={(v) => setEntity(v as typeof entity)} options={ENTITIES.map((e) => ({ value: e, label: t(`entity.${e}`) }))} style={{ marginBottom: 12 }} />
      <Table<CustomFieldDef>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: t('fields.key'), dataIndex: 'key', render: (k: string) => <code>{k}</code> },
          { title: t('fields.label'), render: (_, f) => (lang === 'en' && f.labelEn ? f.labelEn : f.label) },
          { title: t('fields.type'), dataIndex: 'type', render: (ty: string) => <Tag>{t(`fieldType.${ty}` as MessageKey)}</Tag> },
          { title: t('fields.options'), dataIndex: 'options', render: (o: CustomFieldDef['options']) => o.map((x) => x.label).join('，') },
          { title: t('fields.required'), dataIndex: 'required', render: (r: boolean) => (r ? t('common.yes') : t('common.no')) },
          {
            title: t('common.actions'),
            render: (_, f) => (
              <Popconfirm title={t('common.confirm')} onConfirm={() => remove.mutate(f.id)}>
                <Button size="small" danger>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <FieldModal open={creating} entity={entity} onClose={() => setCreating(false)} />
    </div>
  );
}

function FieldModal({ open, entity, onClose }: { open: boolean; entity: string; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const type = Form.useWatch('type', form);
  const save = useMutation({
    mutationFn: (v: { key: string; label: string; labelEn?: string; type: string; options?: string; required?: boolean }) =>
      api.post('/api/custom-fields', {
        entity,
        key: v.key,
        label: v.label,
        labelEn: v.labelEn || null,
        type: v.type,
        required: !!v.required,
        options: (v.options ?? '')
          .split(/[,，]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => ({ value: s, label: s })),
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: queryKeys.customFields() });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal open={open} title={t('fields.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ type: 'text', required: false }}>
        <Form.Item name="key" label={t('fields.key')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/ }]}>
          <Input placeholder="budget_confirmed" />
        </Form.Item>
        <Form.Item name="label" label={t('fields.label')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="labelEn" label={t('fields.labelEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="type" label={t('fields.type')}>
          <Select options={TYPES.map((ty) => ({ value: ty, label: t(`fieldType.${ty}`) }))} />
        </Form.Item>
        {(type === 'select' || type === 'multiselect') && (
          <Form.Item name="options" label={t('fields.options')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="required" label={t('fields.required')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {save.error && <Alert type="error" showIcon message={errorMessage(save.error)} />}
      </Form>
    </Modal>
  );
}
