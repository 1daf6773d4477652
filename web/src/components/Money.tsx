import { Typography } from 'antd';
import { formatFen } from '../lib/format';
import { useI18n } from '../i18n';

/** Shows fen as CNY; a missing amount (support role) shows as "hidden" instead of ¥0.00. */
export function Money({ fen }: { fen: number | null | undefined }) {
  const { t } = useI18n();
  const text = formatFen(fen);
  if (text === null) return <Typography.Text type="secondary">{t('common.hidden')}</Typography.Text>;
  return <span className="money">{text}</span>;
}
