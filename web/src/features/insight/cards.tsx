/** The dashboard's cards: each one metric, every count a clickable `Num` or chart segment (→ the drill list). */
import { useMemo, type ReactNode } from 'react';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/format';
import { useMetric, type Filters } from './api';
import { Chart } from './Chart';
import { Num, pctText } from './Num';
import type * as A from './types';

export type Drill = (metric: string, cell: string, title: string) => void;
export interface CardProps {
  filters: Filters;
  onDrill: Drill;
}

export function MetricCard({ title, explain, children, loading, testId }: { title: string; explain?: { zh: string; en: string }; children: ReactNode; loading: boolean; testId: string }) {
  const { lang } = useI18n();
  return (
    <Card size="small" title={title} loading={loading} data-testid={testId} style={{ marginBottom: 16 }}>
      {explain && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{explain[lang]}</Typography.Paragraph>}
      {children}
    </Card>
  );
}

export function FunnelCard({ filters, onDrill }: CardProps) {
  const { t, lang } = useI18n();
  const m = useMetric('funnel', filters);
  const a = m.data?.answer;
  const drill = (cell: string, title: string) => onDrill('funnel', cell, title);
  const name = (s: A.StageRef) => (lang === 'en' ? s.nameEn : s.name);
  const option = useMemo(() => {
    if (!a) return {};
    const series = (['wentOn', 'lost', 'open', 'won'] as const).map((k) => ({
      name: t(`insight.${k}`),
      type: 'bar',
      stack: 'outcome',
      data: a.cohort.map((r) => ({ value: r[k].value, cell: r[k].cell })),
    }));
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 40, right: 16, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: a.cohort.map((r) => name(r.stage)) },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
  }, [a, lang, t]);
  return (
    <MetricCard title={t('insight.funnel')} explain={m.data?.explain} loading={m.isPending} testId="card-funnel">
      {a && (
        <>
          <Chart option={option} onCell={(cell) => drill(cell, t('insight.funnel'))} testId="funnel-chart" />
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.stage.key}
            dataSource={a.cohort}
            columns={[
              { title: t('insight.stage'), render: (_, r) => name(r.stage) },
              ...(['entered', 'next', 'wentOn', 'lost', 'open', 'won', 'skipped'] as const).map((k) => ({
                title: t(`insight.${k}`),
                render: (_: unknown, r: A.FunnelAnswer['cohort'][number]) => <Num c={r[k]} testId={`funnel-${r.stage.key}-${k}`} onDrill={drill} title={`${name(r.stage)} · ${t(`insight.${k}`)}`} />,
              })),
              { title: t('insight.convNext'), render: (_, r) => pctText(r.conversionNext) },
              { title: t('insight.convLater'), render: (_, r) => pctText(r.conversionLater) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {a.snapshot.label[lang]}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.stage.key}
            dataSource={a.snapshot.stages}
            columns={[
              { title: t('insight.stage'), render: (_, r) => `${name(r.stage)} (${r.probability}%)` },
              { title: t('insight.deals'), render: (_, r) => <Num c={r.deals} onDrill={drill} title={`${t('insight.snapshot')} · ${name(r.stage)}`} /> },
              ...(a.snapshot.amountFen !== undefined
                ? [
                    { title: t('insight.amount'), render: (_: unknown, r: A.FunnelAnswer['snapshot']['stages'][number]) => formatFen(r.amountFen ?? null) },
                    { title: t('insight.weighted'), render: (_: unknown, r: A.FunnelAnswer['snapshot']['stages'][number]) => formatFen(r.weightedFen ?? null) },
                  ]
                : []),
            ]}
          />
          {a.snapshot.weightedFen !== undefined && (
            <Typography.Text strong>
              {t('insight.weighted')}: {formatFen(a.snapshot.weightedFen)}
            </Typography.Text>
          )}
        </>
      )}
    </MetricCard>
  );
}

export function DwellCard({ filters, onDrill }: CardProps) {
  const { t, lang } = useI18n();
  const m = useMetric('dwell', filters);
  const drill = (cell: string, title: string) => onDrill('dwell', cell, title);
  return (
    <MetricCard title={t('insight.dwell')} explain={m.data?.explain} loading={m.isPending} testId="card-dwell">
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.stage.key}
        dataSource={m.data?.answer.stages ?? []}
        columns={[
          { title: t('insight.stage'), render: (_, r) => (lang === 'en' ? r.stage.nameEn : r.stage.name) },
          { title: t('insight.completed'), render: (_, r) => <Num c={r.completed} onDrill={drill} title={t('insight.completed')} /> },
          { title: t('insight.openStays'), render: (_, r) => <Num c={r.open} onDrill={drill} title={t('insight.openStays')} /> },
          { title: t('insight.median'), dataIndex: 'median' },
          { title: t('insight.p90'), dataIndex: 'p90' },
          { title: t('insight.km'), dataIndex: 'kmMedian' },
        ]}
      />
    </MetricCard>
  );
}

export function StalledCard({ filters, onDrill }: CardProps) {
  const { t } = useI18n();
  const m = useMetric('stalled', filters);
  const a = m.data?.answer;
  const drill = (cell: string, title: string) => onDrill('stalled', cell, title);
  return (
    <MetricCard title={t('insight.stalled')} explain={m.data?.explain} loading={m.isPending} testId="card-stalled">
      {a && (
        <>
          <Space size="large" style={{ marginBottom: 8 }}>
            <span>
              {t('insight.openDeals')}: <Num c={a.total} onDrill={drill} title={t('insight.openDeals')} />
            </span>
            <span>
              {t('insight.stalled')}: <Num c={a.stalled} onDrill={drill} title={t('insight.stalled')} /> ({pctText(a.teamShare)})
            </span>
            <span>
              {t('insight.planned')}: <Num c={a.planned} onDrill={drill} title={t('insight.planned')} />
            </span>
          </Space>
          <Table
            size="small"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            rowKey={(r) => r.owner.id}
            dataSource={a.sellers}
            columns={[
              { title: t('insight.seller'), render: (_, r) => r.owner.name },
              { title: t('insight.openDeals'), render: (_, r) => <Num c={r.open} onDrill={drill} title={r.owner.name} /> },
              { title: t('insight.stalled'), render: (_, r) => <Num c={r.stalled} onDrill={drill} title={`${r.owner.name} · ${t('insight.stalled')}`} /> },
              { title: t('insight.planned'), render: (_, r) => <Num c={r.planned} onDrill={drill} title={`${r.owner.name} · ${t('insight.planned')}`} /> },
              { title: t('insight.share'), render: (_, r) => (r.flagged ? <Tag color="red">{pctText(r.share)} · {t('insight.flag')}</Tag> : pctText(r.share)) },
            ]}
          />
        </>
      )}
    </MetricCard>
  );
}

export function SaturationCard({ filters, onDrill }: CardProps) {
  const { t } = useI18n();
  const m = useMetric('saturation', filters);
  const drill = (cell: string, title: string) => onDrill('saturation', cell, title);
  return (
    <MetricCard title={t('insight.saturation')} explain={m.data?.explain} loading={m.isPending} testId="card-saturation">
      <Table
        size="small"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        rowKey={(r) => r.owner.id}
        dataSource={m.data?.answer.sellers ?? []}
        title={() => (
          <Space wrap>
            {(m.data?.answer.sources ?? []).map((s) => (
              <span key={s.source} data-testid={`saturation-${s.source}`}>
                {t(`insight.saturation.${s.source}`)}: <Num c={s.done} onDrill={drill} title={t(`insight.saturation.${s.source}`)} /> / <Num c={s.due} onDrill={drill} title={t(`insight.saturation.${s.source}`)} /> ({pctText(s.rate)})
              </span>
            ))}
          </Space>
        )}
        columns={[
          { title: t('insight.seller'), render: (_, r) => r.owner.name },
          { title: t('insight.due'), render: (_, r) => <Num c={r.due} onDrill={drill} title={`${r.owner.name} · ${t('insight.due')}`} /> },
          { title: t('insight.done'), render: (_, r) => <Num c={r.done} onDrill={drill} title={`${r.owner.name} · ${t('insight.done')}`} /> },
          { title: t('insight.rate'), render: (_, r) => (r.warn ? <Tag color="orange">{pctText(r.rate)}</Tag> : pctText(r.rate)) },
        ]}
      />
    </MetricCard>
  );
}

export function TimelinessCard({ filters, onDrill }: CardProps) {
  const { t, lang } = useI18n();
  const m = useMetric('timeliness', filters);
  const a = m.data?.answer;
  const drill = (cell: string, title: string) => onDrill('timeliness', cell, title);
  const rows = a ? [...a.stages.map((s) => ({ key: `stage:${s.stage.key}`, label: lang === 'en' ? s.stage.nameEn : s.stage.name, all: s.clocks, breached: s.breached, rate: s.rate })), ...a.steps.map((s) => ({ key: `step:${s.step}`, label: s.step, all: s.due, breached: s.breached, rate: s.rate }))] : [];
  return (
    <MetricCard title={t('insight.timeliness')} explain={m.data?.explain} loading={m.isPending} testId="card-timeliness">
      <Table
        size="small"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('insight.stage'), dataIndex: 'label' },
          { title: t('insight.clocks'), render: (_, r) => <Num c={r.all} onDrill={drill} title={r.label} /> },
          { title: t('insight.breached'), render: (_, r) => <Num c={r.breached} onDrill={drill} title={`${r.label} · ${t('insight.breached')}`} /> },
          { title: t('insight.rate'), render: (_, r) => pctText(r.rate) },
        ]}
      />
    </MetricCard>
  );
}

export function CompletenessCard({ filters, onDrill }: CardProps) {
  const { t, lang } = useI18n();
  const m = useMetric('completeness', filters);
  const drill = (cell: string, title: string) => onDrill('completeness', cell, title);
  const rows = (m.data?.answer.stages ?? []).flatMap((s) => s.fields.map((f) => ({ key: `${s.stage.key}:${f.field}`, stage: lang === 'en' ? s.stage.nameEn : s.stage.name, ...f, fieldLabel: lang === 'en' ? f.labelEn : f.label })));
  return (
    <MetricCard title={`${t('insight.completeness')} ${pctText(m.data?.answer.total.rate)}`} explain={m.data?.explain} loading={m.isPending} testId="card-completeness">
      <Table
        size="small"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('insight.stage'), dataIndex: 'stage' },
          { title: t('insight.col.detail'), dataIndex: 'fieldLabel' },
          { title: t('insight.filled'), render: (_, r) => <Num c={r.filled} onDrill={drill} title={`${r.stage} · ${r.fieldLabel}`} /> },
          { title: t('insight.missing'), render: (_, r) => <Num c={r.missing} onDrill={drill} title={`${r.stage} · ${r.fieldLabel} · ${t('insight.missing')}`} /> },
          { title: t('insight.rate'), render: (_, r) => pctText(r.rate) },
        ]}
      />
    </MetricCard>
  );
}

export function IdiCard({ filters, onDrill }: CardProps) {
  const { t } = useI18n();
  const m = useMetric('idi', filters);
  const a = m.data?.answer;
  const drill = (cell: string, title: string) => onDrill('idi', cell, title);
  return (
    <MetricCard title={`${t('insight.idi')} ${a?.total.idi ?? '–'} / ${a?.benchmark ?? 1.2}`} explain={m.data?.explain} loading={m.isPending} testId="card-idi">
      <Table
        size="small"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        rowKey={(r) => r.owner.id}
        dataSource={a?.sellers ?? []}
        columns={[
          { title: t('insight.team'), render: (_, r) => r.team.name },
          { title: t('insight.seller'), render: (_, r) => r.owner.name },
          { title: t('insight.interactions'), render: (_, r) => <Num c={r.interactions} onDrill={drill} title={r.owner.name} /> },
          { title: t('insight.customers'), dataIndex: 'customers' },
          { title: 'IDI', dataIndex: 'idi' },
        ]}
      />
    </MetricCard>
  );
}

export function LossCard({ filters, onDrill }: CardProps) {
  const { t, lang } = useI18n();
  const m = useMetric('loss_matrix', filters);
  const a = m.data?.answer;
  const drill = (cell: string, title: string) => onDrill('loss_matrix', cell, title);
  const option = useMemo(() => {
    if (!a) return {};
    const data = a.rows.flatMap((r, y) => r.cells.map((c, x) => ({ value: [x, y, c.lost.value], cell: c.lost.cell })));
    return {
      tooltip: {},
      grid: { left: 90, right: 16, top: 10, bottom: 60 },
      xAxis: { type: 'category', data: a.stages.map((s) => (lang === 'en' ? s.nameEn : s.name)) },
      yAxis: { type: 'category', data: a.rows.map((r) => r.segment || '—') },
      visualMap: { min: 0, max: Math.max(1, ...data.map((d) => d.value[2])), orient: 'horizontal', left: 'center', bottom: 0, calculable: true },
      series: [{ type: 'heatmap', data, label: { show: true } }],
    };
  }, [a, lang]);
  return (
    <MetricCard title={t('insight.lossMatrix')} explain={m.data?.explain} loading={m.isPending} testId="card-loss">
      {a && a.rows.length > 0 ? <Chart option={option} onCell={(cell) => drill(cell, t('insight.lossMatrix'))} height={Math.max(200, 40 * a.rows.length + 90)} /> : <Typography.Text type="secondary">{t('insight.none')}</Typography.Text>}
    </MetricCard>
  );
}

export function WinCard({ filters, onDrill }: CardProps) {
  const { t } = useI18n();
  const m = useMetric('win_rate', filters);
  const a = m.data?.answer;
  const drill = (cell: string, title: string) => onDrill('win_rate', cell, title);
  return (
    <MetricCard title={t('insight.winRate')} explain={m.data?.explain} loading={m.isPending} testId="card-win">
      {a && (
        <Space size="large" wrap>
          <span>
            {t('insight.won')}: <Num c={a.won} onDrill={drill} title={t('insight.won')} />
          </span>
          <span>
            {t('insight.lost')}: <Num c={a.lost} onDrill={drill} title={t('insight.lost')} />
          </span>
          <span>
            {t('insight.rate')}: {pctText(a.winRate)}
          </span>
          <span>
            {t('insight.cycle')}: {a.averageCycleDays ?? '–'} ({a.averageCycleWorkingDays ?? '–'} wd)
          </span>
        </Space>
      )}
    </MetricCard>
  );
}

export function LeadQualityCard({ filters, onDrill }: CardProps) {
  const { t } = useI18n();
  const m = useMetric('lead_quality', filters);
  const drill = (cell: string, title: string) => onDrill('lead_quality', cell, title);
  const sources = m.data?.answer.sources ?? [];
  return (
    <MetricCard title={t('insight.leadQuality')} explain={m.data?.explain} loading={m.isPending} testId="card-lead-quality">
      <Table
        size="small"
        pagination={false}
        rowKey="source"
        dataSource={sources}
        columns={[
          { title: t('insight.source'), render: (_, r) => r.source || '—' },
          { title: t('insight.deals'), render: (_, r) => <Num c={r.deals} onDrill={drill} title={r.source} /> },
          { title: t('insight.won'), render: (_, r) => <Num c={r.won} onDrill={drill} title={`${r.source} · ${t('insight.won')}`} /> },
          { title: t('insight.conversion'), render: (_, r) => pctText(r.conversion) },
          ...(sources.some((s) => s.wonAmountFen !== undefined) ? [{ title: t('insight.amount'), render: (_: unknown, r: A.LeadQualityAnswer['sources'][number]) => formatFen(r.wonAmountFen ?? null) }] : []),
        ]}
      />
    </MetricCard>
  );
}

export function CadenceCard({ filters, onDrill }: CardProps) {
  const { t } = useI18n();
  const m = useMetric('cadence_ontime', filters);
  const a = m.data?.answer;
  const drill = (cell: string, title: string) => onDrill('cadence_ontime', cell, title);
  return (
    <MetricCard title={`${t('insight.cadence')} ${pctText(a?.rate)}`} explain={m.data?.explain} loading={m.isPending} testId="card-cadence">
      {a && (
        <Space size="large" wrap>
          <span>
            {t('insight.due')}: <Num c={a.total} onDrill={drill} title={t('insight.due')} />
          </span>
          <span>
            {t('insight.onTime')}: <Num c={a.onTime} onDrill={drill} title={t('insight.onTime')} />
          </span>
          <span>
            {t('insight.late')}: <Num c={a.late} onDrill={drill} title={t('insight.late')} />
          </span>
          <span>
            {t('insight.missing')}: <Num c={a.missed} onDrill={drill} title={t('insight.missing')} />
          </span>
        </Space>
      )}
    </MetricCard>
  );
}

export function HeatmapCard({ filters, onDrill }: CardProps) {
  const { t, lang } = useI18n();
  const m = useMetric('heatmap', filters);
  const a = m.data?.answer;
  const option = useMemo(() => {
    if (!a) return {};
    const owners = [...new Map(a.cells.map((c) => [c.owner.id, c.owner.name])).entries()];
    const data = a.cells.map((c) => ({ value: [a.stages.findIndex((s) => s.key === c.stage), owners.findIndex(([id]) => id === c.owner.id), c.average ?? 0], cell: c.cell }));
    return {
      tooltip: {},
      grid: { left: 90, right: 16, top: 10, bottom: 60 },
      xAxis: { type: 'category', data: a.stages.map((s) => (lang === 'en' ? s.nameEn : s.name)) },
      yAxis: { type: 'category', data: owners.map(([, n]) => n) },
      visualMap: { min: 0, max: Math.max(1, ...data.map((d) => d.value[2])), orient: 'horizontal', left: 'center', bottom: 0, calculable: true },
      series: [{ type: 'heatmap', data, label: { show: true } }],
    };
  }, [a, lang]);
  const owners = a ? new Set(a.cells.map((c) => c.owner.id)).size : 0;
  return (
    <MetricCard title={t('insight.heatmap')} explain={m.data?.explain} loading={m.isPending} testId="card-heatmap">
      {a && a.cells.length > 0 && <Chart option={option} onCell={(cell) => onDrill('heatmap', cell, t('insight.heatmap'))} height={Math.min(600, Math.max(200, 28 * owners + 90))} />}
      {a && a.unusedCustomFields.length > 0 && (
        <Typography.Paragraph>
          {t('insight.unusedFields')}:{' '}
          {a.unusedCustomFields.map((f) => (
            <Tag key={`${f.entity}:${f.key}`}>{lang === 'en' ? (f.labelEn ?? f.label) : f.label}</Tag>
          ))}
        </Typography.Paragraph>
      )}
      {a && a.unusedTags.length > 0 && (
        <Typography.Paragraph data-testid="unused-tags">
          {t('insight.unusedTags')}: {a.unusedTags.map((g) => <Tag key={g.key}>{lang === 'en' ? (g.labelEn ?? g.label) : g.label}</Tag>)}
        </Typography.Paragraph>
      )}
    </MetricCard>
  );
}
