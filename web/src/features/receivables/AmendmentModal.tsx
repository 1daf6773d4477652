import { Form, Input, InputNumber, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n';
import type { Contract } from './api';
import { planLinesBody, PlanLinesField, type PlanLineValues } from './PlanLinesField';
import { toFen, useMoneyMutation } from './useMoneyMutation';

interface Values {
  amountYuan: number;
  reason: string;
  plan: PlanLineValues[];
}

/**
 * 补充协议: a new plan version. Lines that keep their id keep the instalment and what is allocated to it (the server
 * refuses going below that); new lines are new instalments. The plan must sum exactly to the (new) contract amount:
 * the difference is shown while typing, and the server's 422 names it too.
 */
export function AmendmentModal({ contract, onClose }: { contract: Contract; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useMoneyMutation({ success: t('money.amended'), after: onClose });
  return (
    <Modal open width={880} title={`${t('money.amend')} · ${contract.number}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'amend-submit' } as Record<`data-${string}`, string>} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          amountYuan: (contract.amountFen ?? 0) / 100,
          plan: contract.instalments.map((i) => ({ id: i.id, dueDate: dayjs(i.dueDate), amountYuan: (i.amountFen ?? 0) / 100, method: i.method, invoiceDate: i.invoiceDate ? dayjs(i.invoiceDate) : null })),
        }}
        onFinish={(v) =>
          save.mutate({
            path: `/api/contracts/${contract.id}/amendments`,
            body: {
              reason: v.reason,
              ...(toFen(v.amountYuan) !== contract.amountFen ? { amountFen: toFen(v.amountYuan) } : {}),
              plan: planLinesBody(v.plan),
            },
          })
        }
      >
        <Space wrap align="start">
          <Form.Item name="amountYuan" label={t('money.contractAmountYuan')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="amend-amount" />
          </Form.Item>
          <Form.Item name="reason" label={t('money.amendReason')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={1000} style={{ width: 360 }} data-testid="amend-reason" />
          </Form.Item>
        </Space>
        <PlanLinesField form={form} />
      </Form>
    </Modal>
  );
}
