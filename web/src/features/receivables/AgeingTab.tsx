import { useState, type ReactNode } from 'react';
import { Button, Card, Select, Space, Statistic, Table, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { ageingExportUrl, useAgeing, type Ageing, type AgeingFigure, type GroupBy } from './api';
import { AgeingDrillDrawer } from './AgeingDrillDrawer';

const BUCKET_KEYS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
type Group = Ageing['groups'][number];
type Collected = Ageing['collectedThisMonth'][number];

/** A figure that opens the records behind it; data-fen carries the exact amount for tests and screen readers' titles. */
function Figure({ testId, fen, onOpen, children }: { testId: string; fen: number | undefined; onOpen: () => void; children?: ReactNode }) {
  return (
    <Typography.Link data-testid={testId} data-fen={fen ?? ''} onClick={onOpen}>
      {children ?? <Money fen={fen} />}
    </Typography.Link>
  );
}

/** 应收账龄: every figure (bucket cells, totals, the 90+ share, collected per seller, DSO) opens its records. */
export function AgeingTab({ asOf }: { asOf: string }) {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>('customer');
  const [figure, setFigure] = useState<AgeingFigure | null>(null);
  const ageing = useAgeing(asOf, groupBy);
  if (ageing.error) return <Typography.Text type="danger">{errorMessage(ageing.error)}</Typography.Text>;
  const a = ageing.data;
  const groupLabel = t(`money.groupBy.${groupBy}`);
  const bucketLabel = (b: (typeof BUCKET_KEYS)[number] | 'totalFen') => (b === 'totalFen' ? t('money.total') : t(`money.bucket.${b}`));
  /** A bucket cell (or a total) of a group, or of the totals row when group is absent. */
  const cell = (group: Group | null, b: (typeof BUCKET_KEYS)[number] | 'totalFen') => {
    const fen = (group ?? a?.totals)?.[b];
    const title = `${t('money.ageing')} · ${group ? group.name : t('money.total')} · ${bucketLabel(b)}`;
    return (
      <Figure
        testId={`ageing-${group ? group.key : 'total'}-${b}`}
        fen={fen}
        onOpen={() => setFigure({ kind: 'instalments', groupBy, ...(group ? { key: group.key } : {}), ...(b === 'totalFen' ? {} : { bucket: b }), title, fen: fen ?? 0 })}
      />
    );
  };
  const collectedTotal = a?.collectedThisMonth.reduce((s, c) => s + (c.collectedFen ?? 0), 0) ?? 0;
  const openCollected = (c: Collected | null) =>
    setFigure({ kind: 'collected', ...(c ? { sellerId: c.seller.id } : {}), title: `${t('money.collected')} · ${c ? c.seller.name : t('money.total')}`, fen: c ? (c.collectedFen ?? 0) : collectedTotal });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<GroupBy>
          value={groupBy}
          onChange={setGroupBy}
          style={{ width: 140 }}
          options={(['customer', 'seller', 'team'] as const).map((g) => ({ value: g, label: t(`money.groupBy.${g}`) }))}
        />
        <Button href={ageingExportUrl(asOf, { kind: 'instalments', groupBy, title: '', fen: 0 })}>{t('money.export')}</Button>
      </Space>
      {a && (
        <Space wrap size="large" align="start">
          <Card size="small">
            <Statistic
              title={t('money.over90Share')}
              valueRender={() => (
                <Figure testId="ageing-over90" fen={undefined} onOpen={() => setFigure({ kind: 'instalments', groupBy, bucket: 'over90', title: t('money.over90Share'), fen: a.totals.d90_plus ?? 0, contracts: a.over90.over90 })}>
                  {a.over90.share === null ? '-' : `${(a.over90.share * 100).toFixed(1)}%`} ({a.over90.over90}/{a.over90.contracts})
                </Figure>
              )}
            />
          </Card>
          <Card size="small">
            <Statistic
              title={t('money.dso')}
              valueRender={() => (
                <Figure testId="ageing-dso" fen={a.dso.salesFen} onOpen={() => setFigure({ kind: 'sales', title: t('money.drill.dsoTitle', { days: a.dso.days }), fen: a.dso.salesFen ?? 0 })}>
                  {a.dso.dso ?? '-'}
                </Figure>
              )}
            />
            <Typography.Text type="secondary">
              {t('money.drill.dsoBasis', { days: a.dso.days })} <Money fen={a.dso.receivablesFen} /> ÷ <Money fen={a.dso.salesFen} />
            </Typography.Text>
          </Card>
          <Card size="small" title={t('money.collected')}>
            <Table<Collected>
              size="small"
              rowKey={(c) => c.seller.id}
              dataSource={a.collectedThisMonth}
              pagination={false}
              columns={[
                { title: t('money.seller'), key: 'seller', render: (_, c) => c.seller.name },
                { title: t('money.collected'), key: 'fen', align: 'right', render: (_, c) => <Figure testId={`ageing-collected-${c.seller.id}`} fen={c.collectedFen} onOpen={() => openCollected(c)} /> },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('money.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <Figure testId="ageing-collected-total" fen={collectedTotal} onOpen={() => openCollected(null)} />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Space>
      )}
      <Table<Group>
        size="small"
        rowKey="key"
        loading={ageing.isLoading}
        dataSource={a?.groups ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: groupLabel, dataIndex: 'name' },
          ...([...BUCKET_KEYS, 'totalFen'] as const).map((k) => ({ title: bucketLabel(k), key: k, align: 'right' as const, render: (_: unknown, g: Group) => cell(g, k) })),
        ]}
        summary={() =>
          a && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('money.total')}</Table.Summary.Cell>
              {([...BUCKET_KEYS, 'totalFen'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  {cell(null, k)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
      <AgeingDrillDrawer asOf={asOf} figure={figure} onClose={() => setFigure(null)} />
    </Space>
  );
}
