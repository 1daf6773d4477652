/** Action consistency: customers logged by ≥ 2 sellers, by how far their recorded tags agree (each count drills). */
import { Space, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useMetric } from './api';
import { MetricCard, type CardProps } from './cards';
import { Num, pctText } from './Num';

export function ConsistencyCard({ filters, onDrill }: CardProps) {
  const { t } = useI18n();
  const m = useMetric('consistency', filters);
  const a = m.data?.answer;
  const drill = (cell: string, title: string) => onDrill('consistency', cell, title);
  return (
    <MetricCard title={t('insight.consistency')} explain={m.data?.explain} loading={m.isPending} testId="card-consistency">
      {a && (
        <>
          <Space size="large" wrap>
            <span>
              {t('insight.consistency.customers')}: <Num c={a.customers} onDrill={drill} title={t('insight.consistency.customers')} testId="consistency-customers" />
            </span>
            {a.states.map((s) => (
              <span key={s.state}>
                {t(`insight.consistency.${s.state}`)}: <Num c={s} onDrill={drill} title={t(`insight.consistency.${s.state}`)} testId={`consistency-${s.state}`} />
              </span>
            ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('insight.consistency.agreement', { pct: pctText(a.agreement) })}
          </Typography.Paragraph>
        </>
      )}
    </MetricCard>
  );
}
