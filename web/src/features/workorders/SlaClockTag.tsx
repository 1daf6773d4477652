import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n';
import { slaColour, type SlaClock } from './api';

/** One clock of an order as a coloured tag: label, status and due time. */
export function SlaClockTag({ label, clock, testId }: { label: string; clock: SlaClock; testId?: string }) {
  const { t } = useI18n();
  const due = clock.dueAt ? t('wo.due', { at: dayjs(clock.dueAt).format('MM-DD HH:mm') }) : '';
  return (
    <Tooltip title={due}>
      <Tag color={slaColour(clock)} data-testid={testId} data-status={clock.status}>
        {label} · {t(`wo.sla.${clock.status}`)}
        {clock.status === 'running' && clock.dueAt ? ` · ${dayjs(clock.dueAt).format('MM-DD HH:mm')}` : ''}
      </Tag>
    </Tooltip>
  );
}
