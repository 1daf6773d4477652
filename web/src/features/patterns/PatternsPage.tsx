/**
 * 预判式干预 — the patterns of one pipeline: surfaced patterns (and, for admins, the candidates below the bar) with
 * their evidence sentence, interval, baseline and lift, each opening the historical deals behind it; the live flags
 * in the caller's scope; the model card; the closed loop for managers. Admins can mine now and set the thresholds
 * (holdout share included).
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useAbilities } from '../../auth/abilities';
import { useI18n, useLocalName } from '../../i18n';
import { usePipelines } from '../deals/api';
import { patternKeys, usePatterns, type Pattern } from './api';
import { LoopView } from './LoopView';
import { ModelCardView } from './ModelCardView';
import { PatternDealsDrawer, type DrillPattern } from './PatternDealsDrawer';
import { RiskList } from './RiskFlags';
import { SettingsView } from './SettingsView';
import type { PostAnswer } from '../../api/types';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function PatternTable({ pipelineId, candidates }: { pipelineId: string; candidates: boolean }) {
  const { t, lang } = useI18n();
  const query = usePatterns(pipelineId);
  const [drill, setDrill] = useState<DrillPattern | null>(null);
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  const rows = (query.data ?? []).filter((p) => p.surfaced !== candidates);
  const en = lang === 'en';
  return (
    <>
      {candidates && <Typography.Paragraph type="secondary">{t('predict.candidatesHint')}</Typography.Paragraph>}
      <Table<Pattern>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid={candidates ? 'pattern-candidates' : 'pattern-table'}
        onRow={(p) => ({ onClick: () => setDrill({ id: p.id, description: en ? p.descriptionEn : p.description, evidence: en ? p.evidenceEn : p.evidence }), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('predict.col.kind'), width: 90, render: (_, p) => <Tag color={p.kind === 'risk' ? 'red' : 'green'}>{t(p.kind === 'risk' ? 'predict.kind.risk' : 'predict.kind.positive')}</Tag> },
          {
            title: t('predict.col.pattern'),
            render: (_, p) => (
              <div data-testid="pattern-row">
                <Typography.Text strong>{en ? p.descriptionEn : p.description}</Typography.Text>
                <div>{en ? p.evidenceEn : p.evidence}</div>
                {(en ? p.suggestionEn : p.suggestion) && <Typography.Text type="success">{t('predict.suggested')}：{en ? p.suggestionEn : p.suggestion}</Typography.Text>}
              </div>
            ),
          },
          { title: t('predict.col.support'), dataIndex: 'support', width: 80 },
          { title: t('predict.col.rate'), width: 90, render: (_, p) => pct(p.outcomeRate) },
          { title: t('predict.col.ci'), width: 110, render: (_, p) => `${pct(p.ciLow)}–${pct(p.ciHigh)}` },
          { title: t('predict.col.baseline'), width: 80, render: (_, p) => pct(p.baseline) },
          { title: t('predict.col.lift'), width: 70, render: (_, p) => p.lift.toFixed(2) },
        ]}
      />
      <PatternDealsDrawer pattern={drill} onClose={() => setDrill(null)} />
    </>
  );
}

export function PatternsPage() {
  const { t } = useI18n();
  const localName = useLocalName();
  const { message } = App.useApp();
  const abilities = useAbilities();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const list = pipelines.data?.items ?? [];
  // The first pipeline with a name in the list until one is picked; the choice is kept in the address.
  const pipelineId = params.get('pipelineId') ?? list[0]?.id;
  const tab = params.get('tab') ?? 'patterns';
  const set = (next: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...next });
  const mine = useMutation({
    mutationFn: () => api.post<PostAnswer<'/api/patterns/mine'>>('/api/patterns/mine', { pipelineId }),
    onSuccess: (r) => {
      message.success(r.coldStart ? t('predict.minedCold') : t('predict.mined', { surfaced: r.surfaced, candidates: r.candidates }));
      client.invalidateQueries({ queryKey: patternKeys.all });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const tabs = [
    { key: 'patterns', label: t('predict.tab.patterns'), children: pipelineId && <PatternTable pipelineId={pipelineId} candidates={false} /> },
    ...(abilities.can('pattern.readCandidates') ? [{ key: 'candidates', label: t('predict.tab.candidates'), children: pipelineId && <PatternTable pipelineId={pipelineId} candidates /> }] : []),
    { key: 'risks', label: t('predict.tab.risks'), children: <RiskList /> },
    { key: 'card', label: t('predict.tab.card'), children: pipelineId && <ModelCardView pipelineId={pipelineId} /> },
    ...(abilities.can('pattern.readLoop') ? [{ key: 'loop', label: t('predict.tab.loop'), children: pipelineId && <LoopView pipelineId={pipelineId} /> }] : []),
    ...(abilities.can('pattern.configure') ? [{ key: 'settings', label: t('predict.tab.settings'), children: <SettingsView /> }] : []),
  ];
  return (
    <div>
      <PageTitle
        title={t('nav.patterns')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 220 }}
              value={pipelineId}
              loading={pipelines.isPending}
              onChange={(id: string) => set({ pipelineId: id })}
              options={list.map((p) => ({ value: p.id, label: localName(p.name, p.nameEn) }))}
              data-testid="patterns-pipeline"
            />
            {abilities.can('pattern.mine') && (
              <Button loading={mine.isPending} onClick={() => mine.mutate()} disabled={!pipelineId} data-testid="patterns-mine">
                {t('predict.mineNow')}
              </Button>
            )}
          </Space>
        }
      />
      <Tabs activeKey={tab} onChange={(k) => set({ tab: k })} items={tabs} />
    </div>
  );
}
