import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Input, Select, Space, Table, Tag } from 'antd';
import type { Attachment } from '../../api/types';
import { When } from '../../components/When';
import { formatBytes } from '../../lib/format';
import { useI18n } from '../../i18n';
import { downloadUrl, listAttachments } from './api';
import { UploadButton } from './UploadButton';
import { queryKeys } from '../../api/queryKeys';

export interface EvidenceKind {
  kind: string;
  label: string;
}

/**
 * Attachments of one record, with an upload of a chosen evidence kind. With `kinds` (the evidence a pipeline's gates
 * ask for) the kind is picked by its label and shown by it, never as an internal key like `competitor_comparison`.
 */
export function AttachmentList({ entity, entityId, kinds }: { entity: string; entityId: string; kinds?: EvidenceKind[] }) {
  const { t } = useI18n();
  const labelOf = (k: string) => kinds?.find((x) => x.kind === k)?.label ?? (k === 'other' ? t('attachments.otherKind') : k);
  const client = useQueryClient();
  const [kind, setKind] = useState('other');
  const query = useQuery({ queryKey: queryKeys.attachments(entity, entityId), queryFn: () => listAttachments(entity, entityId) });
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        {kinds?.length ? (
          <Select
            data-testid="attachment-kind"
            style={{ minWidth: 200 }}
            value={kind}
            onChange={setKind}
            options={[...kinds.map((k) => ({ value: k.kind, label: k.label })), { value: 'other', label: t('attachments.otherKind') }]}
          />
        ) : (
          <Input addonBefore={t('attachments.kind')} value={kind} onChange={(e) => setKind(e.target.value)} style={{ width: 240 }} />
        )}
        <UploadButton
          entity={entity}
          entityId={entityId}
          kind={kind || 'other'}
          onUploaded={() => {
            client.invalidateQueries({ queryKey: queryKeys.attachments(entity, entityId) });
            // The record's evidence counts (gate status) come from the record itself: refetch it too.
            client.invalidateQueries({ queryKey: queryKeys.record(entity, entityId) });
            client.invalidateQueries({ queryKey: queryKeys.board() });
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
          { title: t('attachments.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{labelOf(k)}</Tag> },
          { title: t('attachments.size'), dataIndex: 'size', render: (s: number) => formatBytes(s) },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => <When at={at} /> },
        ]}
      />
    </div>
  );
}
