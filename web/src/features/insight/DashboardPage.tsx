import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Col, DatePicker, Row, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { usePipelines } from '../deals/api';
import { useTeams } from '../channels/api';
import { dictionaryOptions, useDictionary, type DictionaryKind } from '../dictionaries/api';
import { useUsers } from '../forms/UserSelect';
import { dashboardExportUrl, useMetric, type Filters } from './api';
import { ConsistencyCard } from './ConsistencyCard';
import { CadenceCard, CompletenessCard, DwellCard, FunnelCard, HeatmapCard, IdiCard, LeadQualityCard, LossCard, SaturationCard, StalledCard, TimelinessCard, WinCard } from './cards';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { SubscribeButton } from './SubscribeButton';

/**
 * The war room (作战室): the director's and managers' home. Filters live in the URL; every count opens its records
 * in a drawer (the same query), and the whole dashboard exports to one workbook, a sheet per chart.
 */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const teams = useTeams();
  const filters: Filters = {
    pipelineId: params.get('pipelineId') ?? pipelines.data?.items[0]?.id,
    from: params.get('from') ?? dayjs().subtract(29, 'day').format('YYYY-MM-DD'),
    to: params.get('to') ?? dayjs().format('YYYY-MM-DD'),
    teamId: params.get('teamId') ?? undefined,
    ownerId: params.get('ownerId') ?? undefined,
    industry: params.get('industry') ?? undefined,
    level: params.get('level') ?? undefined,
    region: params.get('region') ?? undefined,
    source: params.get('source') ?? undefined,
  };
  // Owners offered: the chosen team's members (the server still counts only what the caller's scope holds).
  const users = useUsers(filters.teamId);
  const segments: Array<{ key: 'industry' | 'level' | 'region' | 'source'; dictionary: DictionaryKind; label: string }> = [
    { key: 'industry', dictionary: 'industry', label: t('insight.industry') },
    { key: 'level', dictionary: 'customer_level', label: t('insight.level') },
    { key: 'region', dictionary: 'region', label: t('insight.region') },
    { key: 'source', dictionary: 'source', label: t('insight.sourceFilter') },
  ];
  const set = (values: Record<string, string | undefined>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(values)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const onDrill = (metric: string, cell: string, title: string) => setTarget({ metric, cell, title });
  const head = useMetric('funnel', filters);
  const props = { filters, onDrill };
  const ready = !!filters.pipelineId;
  return (
    <div>
      <PageTitle
        title={t('insight.title')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('insight.pipeline')}
              style={{ minWidth: 180 }}
              value={filters.pipelineId}
              onChange={(v) => set({ pipelineId: v })}
              options={(pipelines.data?.items ?? []).map((p) => ({ value: p.id, label: lang === 'en' ? (p.nameEn ?? p.name) : p.name }))}
            />
            <DatePicker.RangePicker
              aria-label={t('insight.period')}
              allowClear={false}
              value={[dayjs(filters.from), dayjs(filters.to)]}
              onChange={(r) => r?.[0] && r[1] && set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
            />
            <Select
              aria-label={t('insight.team')}
              placeholder={t('insight.team')}
              allowClear
              style={{ minWidth: 160 }}
              value={filters.teamId}
              onChange={(v) => set({ teamId: v, ownerId: undefined })}
              options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            />
            {head.data?.scope !== 'own' && (
              <Select
                aria-label={t('insight.owner')}
                data-testid="filter-owner"
                placeholder={t('insight.owner')}
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 140 }}
                value={filters.ownerId}
                onChange={(v) => set({ ownerId: v })}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              />
            )}
            {segments.map((seg) => (
              <SegmentSelect key={seg.key} kind={seg.dictionary} label={seg.label} value={filters[seg.key]} onChange={(v) => set({ [seg.key]: v })} />
            ))}
            <Button type="primary" icon={<DownloadOutlined />} href={dashboardExportUrl(filters)} data-testid="dashboard-export">
              {t('insight.export')}
            </Button>
            <SubscribeButton filters={filters} />
          </Space>
        }
      />
      {head.data && (
        <Typography.Paragraph type="secondary">
          {t('insight.asOf', { at: formatDateTime(head.data.asOf, lang), tz: head.data.timeZone, scope: t(`insight.scope.${head.data.scope}`) })}
          {head.data.source === 'snapshot' && <span data-testid="from-snapshot">{t('insight.fromSnapshot')}</span>}
        </Typography.Paragraph>
      )}
      {ready && (
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <FunnelCard {...props} />
            <DwellCard {...props} />
            <LossCard {...props} />
            <HeatmapCard {...props} />
          </Col>
          <Col xs={24} xl={10}>
            <StalledCard {...props} />
            <WinCard {...props} />
            <SaturationCard {...props} />
            <CadenceCard {...props} />
            <TimelinessCard {...props} />
            <ConsistencyCard {...props} />
            <CompletenessCard {...props} />
            <IdiCard {...props} />
            <LeadQualityCard {...props} />
          </Col>
        </Row>
      )}
      <DrillDrawer target={target} filters={filters} onClose={() => setTarget(null)} />
    </div>
  );
}

/** A customer-segment filter whose options are the segment's dictionary (the stored values customers carry). */
function SegmentSelect({ kind, label, value, onChange }: { kind: DictionaryKind; label: string; value?: string; onChange: (v: string | undefined) => void }) {
  const { lang } = useI18n();
  const entries = useDictionary(kind);
  return (
    <Select aria-label={label} data-testid={`filter-${kind}`} placeholder={label} allowClear style={{ minWidth: 120 }} value={value} onChange={onChange} options={dictionaryOptions(entries.data?.items, lang)} />
  );
}
