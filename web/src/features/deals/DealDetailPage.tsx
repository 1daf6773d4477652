import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Select, Skeleton, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { AttachmentList } from '../attachments/AttachmentList';
import { AuditTable } from '../audit/AuditTable';
import { moveDeal, stagesOf, useDeal, usePipeline } from './api';
import { ChecklistPanel } from './ChecklistPanel';
import { GateDrawer, type GateRefusal } from './GateDrawer';
import { GateStatus } from './GateStatus';
import { StageHistory } from './StageHistory';
import { useStageName } from './stageName';

export function DealDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const deal = useDeal(id);
  const pipeline = usePipeline(deal.data?.pipelineId);
  const stages = stagesOf(pipeline.data);
  const stageName = useStageName(stages);
  const [refusal, setRefusal] = useState<GateRefusal | null>(null);
  const [moving, setMoving] = useState(false);

  if (deal.error) return <Typography.Text type="danger">{errorMessage(deal.error)}</Typography.Text>;
  const d = deal.data;
  if (!d) return <Skeleton active />;

  const refresh = () => {
    client.invalidateQueries({ queryKey: ['deal', id] });
    client.invalidateQueries({ queryKey: ['audit', 'deal', id] });
    client.invalidateQueries({ queryKey: ['board'] });
  };

  async function move(toStage: string) {
    setMoving(true);
    try {
      await moveDeal(d!.id, toStage);
      message.success(t('deals.moved', { stage: stageName(toStage) }));
      refresh();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'GATE_UNMET') {
        setRefusal({ dealId: d!.id, dealTitle: d!.title, fromStage: d!.stageKey, toStage, unmet: e.body.unmet ?? [] });
      } else message.error(errorMessage(e));
    } finally {
      setMoving(false);
    }
  }

  const current = stages.findIndex((s) => s.key === d.stageKey);
  return (
    <div>
      <PageTitle
        title={d.title}
        extra={
          <Space wrap>
            <Tag color="blue">{stageName(d.stageKey)}</Tag>
            <Select
              placeholder={t('deals.moveTo')}
              style={{ width: 180 }}
              loading={moving}
              value={null}
              onChange={(k: string) => move(k)}
              options={stages.filter((s) => s.key !== d.stageKey).map((s) => ({ value: s.key, label: stageName(s.key) }))}
              data-testid="move-select"
            />
            <Link to={`/quick-log?customerId=${d.customerId}&dealId=${d.id}`}>
              <Button icon={<FormOutlined />}>{t('nav.quickLog')}</Button>
            </Link>
          </Space>
        }
      />
      {stages.length > 0 && (
        <Card size="small" style={{ marginBottom: 12, overflowX: 'auto' }}>
          <Steps size="small" current={current} items={stages.map((s) => ({ title: stageName(s.key) }))} />
        </Card>
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('deals.customer')}>
            <Link to={`/customers/${d.customerId}`}>{d.customer?.name ?? d.customerName ?? d.customerId}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('deals.amount')}>
            <Money fen={d.amountFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t('deals.expectedClose')}>{formatDate(d.expectedCloseDate, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('deals.status')}>{t(`deals.status.${d.status}` as 'deals.status.open')}</Descriptions.Item>
          <Descriptions.Item label={t('common.owner')}>{userName(d.owner, d.ownerName)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'gate', label: t('deals.gate'), children: <GateStatus deal={d} onChanged={refresh} /> },
            { key: 'checklist', label: t('deals.checklist'), children: <ChecklistPanel deal={d} stages={stages} onChanged={refresh} /> },
            { key: 'history', label: t('deals.history'), children: <StageHistory rows={d.history ?? []} stages={stages} /> },
            { key: 'timeline', label: t('customers.timeline'), children: <ActivityTimeline dealId={d.id} /> },
            { key: 'files', label: t('deals.attachments'), children: <AttachmentList entity="deal" entityId={d.id} /> },
            { key: 'audit', label: t('deals.audit'), children: <AuditTable entity="deal" id={d.id} /> },
          ]}
        />
      </Card>
      <GateDrawer
        refusal={refusal}
        stages={stages}
        onClose={() => setRefusal(null)}
        onMoved={() => {
          setRefusal(null);
          refresh();
        }}
      />
    </div>
  );
}
