import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Drawer, Empty, List, Space, Switch, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import type { AppNotification } from '../../api/types';
import { errorMessage } from '../../api/client';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { useInbox, useInboxActions } from './api';

/** Header bell: unread count (polled), a drawer with the newest notifications, links to their records. */
export function InboxBell({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const counter = useInbox(false);
  const inbox = useInbox(unreadOnly);
  const unread = counter.data?.unread ?? 0;
  return (
    <>
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 6]}>
        <Button type="text" icon={<BellOutlined />} onClick={() => setOpen(true)} aria-label={t('inbox.title')} data-testid="inbox-bell" data-unread={unread} />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('inbox.title')}
        width={compact ? '100%' : 420}
        extra={<InboxHeader unread={unread} unreadOnly={unreadOnly} setUnreadOnly={setUnreadOnly} />}
        data-testid="inbox-drawer"
      >
        {inbox.error && <Typography.Text type="danger">{errorMessage(inbox.error)}</Typography.Text>}
        <List<AppNotification>
          loading={inbox.isPending}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} /> }}
          renderItem={(n) => <NotificationItem n={n} onOpen={() => setOpen(false)} />}
        />
      </Drawer>
    </>
  );
}

function InboxHeader({ unread, unreadOnly, setUnreadOnly }: { unread: number; unreadOnly: boolean; setUnreadOnly(v: boolean): void }) {
  const { t } = useI18n();
  const { markAll } = useInboxActions();
  return (
    <Space size={12} wrap>
      <Space size={4}>
        <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} />
        <Typography.Text type="secondary">{t('inbox.onlyUnread')}</Typography.Text>
      </Space>
      <Button size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="inbox-read-all">
        {t('inbox.readAll')}
      </Button>
    </Space>
  );
}

function NotificationItem({ n, onOpen }: { n: AppNotification; onOpen(): void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { markRead } = useInboxActions();
  const title = lang === 'en' && n.titleEn ? n.titleEn : n.title;
  const body = lang === 'en' && n.bodyEn ? n.bodyEn : n.body;
  const unread = !n.readAt;
  const open = () => {
    if (unread) markRead.mutate(n.id);
    // Notifications carry app paths; an absolute link (from an older template) is opened as it is.
    if (n.link?.startsWith('/')) navigate(n.link);
    else if (n.link) window.open(n.link, '_blank', 'noopener');
    onOpen();
  };
  return (
    <List.Item
      data-testid="inbox-item"
      data-read={unread ? '0' : '1'}
      style={{ alignItems: 'flex-start', background: unread ? '#f0f7ff' : undefined, padding: '10px 8px' }}
      actions={
        unread
          ? [<Button key="read" size="small" type="text" icon={<CheckOutlined />} onClick={() => markRead.mutate(n.id)} aria-label={t('inbox.markRead')} title={t('inbox.markRead')} />]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space size={6}>
            {unread && <Badge status="processing" />}
            {n.link ? <a onClick={open}>{title}</a> : <span>{title}</span>}
          </Space>
        }
        description={
          <div>
            {body && <div style={{ whiteSpace: 'pre-wrap', color: '#555' }}>{body}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <When at={n.createdAt} />
            </Typography.Text>
          </div>
        }
      />
    </List.Item>
  );
}
