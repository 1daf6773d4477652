import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Input, Space, Table, Tag } from 'antd';
import type { Attachment } from '../../api/types';
import { When } from '../../components/When';
import { formatBytes } from '../../lib/format';
import { useI18n } from '../../i18n';
import { downloadUrl, listAttachments } from './api';
import { UploadButton } from './UploadButton';
import { queryKeys } from '../../api/queryKeys';

/** Attachments of one record, with an upload of a chosen evidence kind. */
export function AttachmentList({ entity, entityId }: { entity: string; entityId: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [kind, setKind] = useState('other');
  const query = useQuery({ queryKey: queryKeys.attachments(entity, entityId), queryFn: () => listAttachments(entity, entityId) });
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Input addonBefore={t('attachments.kind')} value={kind} onChange={(e) => setKind(e.target.value)} style={{ width: 240 }} />
        <UploadButton
          entity={entity}
          entityId={entityId}
          kind={kind || 'other'}
          onUploaded={() => {
            client.invalidateQueries({ queryKey: queryKeys.attachments(entity, entityId) });
            client.invalidateQueries({ queryKey: queryKeys.record(entity, entityId) });
          }}
        />
      </Space>
      <Table<Attachment>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('attachments.file'), dataIndex: 'filename', render: (name: string, row) => <a href={downloadUrl(row)}>{name}</a> },
          { title: t('attachments.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{k}</Tag> },
          { title: t('attachments.size'), dataIndex: 'size', render: (s: number) => formatBytes(s) },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => <When at={at} /> },
        ]}
      />
    </div>
  );
}
