import { Link } from 'react-router';
import { Button, Drawer, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { ageingExportUrl, useAgeingDrill, type AgeingDrillRows, type AgeingFigure, type AgeingInstalment, type CollectedPayment, type DsoSale } from './api';

type Row = AgeingInstalment | CollectedPayment | DsoSale;
const fenOf = (rows: AgeingDrillRows | undefined, r: Row) => (rows?.kind === 'instalments' ? (r as AgeingInstalment).outstandingFen : (r as CollectedPayment | DsoSale).amountFen) ?? 0;

/**
 * The records behind one ageing figure (figure = drill-down = export), as the dashboards' DrillDrawer does for the
 * insight cards: the same selector as the figure, a sum line equal to the figure, and the .xlsx of exactly these rows.
 */
export function AgeingDrillDrawer({ asOf, figure, onClose }: { asOf: string; figure: AgeingFigure | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const drill = useAgeingDrill(asOf, figure);
  const rows = drill.data;
  const items: Row[] = rows?.items ?? [];
  const sum = items.reduce((s, r) => s + fenOf(rows, r), 0);
  const contractNo = (r: Row) => <Link to={`/contracts/${r.contract.id}`}>{'seq' in r ? `${r.contract.number} · ${t('money.seqN', { n: r.seq })}` : r.contract.number}</Link>;
  const amount = { title: rows?.kind === 'instalments' ? t('money.outstanding') : t('money.contractAmount'), key: 'fen', align: 'right' as const, render: (_: unknown, r: Row) => <Money fen={fenOf(rows, r)} /> };
  const columns: TableColumnsType<Row> =
    rows?.kind === 'collected'
      ? [
          { title: t('money.receivedOn'), key: 'on', render: (_, r) => formatDate((r as CollectedPayment).receivedOn, lang) },
          { title: t('money.contractNo'), key: 'no', render: (_, r) => contractNo(r) },
          { title: t('money.customer'), key: 'customer', render: (_, r) => r.customer.name },
          { title: t('money.seller'), key: 'seller', render: (_, r) => (r as CollectedPayment).seller.name },
          { title: t('money.method'), key: 'method', render: (_, r) => t(`money.method.${(r as CollectedPayment).method}` as 'money.method.wire') },
          { title: t('money.reference'), key: 'ref', render: (_, r) => (r as CollectedPayment).reference ?? '' },
          { title: t('money.drill.kind'), key: 'kind', render: (_, r) => ((r as CollectedPayment).kind === 'reversal' ? t('money.drill.reversal') : t('money.drill.payment')) },
          { ...amount, title: t('money.drill.received') },
        ]
      : rows?.kind === 'sales'
        ? [
            { title: t('money.signedAt'), key: 'signed', render: (_, r) => formatDate((r as DsoSale).signedAt, lang) },
            { title: t('money.contractNo'), key: 'no', render: (_, r) => contractNo(r) },
            { title: t('money.customer'), key: 'customer', render: (_, r) => r.customer.name },
            { title: t('money.seller'), key: 'owner', render: (_, r) => (r as DsoSale).owner.name },
            { title: t('money.team'), key: 'team', render: (_, r) => r.team.name },
            amount,
          ]
        : [
            { title: t('money.contractNo'), key: 'no', render: (_, r) => contractNo(r) },
            { title: t('money.customer'), key: 'customer', render: (_, r) => r.customer.name },
            { title: t('money.seller'), key: 'owner', render: (_, r) => (r as AgeingInstalment).owner.name },
            { title: t('money.dueDate'), key: 'due', render: (_, r) => formatDate((r as AgeingInstalment).dueDate, lang) },
            { title: t('money.effectiveDueDate'), key: 'eff', render: (_, r) => formatDate((r as AgeingInstalment).effectiveDueDate, lang) },
            { title: t('money.drill.bucket'), key: 'bucket', render: (_, r) => t(`money.bucket.${(r as AgeingInstalment).bucket}`) },
            amount,
          ];
  const contracts = new Set(items.map((r) => r.contract.id)).size;
  return (
    <Drawer
      open={!!figure}
      onClose={onClose}
      width={Math.min(1100, window.innerWidth)}
      title={figure?.title}
      destroyOnHidden
      extra={
        figure && (
          <Button icon={<DownloadOutlined />} href={ageingExportUrl(asOf, figure)} data-testid="ageing-drill-export">
            {t('money.export')}
          </Button>
        )
      }
    >
      {drill.error ? (
        <Typography.Text type="danger">{errorMessage(drill.error)}</Typography.Text>
      ) : (
        rows && (
          <Typography.Paragraph data-testid="ageing-drill-sum" data-fen={sum} data-count={items.length} data-contracts={contracts}>
            {t(rows.kind === 'instalments' ? 'money.drill.sumInstalments' : rows.kind === 'collected' ? 'money.drill.sumPayments' : 'money.drill.sumSales', { n: items.length, contracts })}
            <Typography.Text strong>
              <Money fen={sum} />
            </Typography.Text>
          </Typography.Paragraph>
        )
      )}
      <Table<Row>
        data-testid="ageing-drill-table"
        size="small"
        rowKey={(r) => ('id' in r ? r.id : r.contract.id)}
        loading={drill.isFetching}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: true }}
        onRow={(r) => ({ 'data-testid': 'ageing-drill-row', 'data-fen': fenOf(rows, r) }) as object}
        columns={columns}
      />
    </Drawer>
  );
}
