import { Tooltip } from 'antd';
import { formatDate, formatDateTime, toOrgTime } from '../lib/format';
import { useI18n } from '../i18n';

/** An instant in the org time zone, with the relative time on hover. */
export function When({ at, dateOnly }: { at: string | null | undefined; dateOnly?: boolean }) {
  const { lang } = useI18n();
  if (!at) return <span>—</span>;
  const text = dateOnly ? formatDate(at, lang) : formatDateTime(at, lang);
  return (
    <Tooltip title={toOrgTime(at)?.fromNow()}>
      <span>{text}</span>
    </Tooltip>
  );
}
