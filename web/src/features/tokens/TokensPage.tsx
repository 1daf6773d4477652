import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { api, errorMessage, type Page } from '../../api/client';
import type { ApiToken, PostAnswer } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { queryKeys } from '../../api/queryKeys';

/** Personal API tokens: same scope as their owner, secret shown once, revocable. */
export function TokensPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const query = useQuery({ queryKey: queryKeys.tokens(), queryFn: () => api.get<Page<ApiToken>>('/api/tokens') });
  const create = useMutation({
    mutationFn: () => api.post<PostAnswer<'/api/tokens'>>('/api/tokens', { name }),
    onSuccess: (res) => {
      setSecret(res.token);
      setName('');
      client.invalidateQueries({ queryKey: queryKeys.tokens() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens() }),
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <div>
      <PageTitle title={t('tokens.title')} />
      <Space.Compact style={{ marginBottom: 12, maxWidth: 420, width: '100%' }}>
        <Input placeholder={t('tokens.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        <Button type="primary" disabled={!name.trim()} loading={create.isPending} onClick={() => create.mutate()}>
          {t('tokens.new')}
        </Button>
      </Space.Compact>
      {secret && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 12 }}
          message={t('tokens.secretOnce')}
          description={<Typography.Text code copyable>{secret}</Typography.Text>}
        />
      )}
      <Table<ApiToken>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => <When at={at} /> },
          { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: (at: string | null) => <When at={at} /> },
          { title: t('tokens.expires'), dataIndex: 'expiresAt', render: (at: string | null) => <When at={at} /> },
          { title: t('deals.status'), dataIndex: 'revokedAt', render: (r: string | null) => (r ? <Tag>{t('tokens.revoked')}</Tag> : <Tag color="green">{t('tokens.active')}</Tag>) },
          {
            title: t('common.actions'),
            render: (_, tok) =>
              !tok.revokedAt && (
                <Popconfirm title={t('common.confirm')} onConfirm={() => revoke.mutate(tok.id)}>
                  <Button size="small" danger>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
