import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { UploadButton } from '../attachments/UploadButton';
import { METHOD_KEYS, moneyKeys, todayInShanghai, type Contract } from './api';

interface Values {
  amountYuan: number;
  receivedOn: dayjs.Dayjs;
  method: string;
  reference?: string;
  note?: string;
  /** Manual allocation: yuan per open instalment id. */
  manual?: Record<string, number | null>;
}

/**
 * Finance records money received; the server allocates it FIFO by effective due date unless allocated by hand here
 * (the rest becomes the customer's credit). With `claim` it confirms a seller's payment claim.
 */
export function RecordPaymentModal({ contract, open, onClose, suggestedFen, claim }: { contract: Contract; open: boolean; onClose: () => void; suggestedFen?: number; claim?: { id: string; amountFen?: number; reference: string | null; claimedOn: string } }) {
  const { t } = useI18n();
  const [manual, setManual] = useState(false);
  const [evidence, setEvidence] = useState<{ id: string; filename: string } | null>(null);
  const openLines = contract.instalments.filter((i) => i.status !== 'paid');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<Contract>(`/api/contracts/${contract.id}/payments`, {
        amountFen: Math.round(v.amountYuan * 100),
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        method: v.method,
        reference: v.reference || null,
        note: v.note || null,
        ...(claim ? { claimId: claim.id } : {}),
        ...(evidence ? { evidenceFileId: evidence.id } : {}),
        ...(manual ? { allocations: Object.entries(v.manual ?? {}).flatMap(([instalmentId, yuan]) => (yuan ? [{ instalmentId, amountFen: Math.round(yuan * 100) }] : [])) } : {}),
      }),
    onSuccess: () => {
      message.success(t('money.paymentRecorded'));
      client.invalidateQueries({ queryKey: moneyKeys.all });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal open={open} title={`${claim ? t('money.claimConfirm') : t('money.recordPayment')} · ${contract.number}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'payment-submit' } as Record<`data-${string}`, string>} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          claim
            ? { amountYuan: claim.amountFen ? claim.amountFen / 100 : undefined, receivedOn: dayjs(claim.claimedOn), method: 'wire', reference: claim.reference ?? undefined }
            : { amountYuan: suggestedFen ? suggestedFen / 100 : undefined, receivedOn: dayjs(todayInShanghai()), method: 'wire' }
        }
      >
        <Form.Item name="amountYuan" label={t('money.paymentAmount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('money.receivedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="method" label={t('money.method')}>
          <Select options={METHOD_KEYS.map((m) => ({ value: m, label: t(`money.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="reference" label={t('money.reference')}>
          <Input maxLength={200} data-testid="payment-reference" />
        </Form.Item>
        <Form.Item label={t('money.paymentEvidence')}>
          <Space>
            <UploadButton entity="contract" entityId={contract.id} kind="payment_evidence" testId="payment-evidence" onUploaded={(a) => setEvidence({ id: a.id, filename: a.filename })} />
            {evidence && <Tag color="green">{evidence.filename}</Tag>}
          </Space>
        </Form.Item>
        <Form.Item name="note" label={t('money.note')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <Form.Item label={t('money.allocation')} extra={manual ? t('money.allocationManualHint') : t('money.allocationFifoHint')}>
          <Switch checked={manual} onChange={setManual} checkedChildren={t('money.allocationManual')} unCheckedChildren="FIFO" data-testid="allocation-manual" />
        </Form.Item>
        {manual && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={openLines}
            columns={[
              { title: t('money.seq'), dataIndex: 'seq', render: (n: number) => t('money.seqN', { n }) },
              { title: t('money.outstanding'), dataIndex: 'outstandingFen', render: (f: number) => <Typography.Text>{((f ?? 0) / 100).toFixed(2)}</Typography.Text> },
              {
                title: t('money.allocate'),
                key: 'alloc',
                render: (_: unknown, r: { id: string; seq: number }) => (
                  <Form.Item name={['manual', r.id]} noStyle>
                    <InputNumber min={0} precision={2} style={{ width: 140 }} data-testid={`allocate-${r.seq}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
      </Form>
    </Modal>
  );
}
