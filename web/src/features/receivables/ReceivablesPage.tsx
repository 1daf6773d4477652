import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Card, DatePicker, Drawer, Segmented, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage, withQuery } from '../../api/client';
import { Money } from '../../components/Money';
import { RequestHelpButton } from '../workorders/RequestHelpButton';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { BAND_COLOURS, todayInShanghai, useAgeing, useBoard, useContract, type Ageing, type GroupBy, type ReceivableRow } from './api';
import { ContractDetail } from './ContractDetail';

/** 回款倒计时: finance, sellers (own) and managers (their subtree) see open instalments, overdue on top; a click opens the contract. */
export function ReceivablesPage() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(todayInShanghai());
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div>
      <PageTitle title={t('money.board')} extra={<DatePicker value={dayjs(asOf)} allowClear={false} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} />} />
      <Tabs
        items={[
          { key: 'board', label: t('money.board'), children: <BoardTab asOf={asOf} onOpen={setOpen} /> },
          { key: 'ageing', label: t('money.ageing'), children: <AgeingTab asOf={asOf} /> },
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} width={Math.min(900, window.innerWidth)} title={t('money.contract')} destroyOnHidden>
        {open && <ContractDetail id={open} />}
      </Drawer>
    </div>
  );
}

function BoardTab({ asOf, onOpen }: { asOf: string; onOpen: (contractId: string) => void }) {
  const { t, lang } = useI18n();
  const [band, setBand] = useState('');
  const board = useBoard(asOf, band);
  if (board.error) return <Typography.Text type="danger">{errorMessage(board.error)}</Typography.Text>;
  const b = board.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={band}
          onChange={(v) => setBand(String(v))}
          options={[
            { value: '', label: t('common.all') },
            { value: 'overdue', label: t('money.band.overdue') },
            { value: 'red', label: t('money.band.red') },
            { value: 'yellow', label: t('money.band.yellow') },
            { value: 'normal', label: t('money.band.normal') },
          ]}
        />
        {b && <Typography.Text type="secondary">{t('money.counts', b.counts)}</Typography.Text>}
      </Space>
      <Table<ReceivableRow>
        size="small"
        rowKey="id"
        loading={board.isLoading}
        dataSource={b?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        onRow={(r) => ({ onClick: () => onOpen(r.contract.id), style: { cursor: 'pointer' }, 'data-testid': `board-row-${r.contract.number}-${r.seq}`, 'data-band': r.band, 'data-status': r.status }) as object}
        columns={[
          {
            title: t('money.daysToDue'),
            key: 'days',
            render: (_: unknown, r: ReceivableRow) => (
              <Tag color={r.status === 'paid' ? 'green' : BAND_COLOURS[r.band]} data-testid="band-tag">
                {r.status === 'paid' ? t('money.status.paid') : r.daysToDue < 0 ? t('money.daysOverdue', { n: -r.daysToDue }) : t('money.days', { n: r.daysToDue })}
              </Tag>
            ),
          },
          { title: t('money.contractNo'), key: 'no', render: (_: unknown, r: ReceivableRow) => `${r.contract.number} · ${t('money.seqN', { n: r.seq })}` },
          { title: t('money.customer'), key: 'customer', render: (_: unknown, r: ReceivableRow) => r.customer.name },
          { title: t('money.seller'), key: 'owner', render: (_: unknown, r: ReceivableRow) => r.owner.name },
          { title: t('money.effectiveDueDate'), dataIndex: 'effectiveDueDate', render: (d: string) => formatDate(d, lang) },
          { title: t('money.outstanding'), dataIndex: 'outstandingFen', render: (f: number) => <Money fen={f} /> },
          { title: t('money.invoice'), dataIndex: 'invoiceStatus', render: (s: string) => t(`money.invoice.${s}` as 'money.invoice.issued') },
          { title: t('money.status'), key: 'st', render: (_: unknown, r: ReceivableRow) => <span>{t(`money.status.${r.status}`)}{r.escalated ? ` · ${t('money.escalated')}` : ''}</span> },
        ]}
      />
    </Space>
  );
}

const BUCKET_KEYS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;

function AgeingTab({ asOf }: { asOf: string }) {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>('customer');
  const ageing = useAgeing(asOf, groupBy);
  if (ageing.error) return <Typography.Text type="danger">{errorMessage(ageing.error)}</Typography.Text>;
  const a = ageing.data;
  type Group = Ageing['groups'][number];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<GroupBy>
          value={groupBy}
          onChange={setGroupBy}
          style={{ width: 140 }}
          options={(['customer', 'seller', 'team'] as const).map((g) => ({ value: g, label: t(`money.groupBy.${g}`) }))}
        />
        <Button href={withQuery('/api/receivables/ageing/export', { asOf, groupBy })}>{t('money.export')}</Button>
      </Space>
      {a && (
        <Space wrap size="large">
          <Card size="small">
            <Statistic title={t('money.over90Share')} value={a.over90.share === null ? '-' : `${(a.over90.share * 100).toFixed(1)}%`} suffix={`(${a.over90.over90}/${a.over90.contracts})`} />
          </Card>
          <Card size="small">
            <Statistic title={t('money.dso')} value={a.dso.dso ?? '-'} />
          </Card>
          <Card size="small">
            <Statistic title={t('money.collected')} value={a.collectedThisMonth.reduce((s, c) => s + (c.collectedFen ?? 0), 0) / 100} precision={2} prefix="¥" />
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
          { title: t(`money.groupBy.${groupBy}`), dataIndex: 'name' },
          ...BUCKET_KEYS.map((k) => ({ title: t(`money.bucket.${k}`), dataIndex: k, render: (f: number) => <Money fen={f} /> })),
          { title: t('money.total'), dataIndex: 'totalFen', render: (f: number) => <Money fen={f} /> },
        ]}
      />
    </Space>
  );
}

/** /contracts/:id — the same detail as the board's drawer, for links (audit, notifications, work orders). */
export function ContractPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const contract = useContract(id);
  return (
    <div>
      <PageTitle title={t('money.contract')} extra={contract.data && <RequestHelpButton subject={{ type: 'contract', id, title: contract.data.number }} />} />
      <ContractDetail id={id} />
    </div>
  );
}
