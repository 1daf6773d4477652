import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Empty, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { When } from '../../components/When';
import { useI18n, type Translate } from '../../i18n';
import { useMaterialLink, useMaterialLinks, type MaterialLink } from './api';
import { ShareMaterialButton } from './ShareMaterialButton';

const DEVICES = ['mobile', 'tablet', 'desktop', 'other'] as const;
type Device = (typeof DEVICES)[number];
const STATUS_COLOUR = { active: 'green', expired: 'default', revoked: 'red' } as const;

export const linkStatus = (t: Translate, link: Pick<MaterialLink, 'status'>) => <Tag color={STATUS_COLOUR[link.status]}>{t(`material.status.${link.status}`)}</Tag>;

/** "客户已打开方案 2 次，最近 12-03 10:14" or "未打开" — the sentence the server words, in the reader's language. */
export function OpenSummary({ link }: { link: MaterialLink }) {
  const { lang } = useI18n();
  return (
    <Typography.Text type={link.opens > 0 ? 'success' : 'secondary'} data-testid={`material-summary-${link.id}`}>
      {lang === 'en' ? link.summary.en : link.summary.zh}
    </Typography.Text>
  );
}

/** A customer's tracked links: who opened what, when, for how long; revoke one that should stop opening. */
export function MaterialLinks({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const links = useMaterialLinks(customerId);
  const [detailId, setDetailId] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => api.post(`/api/material-links/${id}/revoke`, {}),
    onSuccess: () => {
      message.success(t('material.revoked'));
      client.invalidateQueries({ queryKey: queryKeys.materialLinks() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (links.error) return <Typography.Text type="danger">{errorMessage(links.error)}</Typography.Text>;
  const items = links.data?.items ?? [];
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <ShareMaterialButton customerId={customerId} />
      </Space>
      {!links.isPending && items.length === 0 ? (
        <Empty description={t('material.none')} />
      ) : (
        <List
          loading={links.isPending}
          dataSource={items}
          renderItem={(link) => (
            <List.Item
              data-testid={`material-link-${link.id}`}
              actions={[
                <Button key="opens" type="link" size="small" onClick={() => setDetailId(link.id)} data-testid={`material-opens-${link.id}`}>
                  {t('material.opens')}
                </Button>,
                link.status === 'active' ? (
                  <Popconfirm key="revoke" title={t('material.revokeConfirm')} onConfirm={() => revoke.mutate(link.id)}>
                    <Button type="link" size="small" danger data-testid={`material-revoke-${link.id}`}>
                      {t('material.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {link.title}
                    {linkStatus(t, link)}
                  </Space>
                }
                description={
                  <Space direction="vertical" size={0}>
                    <OpenSummary link={link} />
                    <Typography.Text type="secondary">
                      {t('material.sentAt')} <When at={link.createdAt} /> · {t('material.expiresAt')} <When at={link.expiresAt} />
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      <OpensDrawer id={detailId} onClose={() => setDetailId(null)} />
    </div>
  );
}

function OpensDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useMaterialLink(id);
  const link = detail.data;
  return (
    <Drawer open={!!id} onClose={onClose} title={link?.title ?? t('material.opens')} width={Math.min(520, window.innerWidth)} destroyOnHidden>
      {link && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <OpenSummary link={link} />
          <Table
            size="small"
            rowKey={(r) => r.at}
            pagination={false}
            dataSource={link.openings}
            locale={{ emptyText: t('material.notOpened') }}
            columns={[
              { title: t('material.openedAt'), dataIndex: 'at', render: (at: string) => <When at={at} /> },
              { title: t('material.device'), dataIndex: 'device', render: (d: string) => (DEVICES.includes(d as Device) ? t(`material.device.${d as Device}`) : d) },
              { title: t('material.seconds'), dataIndex: 'secondsOnPage', render: (s: number | null) => (s === null ? '—' : `${s}s`) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
