import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, type Page } from '../../api/client';
import type { Deal, Task } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { dayjs, ORG_TZ, toOrgTime } from '../../lib/format';
import { CustomerSelect } from '../customers/CustomerSelect';
import { FormError } from '../forms/FormError';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import { assignableTeam, mayAssignOthers, UserSelect } from '../forms/UserSelect';
import { queryKeys } from '../../api/queryKeys';

interface Values {
  title: string;
  assigneeId?: string;
  dueAt?: Dayjs | null;
  customerId?: string | null;
  dealId?: string | null;
}

interface Props {
  open: boolean;
  onClose(): void;
  /** Editing this task (title, due, assignee); without it the form creates one. */
  task?: Task;
  /** Fixed relation when opened from a customer or deal page. */
  customer?: { id: string; name: string };
  dealId?: string;
}

/** The picker shows wall-clock time; the task is due at that time in the org zone, whatever the browser's zone. */
const toIso = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DDTHH:mm:00'), ORG_TZ).toISOString();
const fromIso = (iso: string | null) => (iso ? dayjs(toOrgTime(iso)!.format('YYYY-MM-DDTHH:mm')) : null);

export function TaskFormModal({ open, onClose, task, customer, dealId }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useAuth();
  const abilities = useAbilities();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const pickedCustomer = Form.useWatch('customerId', form);
  const canAssign = mayAssignOthers(abilities);

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.setFieldsValue(
      task
        ? { title: task.title, assigneeId: task.assigneeId, dueAt: fromIso(task.dueAt), customerId: task.customerId ?? null, dealId: task.dealId ?? null }
        : { title: '', assigneeId: me.id, dueAt: null, customerId: customer?.id ?? null, dealId: dealId ?? null },
    );
  }, [open, task, customer, dealId, me.id, form]);
  // A relation chosen by where the form was opened (or already on the task) is shown, not searched for.
  const fixedCustomer = task ? (task.customer ?? null) : (customer ?? null);

  const deals = useQuery({
    queryKey: queryKeys.deals('for-customer', pickedCustomer),
    queryFn: () => api.get<Page<Deal>>('/api/deals', { customerId: pickedCustomer, pageSize: 100 }),
    enabled: open && !!pickedCustomer,
  });

  const dealOptions = (deals.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }));
  if (task?.deal && !dealOptions.some((o) => o.value === task.deal!.id)) dealOptions.unshift({ value: task.deal.id, label: task.deal.title });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        assigneeId: v.assigneeId ?? me.id,
        dueAt: v.dueAt ? toIso(v.dueAt) : null,
        customerId: v.customerId ?? null,
        dealId: v.dealId ?? null,
      };
      if (!task) return api.post<Task>('/api/tasks', body);
      // PATCH only what changed: the audit log then shows exactly what the user did.
      const before: Record<string, unknown> = { title: task.title, assigneeId: task.assigneeId, dueAt: task.dueAt, customerId: task.customerId ?? null, dealId: task.dealId ?? null };
      const patch = Object.fromEntries(Object.entries(body).filter(([k, val]) => before[k] !== val));
      return Object.keys(patch).length ? api.patch<Task>(`/api/tasks/${task.id}`, patch) : Promise.resolve(task);
    },
    onSuccess: () => {
      if (!task) message.success(t('forms.taskCreated'));
      client.invalidateQueries({ queryKey: queryKeys.tasks() });
      onClose();
    },
  });
  const formErrors = useFormErrors(save.error, { form, resolve: fieldResolver(['title', 'assigneeId', 'dueAt', 'customerId', 'dealId'], []) });

  return (
    <Modal
      open={open}
      title={task ? t('forms.editTask') : t('forms.newTask')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'task-form-ok' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="task-form">
        <Form.Item name="title" label={t('forms.taskTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} data-testid="task-title" />
        </Form.Item>
        {canAssign && (
          <Form.Item name="assigneeId" label={t('forms.assignee')}>
            <UserSelect teamId={assignableTeam(me, abilities)} testId="task-assignee" />
          </Form.Item>
        )}
        <Form.Item name="dueAt" label={t('forms.dueAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="task-due" />
        </Form.Item>
        <Form.Item name="customerId" label={t('forms.customer')} hidden={!!fixedCustomer}>
          <CustomerSelect
            testId="task-customer"
            onChange={(v) => {
              form.setFieldsValue({ customerId: v ?? null, dealId: null });
            }}
          />
        </Form.Item>
        {fixedCustomer && (
          <Form.Item label={t('forms.customer')}>
            <Input value={fixedCustomer.name} disabled />
          </Form.Item>
        )}
        <Form.Item name="dealId" label={t('forms.deal')}>
          <Select
            allowClear
            disabled={!pickedCustomer || !!task || !!dealId}
            loading={deals.isFetching}
            options={dealOptions}
            data-testid="task-deal"
          />
        </Form.Item>
        <FormError errors={formErrors} />
      </Form>
    </Modal>
  );
}
