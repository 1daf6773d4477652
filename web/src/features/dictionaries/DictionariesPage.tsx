import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Segmented, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, type MessageKey } from '../../i18n';
import { useFormErrors } from '../forms/useFormErrors';
import { useDictionary, type DictionaryEntry, type DictionaryKind } from './api';

const KINDS: DictionaryKind[] = ['region', 'industry', 'source', 'customer_level', 'lost_reason'];

/**
 * Admin-managed lists (issue 15 point 9): region, industry, source, customer level and lost reasons, so forms,
 * filters and imports use one spelling ("浙江杭州" and "浙江省杭州市" are aliases of one entry). Retiring hides an
 * entry from forms and keeps it on the records that use it.
 */
export function DictionariesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [kind, setKind] = useState<DictionaryKind>('region');
  const entries = useDictionary(kind, true);
  const [form] = Form.useForm<{ label: string; labelEn?: string; aliases?: string }>();
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.dictionary(kind) });
  const add = useMutation({
    mutationFn: (v: { label: string; labelEn?: string; aliases?: string }) =>
      api.post('/api/dictionaries', { kind, label: v.label, labelEn: v.labelEn || null, aliases: (v.aliases ?? '').split(/[,，、]/).map((s) => s.trim()).filter(Boolean) }),
    onSuccess: () => {
      message.success(t('dict.saved'));
      form.resetFields();
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (e: DictionaryEntry) => api.patch(`/api/dictionaries/${e.id}`, { active: !e.active }),
    onSuccess: refresh,
    onError: (e) => message.error(errorMessage(e)),
  });
  const errors = useFormErrors(add.error);
  return (
    <div>
      <PageTitle title={t('dict.title')} />
      <Segmented<DictionaryKind> value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`dict.kind.${k}` as MessageKey) }))} style={{ marginBottom: 12 }} data-testid="dict-kind" />
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="label" rules={[{ required: true, whitespace: true }]} validateStatus={errors.at('label') ? 'error' : undefined} help={errors.at('label')}>
          <Input placeholder={t('dict.label')} maxLength={100} data-testid="dict-label" />
        </Form.Item>
        <Form.Item name="labelEn">
          <Input placeholder={t('dict.labelEn')} maxLength={100} />
        </Form.Item>
        <Form.Item name="aliases">
          <Input placeholder={t('dict.aliases')} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="dict-add">
          {t('dict.add')}
        </Button>
      </Form>
      {add.error && !errors.size && <Alert type="error" showIcon message={errorMessage(add.error)} style={{ marginBottom: 12 }} />}
      <Table<DictionaryEntry>
        rowKey="id"
        size="small"
        loading={entries.isPending}
        dataSource={entries.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 560 }}
        columns={[
          { title: t('dict.label'), render: (_, e) => (lang === 'en' && e.labelEn ? e.labelEn : e.label) },
          { title: t('dict.key'), dataIndex: 'key', render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
          { title: t('dict.aliases'), render: (_, e) => (e.aliases ?? []).join('、') },
          { title: t('dict.active'), render: (_, e) => <Switch size="small" checked={e.active} loading={toggle.isPending && toggle.variables?.id === e.id} onChange={() => toggle.mutate(e)} /> },
        ]}
      />
    </div>
  );
}
