import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { queryKeys } from '../../api/queryKeys';
import { useI18n } from '../../i18n';
import { yuanToFen } from '../../lib/format';
import { FormError } from '../forms/FormError';
import { useFormErrors } from '../forms/useFormErrors';
import { requestApproval } from './api';

interface Values {
  listPrice?: number;
  netPrice?: number;
  documentDiscount?: number;
  maxDiscount?: number;
  paymentTerms?: string;
  validUntil?: Dayjs;
}

/** Seller: ask for a quote approval on the deal (prices in yuan; the server computes the discount in fen). */
export function RequestApprovalModal({ dealId, amountFen, open, onClose }: { dealId: string; amountFen?: number | null; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const FIELDS: Record<string, string> = { 'values.listPriceFen': 'listPrice', 'values.netPriceFen': 'netPrice', 'values.documentDiscountFen': 'documentDiscount', 'values.envelope.maxDiscountBp': 'maxDiscount', 'values.paymentTerms': 'paymentTerms', 'values.validUntil': 'validUntil' };
  const errors = useFormErrors(error, { form, resolve: (field) => FIELDS[field] });

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const values: Record<string, unknown> = {};
      if (v.listPrice !== undefined && v.listPrice !== null) values.listPriceFen = yuanToFen(v.listPrice);
      if (v.netPrice !== undefined && v.netPrice !== null) values.netPriceFen = yuanToFen(v.netPrice);
      if (v.documentDiscount) values.documentDiscountFen = yuanToFen(v.documentDiscount);
      if (v.maxDiscount !== undefined && v.maxDiscount !== null) values.envelope = { maxDiscountBp: Math.round(v.maxDiscount * 100) };
      if (v.paymentTerms?.trim()) values.paymentTerms = v.paymentTerms.trim();
      if (v.validUntil) values.validUntil = v.validUntil.format('YYYY-MM-DD');
      await requestApproval({ kind: 'quote', subject: { type: 'deal', id: dealId }, values });
      message.success(t('approvals.requested'));
      client.invalidateQueries({ queryKey: queryKeys.approvals() });
      client.invalidateQueries({ queryKey: queryKeys.deal(dealId) });
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={t('approvals.requestQuote')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'approval-submit' } as Record<`data-${string}`, string>} destroyOnHidden>
      <FormError errors={errors} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ netPrice: typeof amountFen === 'number' ? amountFen / 100 : undefined }}>
        <Form.Item name="listPrice" label={t('approvals.listPrice')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="approval-list-price" />
        </Form.Item>
        <Form.Item name="netPrice" label={t('approvals.netPrice')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="approval-net-price" />
        </Form.Item>
        <Form.Item name="documentDiscount" label={t('approvals.documentDiscount')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="maxDiscount" label={t('approvals.maxDiscount')} extra={t('approvals.maxDiscountHint')}>
          <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} addonAfter="%" />
        </Form.Item>
        <Form.Item name="paymentTerms" label={t('approvals.paymentTerms')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('approvals.validUntil')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
