import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';

/** Toggles 中文/English; `compact` (phones) shows a short label. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button type="text" icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
      {compact ? (lang === 'zh' ? 'EN' : '中') : t('app.language')}
    </Button>
  );
}
