import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Switch, Table, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import type { GetAnswer } from '../../api/types';
import type { paths } from '../../api/schema';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { toFen, useMoneyMutation } from './useMoneyMutation';
import { queryKeys } from '../../api/queryKeys';
import { useServerFields } from '../../lib/useServerDraft';

type Settings = paths['/api/contracts/settings']['get']['responses'][200]['content']['application/json'];
type Partners = paths['/api/receivables/finance-partners']['get']['responses'][200]['content']['application/json'];
type SettingsForm = Omit<Settings, 'version' | 'updatedAt' | 'toleranceFen'> & { toleranceYuan: number };

/**
 * Admin → 回款设置: the receivable policy (tolerance, band day basis, due-date shift on non-working days, contract
 * number sequence, claim pause, escalation delay) and the finance partner (财务对接人) of each team.
 */
export function MoneySettingsPage() {
  const { t } = useI18n();
  return (
    <div>
      <PageTitle title={t('money.settings')} />
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        <PolicyCard />
        <PartnersCard />
      </Space>
    </div>
  );
}

function PolicyCard() {
  const { t } = useI18n();
  const [form] = Form.useForm<SettingsForm>();
  const settings = useQuery({ queryKey: queryKeys.moneySettings('settings'), queryFn: () => api.get<Settings>('/api/contracts/settings') });
  const save = useMoneyMutation({ success: t('common.saved') });
  useServerFields(form, settings.data, (v) => ({ ...v, toleranceYuan: v.toleranceFen / 100 }));
  if (settings.error) return <Typography.Text type="danger">{errorMessage(settings.error)}</Typography.Text>;
  const numberExample = (v: Partial<SettingsForm>) => `${v.numberPrefix ?? 'HT'}${v.numberYearly ? new Date().getFullYear() : ''}-${'1'.padStart(v.numberPad ?? 4, '0')}`;
  return (
    <Card title={t('money.policy')} loading={settings.isLoading} extra={settings.data && <Typography.Text type="secondary">{t('money.versionN', { n: settings.data.version })}</Typography.Text>}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={({ toleranceYuan, ...v }) => save.mutate({ method: 'put', path: '/api/contracts/settings', body: { ...v, toleranceFen: toFen(toleranceYuan) } })}
      >
        <Form.Item name="toleranceYuan" label={t('money.tolerance')} extra={t('money.toleranceHint')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} addonBefore="¥" data-testid="settings-tolerance" />
        </Form.Item>
        <Form.Item name="bandBasis" label={t('money.bandBasis')}>
          <Radio.Group options={(['calendar', 'working'] as const).map((b) => ({ value: b, label: t(`money.bandBasis.${b}`) }))} />
        </Form.Item>
        <Form.Item name="dueShift" label={t('money.dueShift')}>
          <Select style={{ width: 280 }} options={(['next_working_day', 'previous_working_day', 'none'] as const).map((d) => ({ value: d, label: t(`money.dueShift.${d}`) }))} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="numberPrefix" label={t('money.numberPrefix')} rules={[{ required: true }]}>
            <Input maxLength={16} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="numberPad" label={t('money.numberPad')}>
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="numberYearly" label={t('money.numberYearly')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item shouldUpdate label={t('money.numberExample')}>
            {() => <Typography.Text code>{numberExample(form.getFieldsValue())}</Typography.Text>}
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="claimPauseDays" label={t('money.claimPauseDays')}>
            <InputNumber min={0} max={60} addonAfter={t('money.workingDays')} />
          </Form.Item>
          <Form.Item name="escalationDays" label={t('money.escalationDays')}>
            <InputNumber min={0} max={60} addonAfter={t('money.workingDays')} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function PartnersCard() {
  const { t } = useI18n();
  const partners = useQuery({ queryKey: queryKeys.moneySettings('partners'), queryFn: () => api.get<Partners>('/api/receivables/finance-partners') });
  const finance = useQuery({ queryKey: queryKeys.moneySettings('finance-users'), queryFn: () => api.get<GetAnswer<'/api/users'>>('/api/users', { role: 'finance' }) });
  const save = useMoneyMutation({ success: t('common.saved') });
  type Row = Partners['items'][number];
  return (
    <Card title={t('money.partners')} extra={<Typography.Text type="secondary">{t('money.partnersHint')}</Typography.Text>}>
      <Table<Row>
        size="small"
        rowKey={(r) => r.team.id}
        loading={partners.isLoading}
        dataSource={partners.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('money.team'), key: 'team', render: (_: unknown, r: Row) => r.team.name },
          {
            title: t('money.partner'),
            key: 'partner',
            render: (_: unknown, r: Row) => (
              <Select
                allowClear
                style={{ width: 220 }}
                placeholder={t('money.partnerInherited')}
                value={r.partner?.id}
                loading={save.isPending}
                data-testid={`partner-${r.team.id}`}
                options={(finance.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName || u.username }))}
                onChange={(userId?: string) => save.mutate({ method: 'put', path: `/api/receivables/finance-partners/${r.team.id}`, body: { userId: userId ?? null } })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
