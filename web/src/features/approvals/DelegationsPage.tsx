import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n, type MessageKey } from '../../i18n';
import { UserSelect } from '../forms/UserSelect';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import type { ApprovalDelegation } from './api';
import type { GetAnswer } from '../../api/types';

/** Where a delegation stands on `today` (org dates, inclusive range). */
export function delegationState(d: Pick<ApprovalDelegation, 'startsOn' | 'endsOn' | 'revokedAt'>, today: string): 'active' | 'upcoming' | 'ended' | 'revoked' {
  if (d.revokedAt) return 'revoked';
  if (today < d.startsOn) return 'upcoming';
  return today > d.endsOn ? 'ended' : 'active';
}

const COLOUR = { active: 'green', upcoming: 'blue', ended: 'default', revoked: 'default' } as const;

/**
 * Delegation (委托审批): an approver lets a colleague decide in their name between two dates; the list shows what I
 * gave and what I received, and a delegation in force or ahead can be ended now (pending items return to me).
 */
export function DelegationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useAuth();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: queryKeys.approvalRoutes('delegations'), queryFn: () => api.get<GetAnswer<'/api/approval-delegations'>>('/api/approval-delegations') });
  const refresh = () => {
    client.invalidateQueries({ queryKey: queryKeys.approvalRoutes('delegations') });
    client.invalidateQueries({ queryKey: queryKeys.approvals() });
  };
  const create = useMutation({
    mutationFn: (v: { toUserId: string; range: [Dayjs, Dayjs]; note?: string }) =>
      api.post<ApprovalDelegation>('/api/approval-delegations', { toUserId: v.toUserId, startsOn: v.range[0].format('YYYY-MM-DD'), endsOn: v.range[1].format('YYYY-MM-DD'), note: v.note || undefined }),
    onSuccess: () => {
      message.success(t('approvals.delegations.created'));
      form.resetFields();
      refresh();
    },
  });
  const errors = useFormErrors(create.error, { form, resolve: fieldResolver(['toUserId', 'note'], [], { startsOn: 'range', endsOn: 'range' }) });
  async function end(id: string) {
    try {
      await api.post(`/api/approval-delegations/${id}/revoke`);
      message.success(t('approvals.delegations.endedNow'));
      refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  }
  // The browser's date stands in for the org's; the server decides what is in force.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return (
    <div>
      <PageTitle title={t('approvals.delegations.title')} />
      <Typography.Paragraph type="secondary">{t('approvals.delegations.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }} data-testid="delegation-form">
        <Form.Item name="toUserId" label={t('approvals.delegations.to')} rules={[{ required: true }]} style={{ minWidth: 260 }}>
          <UserSelect testId="delegation-to" />
        </Form.Item>
        <Form.Item name="range" label={t('approvals.delegations.range')} rules={[{ required: true }]}>
          <DatePicker.RangePicker data-testid="delegation-range" />
        </Form.Item>
        <Form.Item name="note" label={t('approvals.delegations.note')}>
          <Input maxLength={500} style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="delegation-create">
          {t('approvals.delegations.new')}
        </Button>
        {errors.leftover.length > 0 && <Typography.Text type="danger">{errors.leftover.map((e) => e.text).join('；')}</Typography.Text>}
      </Form>
      <Table<ApprovalDelegation>
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="delegations"
        columns={[
          { key: 'dir', title: '', render: (_, d) => (d.from.id === me?.id ? t('approvals.delegations.mine') : t('approvals.delegations.received')) },
          { key: 'who', title: t('approvals.delegations.from'), render: (_, d) => `${d.to.name} 代 ${d.from.name} 审批` },
          { key: 'range', title: t('approvals.delegations.range'), render: (_, d) => `${d.startsOn} ~ ${d.endsOn}` },
          { key: 'note', title: t('approvals.delegations.note'), render: (_, d) => d.note ?? '' },
          {
            key: 'state',
            title: t('approvals.delegations.status'),
            render: (_, d) => {
              const state = delegationState(d, today);
              return <Tag color={COLOUR[state]}>{t(`approvals.delegations.${state}` as MessageKey)}</Tag>;
            },
          },
          {
            key: 'end',
            title: '',
            render: (_, d) =>
              d.from.id === me?.id && ['active', 'upcoming'].includes(delegationState(d, today)) ? (
                <Button size="small" onClick={() => end(d.id)} data-testid="delegation-end">
                  {t('approvals.delegations.end')}
                </Button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
