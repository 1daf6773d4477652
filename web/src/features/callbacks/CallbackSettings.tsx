import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Select, Table } from 'antd';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useI18n } from '../../i18n';
import { useTeams } from '../admin/UsersPage';
import { FormError } from '../forms/FormError';
import { UserSelect } from '../forms/UserSelect';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import { useCallbackSettings, type CallbackSetting } from './api';

interface Values {
  teamId: string;
  sharePercent: number;
  checkerId?: string;
}

const ORG = '*';

/** The share of customers called back each month (org default, or a team's own) and who calls (else the manager). */
export function CallbackSettings() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useCallbackSettings(true);
  const teams = useTeams();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.put('/api/callback-settings', { teamId: v.teamId === ORG ? null : v.teamId, shareBp: Math.round(v.sharePercent * 100), checkerId: v.checkerId ?? null }),
    onSuccess: () => {
      message.success(t('common.saved'));
      client.invalidateQueries({ queryKey: queryKeys.callbackSettings() });
    },
  });
  const errors = useFormErrors(save.error, { form, resolve: fieldResolver(['teamId', 'checkerId'], [], { shareBp: 'sharePercent' }) });
  return (
    <div>
      <Table<CallbackSetting>
        size="small"
        rowKey={(r) => r.teamId ?? ORG}
        loading={settings.isPending}
        dataSource={settings.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('callback.team'), render: (_, r) => r.team?.name ?? t('callback.orgDefault') },
          { title: t('callback.share'), render: (_, r) => `${r.shareBp / 100} %` },
          { title: t('callback.checker'), render: (_, r) => r.checker?.name ?? t('callback.managerChecks') },
        ]}
        onRow={(r) => ({ onClick: () => form.setFieldsValue({ teamId: r.teamId ?? ORG, sharePercent: r.shareBp / 100, checkerId: r.checker?.id }) })}
      />
      <Form form={form} layout="inline" style={{ marginTop: 16, rowGap: 8 }} initialValues={{ teamId: ORG, sharePercent: 5 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="teamId" label={t('callback.team')}>
          <Select style={{ minWidth: 180 }} data-testid="callback-settings-team" options={[{ value: ORG, label: t('callback.orgDefault') }, ...(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))]} />
        </Form.Item>
        <Form.Item name="sharePercent" label={t('callback.share')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={100} step={1} addonAfter="%" data-testid="callback-settings-share" />
        </Form.Item>
        <Form.Item name="checkerId" label={t('callback.checker')}>
          <UserSelect allowClear testId="callback-settings-checker" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="callback-settings-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
      <FormError errors={errors} />
    </div>
  );
}
