/** Admin → 动作标签: the action vocabulary activities carry and patterns are mined from (deactivate, never delete). */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useActivityTags, type ActivityTag } from './api';
import { queryKeys } from '../../api/queryKeys';

type Values = { key: string; label: string; labelEn?: string; suggestion?: string; suggestionEn?: string; active: boolean; sort: number; category: 'action' | 'need' };

export function TagsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const tags = useActivityTags(true);
  const [editing, setEditing] = useState<Partial<Values> | null>(null);
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: ({ key, ...v }: Values) =>
      api.put<ActivityTag>(`/api/activity-tags/${encodeURIComponent(key)}`, { ...v, labelEn: v.labelEn || null, suggestion: v.suggestion || null, suggestionEn: v.suggestionEn || null }),
    onSuccess: () => {
      message.success(t('tags.saved'));
      setEditing(null);
      client.invalidateQueries({ queryKey: queryKeys.activityTags() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const open = (v: Partial<Values>) => {
    form.resetFields();
    form.setFieldsValue(v);
    setEditing(v);
  };
  return (
    <div>
      <PageTitle
        title={t('tags.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ active: true, category: 'action', sort: (tags.data?.items.length ?? 0) * 10 + 10 })} data-testid="tag-new">
            {t('tags.new')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('tags.hint')}</Typography.Paragraph>
      <Table<ActivityTag>
        size="small"
        rowKey="key"
        loading={tags.isPending}
        dataSource={tags.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('tags.label'), render: (_, r) => (lang === 'en' ? (r.labelEn ?? r.label) : r.label) },
          { title: t('tags.key'), dataIndex: 'key' },
          { title: t('tags.suggestion'), render: (_, r) => (lang === 'en' ? (r.suggestionEn ?? r.suggestion) : r.suggestion) },
          { title: t('tags.active'), render: (_, r) => (r.active ? <Tag color="green">✓</Tag> : <Tag>✗</Tag>) },
          { title: t('tags.category'), render: (_, r) => <Tag color={r.category === 'need' ? 'purple' : undefined}>{t(`tags.category.${r.category}`)}</Tag> },
          { title: t('tags.sort'), dataIndex: 'sort' },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => open({ key: r.key, label: r.label, labelEn: r.labelEn ?? undefined, suggestion: r.suggestion ?? undefined, suggestionEn: r.suggestionEn ?? undefined, active: r.active, sort: r.sort, category: r.category })}>
                {t('tags.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={!!editing} title={editing?.label ?? t('tags.new')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate({ ...v, key: v.key ?? editing?.key })}>
          <Form.Item name="key" label={t('tags.key')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,63}$/ }]}>
            <Input disabled={!!editing?.label} placeholder="price_confirmation" />
          </Form.Item>
          <Form.Item name="label" label={t('tags.label')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="labelEn" label={t('tags.labelEn')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="suggestion" label={t('tags.suggestion')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="suggestionEn" label={t('tags.suggestionEn')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('tags.category')}>
            <Select options={(['action', 'need'] as const).map((c) => ({ value: c, label: t(`tags.category.${c}`) }))} data-testid="tag-category" />
          </Form.Item>
          <Form.Item name="sort" label={t('tags.sort')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="active" label={t('tags.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
