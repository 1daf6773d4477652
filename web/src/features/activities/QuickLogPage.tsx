import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import { api, errorMessage, type Page } from '../../api/client';
import type { components } from '../../api/schema';
import type { Deal } from '../../api/types';
import type { MessageKey } from '../../i18n/zh';
import { PageTitle } from '../../components/PageTitle';
import { dayjs, ORG_TZ, orgDateToIso } from '../../lib/format';
import { useI18n } from '../../i18n';
import { CustomerSelect } from '../customers/CustomerSelect';
import { ACTIVITY_TYPES, activityLabel } from './types';
import type { Dayjs } from 'dayjs';
import { queryKeys } from '../../api/queryKeys';
import { FreeTextLog, type ParsedLog } from './FreeTextLog';
import { newIdempotencyKey, sendOrQueue } from '../../offline/queue';
import { useActivityTags } from '../patterns/api';


type Logged = components['schemas']['LoggedActivity'];

/** "No deal" in the deal picker: the activity is about the customer only. */
const NO_DEAL = '__none__';

interface FormValues {
  customerId: string;
  dealId?: string;
  summary: string;
  outcome?: string;
  nextAction?: string;
  nextActionAt?: Dayjs;
  type: string;
  tags?: string[];
}

/** Log a contact in under a minute on a phone: customer, progress, next action (+ date); type is optional. */
export function QuickLogPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const dealId = params.get('dealId') ?? undefined;
  const customerId = Form.useWatch('customerId', form);
  const [result, setResult] = useState<Logged | null>(null);
  // The free-text proposal applied to the form: its exact due instant and contact are kept while the form still
  // shows the same day and customer.
  const [parsed, setParsed] = useState<ParsedLog | null>(null);
  function applyParsed(p: ParsedLog) {
    setParsed(p);
    form.setFieldsValue({
      ...(p.customer ? { customerId: p.customer.id } : {}),
      ...(p.dealId ? { dealId: p.dealId } : {}),
      summary: p.summary,
      nextAction: p.nextAction?.text,
      nextActionAt: p.nextAction?.dueAt ? dayjs(p.nextAction.dueAt).tz(ORG_TZ) : undefined,
      ...(p.type ? { type: p.type } : {}),
    });
  }
  // The customer's open deals: one is linked automatically (the server does the same), several are asked for.
  const openDeals = useQuery({
    queryKey: queryKeys.deals({ customerId, status: 'open', quicklog: true }),
    queryFn: () => api.get<Page<Deal>>('/api/deals', { customerId, status: 'open', pageSize: 20 }),
    enabled: !!customerId && !dealId,
  });
  const deals = openDeals.data?.items ?? [];
  const tags = useActivityTags();

  // One Idempotency-Key per submission: a second tap or a retry after a lost answer (weak mobile signal) sends the
  // same key and body, so the server replays the first answer instead of logging the contact twice.
  const submission = useRef<{ key: string; fingerprint: string; body: Record<string, unknown> } | null>(null);
  // Without a connection the log is kept on the device (待同步) and sent with the same key when it returns.
  const save = useMutation({
    // Not paused while offline (React Query's default): sendOrQueue keeps the log on the device instead.
    networkMode: 'always',
    mutationFn: (body: Record<string, unknown>) =>
      sendOrQueue<Logged>({ key: submission.current!.key, kind: 'activity', method: 'POST', path: '/api/activities', body, label: String(body.summary).slice(0, 40) }),
    onSuccess: (sent) => {
      submission.current = null;
      if (sent.queued) {
        setResult(null);
        message.info(t('fieldlog.offlineSaved'));
      } else {
        setResult(sent.body);
        message.success(t('activities.saved'));
      }
      client.invalidateQueries({ queryKey: queryKeys.activities() });
      client.invalidateQueries({ queryKey: queryKeys.tasks() });
      form.resetFields(['summary', 'outcome', 'nextAction', 'nextActionAt', 'tags']);
      setParsed(null);
    },
  });

  function bodyFor(v: FormValues): Record<string, unknown> {
    const sameCustomer = !!parsed?.customer && parsed.customer.id === v.customerId;
    const due = parsed?.nextAction?.dueAt;
    const exactDue = due && v.nextActionAt && dayjs(due).tz(ORG_TZ).format('YYYY-MM-DD') === v.nextActionAt.format('YYYY-MM-DD') ? due : null;
    const content = {
      type: v.type,
      customerId: v.customerId,
      ...(dealId ? { dealId } : v.dealId === NO_DEAL ? { dealId: null } : v.dealId ? { dealId: v.dealId } : {}),
      summary: v.summary,
      outcome: v.outcome || null,
      nextAction: v.nextAction || null,
      nextActionAt: exactDue ?? (v.nextActionAt ? orgDateToIso(v.nextActionAt) : null),
      ...(v.tags?.length ? { tags: v.tags } : {}),
      ...(sameCustomer && parsed?.contact?.id ? { contactIds: [parsed.contact.id] } : {}),
    };
    const fingerprint = JSON.stringify(content);
    // The same form content again (not yet saved) is the same submission: same key, same occurredAt.
    if (submission.current?.fingerprint !== fingerprint) {
      submission.current = { key: newIdempotencyKey(), fingerprint, body: { ...content, occurredAt: parsed?.occurredAt ?? new Date().toISOString() } };
    }
    return submission.current.body;
  }

  return (
    <div className="quicklog">
      <PageTitle title={t('activities.quickLog')} />
      <Card size="small">
        <FreeTextLog onApply={applyParsed} />
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{ type: 'call', customerId: params.get('customerId') ?? undefined }}
          onFinish={(v) => save.mutate(bodyFor(v))}
          data-testid="quicklog-form"
        >
          <Form.Item name="customerId" label={t('activities.customer')} rules={[{ required: true }]}>
            <CustomerSelect testId="quicklog-customer" known={parsed?.customer} />
          </Form.Item>
          {!dealId && deals.length === 1 && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('quicklog.linksOnly', { title: deals[0].title })} data-testid="quicklog-auto-deal" />
          )}
          {!dealId && deals.length > 1 && (
            <Form.Item name="dealId" label={t('activities.deal')} rules={[{ required: true, message: t('quicklog.pickDeal') }]}>
              <Select
                data-testid="quicklog-deal"
                placeholder={t('quicklog.pickDeal')}
                options={[...deals.map((d) => ({ value: d.id, label: d.title })), { value: NO_DEAL, label: t('quicklog.noDeal') }]}
              />
            </Form.Item>
          )}
          <Form.Item name="summary" label={t('activities.progress')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} placeholder={t('activities.progressPlaceholder')} maxLength={4000} data-testid="quicklog-summary" />
          </Form.Item>
          <Form.Item name="outcome" label={t('activities.outcome')} extra={t('quicklog.outcomeHint')}>
            <Input placeholder={t('quicklog.outcomePlaceholder')} maxLength={2000} data-testid="quicklog-outcome" />
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
          {/* What exactly was done (价格确认, 技术参数对比 …): the vocabulary patterns are learnt from. */}
          <Form.Item name="tags" label={t('activities.tags')}>
            <Select
              mode="multiple"
              allowClear
              data-testid="quicklog-tags"
              options={(tags.data?.items ?? []).map((x) => ({ value: x.key, label: lang === 'en' ? (x.labelEn ?? x.label) : x.label }))}
            />
          </Form.Item>
          {result && (
            <Alert
              data-testid="quicklog-result"
              style={{ marginBottom: 12 }}
              showIcon
              type={result.effective ? 'success' : 'warning'}
              message={t(result.effective ? 'quicklog.counts' : 'quicklog.notCounts')}
              description={[
                result.effective ? '' : t(`quicklog.reason.${result.effectiveReason}` as MessageKey),
                result.deal ? t(result.dealLink === 'auto' ? 'quicklog.linkedAuto' : 'quicklog.linked', { title: result.deal.title }) : '',
                result.dealLink === 'ask' ? t('quicklog.askedDeal') : '',
              ]
                .filter(Boolean)
                .join(' ')}
            />
          )}
          {save.error && <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="quicklog-submit">
            {t('activities.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
