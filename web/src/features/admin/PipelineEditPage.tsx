import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { Alert, App, Button, Card, Collapse, Input, Skeleton, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import type { Pipeline, PipelineDefinition, Stage } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { translate, useI18n, useLocalName } from '../../i18n';
import { usePipeline } from '../deals/api';
import { StageEditor } from './StageEditor';
import { useFormErrors } from '../forms/useFormErrors';
import { queryKeys } from '../../api/queryKeys';
import { useServerDraft } from '../../lib/useServerDraft';

const emptyGate = () => ({ requiredFields: [], evidence: [], checklist: [] });

/** Edit a pipeline's definition: rename/add/remove/reorder stages and edit their gates; saved whole with PUT. */
export function PipelineEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const localName = useLocalName();
  const { message } = App.useApp();
  const client = useQueryClient();
  const pipeline = usePipeline(id);
  const { draft: def, setDraft: setDef, saved } = useServerDraft(pipeline.data?.definition, (d): PipelineDefinition => structuredClone(d), { source: id });

  const save = useMutation({
    mutationFn: (d: PipelineDefinition) => api.put<Pipeline>(`/api/pipelines/${id}`, d),
    onSuccess: (answer, sent) => {
      message.success(t('common.saved'));
      saved(sent, answer.definition);
      client.invalidateQueries({ queryKey: queryKeys.pipeline(id) });
      client.invalidateQueries({ queryKey: queryKeys.pipelines() });
      client.invalidateQueries({ queryKey: queryKeys.board() });
    },
  });
  const formErrors = useFormErrors(save.error);

  if (pipeline.error) return <Typography.Text type="danger">{errorMessage(pipeline.error)}</Typography.Text>;
  if (!def) return <Skeleton active />;

  const setStages = (stages: Stage[]) => setDef({ ...def, stages });
  const updateStage = (i: number, stage: Stage) => setStages(def.stages.map((s, j) => (j === i ? stage : s)));
  const moveStage = (i: number, delta: number) => {
    const stages = [...def.stages];
    const [s] = stages.splice(i, 1);
    stages.splice(i + delta, 0, s);
    setStages(stages);
  };
  const addStage = () => {
    const n = def.stages.length + 1;
    const stage: Stage = { key: `stage_${n}`, name: translate('zh', 'pipelines.newStage', { n }), nameEn: translate('en', 'pipelines.newStage', { n }), probability: 50, allowSkip: false, gate: emptyGate() };
    // New open stages go before the terminal (won/lost) ones, which must stay last.
    const firstTerminal = def.stages.findIndex((s) => s.terminal);
    const at = firstTerminal === -1 ? def.stages.length : firstTerminal;
    setStages([...def.stages.slice(0, at), stage, ...def.stages.slice(at)]);
  };

  return (
    <div>
      <PageTitle
        title={`${t('pipelines.edit')} · ${localName(pipeline.data?.name, pipeline.data?.nameEn)}`}
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate(def)} data-testid="pipeline-save">
            {t('common.save')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input addonBefore={t('common.name')} value={def.name} onChange={(e) => setDef({ ...def, name: e.target.value })} />
          <Input addonBefore="EN" value={def.nameEn ?? ''} onChange={(e) => setDef({ ...def, nameEn: e.target.value || undefined })} />
        </Space>
      </Card>
      {save.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={errorMessage(save.error)}
          description={formErrors.size > 0 && <ul style={{ margin: 0 }}>{formErrors.all().map((line) => <li key={line}>{line}</li>)}</ul>}
        />
      )}
      <Collapse
        items={def.stages.map((stage, i) => ({
          key: String(i),
          label: (
            <span>
              {i + 1}. {localName(stage.name, stage.nameEn)} <Typography.Text type="secondary">({stage.key})</Typography.Text>
            </span>
          ),
          extra: (
            <Space onClick={(e) => e.stopPropagation()}>
              <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => moveStage(i, -1)} aria-label={t('pipelines.moveUp')} />
              <Button size="small" icon={<ArrowDownOutlined />} disabled={i === def.stages.length - 1} onClick={() => moveStage(i, 1)} aria-label={t('pipelines.moveDown')} />
              <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setStages(def.stages.filter((_, j) => j !== i))} aria-label={t('common.delete')} />
            </Space>
          ),
          children: <StageEditor stage={{ ...stage, gate: stage.gate ?? emptyGate() }} onChange={(s) => updateStage(i, s)} />,
        }))}
      />
      <Button icon={<PlusOutlined />} onClick={addStage} style={{ marginTop: 12 }}>
        {t('pipelines.addStage')}
      </Button>
    </div>
  );
}
