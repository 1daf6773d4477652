import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Input, List, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/AuthProvider';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { useI18n, useLocalName, type MessageKey } from '../../i18n';
import { useWorkOrder, type WorkOrderDetail } from './api';
import { SlaClockTag } from './SlaClockTag';
import { AttachmentList } from '../attachments/AttachmentList';

type Move = { status: string; label: MessageKey; primary?: boolean };

/** The moves the caller can make from a status (the server checks them again). */
function movesFor(order: WorkOrderDetail, isRequester: boolean): Move[] {
  const s = order.status;
  if (isRequester) {
    if (s === 'waiting_requester') return [{ status: 'in_progress', label: 'wo.action.supplied', primary: true }];
    if (s === 'resolved') return [{ status: 'closed', label: 'wo.action.closed', primary: true }, { status: 'reopened', label: 'wo.action.reopened' }];
    return [];
  }
  const out: Move[] = [];
  if (['open', 'assigned', 'reopened', 'waiting_requester'].includes(s)) out.push({ status: 'in_progress', label: 'wo.action.in_progress', primary: true });
  if (['open', 'assigned', 'reopened', 'in_progress'].includes(s)) out.push({ status: 'waiting_requester', label: 'wo.action.waiting_requester' });
  if (['open', 'assigned', 'reopened', 'in_progress', 'waiting_requester'].includes(s)) out.push({ status: 'resolved', label: 'wo.action.resolved' });
  return out;
}

export function WorkOrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const localName = useLocalName();
  const { me } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useWorkOrder(id);
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const refresh = () => {
    client.invalidateQueries({ queryKey: queryKeys.workOrder(id) });
    client.invalidateQueries({ queryKey: queryKeys.workOrders() });
  };
  const change = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<WorkOrderDetail>(`/api/work-orders/${id}`, body),
    onSuccess: () => {
      setNote('');
      refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const post = useMutation({
    mutationFn: () => api.post(`/api/work-orders/${id}/comments`, { body: comment }),
    onSuccess: () => {
      setComment('');
      refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  const o = query.data;
  if (!o) return null;
  const isRequester = o.requester.id === me.id;
  const moves = movesFor(o, isRequester);
  const subjectLink = { deal: `/deals/${o.subject.id}`, contract: `/contracts/${o.subject.id}`, customer: `/customers/${o.subject.id}` }[o.subject.type];
  return (
    <div>
      <PageTitle title={o.title} extra={<Tag data-testid="wo-status">{t(`wo.status.${o.status}`)}</Tag>} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small">
          <Space wrap>
            <SlaClockTag label={t('wo.response')} clock={o.sla.response} testId="sla-response" />
            <SlaClockTag label={t('wo.resolution')} clock={o.sla.resolution} testId="sla-resolution" />
            {o.sla.firstResolution.status && o.reopenCount > 0 && <Tag>{`${t('wo.firstResolution')} · ${t(`wo.sla.${o.sla.firstResolution.status}`)}`}</Tag>}
            <Tag data-testid="waiting-minutes">{t('wo.waitingMinutes', { minutes: o.sla.resolution.requesterWaitingMinutes })}</Tag>
            {o.reopenCount > 0 && <Tag color="orange">{t('wo.reopenCount', { count: o.reopenCount })}</Tag>}
          </Space>
        </Card>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
          <Descriptions.Item label={t('wo.type')}>{localName(o.type.name, o.type.nameEn)} (v{o.type.version})</Descriptions.Item>
          <Descriptions.Item label={t('wo.subject')}>
            <Link to={subjectLink}>{o.subject.title}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('wo.requester')}>{o.requester.name}</Descriptions.Item>
          <Descriptions.Item label={t('wo.assignee')}>{o.assignee?.name ?? t('wo.unassigned')}</Descriptions.Item>
          <Descriptions.Item label={t('wo.queueTeam')}>{o.queue.name}</Descriptions.Item>
          <Descriptions.Item label={t('wo.description')}>{o.description ?? '—'}</Descriptions.Item>
        </Descriptions>
        {moves.length > 0 && (
          <Card size="small">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input placeholder={t('wo.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} data-testid="wo-note" />
              <Space wrap>
                {moves.map((m) => (
                  <Button key={m.status} type={m.primary ? 'primary' : 'default'} loading={change.isPending} onClick={() => change.mutate({ status: m.status, ...(note.trim() ? { note: note.trim() } : {}) })} data-testid={`move-${m.status}`}>
                    {t(m.label)}
                  </Button>
                ))}
              </Space>
            </Space>
          </Card>
        )}
        {isRequester && (o.status === 'resolved' || o.status === 'closed') && (
          <Card size="small" title={o.rating ? t('wo.rated') : t('wo.rate')}>
            <Rate value={o.rating ?? 0} disabled={o.rating !== null} onChange={(rating) => change.mutate({ rating })} data-testid="wo-rate" />
          </Card>
        )}
        {!isRequester && o.rating !== null && <Rate value={o.rating} disabled />}
        <Card size="small" title={t('wo.history')}>
          <Timeline
            items={o.history.map((h) => ({
              children: (
                <span>
                  {t(`wo.status.${h.status as WorkOrderDetail['status']}`)} · {h.actor?.name ?? '—'} · <When at={h.at} />
                  {h.assignee && ` · ${t('wo.assignee')}：${h.assignee.name}`}
                  {h.note && <Typography.Paragraph style={{ margin: 0 }}>{h.note}</Typography.Paragraph>}
                </span>
              ),
            }))}
          />
        </Card>
        {o.escalations.length > 0 && (
          <Card size="small" title={t('wo.escalations')}>
            {o.escalations.map((e) => (
              <Tag key={e.level} color="red">
                {t('wo.level', { level: e.level })} · <When at={e.firedAt} />
              </Tag>
            ))}
          </Card>
        )}
        <Card size="small" title={t('wo.attachments')} data-testid="wo-attachments">
          <AttachmentList entity="work_order" entityId={o.id} />
        </Card>
        <Card size="small" title={t('wo.comments')}>
          <List
            dataSource={o.comments}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta title={<span>{c.author.name} · <When at={c.createdAt} /></span>} description={c.body} />
              </List.Item>
            )}
          />
          <Space.Compact style={{ width: '100%' }}>
            <Input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={5000} data-testid="wo-comment" />
            <Button type="primary" disabled={!comment.trim()} loading={post.isPending} onClick={() => post.mutate()}>
              {t('wo.addComment')}
            </Button>
          </Space.Compact>
        </Card>
      </Space>
    </div>
  );
}
