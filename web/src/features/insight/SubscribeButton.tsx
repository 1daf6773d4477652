import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, List, Modal, Select, Space, Switch, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { FormError } from '../forms/FormError';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import type { Filters } from './api';
import type { GetAnswer } from '../../api/types';

type Subscription = components['schemas']['DashboardSubscription'];
type Body = Pick<Subscription, 'name' | 'metrics' | 'cron' | 'channels'>;
const CRONS = ['0 9 * * 1', '0 9 * * *', '0 18 * * 5', '0 9 1 * *'] as const;

/** "订阅到群": the dashboard with these filters pushed to group robots on a schedule, counted in the user's scope. */
export function SubscribeButton({ filters }: { filters: Filters }) {
  const { t, lang } = useI18n();
  const can = useAbilities().can('digest.configure');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Body>();
  const client = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.dashboardSubscriptions(), queryFn: () => api.get<GetAnswer<'/api/dashboard-subscriptions'>>('/api/dashboard-subscriptions'), enabled: open && can });
  const robots = useQuery({
    queryKey: queryKeys.dashboardSubscriptions('robots'),
    queryFn: () => api.get<GetAnswer<'/api/dashboard-subscriptions/robots'>>('/api/dashboard-subscriptions/robots'),
    enabled: open && can,
  });
  const metrics = useQuery({
    queryKey: queryKeys.metric('list'),
    queryFn: () => api.get<GetAnswer<'/api/metrics'>>('/api/metrics'),
    enabled: open && can,
  });
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.dashboardSubscriptions() });
  const save = useMutation({
    mutationFn: (body: Body) => api.post<Subscription>('/api/dashboard-subscriptions', { ...body, filters: { pipelineId: filters.pipelineId, teamId: filters.teamId, ownerId: filters.ownerId, industry: filters.industry, level: filters.level, region: filters.region, source: filters.source } }),
    onSuccess: () => {
      form.resetFields();
      void refresh();
    },
  });
  const toggle = useMutation({ mutationFn: (s: Subscription) => api.patch(`/api/dashboard-subscriptions/${s.id}`, { enabled: !s.enabled }), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (s: Subscription) => api.delete(`/api/dashboard-subscriptions/${s.id}`), onSuccess: refresh });
  const errors = useFormErrors(save.error, { form, resolve: fieldResolver(['name', 'metrics', 'cron', 'channels']) });
  if (!can) return null;
  return (
    <>
      <Button icon={<NotificationOutlined />} onClick={() => setOpen(true)} data-testid="dashboard-subscribe">
        {t('insight.subscribe')}
      </Button>
      <Modal open={open} title={t('insight.subscribe')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('insight.subscribe.save')} confirmLoading={save.isPending} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('insight.subscribe.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ metrics: ['funnel', 'stalled', 'saturation', 'idi'], cron: CRONS[0] }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('insight.subscribe.name')} rules={[{ required: true, message: t('insight.subscribe.name') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="metrics" label={t('insight.subscribe.metrics')}>
            <Select mode="multiple" options={(metrics.data?.items ?? []).map((m) => ({ value: m.name, label: lang === 'en' ? m.title.en : m.title.zh }))} />
          </Form.Item>
          <Form.Item name="cron" label={t('insight.subscribe.when')}>
            <Select options={CRONS.map((c) => ({ value: c, label: t(`insight.subscribe.cron.${c}`) }))} />
          </Form.Item>
          <Form.Item name="channels" label={t('insight.subscribe.robots')} rules={[{ required: true, message: t('insight.subscribe.robots') }]}>
            <Select mode="multiple" loading={robots.isLoading} options={(robots.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.kind}）` }))} />
          </Form.Item>
          <FormError errors={errors} />
        </Form>
        <List
          size="small"
          header={t('insight.subscribe.mine')}
          dataSource={list.data?.items ?? []}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Switch key="on" size="small" checked={s.enabled} onChange={() => toggle.mutate(s)} aria-label={t('insight.subscribe.enabled')} />,
                <Button key="del" size="small" danger type="link" onClick={() => remove.mutate(s)}>
                  {t('insight.subscribe.delete')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={0}>
                <span>{s.name}</span>
                <Typography.Text type="secondary">{s.nextRunAt ? t('insight.subscribe.next', { at: formatDateTime(s.nextRunAt, lang) }) : t('insight.subscribe.off')}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
