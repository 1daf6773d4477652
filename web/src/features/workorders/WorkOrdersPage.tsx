import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { App, Badge, Button, List, Space, Tabs, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, useLocalName } from '../../i18n';
import { HELPER_STATUSES, useWorkOrders, type OrderView, type WorkOrder } from './api';
import { SlaClockTag } from './SlaClockTag';
import { WorkOrderReport } from './WorkOrderReport';

/** Seller: my requests with their clocks. Helper: my queue sorted by due time, SLA colour, one-tap respond. */
export function WorkOrdersPage() {
  const { t } = useI18n();
  const [view, setView] = useState('mine');
  const queue = useWorkOrders('queue', { status: 'active' });
  return (
    <div>
      <PageTitle title={t('nav.workOrders')} />
      <Tabs
        activeKey={view}
        onChange={setView}
        items={[
          { key: 'mine', label: t('wo.mine'), children: <OrderList view="mine" /> },
          {
            key: 'queue',
            label: (
              <span>
                {t('wo.queue')} <Badge count={queue.data?.total ?? 0} showZero={false} />
              </span>
            ),
            children: <OrderList view="queue" extra={{ status: 'active' }} />,
          },
          { key: 'report', label: t('wo.report.tab'), children: <WorkOrderReport /> },
        ]}
      />
    </div>
  );
}

function OrderList({ view, extra = {} }: { view: OrderView; extra?: Record<string, string> }) {
  const { t } = useI18n();
  const localName = useLocalName();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useWorkOrders(view, extra);
  const respond = useMutation({
    mutationFn: (id: string) => api.patch(`/api/work-orders/${id}`, { status: 'in_progress' }),
    onSuccess: () => {
      message.success(t('wo.responded'));
      client.invalidateQueries({ queryKey: queryKeys.workOrders() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  return (
    <List<WorkOrder>
      loading={query.isPending}
      locale={{ emptyText: t('wo.empty') }}
      dataSource={query.data?.items ?? []}
      renderItem={(o) => (
        <List.Item
          data-testid="work-order-row"
          actions={
            view === 'queue' && (HELPER_STATUSES as readonly string[]).includes(o.status)
              ? [
                  <Button key="respond" type="primary" size="small" loading={respond.isPending && respond.variables === o.id} onClick={() => respond.mutate(o.id)} data-testid="respond">
                    {t('wo.respond')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space wrap>
                <Link to={`/work-orders/${o.id}`}>{o.title}</Link>
                <Tag>{localName(o.type.name, o.type.nameEn)}</Tag>
                <Tag color={o.status === 'waiting_requester' ? 'gold' : undefined}>{t(`wo.status.${o.status}`)}</Tag>
              </Space>
            }
            description={
              <Space wrap size={4}>
                <SlaClockTag label={t('wo.response')} clock={o.sla.response} />
                <SlaClockTag label={t('wo.resolution')} clock={o.sla.resolution} />
                {o.sla.resolution.requesterWaitingMinutes > 0 && <Tag>{t('wo.waitingMinutes', { minutes: o.sla.resolution.requesterWaitingMinutes })}</Tag>}
                <Typography.Text type="secondary">
                  {view === 'queue' ? `${t('wo.requester')}：${o.requester.name}` : `${t('wo.assignee')}：${o.assignee?.name ?? t('wo.unassigned')}`} · {o.subject.title}
                </Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
