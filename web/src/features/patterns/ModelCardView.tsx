/**
 * The model card of a pipeline: what the patterns were learnt from (deals used, won / lost, the time split and the
 * leakage guard), each surfaced pattern's out-of-time precision, and how many days before the loss the flag first
 * appeared on average (the seeds' "4.7 days earlier", measured on this pipeline's own test deals); below, the
 * secondary risk score with its out-of-time AUC and Brier score and the weight of each behavioural dimension.
 */
import { Alert, Card, Descriptions, Empty, Space, Statistic, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useModelCard, type ModelCard } from './api';

type Card = ModelCard['card'];
type CardPattern = NonNullable<Card['patterns']>[number];
type RiskScore = Card['riskScore'];

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);
const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** The secondary risk score: its out-of-time figures and the published weight of every dimension. */
function RiskScoreView({ score }: { score: RiskScore | undefined }) {
  const { t, lang } = useI18n();
  if (!score) return null;
  if (!score.available) return <Alert type="info" showIcon style={{ marginTop: 12 }} data-testid="risk-score-unavailable" message={t('predict.score.unavailable', { reason: lang === 'en' ? score.reasonEn : score.reason })} />;
  return (
    <Card size="small" style={{ marginTop: 12 }} title={t('predict.score.title')} data-testid="risk-score">
      <Typography.Paragraph type="secondary">{t('predict.score.explain', { threshold: pct(score.threshold) })}</Typography.Paragraph>
      <Space size="large" wrap>
        <Statistic title={t('predict.score.auc')} value={num(score.auc)} data-testid="risk-score-auc" />
        <Statistic title={t('predict.score.brier')} value={`${num(score.brier, 3)} / ${num(score.baseBrier, 3)}`} data-testid="risk-score-brier" />
        <Statistic title={t('predict.score.days')} value={score.avgDaysBeforeLoss ?? '—'} suffix={score.avgDaysBeforeLoss != null ? t('predict.days') : undefined} />
        <Statistic title={t('predict.score.medianDays')} value={score.medianDaysBeforeLoss ?? '—'} suffix={score.medianDaysBeforeLoss != null ? t('predict.days') : undefined} data-testid="risk-score-median-days" />
        <Statistic title={t('predict.score.flagged')} value={`${score.flaggedLost} / ${score.testLost}`} />
        <Statistic title={t('predict.score.falseAlarms')} value={score.flaggedWon} />
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={score.dimensions}
        columns={[
          { title: t('predict.score.dimension'), render: (_, d) => (lang === 'en' ? d.labelEn : d.label) },
          { title: t('predict.score.weight'), render: (_, d) => <span style={{ color: d.weight > 0 ? '#cf1322' : d.weight < 0 ? '#389e0d' : undefined }}>{d.weight.toFixed(2)}</span> },
        ]}
      />
    </Card>
  );
}

export function ModelCardView({ pipelineId }: { pipelineId: string }) {
  const { t, lang } = useI18n();
  const query = useModelCard(pipelineId);
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  const m = query.data;
  if (!m) return <Card loading />;
  if (!m.runId) return <Empty description={t('predict.notMined')} />;
  if (m.coldStart) return <Alert type="info" showIcon data-testid="model-card-cold" message={t('predict.coldStartCard', { used: m.dealsUsed, min: m.minClosedDeals })} />;
  const c = m.card;
  return (
    <div data-testid="model-card">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space size="large" wrap>
          <Statistic title={t('predict.card.dealsUsed')} value={m.dealsUsed} />
          <Statistic title={t('predict.card.wonLost')} value={`${c.won ?? 0} / ${c.lost ?? 0}`} />
          <Statistic title={t('predict.card.split')} value={`${c.split?.trainDeals ?? 0} / ${c.split?.testDeals ?? 0}`} />
          <Statistic title={t('predict.card.daysEarlier')} value={c.avgDaysBeforeLoss ?? '—'} suffix={c.avgDaysBeforeLoss != null ? t('predict.days') : undefined} data-testid="model-card-days" />
          <Statistic title={t('predict.card.medianDays')} value={c.medianDaysBeforeLoss ?? '—'} suffix={c.medianDaysBeforeLoss != null ? t('predict.days') : undefined} data-testid="model-card-median-days" />
          <Statistic title={t('predict.card.flaggedLost')} value={`${c.flaggedLostDeals ?? 0} / ${c.testLostDeals ?? 0}`} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('predict.card.minedAt')}>{formatDateTime(m.minedAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('predict.card.settings')}>v{m.settingsVersion ?? 0}</Descriptions.Item>
          <Descriptions.Item label={t('predict.card.trainUntil')}>{formatDateTime(c.split?.trainUntil, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('predict.card.testFrom')}>{formatDateTime(c.split?.testFrom, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('predict.card.tried')}>{c.candidatesTried ?? 0}</Descriptions.Item>
          <Descriptions.Item label={t('predict.card.leakage')}>{t('predict.card.leakageText')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Table<CardPattern>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.patterns ?? []}
        columns={[
          { title: t('predict.col.pattern'), render: (_, p) => <span><Tag color={p.kind === 'risk' ? 'red' : 'green'}>{t(p.kind === 'risk' ? 'predict.kind.risk' : 'predict.kind.positive')}</Tag>{lang === 'en' ? p.descriptionEn : p.description}</span> },
          { title: t('predict.card.train'), render: (_, p) => `${p.trainSupport} · ${pct(p.trainRate)}` },
          { title: t('predict.card.live'), render: (_, p) => (p.surfaced ? <Tag color="red" data-testid="model-card-live">{t('predict.card.liveYes')}</Tag> : <Tag>{t('predict.card.liveNo')}</Tag>) },
          { title: t('predict.card.surfacedOnTrain'), render: (_, p) => (p.surfacedOnTrain ? <Tag color="blue">✓</Tag> : <Tag>✗</Tag>) },
          { title: t('predict.card.test'), render: (_, p) => `${p.testHits} / ${p.testSupport}` },
          { title: t('predict.card.precision'), render: (_, p) => <span data-testid="model-card-precision">{pct(p.testPrecision)}</span> },
        ]}
      />
      <RiskScoreView score={c.riskScore} />
    </div>
  );
}
