import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, type Page } from '../../api/client';
import type { PlatformConnection, PlatformConnectionInput, PlatformSyncRun, PlatformTestResult } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { FormError } from '../forms/FormError';
import { useFormErrors } from '../forms/useFormErrors';
import { deptRowsOf, formSettingsOf, mergeSettings, PlatformSettingsFields, settingsResolver, type DeptTeamRow, type PlatformSettings } from './PlatformSettingsFields';
import { useI18n, type MessageKey } from '../../i18n';

type Platform = PlatformConnection['platform'];
const IDS: Record<Platform, Array<'corpId' | 'agentId' | 'appKey' | 'appId'>> = { wecom: ['corpId', 'agentId'], dingtalk: ['appKey', 'agentId'], feishu: ['appId'] };
const SECRETS: Record<Platform, Array<'secret' | 'callbackToken' | 'encodingAesKey' | 'verificationToken' | 'encryptKey' | 'cardApiSecret'>> = {
  wecom: ['secret', 'callbackToken', 'encodingAesKey'],
  dingtalk: ['secret', 'cardApiSecret', 'callbackToken', 'encodingAesKey'],
  feishu: ['secret', 'verificationToken', 'encryptKey'],
};
const KEY = ['platforms'];

/** Admin: connect WeCom / DingTalk / Feishu apps, test the credentials, preview and run the contact sync. */
export function PlatformsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<PlatformConnection | 'new' | null>(null);
  const list = useQuery({ queryKey: KEY, queryFn: () => api.get<Page<PlatformConnection>>('/api/platforms') });
  const test = useMutation({
    mutationFn: (id: string) => api.post<PlatformTestResult>(`/api/platforms/${id}/test`),
    onSuccess: (r) => (r.ok ? message.success(t('platforms.testOk', { at: r.expiresAt ?? '' })) : message.error(r.error ?? '')),
    onError: (e) => message.error(errorMessage(e)),
  });
  const sync = useMutation({
    mutationFn: (v: { id: string; dryRun: boolean }) => api.post<PlatformSyncRun>(`/api/platforms/${v.id}/sync`, { dryRun: v.dryRun }),
    onSuccess: (r) => {
      const counts = (r.plan.counts ?? {}) as Record<string, number>;
      if (r.status === 'failed') message.error(r.error ?? r.status);
      else message.info(t('platforms.syncResult', counts));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <div>
      <PageTitle
        title={t('platforms.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="platform-new">
            {t('platforms.new')}
          </Button>
        }
      />
      {list.error && <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>}
      <Table<PlatformConnection>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { key: 'name', title: t('common.name'), dataIndex: 'name' },
          { key: 'platform', title: t('platforms.platform'), dataIndex: 'platform', render: (p: Platform) => <Tag>{t(`platforms.platform.${p}` as MessageKey)}</Tag> },
          { key: 'callback', title: t('platforms.callbackUrl'), dataIndex: 'callbackUrl', render: (u: string) => <Typography.Text copyable>{u}</Typography.Text> },
          {
            key: 'actions',
            title: '',
            render: (_: unknown, c) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing(c)}>{t('common.edit')}</Button>
                <Button size="small" loading={test.isPending} onClick={() => test.mutate(c.id)} data-testid="platform-test">{t('platforms.test')}</Button>
                <Button size="small" onClick={() => sync.mutate({ id: c.id, dryRun: true })}>{t('platforms.syncDry')}</Button>
                <Button size="small" danger onClick={() => sync.mutate({ id: c.id, dryRun: false })}>{t('platforms.syncApply')}</Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <ConnectionModal connection={editing === 'new' ? null : editing} onClose={() => { setEditing(null); void client.invalidateQueries({ queryKey: KEY }); }} />}
    </div>
  );
}

interface FormValues {
  platform: Platform;
  name: string;
  settings: PlatformSettings;
  deptTeams?: DeptTeamRow[];
  secrets: Record<string, string | undefined>;
  enabled: boolean;
}

function ConnectionModal({ connection, onClose }: { connection: PlatformConnection | null; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const platform = Form.useWatch('platform', form) ?? connection?.platform ?? 'wecom';
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const secrets = Object.fromEntries(Object.entries(v.secrets ?? {}).filter(([, x]) => x));
      const settings = mergeSettings((connection?.settings ?? {}) as PlatformSettings, v.settings ?? {}, v.deptTeams ?? []);
      return connection
        ? api.patch(`/api/platforms/${connection.id}`, { name: v.name, settings, secrets, enabled: v.enabled })
        : api.post('/api/platforms', { platform: v.platform, name: v.name, settings, secrets, enabled: v.enabled } satisfies PlatformConnectionInput);
    },
    onSuccess: onClose,
  });
  const formErrors = useFormErrors(save.error, { form, resolve: settingsResolver(() => form.getFieldValue('deptTeams') as DeptTeamRow[] | undefined) });
  const stored = (connection?.settings ?? {}) as PlatformSettings;
  const initial: Partial<FormValues> = connection
    ? { platform: connection.platform, name: connection.name, settings: formSettingsOf(stored), deptTeams: deptRowsOf(stored), secrets: {}, enabled: connection.enabled }
    : { platform: 'wecom', name: '', settings: formSettingsOf({ signIn: true, notify: { mode: 'also' } }), deptTeams: [], secrets: {}, enabled: true };
  return (
    <Modal open title={connection ? connection.name : t('platforms.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="platform" label={t('platforms.platform')}>
          <Select disabled={!!connection} options={(['wecom', 'dingtalk', 'feishu'] as const).map((p) => ({ value: p, label: t(`platforms.platform.${p}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        {IDS[platform].map((k) => (
          <Form.Item key={k} name={['settings', k]} label={t(`platforms.${k}` as MessageKey)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        ))}
        {SECRETS[platform].map((k) => (
          <Form.Item key={k} name={['secrets', k]} label={t(`platforms.${k}` as MessageKey)} extra={connection?.secretFields.includes(k) ? t('platforms.secretKept') : undefined}>
            <Input.Password autoComplete="off" />
          </Form.Item>
        ))}
        {platform === 'dingtalk' && (
          // Optional: with a 互动卡片 template approvals and work orders arrive with working buttons.
          <Form.Item name={['settings', 'cardTemplateId']} label={t('platforms.cardTemplateId')}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name={['settings', 'baseUrl']} label={t('platforms.baseUrl')}>
          <Input placeholder="https://" data-testid="platform-base-url" />
        </Form.Item>
        <Form.Item name={['settings', 'signIn']} label={t('platforms.signIn')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <PlatformSettingsFields />
        <Form.Item name="enabled" label={t('platforms.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <FormError errors={formErrors} />
      </Form>
    </Modal>
  );
}
