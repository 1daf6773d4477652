import { useState, type ReactNode } from 'react';
import { AutoComplete, Alert, Button, Col, Form, Input, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../i18n';
import type { FieldErrors } from '../rules/api';
import { ACTION_KINDS, blankStep, type CadenceDraft, type StepDraft, type Unit } from './draft';
import { StepDetails } from './StepDetails';

const OFFSET = /^T([+-])(\d{1,3})$/;
/** Step fields edited in the expanded details; a server error on one of them opens that row. */
const DETAIL_FIELDS = ['titleEn', 'instructions', 'instructionsEn', 'template', 'templateEn', 'deliverable'];

/** `T+3` as a sign select and a day count, so the format cannot be mistyped. */
function OffsetInput({ value, onChange, index }: { value: string; onChange(v: string): void; index: number }) {
  const m = OFFSET.exec(value);
  const sign = m?.[1] ?? '+';
  const days = m ? Number(m[2]) : 1;
  return (
    <Space.Compact>
      <Select value={sign} style={{ width: 64 }} onChange={(s: string) => onChange(`T${s}${days}`)} options={[{ value: '+', label: 'T+' }, { value: '-', label: 'T-' }]} data-testid={`step-${index}-sign`} />
      <InputNumber min={0} max={999} precision={0} value={days} style={{ width: 70 }} onChange={(d) => onChange(`T${sign}${d ?? 0}`)} data-testid={`step-${index}-days`} />
    </Space.Compact>
  );
}

/**
 * The cadence as a form: basics, the anchor the offsets count from, and a table of steps whose details (guidance,
 * talk script, deliverable) open under each row. Server errors (`steps.0.at`) are shown at their inputs.
 */
export function CadenceForm({ draft, onChange, errors, isNew }: { draft: CadenceDraft; onChange(d: CadenceDraft): void; errors: FieldErrors; isNew: boolean }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<number[]>([]);
  const set = (patch: Partial<CadenceDraft>) => onChange({ ...draft, ...patch });
  const setStep = (i: number, patch: Partial<StepDraft>) => set({ steps: draft.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const text = (field: 'name' | 'nameEn' | 'description' | 'descriptionEn', label: MessageKey, required = false) => (
    <Form.Item label={t(label)} {...errors.item(field)} required={required}>
      <Input value={draft[field] ?? ''} onChange={(e) => set({ [field]: e.target.value || undefined })} data-testid={`cadence-form-${field}`} />
    </Form.Item>
  );
  const withHiddenErrors = draft.steps.filter((_, i) => errors.at(`steps.${i}`) || DETAIL_FIELDS.some((f) => errors.under(`steps.${i}.${f}`)));
  const expanded = [...new Set([...opened, ...withHiddenErrors.map((s) => s.rowId)])];
  const cell = (i: number, field: string, node: ReactNode) => (
    <Form.Item style={{ margin: 0 }} {...errors.item(`steps.${i}.${field}`)}>
      {node}
    </Form.Item>
  );
  const move = (i: number, delta: number) => {
    const steps = [...draft.steps];
    const [s] = steps.splice(i, 1);
    steps.splice(i + delta, 0, s);
    set({ steps });
  };

  return (
    <Form layout="vertical">
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item label={t('cadences.key')} {...errors.item('key')} required>
            <Input value={draft.key} disabled={!isNew} onChange={(e) => set({ key: e.target.value })} placeholder="golden-seven-days" data-testid="cadence-form-key" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>{text('name', 'cadences.name', true)}</Col>
        <Col xs={24} sm={8}>{text('nameEn', 'cadences.nameEn')}</Col>
        <Col xs={24} sm={12}>{text('description', 'cadences.description')}</Col>
        <Col xs={24} sm={12}>{text('descriptionEn', 'cadences.descriptionEn')}</Col>
        <Col xs={24} sm={8}>
          <Form.Item label={t('cadences.anchor')} {...errors.item('anchor.kind')} {...errors.item('anchor')}>
            <Select
              value={draft.anchor.kind}
              onChange={(kind: 'stage_entered' | 'field') => set({ anchor: kind === 'field' ? { kind, field: 'expectedCloseDate' } : { kind } })}
              options={[
                { value: 'stage_entered', label: t('cadences.anchor.stage') },
                { value: 'field', label: t('cadences.anchor.field') },
              ]}
              data-testid="cadence-form-anchor"
            />
          </Form.Item>
        </Col>
        {draft.anchor.kind === 'field' && (
          <Col xs={24} sm={8}>
            <Form.Item label={t('cadences.anchorField')} {...errors.item('anchor.field')} extra={t('cadences.anchorFieldHint')} required>
              <AutoComplete value={draft.anchor.field} onChange={(field: string) => set({ anchor: { kind: 'field', field } })} options={[{ value: 'expectedCloseDate' }]} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {errors.at('steps') && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={errors.at('steps')} />}
      <Table<StepDraft>
        size="small"
        rowKey="rowId"
        pagination={false}
        scroll={{ x: 1000 }}
        dataSource={draft.steps}
        data-testid="cadence-form-steps"
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, s) => setOpened(open ? [...opened, s.rowId] : opened.filter((id) => id !== s.rowId)),
          expandedRowRender: (s, i) => <StepDetails index={i} step={s} errors={errors} onChange={(patch) => setStep(i, patch)} />,
        }}
        columns={[
          { title: t('cadences.stepKey'), width: 140, render: (_, s, i) => cell(i, 'key', <Input value={s.key} onChange={(e) => setStep(i, { key: e.target.value })} data-testid={`step-${i}-key`} />) },
          { title: 'T', width: 150, render: (_, s, i) => cell(i, 'offset', <OffsetInput index={i} value={s.offset} onChange={(offset) => setStep(i, { offset })} />) },
          {
            title: t('cadences.unit'),
            width: 120,
            render: (_, s, i) =>
              cell(
                i,
                'unit',
                <Select<Unit>
                  value={s.unit}
                  style={{ width: '100%' }}
                  onChange={(unit) => setStep(i, { unit })}
                  options={(['working_days', 'calendar_days'] as const).map((u) => ({ value: u, label: t(`cadences.unit.${u}`) }))}
                  data-testid={`step-${i}-unit`}
                />,
              ),
          },
          {
            title: t('cadences.at'),
            width: 100,
            render: (_, s, i) => cell(i, 'at', <Input value={s.at ?? ''} placeholder="10:00" onChange={(e) => setStep(i, { at: e.target.value || undefined })} data-testid={`step-${i}-at`} />),
          },
          {
            title: t('cadences.actionKind'),
            width: 150,
            render: (_, s, i) =>
              cell(
                i,
                'action',
                <Select
                  value={s.action}
                  style={{ width: '100%' }}
                  onChange={(action: string) => setStep(i, { action })}
                  options={ACTION_KINDS.map((a) => ({ value: a, label: t(`cadences.kind.${a}`) }))}
                  data-testid={`step-${i}-action`}
                />,
              ),
          },
          { title: t('cadences.step'), render: (_, s, i) => cell(i, 'title', <Input value={s.title} onChange={(e) => setStep(i, { title: e.target.value })} data-testid={`step-${i}-title`} />) },
          {
            title: '',
            width: 110,
            render: (_, _s, i) => (
              <Space size={2}>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('pipelines.moveUp')} />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={i === draft.steps.length - 1} onClick={() => move(i, 1)} aria-label={t('pipelines.moveDown')} />
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => set({ steps: draft.steps.filter((_, j) => j !== i) })} aria-label={t('common.delete')} />
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => {
            const step = blankStep(draft.steps.length);
            set({ steps: [...draft.steps, step] });
            setOpened([...opened, step.rowId]);
          }}
          data-testid="cadence-step-add"
        >
          {t('cadences.addStep')}
        </Button>
        <Typography.Text type="secondary">{t('cadences.offsetHint')}</Typography.Text>
      </Space>
    </Form>
  );
}
