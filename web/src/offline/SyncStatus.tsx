import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Popover, Space, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';
import { dismiss, QUEUE_EVENT, queuedWrites, replay, type QueuedWrite } from './queue';

/**
 * The header's "待同步" badge: writes kept on this device, replayed when the connection returns (and every 30 s
 * while some wait); conflicts are listed with their reason until the user dismisses them.
 */
export function SyncStatus() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [writes, setWrites] = useState<QueuedWrite[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    let alive = true;
    const refresh = () => void queuedWrites().then((w) => alive && setWrites(w));
    const sync = () => {
      if (!navigator.onLine) return;
      void replay().then((r) => {
        if (r.synced > 0) client.invalidateQueries();
      });
    };
    const goOnline = () => {
      setOnline(true);
      sync();
    };
    const goOffline = () => setOnline(false);
    refresh();
    sync();
    window.addEventListener(QUEUE_EVENT, refresh);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    const timer = window.setInterval(sync, 30_000);
    return () => {
      alive = false;
      window.removeEventListener(QUEUE_EVENT, refresh);
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.clearInterval(timer);
    };
  }, [client]);

  const pending = writes.filter((w) => w.status === 'pending');
  const conflicts = writes.filter((w) => w.status === 'conflict');
  if (online && writes.length === 0) return null;
  const list = (
    <Space direction="vertical" style={{ maxWidth: 300 }}>
      {writes.map((w) => (
        <div key={w.key} data-testid="sync-item">
          <Tag color={w.status === 'pending' ? 'orange' : 'red'}>{w.status === 'pending' ? t('fieldlog.pendingItem') : t('fieldlog.conflict', { detail: '' })}</Tag>
          <Typography.Text>{w.label}</Typography.Text>
          {w.error && <Typography.Paragraph type="danger" style={{ margin: 0 }}>{w.error}</Typography.Paragraph>}
          {w.status === 'conflict' && (
            <Button size="small" type="link" onClick={() => void dismiss(w.key)}>
              ×
            </Button>
          )}
        </div>
      ))}
    </Space>
  );
  return (
    <Popover content={list} trigger="click">
      <Space size={4} style={{ cursor: 'pointer' }}>
        {!online && <Tag data-testid="sync-offline">{t('fieldlog.offline')}</Tag>}
        {pending.length > 0 && <Tag color="orange" data-testid="sync-pending">{t('fieldlog.pending', { count: pending.length })}</Tag>}
        {conflicts.length > 0 && <Tag color="red" data-testid="sync-conflicts">{t('fieldlog.conflict', { detail: String(conflicts.length) })}</Tag>}
      </Space>
    </Popover>
  );
}
