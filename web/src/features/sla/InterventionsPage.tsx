import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert, App, Badge, Button, Form, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import { useFormErrors } from '../forms/useFormErrors';
import type { GetAnswer, Intervention } from '../../api/types';
import { formatFen } from '../../lib/format';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { useI18n, type MessageKey } from '../../i18n';
import { queryKeys } from '../../api/queryKeys';

type Status = 'open' | 'resolved' | 'all';

/** What escalated to me (lead, regional manager, director, admin): open first, each resolved with a note. */
export function InterventionsPage() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<Status>('open');
  const [page, setPage] = useState(1);
  const [resolving, setResolving] = useState<Intervention | null>(null);
  const query = useQuery({
    queryKey: queryKeys.interventions(status, page),
    queryFn: () => api.get<GetAnswer<'/api/sla/interventions'>>('/api/sla/interventions', { status, page, pageSize: 50 }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  // Amount, stage, days overdue and the last effective activity, so a manager can prioritise (issue 15 point 3).
  const dealIds = [...new Set((query.data?.items ?? []).filter((i) => i.subject.type === 'deal').map((i) => i.subject.id))].sort();
  const context = useQuery({
    queryKey: queryKeys.dealAttention(dealIds.join(',')),
    enabled: dealIds.length > 0,
    queryFn: () => api.get<GetAnswer<'/api/deals/attention'>>('/api/deals/attention', { ids: dealIds.join(',') }),
  });
  const contextOf = new Map((context.data?.items ?? []).map((c) => [c.dealId, c]));
  return (
    <div>
      <PageTitle
        title={
          <span>
            {t('interventions.title')} <Badge count={query.data?.open ?? 0} style={{ marginInlineStart: 6 }} />
          </span>
        }
        extra={
          <Segmented<Status>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: 'open', label: t('interventions.status.open') },
              { value: 'resolved', label: t('interventions.status.resolved') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        }
      />
      {query.error && <Typography.Paragraph type="danger">{errorMessage(query.error)}</Typography.Paragraph>}
      <Table<Intervention>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 820 }}
        onRow={(r) => ({ 'data-testid': 'intervention-row', 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: 50, total: query.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          {
            key: 'subject',
            title: t('interventions.subject'),
            render: (_, r) => (
              <span>
                <Tag>{t(`subject.${r.subject.type}` as MessageKey)}</Tag>
                <Link to={r.subject.link}>{r.subject.title ?? r.subject.id}</Link>
              </span>
            ),
          },
          { key: 'owner', title: t('interventions.owner'), render: (_, r) => r.owner?.name ?? '—' },
          {
            key: 'context',
            title: t('interventions.context'),
            render: (_, r) => {
              const c = contextOf.get(r.subject.id);
              if (!c) return '—';
              return (
                <div data-testid="intervention-context" style={{ minWidth: 200 }}>
                  <div>
                    {c.amountFen !== undefined && <Typography.Text strong>{formatFen(c.amountFen)} </Typography.Text>}
                    <Tag>{lang === 'en' ? c.stage.nameEn : c.stage.name}</Tag>
                    {c.daysOverdue !== null && <Tag color="red">{t('interventions.daysOverdue', { n: c.daysOverdue })}</Tag>}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.lastEffectiveActivity ? (
                      <>
                        {t('interventions.lastEffective')}: <When at={c.lastEffectiveActivity.occurredAt} /> {c.lastEffectiveActivity.summary.slice(0, 40)}
                      </>
                    ) : (
                      t('interventions.noEffective')
                    )}
                  </Typography.Text>
                </div>
              );
            },
          },
          {
            key: 'level',
            title: t('interventions.level'),
            render: (_, r) => (
              <span>
                <Tag color={r.colour === 'yellow' ? 'gold' : 'red'}>{t('sla.level', { n: r.level })}</Tag>
                <Typography.Text type="secondary">{t(`interventions.kind.${r.kind}` as MessageKey)}</Typography.Text>
              </span>
            ),
          },
          { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => <When at={at} /> },
          {
            key: 'status',
            title: t('interventions.status'),
            render: (_, r) =>
              r.status === 'open' ? (
                <Tag color={r.stillEscalating ? 'red' : 'default'}>{r.stillEscalating ? t('interventions.escalating') : t('interventions.stopped')}</Tag>
              ) : (
                <div>
                  <Tag color="green">{t('interventions.status.resolved')}</Tag>
                  <When at={r.resolvedAt} />
                  {r.note && <div style={{ color: '#555', whiteSpace: 'pre-wrap' }}>{r.note}</div>}
                </div>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, r) =>
              r.status === 'open' && (
                <Button size="small" icon={<CheckOutlined />} onClick={() => setResolving(r)} data-testid="intervention-resolve">
                  {t('interventions.resolve')}
                </Button>
              ),
          },
        ]}
      />
      <ResolveModal item={resolving} onClose={() => setResolving(null)} />
    </div>
  );
}

function ResolveModal({ item, onClose }: { item: Intervention | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const resolve = useMutation({
    mutationFn: (note: string) => api.post(`/api/sla/interventions/${item!.id}/resolve`, { note }),
    onSuccess: () => {
      message.success(t('interventions.resolved'));
      client.invalidateQueries({ queryKey: queryKeys.interventions() });
      form.resetFields();
      onClose();
    },
  });
  const noteError = useFormErrors(resolve.error).at('note');
  return (
    <Modal
      open={!!item}
      title={`${t('interventions.resolve')} · ${item?.subject.title ?? ''}`}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => resolve.mutate(v.note))}
      confirmLoading={resolve.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('interventions.note')} rules={[{ required: true, whitespace: true }]} validateStatus={noteError ? 'error' : undefined} help={noteError}>
          <Input.TextArea rows={4} placeholder={t('interventions.notePlaceholder')} maxLength={2000} data-testid="intervention-note" />
        </Form.Item>
      </Form>
      {resolve.error && !noteError && <Alert type="error" showIcon message={errorMessage(resolve.error)} />}
    </Modal>
  );
}
