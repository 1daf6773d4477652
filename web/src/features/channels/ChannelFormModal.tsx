import { useEffect, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { api } from '../../api/client';
import type { Channel, ChannelKind } from '../../api/types';
import { useI18n, type MessageKey } from '../../i18n';
import { CHANNEL_KINDS, ROBOT_KINDS, SECRET_FIELDS, useTeams } from './api';
import { pathResolver, useFormErrors } from '../forms/useFormErrors';
import { queryKeys } from '../../api/queryKeys';

const SECRET_LABEL: Record<string, MessageKey> = {
  webhookUrl: 'channels.webhookUrl',
  secret: 'channels.secret',
  password: 'channels.password',
  accessKeyId: 'channels.accessKeyId',
  accessKeySecret: 'channels.accessKeySecret',
};

function defaultSettings(kind: ChannelKind): Record<string, unknown> {
  if (ROBOT_KINDS.includes(kind)) return { format: 'markdown', locale: 'zh-CN', mentionByMobile: true };
  if (kind === 'email') return { port: 465, secure: true, locale: 'zh-CN' };
  return { provider: 'log', templateCode: 'ACTIONFLOW_NOTIFY', locale: 'zh-CN' };
}

/**
 * Create or edit a channel. Secrets are write-only: stored ones show "已设置" and an empty input keeps them; only
 * typed secrets are sent (the PATCH merges them into the stored ones).
 */
export function ChannelFormModal({ open, channel, onClose }: { open: boolean; channel: Channel | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const teams = useTeams();
  const [form] = Form.useForm();
  const kind: ChannelKind = Form.useWatch('kind', form) ?? channel?.kind ?? 'wecom';

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.resetFields();
    form.setFieldsValue(
      channel
        ? { kind: channel.kind, name: channel.name, teamId: channel.teamId, enabled: channel.enabled, ratePerMinute: channel.ratePerMinute, ratePerSecond: channel.ratePerSecond, settings: channel.settings, secrets: {} }
        : { kind: 'wecom', enabled: true, settings: defaultSettings('wecom'), secrets: {} },
    );
  }, [open, channel, form]);

  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const secrets = Object.fromEntries(Object.entries((values.secrets as Record<string, string>) ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
      const body = {
        name: values.name,
        teamId: values.teamId ?? null,
        enabled: values.enabled,
        ratePerMinute: values.ratePerMinute ?? null,
        ratePerSecond: values.ratePerSecond ?? null,
        settings: clean(values.settings as Record<string, unknown>),
        secrets,
      };
      return channel ? api.patch<Channel>(`/api/channels/${channel.id}`, body) : api.post<Channel>('/api/channels', { kind: values.kind, ...body });
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      client.invalidateQueries({ queryKey: queryKeys.channels() });
      onClose();
    },
  });
  const formErrors = useFormErrors(save.error, { form, resolve: pathResolver(['name', 'teamId', 'kind', 'settings', 'secrets', 'ratePerMinute', 'ratePerSecond', 'enabled']) });

  const stored = new Set(channel?.secretFields ?? []);
  const robot = ROBOT_KINDS.includes(kind);
  return (
    <Modal
      open={open}
      title={channel ? `${t('common.edit')} · ${channel.name}` : t('channels.new')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      width={680}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="channel-form">
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('channels.kind')} rules={[{ required: true }]}>
              <Select
                disabled={!!channel}
                options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`channels.kind.${k}`) }))}
                onChange={(k: ChannelKind) => form.setFieldsValue({ settings: defaultSettings(k), secrets: {} })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="teamId" label={t('channels.team')}>
              <Select allowClear placeholder={t('channels.allTeams')} loading={teams.isPending} options={(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: `${'\u3000'.repeat(tm.depth)}${tm.name}` }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="enabled" label={t('channels.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>

        {robot && (
          <Row gutter={12}>
            <SettingItem name="format" label="channels.format" sm={8}>
              <Select options={['markdown', 'text'].map((v) => ({ value: v, label: v }))} />
            </SettingItem>
            <LocaleItem sm={8} />
            <SettingItem name="mentionByMobile" label="channels.mention" xs={24} sm={8} checked>
              <Switch />
            </SettingItem>
          </Row>
        )}
        {kind === 'email' && (
          <Row gutter={12}>
            <SettingItem name="host" label="channels.host" xs={24} sm={12} required>
              <Input placeholder="smtp.exmail.qq.com" />
            </SettingItem>
            <SettingItem name="port" label="channels.port">
              <InputNumber min={1} max={65535} style={{ width: '100%' }} />
            </SettingItem>
            <SettingItem name="secure" label="channels.secure" checked>
              <Switch />
            </SettingItem>
            <SettingItem name="from" label="channels.from" xs={24} sm={12} required>
              <Input placeholder="行动流 <noreply@example.com>" />
            </SettingItem>
            <SettingItem name="user" label="channels.user">
              <Input />
            </SettingItem>
            <LocaleItem />
          </Row>
        )}
        {kind === 'sms' && (
          <Row gutter={12}>
            <SettingItem name="provider" label="channels.provider">
              <Select
                data-testid="sms-provider"
                options={[
                  { value: 'aliyun', label: t('channels.smsAliyun') },
                  { value: 'tencent', label: t('channels.smsTencent') },
                  { value: 'log', label: t('channels.smsLog') },
                ]}
              />
            </SettingItem>
            <SettingItem name="sdkAppId" label="channels.sdkAppId">
              <Input placeholder="1400…" />
            </SettingItem>
            <SettingItem name="region" label="channels.region">
              <Input placeholder="ap-guangzhou" />
            </SettingItem>
            <SettingItem name="signName" label="channels.signName">
              <Input />
            </SettingItem>
            <SettingItem name="templateCode" label="channels.templateCode">
              <Input />
            </SettingItem>
            <LocaleItem />
          </Row>
        )}

        <Row gutter={12}>
          {SECRET_FIELDS[kind].map((field) => (
            <Col xs={24} sm={field === 'webhookUrl' ? 24 : 12} key={`${kind}-${field}`}>
              <Form.Item
                name={['secrets', field]}
                label={t(SECRET_LABEL[field])}
                rules={field === 'webhookUrl' && !stored.has(field) ? [{ required: true }] : []}
                extra={stored.has(field) ? <span data-testid={`secret-set-${field}`}>{t('channels.secretSet')}</span> : undefined}
              >
                <Input.Password autoComplete="new-password" placeholder={stored.has(field) ? t('channels.secretKeep') : undefined} visibilityToggle={false} data-testid={`secret-${field}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <Form.Item name="ratePerMinute" label={t('channels.ratePerMinute')}>
              <InputNumber min={1} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="ratePerSecond" label={t('channels.ratePerSecond')}>
              <InputNumber min={1} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {formErrors.leftover.length > 0 && <Alert type="error" showIcon message={formErrors.leftover.map((f) => `${f.field}: ${f.text}`).join('; ')} />}
    </Modal>
  );
}

/** One `settings.<name>` input in its grid column; most per-kind settings are quarter-width on desktop. */
function SettingItem({ name, label, xs = 12, sm = 6, required, checked, children }: { name: string; label: MessageKey; xs?: number; sm?: number; required?: boolean; checked?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Col xs={xs} sm={sm}>
      <Form.Item name={['settings', name]} label={t(label)} {...(required ? { rules: [{ required: true }] } : {})} {...(checked ? { valuePropName: 'checked' } : {})}>
        {children}
      </Form.Item>
    </Col>
  );
}

function LocaleItem({ sm = 6 }: { sm?: number }) {
  return (
    <SettingItem name="locale" label="channels.locale" sm={sm}>
      <Select options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
    </SettingItem>
  );
}

/** Empty optional inputs are left out rather than sent as "" (which the per-kind schemas refuse). */
function clean(settings: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
