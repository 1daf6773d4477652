import { useState } from 'react';
import { useParams } from 'react-router';
import { DatePicker, Drawer, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client';
import { Money } from '../../components/Money';
import { RequestHelpButton } from '../workorders/RequestHelpButton';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { AgeingTab } from './AgeingTab';
import { BAND_COLOURS, todayInShanghai, useBoard, useContract, type ReceivableRow } from './api';
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
