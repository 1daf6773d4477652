import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api, ApiError, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { ApprovalRoute } from './api';
import { fromForm, type RouteDefinition, type RouteForm } from './routeForm';
import { RouteFormEditor } from './RouteFormEditor';
import type { GetAnswer } from '../../api/types';

interface PreviewItem {
  id: string;
  subject: { id: string; title: string | null };
  requester: { id: string; name: string };
  current: { version: number; branch: string };
  draft: { branch: string; steps: Array<{ name: string; approvers: Array<{ id: string; name: string }> }>; problem: string | null };
  changed: boolean;
}

/** Admin: approval routes as a form (branches, conditions, steps) or YAML (validated with line numbers), versions, and the draft preview. */
export function ApprovalRoutesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [kind, setKind] = useState('quote');
  const [text, setText] = useState('');
  const [savingForm, setSavingForm] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const routes = useQuery({ queryKey: queryKeys.approvalRoutes(), queryFn: () => api.get<GetAnswer<'/api/approval-routes'>>('/api/approval-routes') });
  const route = useQuery({ queryKey: queryKeys.approvalRoutes(kind), queryFn: () => api.get<ApprovalRoute>(`/api/approval-routes/${kind}`) });
  const preview = useQuery({ queryKey: queryKeys.approvalRoutes(kind, 'preview'), queryFn: () => api.get<GetAnswer<'/api/approval-routes/{kind}/preview'>>(`/api/approval-routes/${kind}/preview`) });
  const loadYaml = () => api.getText(`/api/approval-routes/${kind}/yaml`).then(setText, () => setText(''));
  useEffect(() => {
    loadYaml();
  }, [kind, route.data?.publishedVersion]);

  const formDefinition = (route.data?.draft ?? route.data?.published ?? null) as RouteDefinition | null;
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.approvalRoutes() });
  async function saveDraft(yaml: string) {
    setProblems([]);
    try {
      await api.put(`/api/approval-routes/${kind}/draft/yaml`, { yaml });
      message.success(t('approvals.routes.saved'));
      refresh();
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.body.errors)) {
        setProblems((error.body.errors as Array<{ line: number; column: number; path: string; message: string }>).map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`));
      } else setProblems([errorMessage(error)]);
    }
  }
  async function saveForm(values: RouteForm) {
    setProblems([]);
    setSavingForm(true);
    try {
      await api.put(`/api/approval-routes/${kind}/draft`, fromForm({ ...values, kind }));
      message.success(t('approvals.routes.saved'));
      refresh();
      await loadYaml();
    } catch (error) {
      setProblems([error instanceof ApiError ? errorMessage(error) : t('approvals.form.badJson', { path: error instanceof Error ? error.message : '' })]);
    } finally {
      setSavingForm(false);
    }
  }
  async function publish() {
    try {
      await api.post(`/api/approval-routes/${kind}/publish`);
      message.success(t('approvals.routes.published'));
      refresh();
    } catch (error) {
      setProblems([errorMessage(error)]);
    }
  }

  return (
    <div>
      <PageTitle
        title={t('approvals.routes.title')}
        extra={<Select value={kind} onChange={setKind} style={{ width: 200 }} options={(routes.data?.items ?? [{ kind: 'quote', name: 'quote' }]).map((r) => ({ value: r.kind, label: `${r.name} (${r.kind})` }))} />}
      />
      {route.data && (
        <Typography.Paragraph>
          {t('approvals.routes.version', { version: route.data.publishedVersion })} {route.data.draft && <Tag color="orange">{t('approvals.routes.hasDraft')}</Tag>}
        </Typography.Paragraph>
      )}
      {problems.length > 0 && <Alert type="error" style={{ marginBottom: 8 }} message={problems.map((p) => <div key={p}>{p}</div>)} data-testid="route-problems" />}
      {formDefinition && (
        <Card size="small" title={t('approvals.routes.form')} style={{ marginBottom: 12 }}>
          <RouteFormEditor definition={formDefinition} busy={savingForm} onSave={saveForm} />
        </Card>
      )}
      <Card size="small" title="YAML" style={{ marginBottom: 12 }}>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 10, maxRows: 30 }} style={{ fontFamily: 'monospace' }} data-testid="route-yaml" />
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => saveDraft(text)}>{t('approvals.routes.saveDraft')}</Button>
          <Button type="primary" disabled={!route.data?.draft} onClick={publish}>
            {t('approvals.routes.publish')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t(preview.data?.usingDraft ? 'approvals.routes.previewDraft' : 'approvals.routes.previewPublished')}>
        <Table<PreviewItem>
          rowKey="id"
          size="small"
          scroll={{ x: 700 }}
          dataSource={preview.data?.items ?? []}
          pagination={false}
          columns={[
            { key: 'deal', title: t('approvals.deal'), render: (_, r) => r.subject.title ?? r.subject.id },
            { key: 'requester', title: t('approvals.requester'), render: (_, r) => r.requester.name },
            { key: 'current', title: t('approvals.routes.currentBranch'), render: (_, r) => `v${r.current.version} ${r.current.branch}` },
            {
              key: 'draft',
              title: t('approvals.routes.draftBranch'),
              render: (_, r) => (
                <span>
                  {r.changed && <Tag color="orange">{t('approvals.routes.changed')}</Tag>}
                  {r.draft.branch}：{r.draft.problem ?? r.draft.steps.map((s) => `${s.name}（${s.approvers.map((a) => a.name).join('/')}）`).join(' → ')}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
