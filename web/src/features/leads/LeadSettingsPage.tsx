import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Switch, Tabs, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useTeams } from '../channels/api';
import { dictionaryOptions, useDictionary } from '../dictionaries/api';
import { FormError } from '../forms/FormError';
import { pathResolver, useFormErrors } from '../forms/useFormErrors';
import type { GetAnswer } from '../../api/types';
import { useServerFields } from '../../lib/useServerDraft';

type LeadSettings = GetAnswer<'/api/lead-assignment'>;
type Assignment = LeadSettings['assignment'];
type Pool = LeadSettings['pool'];
/** A rule as the form edits it: the key may still be empty (ruleKey fills it in). */
type Rule = Omit<Assignment['rules'][number], 'key'> & { key?: string };
const EFFECTS = ['delivered_info', 'probed_need', 'advanced_decision'] as const;

/** The daily sweep time as the admin thinks of it ("every day at 02:00"), from and to the stored cron. */
export function dailyTime(cron: string): string | null {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim());
  return m ? `${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}` : null;
}
export const cronAt = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return `${m} ${h} * * *`;
};

/** A rule key the API accepts, made from its position when the admin left it empty (keys only tell rules apart). */
const ruleKey = (r: Rule, i: number) => (r.key && /^[a-z0-9_-]+$/.test(r.key) ? r.key : `rule_${i + 1}`);

/**
 * 线索与公海设置 (issue 15 point 10): the lead-assignment rules, the pool's return and claim rules and which effects
 * make an activity count as effective — before this page they could only be set through the API. Values come from
 * the admin-managed dictionaries, so a rule's "浙江省" is the same entry customers carry.
 */
export function LeadSettingsPage() {
  const { t } = useI18n();
  const settings = useQuery({ queryKey: queryKeys.leadSettings(), queryFn: () => api.get<LeadSettings>('/api/lead-assignment') });
  return (
    <div>
      <PageTitle title={t('leadSettings.title')} />
      {settings.data && (
        <Tabs
          items={[
            { key: 'assignment', label: t('leadSettings.assignment'), children: <AssignmentForm value={settings.data.assignment} /> },
            { key: 'pool', label: t('leadSettings.pool'), children: <PoolForm value={settings.data.pool} /> },
            { key: 'effective', label: t('leadSettings.effective'), children: <EffectiveRuleForm /> },
          ]}
        />
      )}
    </div>
  );
}

function useSaved() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  return () => {
    message.success(t('leadSettings.saved'));
    void client.invalidateQueries({ queryKey: queryKeys.leadSettings() });
  };
}

function AssignmentForm({ value }: { value: Assignment }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Assignment>();
  const teams = useTeams();
  const regions = useDictionary('region');
  const industries = useDictionary('industry');
  const sources = useDictionary('source');
  const saved = useSaved();
  const save = useMutation({
    mutationFn: (v: Assignment) =>
      api.put('/api/lead-assignment', {
        enabled: !!v.enabled,
        defaultTeamId: v.defaultTeamId ?? null,
        defaultMethod: v.defaultMethod,
        rules: (v.rules ?? []).map((r, i) => ({ key: ruleKey(r, i), name: r.name, teamId: r.teamId, method: r.method, when: r.when ?? {} })),
      }),
    onSuccess: saved,
  });
  const errors = useFormErrors(save.error, { form, resolve: pathResolver(['rules', 'defaultTeamId', 'defaultMethod', 'enabled']) });
  useServerFields(form, value, (v) => v);
  const teamOptions = (teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  const methods = [
    { value: 'round_robin', label: t('leadSettings.roundRobin') },
    { value: 'least_load', label: t('leadSettings.leastLoad') },
  ];
  const tags = (opts: ReturnType<typeof dictionaryOptions>) => ({ mode: 'multiple' as const, allowClear: true, options: opts, optionFilterProp: 'label', style: { minWidth: 180 } });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="assignment-form" style={{ maxWidth: 900 }}>
      <Form.Item name="enabled" valuePropName="checked" label={t('leadSettings.autoAssign')} extra={t('leadSettings.autoAssignHint')}>
        <Switch data-testid="assignment-enabled" />
      </Form.Item>
      <Form.List name="rules">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" title={t('leadSettings.ruleN', { n: i + 1 })} extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('leadSettings.remove')} />}>
                <Space wrap align="start">
                  <Form.Item name={[f.name, 'name']} label={t('leadSettings.ruleName')} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={100} data-testid={`rule-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'when', 'regions']} label={t('customers.region')}>
                    <Select {...tags(dictionaryOptions(regions.data?.items, lang))} data-testid={`rule-regions-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'when', 'industries']} label={t('customers.industry')}>
                    <Select {...tags(dictionaryOptions(industries.data?.items, lang))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'when', 'sources']} label={t('leadSettings.source')}>
                    <Select {...tags(dictionaryOptions(sources.data?.items, lang))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'teamId']} label={t('leadSettings.toTeam')} rules={[{ required: true }]}>
                    <Select options={teamOptions} style={{ minWidth: 160 }} data-testid={`rule-team-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'method']} label={t('leadSettings.method')} initialValue="round_robin">
                    <Select options={methods} style={{ minWidth: 140 }} />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', teamId: undefined, method: 'round_robin', when: {} })} data-testid="rule-add">
              {t('leadSettings.addRule')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Space wrap style={{ marginTop: 16 }}>
        <Form.Item name="defaultTeamId" label={t('leadSettings.defaultTeam')} extra={t('leadSettings.defaultTeamHint')}>
          <Select allowClear options={teamOptions} style={{ minWidth: 200 }} />
        </Form.Item>
        <Form.Item name="defaultMethod" label={t('leadSettings.method')}>
          <Select options={methods} style={{ minWidth: 140 }} />
        </Form.Item>
      </Space>
      <FormError errors={errors} />
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="assignment-save" style={{ marginTop: 8 }}>
        {t('leadSettings.save')}
      </Button>
    </Form>
  );
}

type PoolFormValues = Omit<Pool, 'cron'> & { time: string };

function PoolForm({ value }: { value: Pool }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<PoolFormValues>();
  const levels = useDictionary('customer_level');
  const saved = useSaved();
  const time = dailyTime(value.cron);
  const save = useMutation({
    mutationFn: ({ time: at, ...v }: PoolFormValues) => api.put('/api/pool/settings', { ...v, defaultDays: v.defaultDays ?? null, cron: at ? cronAt(at) : value.cron }),
    onSuccess: saved,
  });
  const errors = useFormErrors(save.error, { form, resolve: (f) => (f === 'cron' ? 'time' : f.startsWith('levelDays.') ? ['levelDays', f.slice(10)] : ['enabled', 'defaultDays', 'claimsPerDay', 'maxHeld'].includes(f) ? f : undefined) });
  useServerFields(form, value, (v) => ({ ...v, time: dailyTime(v.cron) ?? '' }));
  const levelKeys = [...new Set([...(levels.data?.items ?? []).map((e) => e.key), ...Object.keys(value.levelDays)])];
  const levelLabel = (key: string) => dictionaryOptions(levels.data?.items, lang).find((o) => o.value === key)?.label ?? key;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="pool-form" style={{ maxWidth: 720 }}>
      <Form.Item name="enabled" valuePropName="checked" label={t('leadSettings.poolEnabled')}>
        <Switch />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('leadSettings.levelDaysHint')}</Typography.Paragraph>
      <Space wrap>
        {levelKeys.map((k) => (
          <Form.Item key={k} name={['levelDays', k]} label={t('leadSettings.levelDays', { level: levelLabel(k) })}>
            <InputNumber min={1} max={3650} addonAfter={t('leadSettings.days')} data-testid={`level-days-${k}`} />
          </Form.Item>
        ))}
        <Form.Item name="defaultDays" label={t('leadSettings.defaultDays')} extra={t('leadSettings.defaultDaysHint')}>
          <InputNumber min={1} max={3650} addonAfter={t('leadSettings.days')} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="time" label={t('leadSettings.sweepAt')} extra={time ? undefined : t('leadSettings.cronKept', { cron: value.cron })}>
          <Input type="time" style={{ width: 140 }} data-testid="pool-time" />
        </Form.Item>
        <Form.Item name="claimsPerDay" label={t('leadSettings.claimsPerDay')}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
        <Form.Item name="maxHeld" label={t('leadSettings.maxHeld')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
      </Space>
      <Form.Item name="returnInactiveOwners" valuePropName="checked">
        <Checkbox>{t('leadSettings.returnInactive')}</Checkbox>
      </Form.Item>
      <Form.Item name="crossTeamClaim" valuePropName="checked" extra={t('leadSettings.crossTeamHint')}>
        <Checkbox data-testid="pool-cross-team">{t('leadSettings.crossTeam')}</Checkbox>
      </Form.Item>
      <FormError errors={errors} />
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="pool-save" style={{ marginTop: 8 }}>
        {t('leadSettings.save')}
      </Button>
    </Form>
  );
}

function EffectiveRuleForm() {
  const { t } = useI18n();
  const client = useQueryClient();
  const { message } = App.useApp();
  const rule = useQuery({ queryKey: queryKeys.leadSettings('effective-rule'), queryFn: () => api.get<GetAnswer<'/api/activity-settings/effective-rule'>>('/api/activity-settings/effective-rule') });
  const [form] = Form.useForm<{ counts: string[] }>();
  useServerFields(form, rule.data, (v) => ({ counts: v.counts }));
  const save = useMutation({
    mutationFn: (v: { counts: string[] }) => api.put('/api/activity-settings/effective-rule', { counts: v.counts ?? [] }),
    onSuccess: () => {
      message.success(t('leadSettings.saved'));
      void client.invalidateQueries({ queryKey: queryKeys.leadSettings('effective-rule') });
    },
  });
  const errors = useFormErrors(save.error, { form, resolve: (f) => (f.startsWith('counts') ? 'counts' : undefined) });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="effective-form" style={{ maxWidth: 640 }}>
      <Typography.Paragraph>{t('leadSettings.effectiveHint')}</Typography.Paragraph>
      <Form.Item name="counts" label={t('leadSettings.effectiveCounts')}>
        <Checkbox.Group options={EFFECTS.map((e) => ({ value: e, label: t(`leadSettings.effect.${e}`) }))} data-testid="effective-counts" />
      </Form.Item>
      <FormError errors={errors} />
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="effective-save">
        {t('leadSettings.save')}
      </Button>
    </Form>
  );
}
