import { useEffect, useState } from 'react';
import { Alert, Button, Divider, Space } from 'antd';
import { api, ApiError } from '../../api/client';
import type { PlatformSignInOptions } from '../../api/types';
import { useI18n } from '../../i18n';
import { clientPlatform, inClientAuthCode } from './clientSdk';
import { REASON_MESSAGES, reasonMessage, type ReasonCode } from '../../../../shared/messages';

/**
 * The login page's platform buttons (each starts the OAuth sign-in of an enabled connection) and the refusal a
 * platform sign-in came back with (`/login?platformError=<reason>&…`), in the reader's language.
 */
export function PlatformLogin() {
  const { t, lang } = useI18n();
  const [options, setOptions] = useState<PlatformSignInOptions['items']>([]);
  const query = new URLSearchParams(window.location.search);
  const reason = query.get('platformError');
  const [signingIn, setSigningIn] = useState(false);
  useEffect(() => {
    api.get<PlatformSignInOptions>('/api/platforms/sign-in/options').then((r) => setOptions(r.items), () => setOptions([]));
  }, []);
  // Opened inside a platform's client: sign in without a click (免登) — once; a refusal stays on the page.
  useEffect(() => {
    const platform = clientPlatform();
    const option = options.find((o) => o.platform === platform);
    if (!platform || !option || reason) return;
    setSigningIn(true);
    if (platform === 'wecom') {
      // WeCom's in-client sign-in is the silent OAuth redirect.
      window.location.assign(`${option.startUrl}?inClient=1`);
      return;
    }
    void (async () => {
      const code = await inClientAuthCode(platform, option.clientId ?? '');
      if (code) {
        try {
          await api.post(`/api/platforms/${option.id}/sign-in`, { code, mode: 'in_client' });
          window.location.assign('/');
          return;
        } catch (e) {
          // Refused (not matched, deactivated…): shown like an OAuth refusal, with its reason.
          const r = e instanceof ApiError ? e.body.reason : undefined;
          if (r && e instanceof ApiError) {
            const params = Object.fromEntries(Object.entries(e.body.params ?? {}).map(([k, v]) => [k, String(v)]));
            window.location.assign(`/login?${new URLSearchParams({ platformError: r, ...params }).toString()}`);
            return;
          }
        }
      }
      setSigningIn(false);
    })();
  }, [options, reason]);
  const params = Object.fromEntries([...query.entries()].filter(([k]) => k !== 'platformError'));
  const refusal = reason && Object.hasOwn(REASON_MESSAGES, reason) ? reasonMessage(reason as ReasonCode, lang, params) : reason;
  if (!options.length && !refusal && !signingIn) return null;
  return (
    <div data-testid="platform-login">
      {signingIn && <Alert type="info" showIcon message={t('platforms.signingIn')} style={{ marginBottom: 12 }} data-testid="platform-signing-in" />}
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
