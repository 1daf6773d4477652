import { useEffect, useState } from 'react';
import { Alert, Button, Divider, Space } from 'antd';
import { api } from '../../api/client';
import type { PlatformSignInOptions } from '../../api/types';
import { useI18n } from '../../i18n';
import { REASON_MESSAGES, reasonMessage, type ReasonCode } from '../../../../shared/messages';

/**
 * The login page's platform buttons (each starts the OAuth sign-in of an enabled connection) and the refusal a
 * platform sign-in came back with (`/login?platformError=<reason>&…`), in the reader's language.
 */
export function PlatformLogin() {
  const { t, lang } = useI18n();
  const [options, setOptions] = useState<PlatformSignInOptions['items']>([]);
  useEffect(() => {
    api.get<PlatformSignInOptions>('/api/platforms/sign-in/options').then((r) => setOptions(r.items), () => setOptions([]));
  }, []);
  const query = new URLSearchParams(window.location.search);
  const reason = query.get('platformError');
  const params = Object.fromEntries([...query.entries()].filter(([k]) => k !== 'platformError'));
  const refusal = reason && Object.hasOwn(REASON_MESSAGES, reason) ? reasonMessage(reason as ReasonCode, lang, params) : reason;
  if (!options.length && !refusal) return null;
  return (
    <div data-testid="platform-login">
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} role="alert" />}
      {options.length > 0 && (
        <>
          <Divider plain>{t('platforms.or')}</Divider>
          <Space direction="vertical" style={{ width: '100%' }}>
            {options.map((o) => (
              <Button key={o.id} block href={o.startUrl} data-testid={`login-${o.platform}`}>
                {t('platforms.loginWith', { name: t(`platforms.platform.${o.platform}`) })}
              </Button>
            ))}
          </Space>
        </>
      )}
    </div>
  );
}
