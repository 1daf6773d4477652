import { Button, Col, Divider, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { GateChecklistItem, GateEvidence, SlaSpec, Stage, StageGate } from '../../api/types';
import { useI18n } from '../../i18n';
import { useGateFields } from '../deals/gateFields';
import { SlaLadderEditor } from '../sla/SlaLadderEditor';

/** One stage's names, flags and exit gate (required fields, evidence kinds, checklist items). */
export function StageEditor({ stage, onChange }: { stage: Stage; onChange(stage: Stage): void }) {
  const { t } = useI18n();
  const fieldOptions = useGateFields().options;
  const gate: StageGate = stage.gate ?? { requiredFields: [], evidence: [], checklist: [] };
  const setGate = (patch: Partial<StageGate>) => onChange({ ...stage, gate: { ...gate, ...patch } });

  return (
    <div>
      <Row gutter={[8, 8]}>
        <Col xs={24} sm={8}>
          <Input addonBefore={t('pipelines.stageKey')} value={stage.key} onChange={(e) => onChange({ ...stage, key: e.target.value })} />
        </Col>
        <Col xs={24} sm={8}>
          <Input addonBefore={t('pipelines.stageName')} value={stage.name} onChange={(e) => onChange({ ...stage, name: e.target.value })} />
        </Col>
        <Col xs={24} sm={8}>
          <Input addonBefore="EN" value={stage.nameEn ?? ''} onChange={(e) => onChange({ ...stage, nameEn: e.target.value || undefined })} />
        </Col>
        <Col xs={12} sm={8}>
          <InputNumber addonBefore="%" min={0} max={100} value={stage.probability} onChange={(v) => onChange({ ...stage, probability: v ?? 0 })} />
        </Col>
        <Col xs={12} sm={16}>
          <Space>
            <Switch checked={stage.allowSkip} onChange={(v) => onChange({ ...stage, allowSkip: v })} />
            {t('pipelines.allowSkip')}
          </Space>
        </Col>
      </Row>
      <Divider orientation="left" plain>
        {t('pipelines.gates')}
      </Divider>
      <Typography.Text type="secondary">{t('pipelines.requiredFields')}</Typography.Text>
      <Select mode="tags" style={{ width: '100%', marginBottom: 12 }} value={gate.requiredFields} options={fieldOptions} onChange={(v: string[]) => setGate({ requiredFields: v })} />
      <Typography.Text type="secondary">{t('pipelines.evidence')}</Typography.Text>
      <ItemRows<GateEvidence>
        items={gate.evidence}
        onChange={(evidence) => setGate({ evidence })}
        blank={() => ({ kind: 'evidence', label: t('pipelines.newEvidence'), min: 1 })}
        render={(e, set) => (
          <>
            <Input placeholder={t('pipelines.itemKey')} value={e.kind} onChange={(x) => set({ ...e, kind: x.target.value })} style={{ width: 160 }} />
            <Input placeholder={t('pipelines.itemLabel')} value={e.label} onChange={(x) => set({ ...e, label: x.target.value })} style={{ width: 180 }} />
            <InputNumber min={1} value={e.min} onChange={(v) => set({ ...e, min: v ?? 1 })} style={{ width: 70 }} />
          </>
        )}
      />
      <Typography.Text type="secondary">{t('pipelines.checklist')}</Typography.Text>
      <ItemRows<GateChecklistItem>
        items={gate.checklist}
        onChange={(checklist) => setGate({ checklist })}
        blank={() => ({ key: `${stage.key}_item_${gate.checklist.length + 1}`, label: t('pipelines.newItem') })}
        render={(c, set) => (
          <>
            <Input placeholder={t('pipelines.itemKey')} value={c.key} onChange={(x) => set({ ...c, key: x.target.value })} style={{ width: 180 }} />
            <Input placeholder={t('pipelines.itemLabel')} value={c.label} onChange={(x) => set({ ...c, label: x.target.value })} style={{ width: 240 }} />
            <Input placeholder="EN" value={c.labelEn ?? ''} onChange={(x) => set({ ...c, labelEn: x.target.value || undefined })} style={{ width: 180 }} />
          </>
        )}
      />
      <Divider orientation="left" plain>
        {t('sla.ladder')}
      </Divider>
      <SlaLadderEditor
        value={stage.sla as SlaSpec | undefined}
        onChange={(sla) => {
          const { sla: _old, ...rest } = stage;
          onChange(sla ? { ...rest, sla } : rest);
        }}
      />
    </div>
  );
}

function ItemRows<T>({ items, onChange, blank, render }: { items: T[]; onChange(items: T[]): void; blank(): T; render(item: T, set: (next: T) => void): React.ReactNode }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 12 }}>
      {items.map((item, i) => (
        <Space key={i} wrap style={{ display: 'flex', marginTop: 6 }}>
          {render(item, (next) => onChange(items.map((x, j) => (j === i ? next : x))))}
          <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={t('common.delete')} />
        </Space>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...items, blank()])} style={{ marginTop: 6 }}>
        {t('pipelines.addItem')}
      </Button>
    </div>
  );
}
