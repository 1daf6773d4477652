/** The historical deals behind a pattern (its evidence, one click from every flag and pattern row). */
import { useState } from 'react';
import { Link } from 'react-router';
import { Drawer, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime, formatFen } from '../../lib/format';
import { usePatternDeals, type PatternDeals } from './api';

export interface DrillPattern {
  id: string;
  description: string;
  evidence: string;
}

export function PatternDealsDrawer({ pattern, onClose }: { pattern: DrillPattern | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const deals = usePatternDeals(pattern?.id ?? null, page);
  const showAmount = deals.data?.items.some((i) => i.amountFen !== undefined) ?? false;
  return (
    <Drawer
      open={!!pattern}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={Math.min(1000, window.innerWidth)}
      title={pattern?.description}
      data-testid="pattern-deals"
    >
      <Typography.Paragraph>{pattern?.evidence}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="pattern-deals-total">
        {t('predict.drillTotal', { n: deals.data?.total ?? 0, support: deals.data?.support ?? 0 })}
      </Typography.Paragraph>
      <Table<PatternDeals['items'][number]>
        size="small"
        rowKey="id"
        loading={deals.isFetching}
        dataSource={deals.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: deals.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('predict.col.deal'), render: (_, r) => <Link to={`/deals/${r.id}`}>{r.title}</Link> },
          { title: t('predict.col.customer'), render: (_, r) => r.customer.name },
          { title: t('predict.col.owner'), render: (_, r) => r.owner?.name },
          ...(showAmount ? [{ title: t('predict.col.amount'), render: (_: unknown, r: PatternDeals['items'][number]) => formatFen(r.amountFen ?? null) }] : []),
          { title: t('predict.col.outcome'), render: (_, r) => <Tag color={r.outcome === 'lost' ? 'red' : 'green'}>{t(r.outcome === 'lost' ? 'predict.lost' : 'predict.won')}</Tag> },
          { title: t('predict.col.matchedAt'), render: (_, r) => formatDateTime(r.matchedAt, lang) },
          { title: t('predict.col.closedAt'), render: (_, r) => formatDateTime(r.closedAt, lang) },
        ]}
      />
    </Drawer>
  );
}
