import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Empty, Segmented, Select, Space } from 'antd';
import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, useLocalName } from '../../i18n';
import { stagesOf, usePipeline, usePipelines } from './api';
import { DealFormModal } from './DealFormModal';
import { DealTable } from './DealTable';
import { KanbanBoard } from './KanbanBoard';

/** Deals of one pipeline as a kanban or a list; the chosen pipeline and view live in the URL. */
export function DealsPage() {
  const { t } = useI18n();
  const localName = useLocalName();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  const items = (pipelines.data?.items ?? []).filter((p) => !p.archived);
  const pipelineId = params.get('pipeline') ?? items[0]?.id;
  const view = params.get('view') === 'list' ? 'list' : 'kanban';
  const pipeline = usePipeline(pipelineId);

  useEffect(() => {
    if (!params.get('pipeline') && items[0]) setParams((p) => ({ ...Object.fromEntries(p), pipeline: items[0].id }), { replace: true });
  }, [items, params, setParams]);

  const set = (key: string, value: string) => setParams((p) => ({ ...Object.fromEntries(p), [key]: value }));
  return (
    <div>
      <PageTitle
        title={t('deals.title')}
        extra={
          <Space wrap>
            <Select
              style={{ minWidth: 200 }}
              value={pipelineId}
              loading={pipelines.isPending}
              onChange={(id) => set('pipeline', id)}
              options={items.map((p) => ({ value: p.id, label: localName(p.name, p.nameEn) }))}
              data-testid="pipeline-select"
            />
            <Segmented
              value={view}
              onChange={(v) => set('view', String(v))}
              options={[
                { value: 'kanban', icon: <AppstoreOutlined />, label: t('deals.kanban') },
                { value: 'list', icon: <UnorderedListOutlined />, label: t('deals.list') },
              ]}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!pipelineId}>
              {t('deals.new')}
            </Button>
          </Space>
        }
      />
      {!pipelines.isPending && items.length === 0 && <Empty description={t('deals.noPipeline')} />}
      {pipelineId && view === 'kanban' && <KanbanBoard pipelineId={pipelineId} />}
      {pipelineId && view === 'list' && <DealTable pipelineId={pipelineId} stages={stagesOf(pipeline.data)} />}
      {pipelineId && <DealFormModal open={creating} onClose={() => setCreating(false)} pipelineId={pipelineId} stages={stagesOf(pipeline.data)} />}
    </div>
  );
}
