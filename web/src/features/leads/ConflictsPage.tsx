import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Empty, Input, List, Space, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useConflicts, useResolveConflict, type Conflict } from './api';

/** Managers' queue of ownership conflicts (归属冲突): keep, transfer or merge. */
export function ConflictsPage() {
  const { t } = useI18n();
  const conflicts = useConflicts();
  const items = conflicts.data?.items ?? [];
  return (
    <div>
      <PageTitle title={t('conflict.title')} />
      {!conflicts.isPending && items.length === 0 ? <Empty description={t('conflict.empty')} /> : <List loading={conflicts.isPending} dataSource={items} renderItem={(c) => <ConflictRow conflict={c} />} />}
    </div>
  );
}

function ConflictRow({ conflict: c }: { conflict: Conflict }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const resolve = useResolveConflict();
  const act = (action: 'keep' | 'transfer' | 'merge') =>
    resolve.mutate(
      { id: c.id, action, note, ...(action === 'merge' ? { mergeInto: c.customer.id } : {}) },
      { onSuccess: () => message.success(t('conflict.resolved')), onError: (e) => message.error(errorMessage(e)) },
    );
  return (
    <List.Item>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>
          <Link to={`/customers/${c.customer.id}`}>{c.customer.name}</Link>
          {c.duplicate && ` ⇐ ${c.duplicate.name}`}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('conflict.owner')}: {c.owner.name} · {t('conflict.requester')}: {c.requester.name} · {new Date(c.createdAt).toLocaleString()}
        </Typography.Text>
        <Typography.Text>
          {t('conflict.reason')}: {c.reason}
        </Typography.Text>
        <Input placeholder={t('conflict.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
        <Space wrap>
          <Button loading={resolve.isPending} onClick={() => act('keep')}>{t('conflict.keep')}</Button>
          <Button loading={resolve.isPending} type="primary" onClick={() => act('transfer')}>{t('conflict.transfer')}</Button>
          {c.duplicate && (
            <Button loading={resolve.isPending} title={t('conflict.mergeHint')} onClick={() => act('merge')}>
              {t('conflict.merge')}
            </Button>
          )}
        </Space>
      </Space>
    </List.Item>
  );
}
