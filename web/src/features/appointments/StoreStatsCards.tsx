import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../i18n';
import { useStoreStats } from './api';

/** Store figures of one day: arrivals, deals won, no-shows, no-show second-touch rate. */
export function StoreStatsCards({ date, store }: { date: string; store?: string }) {
  const { t } = useI18n();
  const stats = useStoreStats({ store, from: date, to: date });
  const s = stats.data;
  const cards = [
    { key: 'arrivals', label: t('appt.arrivals'), value: s?.arrivals },
    { key: 'dealsWon', label: t('appt.dealsWon'), value: s?.dealsWon },
    { key: 'noShows', label: t('appt.noShows'), value: s?.noShows },
    { key: 'secondTouch', label: t('appt.secondTouch'), value: s ? (s.noShowSecondTouchRate === null ? '—' : `${Math.round(s.noShowSecondTouchRate * 100)}%`) : undefined },
  ];
  return (
    <Row gutter={[8, 8]}>
      {cards.map((c) => (
        <Col xs={12} md={6} key={c.key}>
          <Card size="small" loading={stats.isPending} data-testid={`stat-${c.key}`}>
            <Statistic title={c.label} value={c.value ?? 0} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
