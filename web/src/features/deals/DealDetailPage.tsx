import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DealCadences } from '../cadences/DealCadences';
import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Progress, Select, Skeleton, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { AuditOutlined, EditOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client';
import { Money } from '../../components/Money';
import { RequestHelpButton } from '../workorders/RequestHelpButton';
import { DealContracts } from '../receivables/DealContracts';
import { PageTitle } from '../../components/PageTitle';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIsPhone } from '../../lib/useIsPhone';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { AttachmentList } from '../attachments/AttachmentList';
import { AuditTable } from '../audit/AuditTable';
import { stagesOf, useDeal, usePipeline } from './api';
import { ChecklistPanel } from './ChecklistPanel';
import { GateStatus } from './GateStatus';
import { StageHistory } from './StageHistory';
import { SlaTag } from '../sla/SlaTag';
import { useSlaStates } from '../sla/api';
import { useStageName } from './stageName';
import { useDealMove } from './useDealMove';
import { DealEditModal } from './DealEditModal';
import { useAbilities } from '../../auth/abilities';
import { CustomValuesView } from '../forms/customFields';
import { TaskFormModal } from '../tasks/TaskFormModal';
import { queryKeys } from '../../api/queryKeys';
import { RequestApprovalModal } from '../approvals/RequestApprovalModal';
import { DealApprovals } from '../approvals/DealApprovals';
import { DealRiskCard } from '../patterns/RiskFlags';

export function DealDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const abilities = useAbilities();
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const [addingTask, setAddingTask] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const deal = useDeal(id);
  const pipeline = usePipeline(deal.data?.pipelineId);
  const stages = stagesOf(pipeline.data);
  // The evidence kinds the pipeline's gates ask for, by label (uploads pick and show these, not internal keys).
  const evidenceKinds = [
    ...new Map(
      stages.flatMap((s) => s.gate?.evidence ?? []).map((e) => [e.kind, { kind: e.kind, label: (lang === 'en' ? e.labelEn : undefined) ?? e.label ?? e.kind }]),
    ).values(),
  ];
  const stageName = useStageName(stages);
  const sla = useSlaStates('deal', deal.data ? [deal.data.id] : []);
  const mover = useDealMove({
    stages,
    onChanged: () => {
      client.invalidateQueries({ queryKey: queryKeys.deal(id) });
      client.invalidateQueries({ queryKey: queryKeys.audit('deal', id) });
      client.invalidateQueries({ queryKey: queryKeys.board() });
    },
  });

  if (deal.error) return <Typography.Text type="danger">{errorMessage(deal.error)}</Typography.Text>;
  const d = deal.data;
  if (!d) return <Skeleton active />;
  const refresh = () => {
    client.invalidateQueries({ queryKey: queryKeys.deal(id) });
    client.invalidateQueries({ queryKey: queryKeys.audit('deal', id) });
  };

  const current = stages.findIndex((s) => s.key === d.stageKey);
  // The path a deal walks (lost stages are off it): what the phone's one-line stage counts.
  const path = stages.filter((s) => s.terminal !== 'lost');
  const onPath = path.findIndex((s) => s.key === d.stageKey);
  return (
    <div>
      <PageTitle
        title={d.title}
        extra={
          <Space wrap>
            <Tag color="blue">{stageName(d.stageKey)}</Tag>
            <SlaTag sla={sla.data?.get(d.id)} />
            <Select
              placeholder={t('deals.moveTo')}
              style={{ width: 180 }}
              value={null}
              onChange={(k: string) => mover.request(d, k)}
              options={stages.filter((s) => s.key !== d.stageKey).map((s) => ({ value: s.key, label: stageName(s.key) }))}
              data-testid="move-select"
            />
            <RequestHelpButton subject={{ type: 'deal', id: d.id, title: d.title }} />
            <Link to={`/quick-log?customerId=${d.customerId}&dealId=${d.id}`}>
              <Button icon={<FormOutlined />}>{t('nav.quickLog')}</Button>
            </Link>
            <Button icon={<PlusOutlined />} onClick={() => setAddingTask(true)} data-testid="deal-new-task">
              {t('forms.newTask')}
            </Button>
            {abilities.can('approval.request') && (
              <Button icon={<AuditOutlined />} onClick={() => setRequesting(true)} data-testid="deal-request-approval">
                {t('approvals.requestQuote')}
              </Button>
            )}
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deal-edit">
              {t('common.edit')}
            </Button>
          </Space>
        }
      />
      {stages.length > 0 && isPhone && (
        // On a phone the full stepper filled the first screen: one line with the stage and a segmented bar instead.
        <div style={{ marginBottom: 8 }} data-testid="stage-compact">
          {onPath >= 0 && <Typography.Text type="secondary">{t('deals.stageOf', { n: onPath + 1, total: path.length })}</Typography.Text>}{' '}
          <Typography.Text strong>{stageName(d.stageKey)}</Typography.Text>
          <Progress size="small" showInfo={false} steps={path.length} percent={((onPath + 1) / path.length) * 100} status={d.status === 'lost' ? 'exception' : undefined} />
        </div>
      )}
      {stages.length > 0 && !isPhone && (
        <Card size="small" style={{ marginBottom: 12, overflowX: 'auto' }}>
          <Steps size="small" current={current} items={stages.map((s) => ({ title: stageName(s.key) }))} />
        </Card>
      )}
      {d.status === 'open' && <DealRiskCard dealId={d.id} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('deals.customer')}>
            <Link to={`/customers/${d.customerId}`}>{d.customer?.name ?? d.customerId}</Link>
          </Descriptions.Item>
          {!abilities.hidden('deal.amountFen') && (
            <Descriptions.Item label={t('deals.amount')}>
              <span data-testid="deal-amount-value">
                <Money fen={d.amountFen} />
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('deals.expectedClose')}>{formatDate(d.expectedCloseDate, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('deals.status')}>{t(`deals.status.${d.status}` as 'deals.status.open')}</Descriptions.Item>
          <Descriptions.Item label={t('common.owner')}>{userName(d.owner)}</Descriptions.Item>
        </Descriptions>
        <CustomValuesView entity="deal" custom={d.custom} />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'gate', label: t('deals.gate'), children: <GateStatus deal={d} onChanged={refresh} /> },
            { key: 'approvals', label: t('approvals.tab'), children: <DealApprovals dealId={d.id} /> },
            { key: 'contracts', label: t('money.contracts'), children: <DealContracts dealId={d.id} amountFen={d.amountFen} /> },
            { key: 'checklist', label: t('deals.checklist'), children: <ChecklistPanel deal={d} stages={stages} onChanged={refresh} /> },
            { key: 'cadences', label: t('cadences.tab'), children: <DealCadences dealId={d.id} open={d.status === 'open'} /> },
            { key: 'history', label: t('deals.history'), children: <StageHistory rows={d.history ?? []} stages={stages} /> },
            { key: 'timeline', label: t('customers.timeline'), children: <ActivityTimeline dealId={d.id} /> },
            { key: 'files', label: t('deals.attachments'), children: <AttachmentList entity="deal" entityId={d.id} kinds={evidenceKinds} /> },
            { key: 'audit', label: t('deals.audit'), children: <AuditTable entity="deal" id={d.id} /> },
          ]}
        />
      </Card>
      {mover.ui}
      <RequestApprovalModal dealId={d.id} amountFen={d.amountFen} open={requesting} onClose={() => setRequesting(false)} />
      <DealEditModal deal={d} open={editing} onClose={() => setEditing(false)} />
      <TaskFormModal
        open={addingTask}
        onClose={() => setAddingTask(false)}
        customer={{ id: d.customerId, name: d.customer?.name ?? d.customerId }}
        dealId={d.id}
      />
    </div>
  );
}
