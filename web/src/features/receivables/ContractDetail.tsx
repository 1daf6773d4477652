import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Descriptions, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { Money } from '../../components/Money';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime, formatFen } from '../../lib/format';
import { AttachmentList } from '../attachments/AttachmentList';
import { AmendmentModal } from './AmendmentModal';
import { BAND_COLOURS, useContract, type Contract, type Instalment } from './api';
import { ClaimsCard } from './ClaimsCard';
import { InvoiceModal } from './InvoiceModal';
import { PaymentsCard } from './PaymentsCard';
import { RecordPaymentModal } from './RecordPaymentModal';

/** Everything about a contract for the morning meeting: customer, plan with derived status, payments, evidence, talks. */
export function ContractDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const abilities = useAbilities();
  const contract = useContract(id);
  const [paying, setPaying] = useState(false);
  const [confirming, setConfirming] = useState<Contract['claims'][number] | null>(null);
  const [amending, setAmending] = useState(false);
  const [invoicing, setInvoicing] = useState<Instalment | null>(null);
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
        {abilities.can('contract.amend') && (
          <Button onClick={() => setAmending(true)} data-testid="amend-plan">
            {t('money.amend')}
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
        <InstalmentTable rows={c.instalments} onInvoice={abilities.can('payment.record') ? setInvoicing : undefined} />
        {c.planVersions.length > 1 && (
          <List
            size="small"
            header={<Typography.Text strong>{t('money.planVersions')}</Typography.Text>}
            dataSource={[...c.planVersions].reverse()}
            renderItem={(v) => (
              <List.Item data-testid={`plan-version-${v.version}`}>
                <Space wrap size={4}>
                  <Tag>{t('money.versionN', { n: v.version })}</Tag>
                  <span>{formatDateTime(v.createdAt, lang)}</span>
                  {v.createdBy && <span>{v.createdBy.name}</span>}
                  {!abilities.hidden('contract.amounts') && <Money fen={v.amountFen} />}
                  {v.reason && <Typography.Text type="secondary">{v.reason}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <ClaimsCard contract={c} onConfirm={setConfirming} />
      {!abilities.hidden('contract.amounts') && <PaymentsCard contract={c} />}
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
        {c.attachments.some((a) => a.entity === 'deal') && (
          <List
            size="small"
            data-testid="deal-evidence"
            header={<Typography.Text strong>{t('money.dealEvidence')}</Typography.Text>}
            dataSource={c.attachments.filter((a) => a.entity === 'deal')}
            renderItem={(a) => (
              <List.Item>
                <Space wrap size={4}>
                  <a href={`/api/attachments/${a.id}/content`}>{a.filename}</a>
                  <Tag>{a.kind === 'other' ? t('attachments.otherKind') : a.kind}</Tag>
                  <Typography.Text type="secondary">{formatDateTime(a.createdAt, lang)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {paying && <RecordPaymentModal contract={c} open={paying} onClose={() => setPaying(false)} suggestedFen={openFen || undefined} />}
      {confirming && <RecordPaymentModal contract={c} open onClose={() => setConfirming(null)} claim={confirming} />}
      {amending && <AmendmentModal contract={c} onClose={() => setAmending(false)} />}
      {invoicing && <InvoiceModal contract={c} instalment={invoicing} onClose={() => setInvoicing(null)} />}
    </div>
  );
}

export function InstalmentTable({ rows, onInvoice }: { rows: Instalment[]; onInvoice?: (i: Instalment) => void }) {
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
        {
          title: t('money.invoice'),
          key: 'invoice',
          render: (_: unknown, r: Instalment) => {
            const text = `${t(`money.invoice.${r.invoiceStatus}` as 'money.invoice.issued')}${r.invoiceNo ? ` ${r.invoiceNo}` : ''}`;
            return onInvoice ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onInvoice(r)} data-testid={`invoice-${r.seq}`}>
                {text}
              </Button>
            ) : (
              text
            );
          },
        },
      ]}
    />
  );
}
