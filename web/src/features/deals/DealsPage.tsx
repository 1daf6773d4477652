import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Empty, Segmented, Select, Space, Switch } from 'antd';
import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, useLocalName } from '../../i18n';
import { useAbilities } from '../../auth/abilities';
import { useTeams } from '../channels/api';
import { UserSelect } from '../forms/UserSelect';
import { stagesOf, usePipeline, usePipelines } from './api';
import { DealFormModal } from './DealFormModal';
import { DealTable } from './DealTable';
import { KanbanBoard } from './KanbanBoard';

/**
 * Deals of one pipeline as a kanban or a list; the chosen pipeline, view and the kanban's owner/team filters and
 * compact mode live in the URL. Managers filter by owner and team; amounts may be shown in 万 (a display setting).
 */
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
  // A link to an archived pipeline still shows its board (its deals are unaffected), named as archived, but no new
  // deal starts there (the server refuses one).
  const archived = pipeline.data?.id === pipelineId && !!pipeline.data?.archived;
  const choices = archived && pipeline.data ? [...items, pipeline.data] : items;
  const abilities = useAbilities();
  const teams = useTeams();
  const managing = abilities.can('record.assignOthers');
  const filters = { ownerId: params.get('owner') ?? undefined, teamId: params.get('team') ?? undefined };
  const compact = params.get('compact') === '1';

  useEffect(() => {
    if (!params.get('pipeline') && items[0]) setParams((p) => ({ ...Object.fromEntries(p), pipeline: items[0].id }), { replace: true });
  }, [items, params, setParams]);

  const set = (key: string, value: string | undefined) =>
    setParams((p) => {
      const next = Object.fromEntries(p);
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });
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
              options={choices.map((p) => ({ value: p.id, label: p.archived ? `${localName(p.name, p.nameEn)} · ${t('pipelines.archived')}` : localName(p.name, p.nameEn) }))}
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
            {view === 'kanban' && managing && (
              <div style={{ minWidth: 160 }}>
                <UserSelect value={filters.ownerId} onChange={(v) => set('owner', v)} allowClear testId="board-owner" />
              </div>
            )}
            {view === 'kanban' && managing && (
              <Select
                allowClear
                placeholder={t('deals.filterTeam')}
                style={{ minWidth: 140 }}
                value={filters.teamId}
                onChange={(v?: string) => set('team', v)}
                options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                data-testid="board-team"
              />
            )}
            {view === 'kanban' && (
              <Space size={4}>
                <Switch size="small" checked={compact} onChange={(on) => set('compact', on ? '1' : undefined)} data-testid="board-compact" />
                {t('deals.compact')}
              </Space>
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!pipelineId || archived}>
              {t('deals.new')}
            </Button>
          </Space>
        }
      />
      {!pipelines.isPending && items.length === 0 && <Empty description={t('deals.noPipeline')} />}
      {pipelineId && view === 'kanban' && <KanbanBoard pipelineId={pipelineId} filters={filters} compact={compact} />}
      {pipelineId && view === 'list' && <DealTable pipelineId={pipelineId} stages={stagesOf(pipeline.data)} />}
      {pipelineId && !archived && <DealFormModal open={creating} onClose={() => setCreating(false)} pipelineId={pipelineId} stages={stagesOf(pipeline.data)} />}
    </div>
  );
}
