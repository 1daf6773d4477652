import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { api, errorMessage, type Page } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { queryKeys } from '../../api/queryKeys';

/** Read-only audit trail of one record: who, when, which fields changed from what to what. */
export function AuditTable({ entity, id }: { entity: string; id: string }) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: queryKeys.audit(entity, id), queryFn: () => api.get<Page<AuditEntry>>('/api/audit', { entity, id }) });
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      loading={query.isPending}
      dataSource={query.data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: true }}
      columns={[
        { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => <When at={at} /> },
        { title: t('audit.actor'), dataIndex: 'actor', width: 110, render: (a: AuditEntry['actor']) => a?.name ?? '—' },
        { title: t('audit.action'), dataIndex: 'action', width: 90, render: (a: string) => <Tag>{a}</Tag> },
        { title: t('audit.changes'), key: 'changes', render: (_, row) => <Changes before={row.before} after={row.after} /> },
      ]}
    />
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return <span>—</span>;
  return (
    <div style={{ fontSize: 12 }}>
      {keys.slice(0, 12).map((k) => (
        <div key={k}>
          <Typography.Text code>{k}</Typography.Text>{' '}
          {k in b && <Typography.Text delete type="secondary">{show(b[k])}</Typography.Text>} {k in a && <span>→ {show(a[k])}</span>}
        </div>
      ))}
    </div>
  );
}
