import { useState } from 'react';
import { Drawer, Table, Tag, Typography } from 'antd';
import type { RuleRun } from '../../api/types';
import { errorMessage } from '../../api/client';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { useRuleRuns } from './api';

const STATUS_COLOUR = { running: 'processing', succeeded: 'success', failed: 'error', skipped: 'default' } as const;

/** The run log of one rule: each execution with its input, outcome or error and duration, newest first. */
export function RuleRunsDrawer({ ruleId, open, onClose, title }: { ruleId: string | undefined; open: boolean; onClose(): void; title?: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const runs = useRuleRuns(open ? ruleId : undefined, page);
  return (
    <Drawer open={open} onClose={onClose} width={760} title={`${t('rules.runs')}${title ? ` · ${title}` : ''}`} data-testid="rule-runs">
      {runs.error && <Typography.Text type="danger">{errorMessage(runs.error)}</Typography.Text>}
      <Table<RuleRun>
        rowKey="id"
        size="small"
        loading={runs.isFetching}
        dataSource={runs.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: runs.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { n }) }}
        expandable={{
          expandedRowRender: (r) => (
            <div style={{ fontSize: 12 }}>
              {r.error && (
                <Typography.Paragraph type="danger" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('rules.run.error')}: {r.error}
                </Typography.Paragraph>
              )}
              <Typography.Text strong>{t('rules.run.input')}</Typography.Text>
              <pre style={{ background: '#fafafa', padding: 6, maxHeight: 240, overflow: 'auto' }}>{JSON.stringify(r.input, null, 2)}</pre>
              <Typography.Text strong>{t('rules.run.outcome')}</Typography.Text>
              <pre style={{ background: '#fafafa', padding: 6, maxHeight: 240, overflow: 'auto' }}>{JSON.stringify(r.outcome, null, 2)}</pre>
            </div>
          ),
        }}
        columns={[
          { key: 'startedAt', title: t('rules.run.startedAt'), dataIndex: 'startedAt', render: (at: string) => <When at={at} /> },
          { key: 'trigger', title: t('rules.trigger'), dataIndex: 'triggerType' },
          { key: 'status', title: t('deals.status'), dataIndex: 'status', render: (s: RuleRun['status']) => <Tag color={STATUS_COLOUR[s]}>{t(`rules.run.status.${s}`)}</Tag> },
          { key: 'duration', title: t('rules.run.duration'), dataIndex: 'durationMs', render: (ms: number | null) => (ms === null ? '—' : `${ms} ms`) },
          { key: 'error', title: t('rules.run.error'), dataIndex: 'error', ellipsis: true, render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : '') },
        ]}
      />
    </Drawer>
  );
}
