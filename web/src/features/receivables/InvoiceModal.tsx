import { useState } from 'react';
import { Form, Input, Modal, Radio } from 'antd';
import { useI18n } from '../../i18n';
import type { Contract, Instalment } from './api';
import { useMoneyMutation } from './useMoneyMutation';

/** Finance sets an instalment's invoice status (已开票 with its number, or back to 未开票). */
export function InvoiceModal({ contract, instalment, onClose }: { contract: Contract; instalment: Instalment; onClose(): void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'issued' | 'not_issued'>(instalment.invoiceStatus === 'issued' ? 'not_issued' : 'issued');
  const [no, setNo] = useState(instalment.invoiceNo ?? '');
  const save = useMoneyMutation({ success: t('money.invoiceSaved'), after: onClose });
  return (
    <Modal
      open
      title={`${t('money.invoice')} · ${contract.number} ${t('money.seqN', { n: instalment.seq })}`}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'invoice-submit' } as Record<`data-${string}`, string>}
      onOk={() => save.mutate({ method: 'put', path: `/api/contracts/${contract.id}/instalments/${instalment.id}/invoice`, body: { invoiceStatus: status, invoiceNo: status === 'issued' ? no.trim() || null : null } })}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('money.invoice')}>
          <Radio.Group value={status} onChange={(e) => setStatus(e.target.value)} options={(['issued', 'not_issued'] as const).map((s) => ({ value: s, label: t(`money.invoice.${s}`) }))} />
        </Form.Item>
        {status === 'issued' && (
          <Form.Item label={t('money.invoiceNo')}>
            <Input maxLength={64} value={no} onChange={(e) => setNo(e.target.value)} data-testid="invoice-no" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
