import { useParams, Link } from 'react-router';
import { Alert, App, Button, Card, Descriptions, List, Popconfirm, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { errorFileUrl, useImport, useImportAction, useImportRows, type ImportItem, type ImportRowItem } from './api';
import { countsText, StatusTag } from './ImportsPage';

/** One import: progress while a phase runs, the dry-run report, commit / cancel / undo, the error file. */
export function ImportDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const imp = useImport(id);
  const action = useImportAction();
  const rows = useImportRows(id, 'problems', imp.data?.status);
  const data = imp.data;
  if (!data) return <Card loading />;
  const run = (name: 'commit' | 'cancel' | 'undo') =>
    action.mutate(
      { id, action: name, body: name === 'commit' ? { wait: false } : undefined },
      {
        onSuccess: (res) => {
          const undo = (res as { undo?: { deleted: number; restored: number; conflicts: number } }).undo;
          if (undo) message.success(t('imports.undone', undo));
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  const running = data.status === 'validating' || data.status === 'committing';
  const done = data.status === 'committing' ? data.appliedRows : data.validatedRows;
  const percent = data.totalRows > 0 ? Math.min(100, Math.round((done / data.totalRows) * 100)) : running ? 0 : 100;
  const counts = data.result ?? data.counts;
  const problems = counts.errors + counts.denied + counts.conflicts;
  return (
    <div>
      <PageTitle title={`${t('imports.title')} · ${data.fileName}`} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Link to="/imports">{t('imports.back')}</Link>
        <Card>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('imports.status')}>
              <StatusTag status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('imports.by')}>{data.byName}</Descriptions.Item>
            <Descriptions.Item label={t('imports.at')}>{new Date(data.createdAt).toLocaleString()}</Descriptions.Item>
          </Descriptions>
          <Progress percent={percent} status={running ? 'active' : data.status === 'failed' ? 'exception' : undefined} aria-label={t('imports.progress')} />
          <Typography.Text type="secondary" data-testid="import-progress">
            {done} / {data.totalRows}
          </Typography.Text>
          {data.error && <Alert type="error" message={data.error} />}
        </Card>
        <Card title={data.result ? t('imports.commitResult') : t('imports.dryRunReport')}>
          <Space size="large" wrap data-testid="import-counts">
            {(['created', 'updated', 'unchanged', 'errors', 'skipped', 'conflicts', 'denied'] as const).map((k) => (
              <Statistic key={k} title={t(`imports.${k}` as MessageKey)} value={counts[k]} />
            ))}
          </Space>
          <Space style={{ marginTop: 16 }} wrap>
            {data.status === 'validated' && (
              <Button type="primary" loading={action.isPending} onClick={() => run('commit')}>
                {t('imports.commit')}
              </Button>
            )}
            {(running || data.status === 'validated' || data.status === 'uploaded') && (
              <Button danger onClick={() => run('cancel')} disabled={data.cancelRequested}>
                {t('imports.cancel')}
              </Button>
            )}
            {(data.status === 'committed' || data.status === 'cancelled') && data.result && (
              <Popconfirm title={t('imports.undoConfirm')} onConfirm={() => run('undo')}>
                <Button>{t('imports.undo')}</Button>
              </Popconfirm>
            )}
            {problems > 0 && !running && (
              <>
                <Button href={errorFileUrl(id, 'xlsx')}>{t('imports.errorFile')} (.xlsx)</Button>
                <Button href={errorFileUrl(id, 'csv')}>{t('imports.errorFile')} (.csv)</Button>
              </>
            )}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {countsText(t, counts)}
          </Typography.Paragraph>
        </Card>
        {data.undo && data.undo.conflictRows.length > 0 && (
          <Card title={t('imports.undoConflicts')}>
            <List size="small" dataSource={data.undo.conflictRows} renderItem={(c) => <List.Item>{`#${c.row} `}<Link to={`/customers/${c.customerId}`}>{c.name || c.customerId}</Link></List.Item>} />
          </Card>
        )}
        <ProblemRows data={data} rows={rows.data?.items ?? []} loading={rows.isPending && !running} />
      </Space>
    </div>
  );
}

function ProblemRows({ data, rows, loading }: { data: ImportItem; rows: ImportRowItem[]; loading: boolean }) {
  const { t } = useI18n();
  if (data.status === 'uploaded') return null;
  return (
    <Card title={t('imports.problems')}>
      <Table
        size="small"
        rowKey="row"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: t('imports.noProblems') }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('imports.row'), dataIndex: 'row', key: 'row', width: 80 },
          { title: t('imports.verdict'), key: 'verdict', width: 100, render: (_, r: ImportRowItem) => <Tag>{t(`imports.verdict.${r.verdict}` as MessageKey)}</Tag> },
          { title: t('imports.customer'), key: 'name', render: (_, r: ImportRowItem) => r.name ?? r.cells?.[0] ?? '' },
          { title: t('imports.problem'), key: 'problem', render: (_, r: ImportRowItem) => r.problems.map((p) => `${p.column ? `[${p.column}] ` : ''}${p.message}`).join('; ') },
        ]}
      />
    </Card>
  );
}
