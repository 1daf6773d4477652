/**
 * Admin → the predictive thresholds (a versioned setting): the evidence bar of a pattern, the data threshold of cold
 * start, the backtest's test share, the notification throttle, the closed loop's window and its holdout share (flagged
 * deals that get no suggestion and no notification, so the loop's lift can be checked). Saving appends a version; the
 * next mining run pins it. Fields not on the form (k values, windows, expert rules) are kept as they are.
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { patternKeys, type PatternSettingsVersion } from './api';
import { useServerFields } from '../../lib/useServerDraft';

type Settings = PatternSettingsVersion['settings'];
/** The form shows shares as percentages. */
type Values = Omit<Settings, 'testShare' | 'holdoutShare' | 'kValues' | 'followupDays' | 'rules'> & { testPct: number; holdoutPct: number };

const settingsKey = ['patterns', 'settings'] as const;

export function SettingsView() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const current = useQuery({ queryKey: settingsKey, queryFn: () => api.get<PatternSettingsVersion>('/api/patterns/settings') });
  const s = current.data?.settings;
  useServerFields(form, s, (v) => ({ ...v, testPct: Math.round(v.testShare * 100), holdoutPct: Math.round(v.holdoutShare * 100) }));
  const save = useMutation({
    mutationFn: ({ testPct, holdoutPct, ...v }: Values) => api.put<PatternSettingsVersion>('/api/patterns/settings', { ...s, ...v, testShare: testPct / 100, holdoutShare: holdoutPct / 100 }),
    onSuccess: (r) => {
      message.success(t('predict.settings.saved', { version: r.version }));
      client.setQueryData(settingsKey, r);
      client.invalidateQueries({ queryKey: patternKeys.all });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (current.error) return <Typography.Text type="danger">{errorMessage(current.error)}</Typography.Text>;
  const field = (name: keyof Values, min: number, max: number, step = 1) => (
    <Form.Item name={name} label={t(`predict.settings.${name}`)} extra={t(`predict.settings.${name}Hint`)} rules={[{ required: true }]}>
      <InputNumber min={min} max={max} step={step} data-testid={`pattern-settings-${name}`} style={{ width: 160 }} />
    </Form.Item>
  );
  return (
    <Card size="small" loading={current.isPending} data-testid="pattern-settings" title={t('predict.settings.title', { version: current.data?.version ?? 0 })}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
        {field('minSupport', 5, 10_000)}
        {field('minLift', 1, 10, 0.1)}
        {field('minClosedDeals', 10, 100_000)}
        {field('testPct', 10, 50)}
        {field('notifyEveryDays', 1, 60)}
        {field('loopDays', 1, 60)}
        {field('holdoutPct', 0, 50)}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="pattern-settings-save">
          {t('predict.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}
