import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, List, Radio, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { PlatformMessageMode, PlatformMessagePrefs } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, type MessageKey } from '../../i18n';
import { FormError } from '../forms/FormError';
import { pathResolver, useFormErrors } from '../forms/useFormErrors';
import { useServerFields } from '../../lib/useServerDraft';

const MODES: PlatformMessageMode[] = ['default', 'off', 'also', 'instead'];

/**
 * A user's own choice of how notifications meant for them reach their WeCom / DingTalk / Feishu account, next to the
 * accounts bound to them (without a binding no personal message can be sent, whatever the mode).
 */
export function MyPlatformMessagesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ mode: PlatformMessageMode }>();
  const prefs = useQuery({ queryKey: queryKeys.platformMessages(), queryFn: () => api.get<PlatformMessagePrefs>('/api/me/platform-messages') });
  const save = useMutation({
    mutationFn: (mode: PlatformMessageMode) => api.put<PlatformMessagePrefs>('/api/me/platform-messages', { mode }),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.platformMessages(), saved);
      message.success(t('platformPrefs.saved'));
    },
  });
  const formErrors = useFormErrors(save.error, { form, resolve: pathResolver(['mode']) });
  const mode = prefs.data?.mode;
  useServerFields(form, mode, (v) => ({ mode: v }));

  return (
    <div style={{ maxWidth: 640 }} data-testid="platform-prefs">
      <PageTitle title={t('platformPrefs.title')} />
      <Typography.Paragraph type="secondary">{t('platformPrefs.intro')}</Typography.Paragraph>
      <Card size="small" title={t('platformPrefs.accounts')} loading={prefs.isPending}>
        {prefs.data?.bindings.length ? (
          <List
            size="small"
            dataSource={prefs.data.bindings}
            renderItem={(b) => (
              <List.Item data-testid="platform-prefs-binding">
                <Space wrap>
                  <Tag color="blue">{t(`platforms.platform.${b.platform}` as MessageKey)}</Tag>
                  <span>{t('platformPrefs.account', { name: b.name, id: b.externalId })}</span>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="platform-prefs-unbound">{t('platformPrefs.noAccounts')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('platformPrefs.mode')} style={{ marginTop: 12 }}>
        <Form form={form} layout="vertical" disabled={!prefs.data} onFinish={(v) => save.mutate(v.mode)}>
          <Form.Item name="mode" rules={[{ required: true }]}>
            <Radio.Group data-testid="platform-prefs-mode" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              {MODES.map((m) => (
                <Radio key={m} value={m} data-testid={`platform-prefs-mode-${m}`}>
                  <div>{t(`platformPrefs.mode.${m}` as MessageKey)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`platformPrefs.mode.${m}.help` as MessageKey)}
                  </Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Alert type="info" showIcon message={t('platformPrefs.adminOff')} style={{ marginBottom: 12 }} />
          <FormError errors={formErrors} />
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="platform-prefs-save" style={{ marginTop: 12 }}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
