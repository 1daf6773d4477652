import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/format';
import { METHOD_KEYS } from './api';
import { toFen } from './useMoneyMutation';

export interface PlanLineValues {
  id?: string;
  dueDate: dayjs.Dayjs;
  amountYuan: number;
  method: string;
  invoiceDate?: dayjs.Dayjs | null;
}

/** Form lines → the API's plan lines (`id` kept for an amendment, the planned invoice date when given). */
export function planLinesBody(lines: PlanLineValues[]) {
  return lines.map((l) => ({ ...(l.id ? { id: l.id } : {}), dueDate: l.dueDate.format('YYYY-MM-DD'), amountFen: toFen(l.amountYuan), method: l.method, ...(l.invoiceDate ? { invoiceDate: l.invoiceDate.format('YYYY-MM-DD') } : {}) }));
}

/**
 * The instalments of a payment plan (form field `plan`) with the difference to the form's `amountYuan` shown while
 * typing: the plan must sum exactly (the server's 422 names the difference too). A new line takes what is missing.
 */
export function PlanLinesField({ form }: { form: FormInstance }) {
  const { t } = useI18n();
  const plan: Array<Partial<PlanLineValues> | undefined> = Form.useWatch('plan', form) ?? [];
  const amountYuan: number = Form.useWatch('amountYuan', form) ?? 0;
  const differenceFen = toFen(amountYuan) - plan.reduce((s, l) => s + toFen(l?.amountYuan ?? 0), 0);
  return (
    <Form.List name="plan">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" wrap data-testid={`amend-line-${i + 1}`}>
              <Typography.Text style={{ width: 48, display: 'inline-block' }}>{t('money.seqN', { n: i + 1 })}</Typography.Text>
              <Form.Item name={[f.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true }]}>
                <DatePicker placeholder={t('money.dueDate')} />
              </Form.Item>
              <Form.Item name={[f.name, 'amountYuan']} rules={[{ required: true }]}>
                <InputNumber min={0.01} precision={2} placeholder={t('money.amount')} style={{ width: 150 }} data-testid={`amend-line-amount-${i + 1}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'method']} rules={[{ required: true }]}>
                <Select style={{ width: 140 }} options={METHOD_KEYS.map((m) => ({ value: m, label: t(`money.method.${m}`) }))} />
              </Form.Item>
              <Form.Item name={[f.name, 'invoiceDate']}>
                <DatePicker placeholder={t('money.invoiceDate')} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} aria-label={t('common.delete')} />
            </Space>
          ))}
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => add({ method: 'wire', amountYuan: Math.max(differenceFen, 0) / 100 || undefined })} data-testid="amend-add-line">
              {t('money.addInstalment')}
            </Button>
            <Typography.Text type={differenceFen === 0 ? 'success' : 'danger'} data-testid="amend-difference">
              {differenceFen === 0 ? t('money.planBalanced') : t('money.planDifference', { amount: formatFen(differenceFen) ?? '' })}
            </Typography.Text>
          </Space>
        </>
      )}
    </Form.List>
  );
}
