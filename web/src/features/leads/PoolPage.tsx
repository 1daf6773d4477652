import { useState } from 'react';
import { App, Button, Input, List, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useIsPhone } from '../../lib/useIsPhone';
import { useClaim, usePool, type PoolItem } from './api';

/**
 * The pool (公海) of my team subtree: sellers and managers claim customers within their limits. On a phone it is a
 * card list with the claim button on each card: the table's last column sat off-screen at 375 px.
 */
export function PoolPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const pool = usePool(q);
  const claim = useClaim();
  const limits = pool.data?.limits;
  const claimButton = (r: PoolItem) => (
    <Button
      size="small"
      type="primary"
      data-testid="pool-claim"
      loading={claim.isPending && claim.variables === r.customerId}
      onClick={() => claim.mutate(r.customerId, { onSuccess: () => message.success(t('pool.claimed')), onError: (e) => message.error(errorMessage(e)) })}
    >
      {t('pool.claim')}
    </Button>
  );
  return (
    <div>
      <PageTitle title={t('pool.title')} extra={<Input.Search allowClear style={{ maxWidth: 240 }} onSearch={setQ} />} />
      {limits && (
        <Typography.Paragraph type="secondary">
          {t('pool.limits', { today: limits.claimsToday, perDay: limits.claimsPerDay, held: limits.held, maxHeld: limits.maxHeld })}
        </Typography.Paragraph>
      )}
      {isPhone ? (
        <List<PoolItem>
          loading={pool.isPending}
          dataSource={pool.data?.items ?? []}
          locale={{ emptyText: t('pool.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
          data-testid="pool-cards"
          renderItem={(r) => (
            <List.Item actions={[claimButton(r)]}>
              <List.Item.Meta
                title={
                  <>
                    {r.name} {r.level && <Tag>{r.level}</Tag>}
                  </>
                }
                description={[r.phoneMasked, `${r.formerOwner.name} · ${r.team.name}`, r.reason, formatDateTime(r.pooledAt, lang)].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<PoolItem>
          size="small"
          rowKey="customerId"
          loading={pool.isPending}
          dataSource={pool.data?.items ?? []}
          locale={{ emptyText: t('pool.empty') }}
          scroll={{ x: 720 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('conflict.customer'), render: (_, r) => <>{r.name} {r.level && <Tag>{r.level}</Tag>}</> },
            { title: t('customers.phone'), dataIndex: 'phoneMasked' },
            { title: t('pool.formerOwner'), render: (_, r) => `${r.formerOwner.name} · ${r.team.name}` },
            { title: t('pool.reason'), dataIndex: 'reason' },
            { title: t('pool.pooledAt'), render: (_, r) => formatDateTime(r.pooledAt, lang) },
            { title: '', fixed: 'right', render: (_, r) => claimButton(r) },
          ]}
        />
      )}
    </div>
  );
}
