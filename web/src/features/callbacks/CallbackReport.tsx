import { Link } from 'react-router';
import { Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { useCallbackReport, type CallbackReportRow } from './api';

/** Per seller: drawn, confirmed, not confirmed (flagged, with the customers), unreachable, still open. */
export function CallbackReport({ month }: { month?: string }) {
  const { t } = useI18n();
  const report = useCallbackReport(month);
  if (report.error) return <Typography.Text type="danger">{errorMessage(report.error)}</Typography.Text>;
  return (
    <Table<CallbackReportRow>
      size="small"
      rowKey={(r) => r.seller.id}
      loading={report.isPending}
      dataSource={report.data?.items ?? []}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        { title: t('callback.seller'), render: (_, r) => r.seller.name },
        { title: t('callback.col.drawn'), dataIndex: 'drawn' },
        { title: t('callback.result.confirmed'), dataIndex: 'confirmed' },
        { title: t('callback.result.not_confirmed'), render: (_, r) => (r.notConfirmed > 0 ? <Tag color="red" data-testid={`callback-flagged-${r.seller.id}`}>{r.notConfirmed}</Tag> : 0) },
        { title: t('callback.result.unreachable'), dataIndex: 'unreachable' },
        { title: t('callback.col.open'), dataIndex: 'open' },
        {
          title: t('callback.col.flagged'),
          render: (_, r) => (
            <Space wrap>
              {r.flagged.map((f) => (
                <Link key={f.itemId} to={`/customers/${f.customer.id}`}>
                  {f.customer.name} ({f.month}, {t('callback.visits', { n: f.visitIds.length })})
                </Link>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
