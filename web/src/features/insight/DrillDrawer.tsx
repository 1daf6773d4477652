import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Drawer, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { formatDateTime, formatFen } from '../../lib/format';
import { exportUrl, useDrill, useSnapshotAsOf, type DrillItem, type Filters } from './api';

export interface DrillTarget {
  metric: string;
  cell: string;
  title: string;
}

/** The records behind one number: the same query as the figure, with the export of exactly these rows. */
export function DrillDrawer({ target, filters, onClose }: { target: DrillTarget | null; filters: Filters; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const asOf = useSnapshotAsOf(target?.metric ?? null, filters);
  const drill = useDrill(target?.metric ?? null, target?.cell ?? null, filters, page, asOf);
  const showAmount = drill.data?.items.some((i) => i.amountFen !== undefined) ?? false;
  return (
    <Drawer
      open={!!target}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={Math.min(1100, window.innerWidth)}
      title={target?.title}
      extra={
        target && (
          <Button icon={<DownloadOutlined />} href={exportUrl(target.metric, filters, target.cell, asOf)} data-testid="drill-export">
            {t('insight.exportDrill')}
          </Button>
        )
      }
    >
      <Typography.Paragraph data-testid="drill-total">{t('insight.drill', { n: drill.data?.total ?? 0 })}</Typography.Paragraph>
      <Table<DrillItem>
        data-testid="drill-table"
        size="small"
        rowKey={(r) => `${r.kind}:${r.recordId}:${JSON.stringify(r.dims)}`}
        loading={drill.isFetching}
        dataSource={drill.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: drill.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('insight.col.title'), render: (_, r) => (r.link ? <Link to={r.link}>{r.title || r.recordId}</Link> : r.title) },
          { title: t('insight.col.customer'), render: (_, r) => r.customer?.name },
          { title: t('insight.col.owner'), render: (_, r) => r.owner?.name },
          { title: t('insight.col.stage'), render: (_, r) => (r.stage ? (lang === 'en' ? r.stage.nameEn : r.stage.name) : '') },
          ...(showAmount ? [{ title: t('insight.col.amount'), render: (_: unknown, r: DrillItem) => formatFen(r.amountFen ?? null) }] : []),
          { title: t('insight.col.days'), dataIndex: 'daysInStage' },
          { title: t('insight.col.last'), render: (_, r) => formatDateTime(r.lastEffectiveAt, lang) },
          { title: t('insight.col.detail'), render: (_, r) => r.detail ?? formatDateTime(r.at, lang) },
        ]}
      />
    </Drawer>
  );
}
