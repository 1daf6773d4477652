import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { api, ApiError, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { ApprovalRoute } from './api';

interface PreviewItem {
  id: string;
  subject: { id: string; title: string | null };
  requester: { id: string; name: string };
  current: { version: number; branch: string };
  draft: { branch: string; steps: Array<{ name: string; approvers: Array<{ id: string; name: string }> }>; problem: string | null };
  changed: boolean;
}

/** The tiered-authority form: one threshold (yuan) splitting "regional manager alone" from "regional manager, then director". */
function tieredYaml(kind: string, thresholdYuan: number): string {
  const fen = Math.round(thresholdYuan * 100);
  return `kind: ${kind}
name: 报价审批
nameEn: Quote approval
branches:
  - name: 大额（¥${thresholdYuan.toLocaleString('en-US')} 及以上）
    when: { ">=": [{ var: amountFen }, ${fen}] }
    steps:
      - { name: 大区经理审批, approvers: [requester.regional_manager], sla: { hours: 4 }, fallback: [role:director] }
      - { name: 总监审批, approvers: [requester.director], sla: { hours: 4 }, fallback: [role:admin] }
  - name: 常规
    steps:
      - { name: 大区经理审批, approvers: [requester.regional_manager], sla: { hours: 4 }, fallback: [role:director] }
`;
}

/** Admin: approval routes as YAML (validated with line numbers) or the tiered form, versions, and the draft preview. */
export function ApprovalRoutesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [kind, setKind] = useState('quote');
  const [text, setText] = useState('');
  const [threshold, setThreshold] = useState<number | null>(50_000);
  const [problems, setProblems] = useState<string[]>([]);
  const routes = useQuery({ queryKey: queryKeys.approvalRoutes(), queryFn: () => api.get<{ items: Array<{ kind: string; name: string; publishedVersion: number; hasDraft: boolean }> }>('/api/approval-routes') });
  const route = useQuery({ queryKey: queryKeys.approvalRoutes(kind), queryFn: () => api.get<ApprovalRoute>(`/api/approval-routes/${kind}`) });
  const preview = useQuery({ queryKey: queryKeys.approvalRoutes(kind, 'preview'), queryFn: () => api.get<{ usingDraft: boolean; items: PreviewItem[] }>(`/api/approval-routes/${kind}/preview`) });
  useEffect(() => {
    api.getText(`/api/approval-routes/${kind}/yaml`).then(setText, () => setText(''));
  }, [kind, route.data?.publishedVersion]);

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
      <Card size="small" title={t('approvals.routes.form')} style={{ marginBottom: 12 }}>
        <Space wrap>
          {t('approvals.routes.threshold')}
          <InputNumber min={0} value={threshold} onChange={setThreshold} addonBefore="¥" data-testid="route-threshold" />
          <Button onClick={() => threshold !== null && saveDraft(tieredYaml(kind, threshold)).then(() => setText(tieredYaml(kind, threshold)))}>{t('approvals.routes.saveDraft')}</Button>
        </Space>
      </Card>
      <Card size="small" title="YAML" style={{ marginBottom: 12 }}>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 10, maxRows: 30 }} style={{ fontFamily: 'monospace' }} data-testid="route-yaml" />
        {problems.length > 0 && <Alert type="error" style={{ marginTop: 8 }} message={problems.map((p) => <div key={p}>{p}</div>)} />}
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
