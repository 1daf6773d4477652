import { App, Button, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { api, ApiError, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAppointmentAction } from './api';
import { pathResolver, useFormErrors } from '../forms/useFormErrors';
import type { PostAnswer } from '../../api/types';

/** The next half hour, as a datetime-local value: the usual booking is "later today". */
function nextSlot(): string {
  const now = dayjs();
  const slot = now.minute() < 30 ? now.minute(30) : now.add(1, 'hour').minute(0);
  return slot.second(0).format('YYYY-MM-DDTHH:mm');
}

/** Seed 000: only the customer's mobile and the arrival time; store and consultant come from the login. */
export function RegisterForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string; at: string; name?: string }>();
  const create = useAppointmentAction((v: { phone: string; at: string; name?: string }) =>
    api.post<PostAnswer<'/api/appointments'>>('/api/appointments', { phone: v.phone, at: new Date(v.at).toISOString(), ...(v.name?.trim() ? { name: v.name.trim() } : {}) }),
  );
  useFormErrors(create.error, { form, resolve: pathResolver(['phone', 'at', 'name']) });
  const submit = (values: { phone: string; at: string; name?: string }) =>
    create.mutate(values, {
      onSuccess: (res) => {
        message.success(t(res.confirmation.queued ? 'appt.registered' : 'appt.registeredNoSms'));
        form.resetFields(['phone', 'name']);
      },
      onError: (e) => {
        if (!(e instanceof ApiError && e.body.fields?.length)) message.error(errorMessage(e));
      },
    });
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ at: nextSlot() }} data-testid="appointment-form">
      <Form.Item name="phone" label={t('appt.phone')} rules={[{ required: true, message: t('appt.phone') }]}>
        <Input type="tel" inputMode="tel" autoComplete="off" placeholder="138 0013 8000" size="large" />
      </Form.Item>
      <Form.Item name="name" label={t('appt.customerName')}>
        <Input autoComplete="off" maxLength={100} placeholder={t('appt.customerNameHint')} size="large" data-testid="appointment-name" />
      </Form.Item>
      <Form.Item name="at" label={t('appt.at')} rules={[{ required: true, message: t('appt.at') }]}>
        <Input type="datetime-local" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={create.isPending}>
        {t('appt.submit')}
      </Button>
    </Form>
  );
}
