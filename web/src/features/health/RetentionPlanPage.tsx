/**
 * 挽留计划: the page the red playbook's notification opens (`/retention-plans/:id`). The owner writes the plan and one
 * text per required evidence item and files it; the server refuses a gap (422 GATE_UNMET naming each missing item),
 * shown as returned. A filed plan shows what was filed.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Input, Skeleton, Tag } from 'antd';
import { api, errorMessage } from '../../api/client';
import type { components } from '../../api/schema';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { queryKeys } from '../../api/queryKeys';

type Plan = components['schemas']['RetentionPlan'];

export function RetentionPlanPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const plan = useQuery({ queryKey: queryKeys.retentionPlan(id), queryFn: () => api.get<Plan>(`/api/retention-plans/${id}`) });
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const file = useMutation({
    mutationFn: () => api.post<Plan>(`/api/retention-plans/${id}/file`, { plan: text, evidence }),
    onSuccess: (p) => {
      qc.setQueryData(queryKeys.retentionPlan(id), p);
      void qc.invalidateQueries({ queryKey: queryKeys.customerHealth(p.customerId) });
    },
  });
  if (plan.isError) return <Alert type="error" showIcon message={errorMessage(plan.error)} />;
  if (!plan.data) return <Skeleton active />;
  const p = plan.data;
  const open = p.status === 'open';
  const label = (item: Plan['required'][number]) => (lang === 'en' ? (item.nameEn ?? item.name) : item.name);
  return (
    <div data-testid="retention-plan" data-status={p.status}>
      <PageTitle title={t('health.plan.title')} extra={<Link to={`/customers/${p.customerId}`}>{t('health.plan.customer')}</Link>} />
      <Card>
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('health.status')}>
            <Tag color={open ? (p.overdue ? 'red' : 'orange') : 'green'}>{t(open ? (p.overdue ? 'health.plan.overdue' : 'health.plan.open') : 'health.plan.filed')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('health.plan.due')}>{formatDateTime(p.dueAt, lang)}</Descriptions.Item>
        </Descriptions>
        <div style={{ marginBottom: 12 }}>
          <div>{t('health.plan.plan')}</div>
          {open ? <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="plan-text" /> : <p>{p.plan}</p>}
        </div>
        {p.required.map((item) => (
          <div key={item.key} style={{ marginBottom: 12 }}>
            <div>{label(item)}</div>
            {open ? (
              <Input.TextArea rows={2} value={evidence[item.key] ?? ''} onChange={(e) => setEvidence({ ...evidence, [item.key]: e.target.value })} data-testid={`evidence-${item.key}`} />
            ) : (
              <p>{p.evidence[item.key]}</p>
            )}
          </div>
        ))}
        {file.isError && <Alert type="error" showIcon message={errorMessage(file.error)} style={{ marginBottom: 12 }} data-testid="plan-error" />}
        {open && (
          <Button type="primary" onClick={() => file.mutate()} loading={file.isPending} disabled={!text.trim()} data-testid="plan-file">
            {t('health.plan.file')}
          </Button>
        )}
      </Card>
    </div>
  );
}
