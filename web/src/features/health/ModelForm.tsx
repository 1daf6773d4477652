/**
 * The health model as a form: name and segment field, colour bands, hysteresis (h points, k computations), the
 * severe floor, coverage floor and missing-value days, the trend rule, then the groups with their dimensions — each
 * with its source, normalisation (breakpoints, optionally a percentile within the segment) and the segments it does
 * not apply to. Edits a plain definition object (the API's shape); the server validates it (errors by field path).
 */
import { useEffect, useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { components } from '../../api/schema';
import { useI18n, type MessageKey } from '../../i18n';
import type { FieldErrors as AllFieldErrors } from '../forms/useFormErrors';

/** Field errors by path inside the definition (the page strips the request's `definition.` prefix). */
export type FieldErrors = Pick<AllFieldErrors, 'item' | 'at'>;

export type ModelDef = components['schemas']['HealthModelVersion']['definition'];
type Group = ModelDef['groups'][number];
type Dimension = Group['dimensions'][number];
type Source = Dimension['source'];

const SOURCE_TYPES: Source['type'][] = ['field', 'deals', 'activities', 'work_orders', 'on_time_payment_rate'];
const SEGMENT_FIELDS = ['industry', 'level', 'kind', 'region', 'source'];

/** `0:0, 6:100` ⇄ [[0, 0], [6, 100]]; null when the text is not a list of raw:score pairs. */
export function parsePoints(text: string): number[][] | null {
  const pairs = text.split(/[,，;\s]+/).filter(Boolean).map((p) => p.split(/[:：]/).map(Number));
  return pairs.length && pairs.every((p) => p.length === 2 && p.every(Number.isFinite)) ? pairs : null;
}
const pointsText = (points: number[][]) => points.map(([x, y]) => `${x}:${y}`).join(', ');

function PointsInput({ value, onChange, testId }: { value: number[][]; onChange(v: number[][]): void; testId: string }) {
  const [text, setText] = useState(pointsText(value));
  useEffect(() => setText(pointsText(value)), [value]);
  const parsed = parsePoints(text);
  return <Input value={text} status={parsed ? undefined : 'error'} data-testid={testId} onChange={(e) => setText(e.target.value)} onBlur={() => parsed && onChange(parsed)} />;
}

function defaultSource(type: Source['type']): Source {
  switch (type) {
    case 'field':
      return { type, field: 'level', map: { A: 100, B: 70, C: 40, D: 10 } };
    case 'deals':
      return { type, measure: 'won_amount', days: 365 };
    case 'activities':
      return { type, types: ['visit'], effectiveOnly: false, days: 90 };
    case 'work_orders':
      return { type };
    default:
      return { type: 'on_time_payment_rate', graceWorkingDays: 0 };
  }
}

function SourceEditor({ source, onChange }: { source: Source; onChange(s: Source): void }) {
  const { t } = useI18n();
  const type = (
    <Select size="small" style={{ width: 170 }} value={source.type} onChange={(v) => onChange(defaultSource(v))} options={SOURCE_TYPES.map((s) => ({ value: s, label: t(`healthModel.source.${s}` as MessageKey) }))} />
  );
  const days = (v: number) => <InputNumber size="small" min={1} max={3660} value={v} addonAfter={t('healthModel.days')} onChange={(d) => onChange({ ...source, days: d ?? 1 } as Source)} />;
  return (
    <Space wrap>
      {type}
      {source.type === 'field' && (
        <>
          <Input size="small" style={{ width: 140 }} value={source.field} onChange={(e) => onChange({ ...source, field: e.target.value })} />
          <Input
            size="small"
            style={{ width: 220 }}
            placeholder="A=100, B=70"
            defaultValue={Object.entries(source.map ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}
            onBlur={(e) => {
              const entries = e.target.value.split(/[,，]/).map((p) => p.split('=').map((s) => s.trim())).filter((p) => p.length === 2 && p[0] && Number.isFinite(Number(p[1])));
              onChange({ ...source, map: entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, Number(v)])) : undefined });
            }}
          />
        </>
      )}
      {source.type === 'deals' && (
        <>
          <Select size="small" value={source.measure} onChange={(m) => onChange({ ...source, measure: m })} options={(['won_amount', 'product_lines'] as const).map((m) => ({ value: m, label: t(`healthModel.measure.${m}` as MessageKey) }))} />
          {days(source.days)}
        </>
      )}
      {source.type === 'activities' && (
        <>
          <Select size="small" mode="tags" style={{ minWidth: 160 }} value={source.types ?? []} placeholder={t('healthModel.allTypes')} onChange={(v) => onChange({ ...source, types: v.length ? v : undefined })} />
          <Switch size="small" checked={source.effectiveOnly} onChange={(v) => onChange({ ...source, effectiveOnly: v })} /> {t('healthModel.effectiveOnly')}
          {days(source.days)}
        </>
      )}
      {source.type === 'on_time_payment_rate' && (
        <InputNumber size="small" min={0} max={60} value={source.graceWorkingDays} addonBefore={t('healthModel.grace')} onChange={(d) => onChange({ ...source, graceWorkingDays: d ?? 0 })} />
      )}
    </Space>
  );
}

function DimensionRow({ dim, path, errors, segmented, onChange, onRemove }: { dim: Dimension; path: string; errors: FieldErrors; segmented: boolean; onChange(d: Dimension): void; onRemove(): void }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`dimension-${dim.key}`} extra={<Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />}>
      <Row gutter={8}>
        <Col span={6}>
          <Form.Item label={t('healthModel.key')} {...errors.item(`${path}.key`)}>
            <Input size="small" value={dim.key} onChange={(e) => onChange({ ...dim, key: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={t('healthModel.name')} {...errors.item(`${path}.name`)}>
            <Input size="small" value={dim.name} onChange={(e) => onChange({ ...dim, name: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('health.weight')} {...errors.item(`${path}.weight`)}>
            <InputNumber size="small" min={0} max={100} value={dim.weight} onChange={(w) => onChange({ ...dim, weight: w ?? 0 })} data-testid={`weight-${dim.key}`} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('healthModel.source')} {...errors.item(`${path}.source`, true)}>
        <SourceEditor source={dim.source} onChange={(source) => onChange({ ...dim, source })} />
      </Form.Item>
      <Form.Item label={t('healthModel.points')} extra={t('healthModel.pointsHint')} {...errors.item(`${path}.normalize`, true)}>
        <Space wrap>
          <PointsInput value={dim.normalize.points} testId={`points-${dim.key}`} onChange={(points) => onChange({ ...dim, normalize: { ...dim.normalize, points } })} />
          <Switch size="small" checked={dim.normalize.percentile} onChange={(percentile) => onChange({ ...dim, normalize: { ...dim.normalize, percentile } })} /> {t('healthModel.percentile')}
        </Space>
      </Form.Item>
      <Form.Item label={t('healthModel.notApplicable')} extra={segmented ? undefined : t('healthModel.needsSegment')} {...errors.item(`${path}.notApplicableFor`, true)}>
        <Select size="small" mode="tags" value={dim.notApplicableFor} onChange={(v) => onChange({ ...dim, notApplicableFor: v })} />
      </Form.Item>
    </Card>
  );
}

export function ModelForm({ def, onChange, errors }: { def: ModelDef; onChange(d: ModelDef): void; errors: FieldErrors }) {
  const { t } = useI18n();
  const set = <K extends keyof ModelDef>(key: K, value: ModelDef[K]) => onChange({ ...def, [key]: value });
  const setGroup = (gi: number, g: Group) => set('groups', def.groups.map((x, i) => (i === gi ? g : x)));
  const sum = (ws: number[]) => Math.round(ws.reduce((a, b) => a + b, 0) * 100) / 100;
  const num = (path: string, label: MessageKey, value: number | undefined, apply: (v: number | undefined) => void, props: { min?: number; max?: number; step?: number } = {}) => (
    <Form.Item label={t(label)} {...errors.item(path, true)}>
      <InputNumber size="small" value={value} onChange={(v) => apply(v ?? undefined)} {...props} data-testid={`model-${path}`} />
    </Form.Item>
  );
  return (
    <Form layout="vertical" size="small">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('healthModel.modelName')} {...errors.item('name')}>
            <Input value={def.name} onChange={(e) => set('name', e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('healthModel.segmentBy')} {...errors.item('segmentBy')}>
            <Select allowClear value={def.segmentBy} onChange={(v) => set('segmentBy', v)} options={SEGMENT_FIELDS.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col>{num('bands.green', 'healthModel.green', def.bands.green, (v) => set('bands', { ...def.bands, green: v ?? 0 }), { min: 0, max: 100 })}</Col>
        <Col>{num('bands.yellow', 'healthModel.yellow', def.bands.yellow, (v) => set('bands', { ...def.bands, yellow: v ?? 0 }), { min: 0, max: 100 })}</Col>
        <Col>{num('hysteresis.points', 'healthModel.h', def.hysteresis.points, (v) => set('hysteresis', { ...def.hysteresis, points: v ?? 0 }), { min: 0, max: 50 })}</Col>
        <Col>{num('hysteresis.computations', 'healthModel.k', def.hysteresis.computations, (v) => set('hysteresis', { ...def.hysteresis, computations: v ?? 1 }), { min: 1, max: 30 })}</Col>
        <Col>{num('severeBelow', 'healthModel.severe', def.severeBelow, (v) => set('severeBelow', v), { min: 0, max: 100 })}</Col>
        <Col>{num('coverageFloor', 'healthModel.coverageFloor', def.coverageFloor, (v) => set('coverageFloor', v ?? 0), { min: 0, max: 1, step: 0.05 })}</Col>
        <Col>{num('missingDays', 'healthModel.missingDays', def.missingDays, (v) => set('missingDays', v ?? 0), { min: 0, max: 365 })}</Col>
      </Row>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Switch checked={!!def.trend} onChange={(on) => set('trend', on ? { drop: 15, days: 14 } : undefined)} data-testid="model-trend" />
        <Typography.Text>{t('healthModel.trend')}</Typography.Text>
        {def.trend && (
          <>
            <InputNumber size="small" min={1} max={100} value={def.trend.drop} addonBefore={t('healthModel.trendDrop')} onChange={(v) => set('trend', { ...def.trend!, drop: v ?? 1 })} />
            <InputNumber size="small" min={1} max={365} value={def.trend.days} addonBefore={t('healthModel.trendDays')} onChange={(v) => set('trend', { ...def.trend!, days: v ?? 1 })} />
          </>
        )}
      </Space>
      <Typography.Text type={sum(def.groups.map((g) => g.weight)) === 100 ? 'secondary' : 'danger'} style={{ display: 'block' }} data-testid="groups-sum">
        {t('healthModel.groupSum', { sum: sum(def.groups.map((g) => g.weight)) })}
      </Typography.Text>
      {errors.at('groups') && <Typography.Text type="danger">{errors.at('groups')}</Typography.Text>}
      {def.groups.map((g, gi) => (
        <Card
          key={gi}
          size="small"
          style={{ marginTop: 8 }}
          title={
            <Space wrap>
              <Input size="small" style={{ width: 110 }} value={g.key} onChange={(e) => setGroup(gi, { ...g, key: e.target.value })} />
              <Input size="small" style={{ width: 140 }} value={g.name} onChange={(e) => setGroup(gi, { ...g, name: e.target.value })} />
              <InputNumber size="small" min={0} max={100} value={g.weight} addonAfter="%" onChange={(w) => setGroup(gi, { ...g, weight: w ?? 0 })} data-testid={`group-weight-${g.key}`} />
              <Typography.Text type={sum(g.dimensions.map((d) => d.weight)) === 100 ? 'secondary' : 'danger'}>{t('healthModel.dimSum', { sum: sum(g.dimensions.map((d) => d.weight)) })}</Typography.Text>
            </Space>
          }
          extra={<Button size="small" danger icon={<DeleteOutlined />} onClick={() => set('groups', def.groups.filter((_, i) => i !== gi))} aria-label={t('common.delete')} />}
        >
          {errors.at(`groups.${gi}.dimensions`) && <Typography.Text type="danger">{errors.at(`groups.${gi}.dimensions`)}</Typography.Text>}
          {g.dimensions.map((d, di) => (
            <DimensionRow
              key={di}
              dim={d}
              path={`groups.${gi}.dimensions.${di}`}
              errors={errors}
              segmented={!!def.segmentBy}
              onChange={(nd) => setGroup(gi, { ...g, dimensions: g.dimensions.map((x, i) => (i === di ? nd : x)) })}
              onRemove={() => setGroup(gi, { ...g, dimensions: g.dimensions.filter((_, i) => i !== di) })}
            />
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => setGroup(gi, { ...g, dimensions: [...g.dimensions, { key: `dim_${g.dimensions.length + 1}`, name: t('healthModel.newDimension'), weight: 0, source: defaultSource('activities'), normalize: { percentile: false, points: [[0, 0], [6, 100]] }, notApplicableFor: [] }] })}>
            {t('healthModel.addDimension')}
          </Button>
        </Card>
      ))}
      <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => set('groups', [...def.groups, { key: `group_${def.groups.length + 1}`, name: t('healthModel.newGroup'), weight: 0, dimensions: [] }])}>
        {t('healthModel.addGroup')}
      </Button>
    </Form>
  );
}
