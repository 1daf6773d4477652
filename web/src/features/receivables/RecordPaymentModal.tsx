import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { METHOD_KEYS, moneyKeys, todayInShanghai, type Contract } from './api';

interface Values {
  amountYuan: number;
  receivedOn: dayjs.Dayjs;
  method: string;
  reference?: string;
  note?: string;
}

/** Finance records money received; the server allocates it FIFO by effective due date (the rest becomes credit). */
export function RecordPaymentModal({ contract, open, onClose, suggestedFen }: { contract: Contract; open: boolean; onClose: () => void; suggestedFen?: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<Contract>(`/api/contracts/${contract.id}/payments`, { amountFen: Math.round(v.amountYuan * 100), receivedOn: v.receivedOn.format('YYYY-MM-DD'), method: v.method, reference: v.reference || null, note: v.note || null }),
    onSuccess: () => {
      message.success(t('money.paymentRecorded'));
      client.invalidateQueries({ queryKey: moneyKeys.all });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal open={open} title={`${t('money.recordPayment')} · ${contract.number}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'payment-submit' } as Record<`data-${string}`, string>} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ amountYuan: suggestedFen ? suggestedFen / 100 : undefined, receivedOn: dayjs(todayInShanghai()), method: 'wire' }}
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
        <Form.Item name="note" label={t('money.note')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
