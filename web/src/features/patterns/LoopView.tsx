/**
 * The closed loop (managers): flagged deals by whether the suggested action was done in time, their outcome, the
 * decision time (flag → answering action) and flag → close; the holdout group for comparison. Observational.
 */
import { Alert, Table, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLoopReport, type LoopReport } from './api';

type Group = LoopReport['groups'][number];

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function GroupTable({ groups, testId }: { groups: Group[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <Table<Group>
      size="small"
      rowKey="group"
      pagination={false}
      dataSource={groups}
      data-testid={testId}
      columns={[
        { title: t('predict.loop.group'), render: (_, g) => t(`predict.loop.${g.group}`) },
        { title: t('predict.loop.flagged'), dataIndex: 'flagged' },
        { title: t('predict.loop.done'), dataIndex: 'done' },
        { title: t('predict.won'), dataIndex: 'won' },
        { title: t('predict.lost'), dataIndex: 'lost' },
        { title: t('predict.loop.open'), dataIndex: 'open' },
        { title: t('predict.loop.winRate'), render: (_, g) => pct(g.winRate) },
        { title: t('predict.loop.toAction'), render: (_, g) => g.avgDaysToAction ?? '—' },
        { title: t('predict.loop.toClose'), render: (_, g) => g.avgDaysToClose ?? '—' },
      ]}
    />
  );
}

export function LoopView({ pipelineId }: { pipelineId: string }) {
  const { t, lang } = useI18n();
  const query = useLoopReport(pipelineId, true);
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  const r = query.data;
  if (!r) return null;
  return (
    <div data-testid="loop-report">
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={lang === 'en' ? r.labelEn : r.label} description={t('predict.loop.explain', { days: r.loopDays, share: Math.round(r.holdoutShare * 100) })} />
      <GroupTable groups={r.groups} testId="loop-total" />
      {r.patterns.map((p) => (
        <div key={p.patternId} style={{ marginTop: 16 }}>
          <Typography.Text strong>{lang === 'en' ? p.descriptionEn : p.description}</Typography.Text>
          <GroupTable groups={p.groups} />
        </div>
      ))}
    </div>
  );
}
