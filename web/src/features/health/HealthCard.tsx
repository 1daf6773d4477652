/**
 * The health widget of the customer page: colour, score, coverage, model version, the trend warning, the history
 * chart (ECharts line, tree-shaken) and the explanation table (raw → normalised × weight = contribution, with what
 * moved since the previous computation). Amount dimensions show no raw value to roles that may not read amounts
 * (the server's output layer leaves `raw` out of such a contribution).
 */
import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, Card, Empty, Space, Statistic, Table, Tag, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, errorMessage } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n, type MessageKey } from '../../i18n';
import { queryKeys } from '../../api/queryKeys';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

type CustomerHealth = components['schemas']['CustomerHealth'];
export const COLOUR_TAG: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red', grey: 'default' };

export function HealthTag({ colour }: { colour: string | null | undefined }) {
  const { t } = useI18n();
  if (!colour) return null;
  return <Tag color={COLOUR_TAG[colour]}>{t(`health.colour.${colour}` as MessageKey)}</Tag>;
}

function History({ history }: { history: CustomerHealth['history'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 36, right: 12, top: 12, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ type: 'line', step: 'end', showSymbol: true, data: history.map((h) => ({ value: [h.at, h.score], itemStyle: { color: { green: '#52c41a', yellow: '#faad14', red: '#f5222d', grey: '#bfbfbf' }[h.colour] } })) }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [history]);
  return <div ref={ref} style={{ height: 180, width: '100%' }} data-testid="health-history" />;
}

export function HealthCard({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const key = queryKeys.customerHealth(customerId);
  const query = useQuery({ queryKey: key, queryFn: () => api.get<CustomerHealth>(`/api/customers/${customerId}/health`) });
  const recompute = useMutation({
    mutationFn: () => api.post('/api/health/recompute', { customerId }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  if (query.error) return <Typography.Text type="secondary">{errorMessage(query.error)}</Typography.Text>;
  const h = query.data;
  const moved = new Map((h?.moved.dimensions ?? []).map((m) => [m.dimension, m.delta]));
  return (
    <Card size="small" title={t('health.title')} loading={query.isLoading} style={{ marginBottom: 12 }} data-testid="health-card" data-colour={h?.colour ?? ''} extra={<Button size="small" loading={recompute.isPending} onClick={() => recompute.mutate()}>{t('health.recompute')}</Button>}>
      {!h || h.score === null ? (
        <Empty description={t('health.none')} />
      ) : (
        <>
          <Space size="large" wrap>
            <Statistic title={t('health.score')} value={h.score} suffix={<HealthTag colour={h.colour} />} />
            <Statistic title={t('health.coverage')} value={Math.round((h.coverage ?? 0) * 100)} suffix="%" />
            <Statistic title={t('health.model')} value={`v${h.modelVersion}`} />
            {h.moved.scoreDelta !== null && <Statistic title={t('health.moved')} value={h.moved.scoreDelta} precision={1} />}
            {h.trendAlert && <Tag color="volcano">{t('health.trend')}</Tag>}
            {h.pending && <Tag>{t('health.pending', { colour: t(`health.colour.${h.pending.colour}` as MessageKey), count: h.pending.count })}</Tag>}
          </Space>
          <History history={h.history} />
          <Table
            size="small"
            rowKey="dimension"
            pagination={false}
            dataSource={h.contributions}
            onRow={(c) => ({ 'data-testid': `contribution-${c.dimension}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('health.dimension'), render: (_, c) => `${c.group} · ${c.name}` },
              { title: t('health.raw'), render: (_, c) => (c.raw === undefined ? t('health.hidden') : c.raw === null ? '—' : c.amount ? `¥${(c.raw / 100).toLocaleString()}` : c.raw) },
              { title: t('health.normalized'), dataIndex: 'normalized', render: (v: number | null) => v ?? '—' },
              { title: t('health.weight'), dataIndex: 'weight', render: (v: number) => `${v}%` },
              { title: t('health.contribution'), render: (_, c) => { const d = moved.get(c.dimension); return d ? `${c.contribution} (${d > 0 ? '+' : ''}${d})` : c.contribution; } },
              { title: t('health.status'), render: (_, c) => t(`health.status.${c.status}` as MessageKey) },
            ]}
          />
          {h.retentionPlans.length > 0 && (
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {t('health.plans')}: {h.retentionPlans.map((p) => (
                <Link key={p.id} to={`/retention-plans/${p.id}`} data-testid="retention-plan-link">
                  <Tag color={p.status === 'filed' ? 'green' : p.overdue ? 'red' : 'orange'}>{t(p.status === 'filed' ? 'health.plan.filed' : p.overdue ? 'health.plan.overdue' : 'health.plan.open')} · {t('health.planDue', { due: p.dueAt.slice(0, 10) })}</Tag>
                </Link>
              ))}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
