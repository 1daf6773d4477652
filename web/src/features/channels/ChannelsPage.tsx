import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, RedoOutlined, SendOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import type { Channel, OutboxItem } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { SECRET_FIELDS, useChannels, useDeadLetters, useTeams } from './api';
import { ChannelFormModal } from './ChannelFormModal';
import { ChannelTestModal } from './ChannelTestModal';
import { queryKeys } from '../../api/queryKeys';

/** Admin: robots / e-mail / SMS channels per team, a test button, and the dead-letter list with retry. */
export function ChannelsPage() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Channel | null | 'new'>(null);
  const [testing, setTesting] = useState<Channel | null>(null);
  const dead = useDeadLetters(1);
  return (
    <div>
      <PageTitle
        title={t('channels.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="channel-new">
            {t('channels.new')}
          </Button>
        }
      />
      <Tabs
        items={[
          { key: 'channels', label: t('channels.title'), children: <ChannelTable onEdit={setEditing} onTest={setTesting} /> },
          { key: 'dead', label: `${t('outbox.dead')} (${dead.data?.total ?? 0})`, children: <DeadLetters /> },
        ]}
      />
      <ChannelFormModal open={editing !== null} channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <ChannelTestModal channel={testing} onClose={() => setTesting(null)} />
    </div>
  );
}

function ChannelTable({ onEdit, onTest }: { onEdit(c: Channel): void; onTest(c: Channel): void }) {
  const { t } = useI18n();
  const channels = useChannels();
  const teams = useTeams();
  const teamName = (id: string | null) => (id ? (teams.data?.items.find((tm) => tm.id === id)?.name ?? id) : t('channels.allTeams'));
  if (channels.error) return <Typography.Text type="danger">{errorMessage(channels.error)}</Typography.Text>;
  return (
    <Table<Channel>
      rowKey="id"
      size="small"
      loading={channels.isPending}
      dataSource={channels.data?.items ?? []}
      pagination={false}
      scroll={{ x: 760 }}
      onRow={(c) => ({ 'data-testid': 'channel-row', 'data-channel-id': c.id }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'name', title: t('common.name'), dataIndex: 'name' },
        { key: 'kind', title: t('channels.kind'), dataIndex: 'kind', render: (k: Channel['kind']) => <Tag>{t(`channels.kind.${k}`)}</Tag> },
        { key: 'team', title: t('channels.team'), render: (_, c) => teamName(c.teamId) },
        {
          key: 'secrets',
          title: t('channels.secrets'),
          render: (_, c) => (
            <Space size={4} wrap>
              {SECRET_FIELDS[c.kind].map((f) => (
                <Tag key={f} color={c.secretFields.includes(f) ? 'green' : 'default'}>
                  {f}: {c.secretFields.includes(f) ? t('channels.secretSet') : t('channels.secretNotSet')}
                </Tag>
              ))}
            </Space>
          ),
        },
        { key: 'enabled', title: t('channels.enabled'), dataIndex: 'enabled', render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, c) => (
            <Space>
              <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(c)}>
                {t('common.edit')}
              </Button>
              <Button size="small" icon={<SendOutlined />} onClick={() => onTest(c)} data-testid="channel-test">
                {t('channels.test')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

function DeadLetters() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const dead = useDeadLetters(page);
  const retry = useMutation({
    mutationFn: (id: string) => api.post<OutboxItem>(`/api/outbox/${id}/retry`),
    onSuccess: () => {
      message.success(t('outbox.retried'));
      client.invalidateQueries({ queryKey: queryKeys.outbox() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (dead.error) return <Typography.Text type="danger">{errorMessage(dead.error)}</Typography.Text>;
  return (
    <Table<OutboxItem>
      rowKey="id"
      size="small"
      loading={dead.isPending}
      dataSource={dead.data?.items ?? []}
      scroll={{ x: 900 }}
      pagination={{ current: page, pageSize: 50, total: dead.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { n }) }}
      columns={[
        { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => <When at={at} /> },
        { key: 'channel', title: t('outbox.channel'), render: (_, o) => <span>{o.channel?.name ?? '—'} <Tag>{o.kind}</Tag></span> },
        { key: 'recipient', title: t('outbox.recipient'), dataIndex: 'recipient', render: (v: string | null) => v ?? '—' },
        { key: 'title', title: t('outbox.messageTitle'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
        { key: 'attempts', title: t('outbox.attempts'), dataIndex: 'attempts' },
        { key: 'lastError', title: t('outbox.lastError'), dataIndex: 'lastError', render: (v: string | null) => <Typography.Text type="danger" style={{ wordBreak: 'break-all' }}>{v ?? ''}</Typography.Text> },
        {
          key: 'retry',
          title: t('common.actions'),
          render: (_, o) => (
            <Button size="small" icon={<RedoOutlined />} loading={retry.isPending && retry.variables === o.id} onClick={() => retry.mutate(o.id)} data-testid="outbox-retry">
              {t('outbox.retry')}
            </Button>
          ),
        },
      ]}
    />
  );
}
