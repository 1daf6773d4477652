import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Divider, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Deal } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { dayjs, fenToYuan, yuanToFen } from '../../lib/format';
import { CustomFieldItems, type CustomFormValues, customToForm, formToCustom, useCustomFields } from '../forms/customFields';
import { FormError } from '../forms/FormError';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import { assignableTeam, mayAssignOthers, UserSelect } from '../forms/UserSelect';
import { patchDeal } from './api';
import { queryKeys } from '../../api/queryKeys';

interface Values {
  title: string;
  amountYuan?: number | null;
  expectedCloseDate?: Dayjs | null;
  ownerId?: string;
  custom?: CustomFormValues;
}

/** Edits a deal's own fields and custom values; sends only what changed. Stage moves go through the gate, not here. */
export function DealEditModal({ deal, open, onClose }: { deal: Deal; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const abilities = useAbilities();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const defs = useCustomFields('deal').data?.items ?? [];
  // Support never receives amounts, so it can neither see nor send one.
  const showAmount = !abilities.hidden('deal.amountFen') && deal.amountFen !== undefined;
  const canReassign = mayAssignOthers(abilities);

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.setFieldsValue({
      title: deal.title,
      amountYuan: deal.amountFen === undefined ? undefined : fenToYuan(deal.amountFen),
      expectedCloseDate: deal.expectedCloseDate ? dayjs(deal.expectedCloseDate) : null,
      ownerId: deal.ownerId,
      custom: customToForm(defs, deal.custom),
    });
    // Keyed on defs.length: the definitions arrive once and are cached; re-filling on each new array would wipe typing.
  }, [open, deal, form, defs.length]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const patch: Record<string, unknown> = {};
      if (v.title !== deal.title) patch.title = v.title;
      if (showAmount && v.amountYuan !== undefined && v.amountYuan !== null && yuanToFen(v.amountYuan) !== deal.amountFen) patch.amountFen = yuanToFen(v.amountYuan);
      const close = v.expectedCloseDate ? v.expectedCloseDate.format('YYYY-MM-DD') : null;
      if (close !== (deal.expectedCloseDate ?? null)) patch.expectedCloseDate = close;
      if (canReassign && v.ownerId && v.ownerId !== deal.ownerId) patch.ownerId = v.ownerId;
      const custom = formToCustom(defs, v.custom, deal.custom ?? {});
      if (Object.keys(custom).length) patch.custom = custom;
      return Object.keys(patch).length ? patchDeal(deal.id, patch) : Promise.resolve(deal);
    },
    onSuccess: () => {
      client.invalidateQueries({ queryKey: queryKeys.deal(deal.id) });
      client.invalidateQueries({ queryKey: queryKeys.audit('deal', deal.id) });
      client.invalidateQueries({ queryKey: queryKeys.board() });
      client.invalidateQueries({ queryKey: queryKeys.deals() });
      onClose();
    },
  });
  const formErrors = useFormErrors(save.error, { form, resolve: fieldResolver(['title', 'expectedCloseDate', 'ownerId'], defs.map((d) => d.key), { amountFen: 'amountYuan' }) });

  return (
    <Modal
      open={open}
      title={t('forms.editDeal')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'deal-form-ok' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="deal-edit-form">
        <Form.Item name="title" label={t('deals.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="deal-title" />
        </Form.Item>
        {showAmount && (
          <Form.Item name="amountYuan" label={t('deals.amount')} rules={[{ type: 'number', min: 0, message: t('deals.amountNegative') }]}>
            <InputNumber precision={2} prefix="¥" style={{ width: '100%' }} data-testid="deal-amount" />
          </Form.Item>
        )}
        <Form.Item name="expectedCloseDate" label={t('deals.expectedClose')}>
          <DatePicker style={{ width: '100%' }} data-testid="deal-close" />
        </Form.Item>
        {canReassign && (
          <Form.Item name="ownerId" label={t('common.owner')}>
            <UserSelect teamId={assignableTeam(me, abilities)} testId="deal-owner" />
          </Form.Item>
        )}
        {defs.length > 0 && <Divider plain>{t('forms.customFields')}</Divider>}
        <CustomFieldItems defs={defs} />
        <FormError errors={formErrors} />
      </Form>
    </Modal>
  );
}
