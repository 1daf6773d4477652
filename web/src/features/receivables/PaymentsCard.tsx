import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { Money } from '../../components/Money';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { formatDate, formatFen } from '../../lib/format';
import type { Contract } from './api';
import { toFen, useMoneyMutation } from './useMoneyMutation';

type Payment = Contract['payments'][number];

/**
 * Payments of a contract (reversals shown as negative entries). Finance reverses a payment (a reversing entry, never
 * an edit) and applies the customer's credit (预收款) to an instalment — both explicit and audited.
 */
export function PaymentsCard({ contract }: { contract: Contract }) {
  const { t, lang } = useI18n();
  const abilities = useAbilities();
  const finance = abilities.can('payment.record');
  const [reversing, setReversing] = useState<Payment | null>(null);
  const [applying, setApplying] = useState(false);
  const credit = contract.creditFen ?? 0;
  if (!contract.payments.length && !credit) return null;
  return (
    <Card
      size="small"
      title={t('money.payments')}
      style={{ marginTop: 12 }}
      extra={
        finance &&
        credit > 0 && (
          <Button size="small" onClick={() => setApplying(true)} data-testid="apply-credit">
            {t('money.applyCredit', { amount: formatFen(credit) ?? '' })}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={contract.payments}
        renderItem={(p) => (
          <List.Item
            data-testid={`payment-${p.kind}`}
            actions={
              finance && p.kind === 'payment' && !p.reversedBy
                ? [
                    <Button key="rev" size="small" danger onClick={() => setReversing(p)} data-testid="payment-reverse">
                      {t('money.reverse')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap>
              <span>{formatDate(p.receivedOn, lang)}</span>
              <Money fen={p.kind === 'reversal' ? -(p.amountFen ?? 0) : p.amountFen} />
              <span>{t(`money.method.${p.method}` as 'money.method.wire')}</span>
              {p.reference && <Typography.Text type="secondary">{p.reference}</Typography.Text>}
              {p.reversedBy && <Tag>{t('money.reversed')}</Tag>}
              {p.kind === 'reversal' && <Tag color="red">{t('money.reversal')}</Tag>}
              {!!p.unallocatedFen && p.kind === 'payment' && !p.reversedBy && <Tag color="blue">{t('money.toCredit', { amount: formatFen(p.unallocatedFen) ?? '' })}</Tag>}
              {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {reversing && <ReverseModal contract={contract} payment={reversing} onClose={() => setReversing(null)} />}
      {applying && <ApplyCreditModal contract={contract} onClose={() => setApplying(false)} />}
    </Card>
  );
}

function ReverseModal({ contract, payment, onClose }: { contract: Contract; payment: Payment; onClose(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const save = useMoneyMutation({ success: t('money.reversedDone'), after: onClose });
  return (
    <Modal
      open
      title={t('money.reverse')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': 'reverse-submit' } as Record<`data-${string}`, string>}
      onOk={() => save.mutate({ path: `/api/contracts/${contract.id}/payments/${payment.id}/reversal`, body: { reason: reason.trim() } })}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('money.reverseHint')}</Typography.Paragraph>
      <Input.TextArea rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('money.reverseReason')} data-testid="reverse-reason" />
    </Modal>
  );
}

function ApplyCreditModal({ contract, onClose }: { contract: Contract; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ instalmentId: string; amountYuan: number; note?: string }>();
  const save = useMoneyMutation({ success: t('money.creditApplied'), after: onClose });
  const open = contract.instalments.filter((i) => i.status !== 'paid');
  const first = open[0];
  return (
    <Modal open title={t('money.applyCreditTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'credit-submit' } as Record<`data-${string}`, string>} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ instalmentId: first?.id, amountYuan: first ? Math.min(first.outstandingFen ?? 0, contract.creditFen ?? 0) / 100 : undefined }}
        onFinish={(v) => save.mutate({ path: `/api/contracts/${contract.id}/credit-applications`, body: { instalmentId: v.instalmentId, amountFen: toFen(v.amountYuan), ...(v.note ? { note: v.note } : {}) } })}
      >
        <Form.Item name="instalmentId" label={t('money.seq')} rules={[{ required: true }]}>
          <Select options={open.map((i) => ({ value: i.id, label: `${t('money.seqN', { n: i.seq })} · ${t('money.outstanding')} ${formatFen(i.outstandingFen) ?? ''}` }))} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('money.paymentAmount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('money.note')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
