import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, InputNumber, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { pathResolver, useFormErrors } from '../forms/useFormErrors';
import type { AssistRuleSet } from './api';
import type { GetAnswer } from '../../api/types';

type Rule = AssistRuleSet['rules'][number] & { min?: number; workingDays?: number; days?: number };
const PARAM: Record<string, 'min' | 'workingDays' | 'days' | undefined> = { rating_at_least: 'min', deal_advanced_within: 'workingDays', deal_won_within: 'days' };

/** Admin: the point rules in force and a form that publishes the next version from an effective date (today or later). */
export function AssistRulesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const rules = useQuery({ queryKey: queryKeys.assistRules(), queryFn: () => api.get<GetAnswer<'/api/assist-point-rules'>>('/api/assist-point-rules') });
  const publish = useMutation({
    mutationFn: (body: unknown) => api.post<AssistRuleSet>('/api/assist-point-rules', body),
    onSuccess: () => {
      message.success(t('ap.published'));
      client.invalidateQueries({ queryKey: queryKeys.assistRules() });
    },
  });
  const errors = useFormErrors(publish.error, { form, resolve: pathResolver(['effectiveFrom', 'caps', 'rules']) });
  const inForce = rules.data?.inForce;
  if (rules.error) return <Typography.Text type="danger">{errorMessage(rules.error)}</Typography.Text>;
  if (!inForce) return null;
  const current = inForce.rules as Rule[];
  return (
    <div>
      <PageTitle title={t('ap.rulesTitle')} />
      <Typography.Paragraph>{t('ap.inForce', { version: inForce.version, from: inForce.effectiveFrom })}</Typography.Paragraph>
      <Card size="small" title={t('ap.publish')}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ effectiveFrom: dayjs().add(1, 'day'), perOrder: inForce.caps.perOrder, perHelperWeek: inForce.caps.perHelperWeek, points: current.map((r) => r.points), params: current.map((r) => (PARAM[r.kind] ? r[PARAM[r.kind]!] : null)) }}
          onFinish={(v) =>
            publish.mutate({
              effectiveFrom: (v.effectiveFrom as dayjs.Dayjs).format('YYYY-MM-DD'),
              caps: { perOrder: v.perOrder ?? null, perHelperWeek: v.perHelperWeek ?? null },
              rules: current.map((r, i) => {
                const param = PARAM[r.kind];
                return { key: r.key, kind: r.kind, points: v.points[i], ...(param ? { [param]: v.params[i] } : {}) };
              }),
            })
          }
        >
          <Table<Rule>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={current}
            columns={[
              { title: t('ap.rule'), render: (_, r) => t(`ap.kind.${r.kind}` as never) },
              {
                title: t('ap.param'),
                render: (_, r, i) =>
                  PARAM[r.kind] ? (
                    <Form.Item name={['params', i]} noStyle>
                      <InputNumber min={1} />
                    </Form.Item>
                  ) : null,
              },
              {
                title: t('ap.points'),
                render: (_, _r, i) => (
                  <Form.Item name={['points', i]} noStyle>
                    <InputNumber min={1} max={1000} />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Space wrap style={{ marginTop: 16 }}>
            <Form.Item name="perOrder" label={t('ap.perOrder')}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="perHelperWeek" label={t('ap.perHelperWeek')}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('ap.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
          </Space>
          {errors.leftover.length > 0 && <Typography.Paragraph type="danger">{errors.leftover.map((e) => e.text).join('；')}</Typography.Paragraph>}
          <Button type="primary" htmlType="submit" loading={publish.isPending}>
            {t('ap.publish')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
