import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Money } from '../../components/Money';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { UploadButton } from '../attachments/UploadButton';
import { todayInShanghai, type Contract } from './api';
import { toFen, useMoneyMutation } from './useMoneyMutation';

type Claim = Contract['claims'][number];

const STATUS_COLOURS: Record<string, string> = { pending: 'gold', confirmed: 'green', rejected: 'red' };

/**
 * 回款申明: a seller says the customer paid and attaches the bank slip (escalation waits N working days); finance
 * confirms by recording the payment with the claim (`onConfirm` opens the payment form) or rejects with a note
 * (the escalation fires at once).
 */
export function ClaimsCard({ contract, onConfirm }: { contract: Contract; onConfirm(claim: Claim): void }) {
  const { t, lang } = useI18n();
  const abilities = useAbilities();
  const [filing, setFiling] = useState(false);
  const [rejecting, setRejecting] = useState<Claim | null>(null);
  const mayClaim = abilities.can('payment.claim') && contract.status !== 'paid';
  if (!contract.claims.length && !mayClaim) return null;
  return (
    <Card
      size="small"
      title={t('money.claims')}
      style={{ marginTop: 12 }}
      extra={
        mayClaim && (
          <Button size="small" onClick={() => setFiling(true)} data-testid="file-claim">
            {t('money.fileClaim')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={contract.claims}
        locale={{ emptyText: t('money.noClaims') }}
        renderItem={(c) => (
          <List.Item
            data-testid={`claim-${c.status}`}
            actions={
              c.status === 'pending' && abilities.can('payment.record')
                ? [
                    <Button key="ok" size="small" type="primary" onClick={() => onConfirm(c)} data-testid="claim-confirm">
                      {t('money.claimConfirm')}
                    </Button>,
                    <Button key="no" size="small" danger onClick={() => setRejecting(c)} data-testid="claim-reject">
                      {t('money.claimReject')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap size={4}>
              <Tag color={STATUS_COLOURS[c.status]}>{t(`money.claimStatus.${c.status}` as 'money.claimStatus.pending')}</Tag>
              <span>{formatDate(c.claimedOn, lang)}</span>
              <Money fen={c.amountFen} />
              {c.reference && <Typography.Text type="secondary">{c.reference}</Typography.Text>}
              {c.evidenceFileId && <Tag>{t('money.slipAttached')}</Tag>}
              <Typography.Text type="secondary">
                {c.createdBy.name}
                {c.status === 'pending' ? ` · ${t('money.pausedUntil', { at: formatDateTime(c.pauseUntil, lang) })}` : ''}
              </Typography.Text>
              {c.decisionNote && <Typography.Text type="danger">{c.decisionNote}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {filing && <FileClaimModal contract={contract} onClose={() => setFiling(false)} />}
      {rejecting && <RejectClaimModal contract={contract} claim={rejecting} onClose={() => setRejecting(null)} />}
    </Card>
  );
}

interface ClaimValues {
  amountYuan: number;
  claimedOn: dayjs.Dayjs;
  instalmentId?: string;
  reference?: string;
  note?: string;
}

function FileClaimModal({ contract, onClose }: { contract: Contract; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ClaimValues>();
  const [slip, setSlip] = useState<{ id: string; filename: string } | null>(null);
  const save = useMoneyMutation({ success: t('money.claimFiled'), after: onClose });
  const open = contract.instalments.filter((i) => i.status !== 'paid');
  return (
    <Modal open title={`${t('money.fileClaim')} · ${contract.number}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'claim-submit' } as Record<`data-${string}`, string>} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ claimedOn: dayjs(todayInShanghai()), amountYuan: (open[0]?.outstandingFen ?? 0) / 100 || undefined, instalmentId: open[0]?.id }}
        onFinish={(v) =>
          save.mutate({
            path: `/api/contracts/${contract.id}/claims`,
            body: { amountFen: toFen(v.amountYuan), claimedOn: v.claimedOn.format('YYYY-MM-DD'), ...(v.instalmentId ? { instalmentId: v.instalmentId } : {}), ...(v.reference ? { reference: v.reference } : {}), ...(v.note ? { note: v.note } : {}), ...(slip ? { evidenceFileId: slip.id } : {}) },
          })
        }
      >
        <Form.Item name="instalmentId" label={t('money.seq')}>
          <Select allowClear options={open.map((i) => ({ value: i.id, label: t('money.seqN', { n: i.seq }) }))} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('money.paymentAmount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="claim-amount" />
        </Form.Item>
        <Form.Item name="claimedOn" label={t('money.claimedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reference" label={t('money.reference')}>
          <Input maxLength={200} data-testid="claim-reference" />
        </Form.Item>
        <Form.Item label={t('money.bankSlip')}>
          <Space>
            <UploadButton entity="contract" entityId={contract.id} kind="bank_slip" testId="claim-slip" onUploaded={(a) => setSlip({ id: a.id, filename: a.filename })} />
            {slip && <Tag color="green">{slip.filename}</Tag>}
          </Space>
        </Form.Item>
        <Form.Item name="note" label={t('money.note')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RejectClaimModal({ contract, claim, onClose }: { contract: Contract; claim: Claim; onClose(): void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const save = useMoneyMutation({ success: t('money.claimRejected'), after: onClose });
  return (
    <Modal
      open
      title={t('money.claimReject')}
      onCancel={onClose}
      okButtonProps={{ danger: true, disabled: !note.trim(), 'data-testid': 'claim-reject-submit' } as Record<`data-${string}`, string>}
      confirmLoading={save.isPending}
      onOk={() => save.mutate({ path: `/api/contracts/${contract.id}/claims/${claim.id}/decision`, body: { decision: 'rejected', note: note.trim() } })}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('money.claimRejectHint')}</Typography.Paragraph>
      <Input.TextArea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('money.claimRejectNote')} data-testid="claim-reject-note" />
    </Modal>
  );
}
