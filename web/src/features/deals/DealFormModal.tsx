import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Divider, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Deal, Stage } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { yuanToFen } from '../../lib/format';
import { CustomerSelect } from '../customers/CustomerSelect';
import { useStageName } from './stageName';
import { CustomFieldItems, type CustomFormValues, formToCustom, useCustomFields } from '../forms/customFields';
import { FormError } from '../forms/FormError';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import { queryKeys } from '../../api/queryKeys';

interface Values {
  title: string;
  customerId: string;
  stageKey?: string;
  skipReason?: string;
  amountYuan?: number;
  expectedCloseDate?: Dayjs;
  custom?: CustomFormValues;
}

export function DealFormModal({ open, onClose, pipelineId, stages }: { open: boolean; onClose(): void; pipelineId: string; stages: Stage[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const stageName = useStageName(stages);
  // Support never sees amounts, and the server refuses amounts from roles that cannot see them.
  const showAmount = !useAbilities().hidden('deal.amountFen');
  const defs = useCustomFields('deal').data?.items ?? [];
  const stageKey = Form.useWatch('stageKey', form);
  // Starting later than the first stage skips the earlier gates unless they are met: the server asks why.
  const startsLate = !!stageKey && stages.findIndex((s) => s.key === stageKey) > 0;
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<Deal>('/api/deals', {
        custom: formToCustom(defs, v.custom),
        title: v.title,
        customerId: v.customerId,
        pipelineId,
        ...(v.stageKey ? { stageKey: v.stageKey } : {}),
        ...(v.skipReason?.trim() ? { skipReason: v.skipReason.trim() } : {}),
        ...(v.amountYuan !== undefined && v.amountYuan !== null ? { amountFen: yuanToFen(v.amountYuan) } : {}),
        ...(v.expectedCloseDate ? { expectedCloseDate: v.expectedCloseDate.format('YYYY-MM-DD') } : {}),
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: queryKeys.board() });
      client.invalidateQueries({ queryKey: queryKeys.deals() });
      form.resetFields();
      onClose();
    },
  });
  const formErrors = useFormErrors(save.error, { form, resolve: fieldResolver(['title', 'customerId', 'stageKey', 'skipReason', 'expectedCloseDate'], defs.map((d) => d.key), { amountFen: 'amountYuan' }) });
  return (
    <Modal open={open} title={t('deals.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={t('deals.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="customerId" label={t('deals.customer')} rules={[{ required: true }]}>
          <CustomerSelect />
        </Form.Item>
        <Form.Item name="stageKey" label={t('deals.stage')}>
          <Select allowClear options={stages.filter((s) => !s.terminal).map((s) => ({ value: s.key, label: stageName(s.key) }))} />
        </Form.Item>
        {startsLate && (
          <Form.Item name="skipReason" label={t('deals.skipReason')} extra={t('deals.createSkipHint')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="deal-skip-reason" />
          </Form.Item>
        )}
        {showAmount && (
          <Form.Item name="amountYuan" label={t('deals.amount')} rules={[{ type: 'number', min: 0, message: t('deals.amountNegative') }]}>
            <InputNumber precision={2} prefix="¥" style={{ width: '100%' }} data-testid="deal-amount" />
          </Form.Item>
        )}
        <Form.Item name="expectedCloseDate" label={t('deals.expectedClose')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {defs.length > 0 && <Divider plain>{t('forms.customFields')}</Divider>}
        <CustomFieldItems defs={defs} />
        <FormError errors={formErrors} />
      </Form>
    </Modal>
  );
}
