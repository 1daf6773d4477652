import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { SlaState } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';

const COLOUR = { on_time: 'green', yellow: 'gold', red: 'red' } as const;
const ICON = { on_time: <ClockCircleOutlined />, yellow: <WarningOutlined />, red: <ExclamationCircleOutlined /> };

/**
 * On time / warning / overdue tag with the next deadline. `quiet` hides the tag for on-time records without a
 * running clock, so boards are not covered in green.
 */
export function SlaTag({ sla, quiet, showDue = true }: { sla: SlaState | undefined; quiet?: boolean; showDue?: boolean }) {
  const { t, lang } = useI18n();
  if (!sla) return null;
  if (quiet && sla.state === 'on_time' && !sla.dueAt) return null;
  const due = sla.dueAt ? t('sla.due', { at: formatDateTime(sla.dueAt, lang) }) : null;
  const tip = [sla.level > 0 ? t('sla.level', { n: sla.level }) : null, due].filter(Boolean).join(' · ');
  return (
    <Tooltip title={tip || undefined}>
      <Tag color={COLOUR[sla.state]} icon={ICON[sla.state]} data-testid="sla-tag" data-sla={sla.state} style={{ marginInlineEnd: 0 }}>
        {t(`sla.${sla.state}`)}
        {showDue && due && <span style={{ marginInlineStart: 4, opacity: 0.8 }}>{due}</span>}
      </Tag>
    </Tooltip>
  );
}
