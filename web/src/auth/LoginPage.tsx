import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, ApiError, errorMessage } from '../api/client';
import type { PostAnswer } from '../api/types';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { queryKeys } from '../api/queryKeys';
import { PlatformLogin } from '../features/platforms/PlatformLogin';

export function LoginPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<PostAnswer<'/api/auth/login'>>('/api/auth/login', values);
      client.setQueryData(queryKeys.me(), res.user);
      // Asked once more through the service worker, which keeps the new user's answer for an offline reload.
      void client.refetchQueries({ queryKey: queryKeys.me(), exact: true });
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'BAD_CREDENTIALS' ? t('login.failed') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <Card className="login-card" title={<Typography.Title level={4} style={{ margin: 0 }}>{t('app.name')}</Typography.Title>} extra={<LanguageSwitch />}>
        <Form layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <PlatformLogin />
      </Card>
    </div>
  );
}
