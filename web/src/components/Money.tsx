import { Typography } from 'antd';
import { formatFen, formatFenWan } from '../lib/format';
import { useMoneyStyle } from '../lib/moneyStyle';
import { useI18n } from '../i18n';

/**
 * Shows fen as CNY in the viewer's display style (full or 万); a missing amount (support role) shows as "hidden"
 * instead of ¥0.00. The full amount stays in the tooltip when shortened.
 */
export function Money({ fen }: { fen: number | null | undefined }) {
  const { t } = useI18n();
  const style = useMoneyStyle();
  const full = formatFen(fen);
  if (full === null) return <Typography.Text type="secondary">{t('common.hidden')}</Typography.Text>;
  const text = style === 'wan' ? formatFenWan(fen)! : full;
  return (
    <span className="money" title={text === full ? undefined : full}>
      {text}
    </span>
  );
}
