import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Descriptions, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { Money } from '../../components/Money';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime, formatFen } from '../../lib/format';
import { AttachmentList } from '../attachments/AttachmentList';
import { BAND_COLOURS, useContract, type Instalment } from './api';
import { RecordPaymentModal } from './RecordPaymentModal';

/** Everything about a contract for the morning meeting: customer, plan with derived status, payments, evidence, talks. */
export function ContractDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const abilities = useAbilities();
  const contract = useContract(id);
  const [paying, setPaying] = useState(false);
  if (contract.error) return <Typography.Text type="danger">{errorMessage(contract.error)}</Typography.Text>;
  const c = contract.data;
  if (!c) return <Skeleton active />;
  const openFen = c.instalments.filter((i) => i.status !== 'paid').reduce((s, i) => s + (i.outstandingFen ?? 0), 0);
  return (
    <div data-testid="contract-detail">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {c.number}
        </Typography.Title>
        <Tag color={c.status === 'overdue' ? 'red' : c.status === 'paid' ? 'green' : 'blue'}>{t(`money.status.${c.status}`)}</Tag>
        {abilities.can('payment.record') && (
          <Button type="primary" onClick={() => setPaying(true)} data-testid="record-payment">
            {t('money.recordPayment')}
          </Button>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('money.customer')}>
          <Link to={`/customers/${c.customer.id}`}>{c.customer.name}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.title')}>
          <Link to={`/deals/${c.deal.id}`}>{c.deal.name}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('money.seller')}>{c.owner.name}</Descriptions.Item>
        <Descriptions.Item label={t('money.signedAt')}>{formatDate(c.signedAt, lang)}</Descriptions.Item>
        {!abilities.hidden('contract.amounts') && (
          <>
            <Descriptions.Item label={t('money.contractAmount')}>
              <Money fen={c.amountFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('money.outstanding')}>
              <Money fen={c.outstandingFen} />
            </Descriptions.Item>
            {(c.creditFen ?? 0) > 0 && (
              <Descriptions.Item label={t('money.credit')}>
                <Money fen={c.creditFen} />
              </Descriptions.Item>
            )}
          </>
        )}
      </Descriptions>
      <Card size="small" title={t('money.instalments')} style={{ marginTop: 12 }}>
        <InstalmentTable rows={c.instalments} />
      </Card>
      {!abilities.hidden('contract.amounts') && c.payments.length > 0 && (
        <Card size="small" title={t('money.payments')} style={{ marginTop: 12 }}>
          <List
            size="small"
            dataSource={c.payments}
            renderItem={(p) => (
              <List.Item>
                <Space wrap>
                  <span>{formatDate(p.receivedOn, lang)}</span>
                  <Money fen={p.kind === 'reversal' ? -(p.amountFen ?? 0) : p.amountFen} />
                  <span>{t(`money.method.${p.method}` as 'money.method.wire')}</span>
                  {p.reference && <Typography.Text type="secondary">{p.reference}</Typography.Text>}
                  {p.reversedBy && <Tag>{t('money.reversed')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t('money.activities')} style={{ marginTop: 12 }}>
        <List
          size="small"
          dataSource={c.activities}
          locale={{ emptyText: t('common.empty') }}
          renderItem={(a) => (
            <List.Item>
              <Typography.Text type="secondary">{formatDateTime(a.occurredAt, lang)}</Typography.Text>&nbsp;{a.owner}：{a.summary}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('money.evidence')} style={{ marginTop: 12 }}>
        <AttachmentList entity="contract" entityId={c.id} />
      </Card>
      {paying && <RecordPaymentModal contract={c} open={paying} onClose={() => setPaying(false)} suggestedFen={openFen || undefined} />}
    </div>
  );
}

export function InstalmentTable({ rows }: { rows: Instalment[] }) {
  const { t, lang } = useI18n();
  const abilities = useAbilities();
  const money = !abilities.hidden('contract.amounts');
  return (
    <Table<Instalment>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      onRow={(r) => ({ 'data-testid': `instalment-${r.seq}`, 'data-band': r.band, 'data-status': r.status }) as object}
      columns={[
        { title: t('money.seq'), dataIndex: 'seq', render: (n: number) => t('money.seqN', { n }) },
        { title: t('money.dueDate'), dataIndex: 'dueDate', render: (d: string) => formatDate(d, lang) },
        { title: t('money.effectiveDueDate'), dataIndex: 'effectiveDueDate', render: (d: string) => formatDate(d, lang) },
        ...(money
          ? [
              { title: t('money.amount'), dataIndex: 'amountFen', render: (f: number) => <Money fen={f} /> },
              { title: t('money.paid'), dataIndex: 'paidFen', render: (f: number) => <Money fen={f} /> },
              { title: t('money.outstanding'), dataIndex: 'outstandingFen', render: (f: number) => <Money fen={f} /> },
            ]
          : []),
        {
          title: t('money.status'),
          key: 'status',
          render: (_: unknown, r: Instalment) => (
            <Space size={4} wrap>
              <Tag color={BAND_COLOURS[r.band]}>{t(`money.status.${r.status}`)}</Tag>
              {r.escalated && <Tag color="volcano">{t('money.escalated')}</Tag>}
              {!!r.shortfallFen && <Tag>{t('money.shortfall', { amount: formatFen(r.shortfallFen) ?? '' })}</Tag>}
            </Space>
          ),
        },
        { title: t('money.method'), dataIndex: 'method', render: (m: string) => t(`money.method.${m}` as 'money.method.wire') },
        { title: t('money.invoice'), dataIndex: 'invoiceStatus', render: (s: string) => t(`money.invoice.${s}` as 'money.invoice.issued') },
      ]}
    />
  );
}
