import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import { useRef } from 'react';
import { api, ApiError, errorMessage } from '../../api/client';
import type { Activity } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { dayjs, orgDateToIso } from '../../lib/format';
import { useI18n } from '../../i18n';
import { CustomerSelect } from '../customers/CustomerSelect';
import { ACTIVITY_TYPES, activityLabel } from './types';
import type { Dayjs } from 'dayjs';
import { queryKeys } from '../../api/queryKeys';

/** crypto.randomUUID exists only in secure contexts; intranet installs often serve plain HTTP. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ql-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

interface FormValues {
  customerId: string;
  summary: string;
  nextAction?: string;
  nextActionAt?: Dayjs;
  type: string;
}

/** Log a contact in under a minute on a phone: customer, progress, next action (+ date); type is optional. */
export function QuickLogPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const dealId = params.get('dealId') ?? undefined;

  // One Idempotency-Key per submission: a second tap or a retry after a lost answer (weak mobile signal) sends the
  // same key and body, so the server replays the first answer instead of logging the contact twice.
  const submission = useRef<{ key: string; fingerprint: string; body: Record<string, unknown> } | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.create<Activity>('/api/activities', body, submission.current!.key),
    // Only a network failure is retried automatically; the key makes it safe.
    retry: (count, error) => count < 2 && !(error instanceof ApiError),
    onSuccess: () => {
      submission.current = null;
      message.success(t('activities.saved'));
      client.invalidateQueries({ queryKey: queryKeys.activities() });
      client.invalidateQueries({ queryKey: queryKeys.tasks() });
      form.resetFields(['summary', 'nextAction', 'nextActionAt']);
    },
  });

  function bodyFor(v: FormValues): Record<string, unknown> {
    const content = {
      type: v.type,
      customerId: v.customerId,
      ...(dealId ? { dealId } : {}),
      summary: v.summary,
      nextAction: v.nextAction || null,
      nextActionAt: v.nextActionAt ? orgDateToIso(v.nextActionAt) : null,
    };
    const fingerprint = JSON.stringify(content);
    // The same form content again (not yet saved) is the same submission: same key, same occurredAt.
    if (submission.current?.fingerprint !== fingerprint) {
      submission.current = { key: newIdempotencyKey(), fingerprint, body: { ...content, occurredAt: new Date().toISOString() } };
    }
    return submission.current.body;
  }

  return (
    <div className="quicklog">
      <PageTitle title={t('activities.quickLog')} />
      <Card size="small">
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{ type: 'call', customerId: params.get('customerId') ?? undefined }}
          onFinish={(v) => save.mutate(bodyFor(v))}
          data-testid="quicklog-form"
        >
          <Form.Item name="customerId" label={t('activities.customer')} rules={[{ required: true }]}>
            <CustomerSelect testId="quicklog-customer" />
          </Form.Item>
          <Form.Item name="summary" label={t('activities.progress')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} placeholder={t('activities.progressPlaceholder')} maxLength={4000} data-testid="quicklog-summary" />
          </Form.Item>
          <Form.Item name="nextAction" label={t('activities.nextAction')}>
            <Input placeholder={t('activities.nextActionPlaceholder')} data-testid="quicklog-next" />
          </Form.Item>
          <Form.Item
            name="nextActionAt"
            label={t('activities.nextActionAt')}
            dependencies={['nextAction']}
            rules={[({ getFieldValue }) => ({ required: !!getFieldValue('nextAction') })]}
          >
            <DatePicker style={{ width: '100%' }} format={lang === 'zh' ? 'YYYY年M月D日 dddd' : 'YYYY-MM-DD ddd'} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} inputReadOnly data-testid="quicklog-date" />
          </Form.Item>
          <Form.Item name="type" label={t('activities.type')}>
            <Select options={ACTIVITY_TYPES.map((type) => ({ value: type, label: t(activityLabel(type)) }))} />
          </Form.Item>
          {save.error && <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="quicklog-submit">
            {t('activities.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
