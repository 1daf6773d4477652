import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { RuleTrigger, RuleTriggerType } from '../../api/types';
import { RULE_KINDS } from '../../api/entities.gen';
import { useI18n, useLocalName, type MessageKey } from '../../i18n';
import { stagesOf, usePipelines } from '../deals/api';
import type { FieldErrors } from './api';

export const TRIGGER_TYPES: RuleTriggerType[] = ['record.created', 'record.updated', 'deal.stage_changed', 'sla.level_reached', 'task.overdue', 'schedule', 'material.opened', 'material.not_opened'];
const ENTITIES: readonly string[] = RULE_KINDS;

/** The entity whose row a rule's conditions read as `record` (mirrors the server's `triggerEntity`). */
export function triggerEntity(trigger: RuleTrigger): string | null {
  if (trigger.type === 'record.created' || trigger.type === 'record.updated') return trigger.entity ?? null;
  if (trigger.type === 'deal.stage_changed') return 'deal';
  if (trigger.type === 'task.overdue') return 'task';
  if (trigger.type === 'sla.level_reached') return trigger.entity ?? null;
  if (trigger.type === 'material.opened' || trigger.type === 'material.not_opened') return 'customer';
  return null;
}

function blankTrigger(type: RuleTriggerType): RuleTrigger {
  if (type === 'record.created' || type === 'record.updated') return { type, entity: 'deal' };
  if (type === 'schedule') return { type, cron: '0 9 * * 1-5' };
  if (type === 'material.not_opened') return { type, hours: 24 };
  return { type };
}

const entityLabel = (e: string): MessageKey => (e === 'task' ? 'rules.entity.task' : (`entity.${e}` as MessageKey));

export function TriggerEditor({ value, onChange, errors }: { value: RuleTrigger; onChange(v: RuleTrigger): void; errors: FieldErrors }) {
  const { t } = useI18n();
  const localName = useLocalName();
  const pipelines = usePipelines();
  const set = (patch: Partial<RuleTrigger>) => {
    const next: Record<string, unknown> = { ...value, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next as unknown as RuleTrigger);
  };
  const pipeline = (pipelines.data?.items ?? []).find((p) => p.key === value.pipeline || p.id === value.pipeline);
  const stageOptions = stagesOf(pipeline).map((s) => ({ value: s.key, label: localName(s.name, s.nameEn) }));
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item label={t('rules.trigger')} {...errors.item('trigger.type')} required>
          <Select
            value={value.type}
            onChange={(type: RuleTriggerType) => onChange(blankTrigger(type))}
            options={TRIGGER_TYPES.map((tt) => ({ value: tt, label: t(`rules.trigger.${tt}` as MessageKey) }))}
            data-testid="rule-trigger"
          />
        </Form.Item>
      </Col>
      {(value.type === 'record.created' || value.type === 'record.updated') && (
        <Col xs={24} sm={8}>
          <Form.Item label={t('rules.entity')} {...errors.item('trigger.entity')} required>
            <Select value={value.entity} onChange={(entity: string) => set({ entity })} options={ENTITIES.map((e) => ({ value: e, label: t(entityLabel(e)) }))} data-testid="rule-entity" />
          </Form.Item>
        </Col>
      )}
      {value.type === 'deal.stage_changed' && (
        <>
          <Col xs={24} sm={6}>
            <Form.Item label={t('rules.pipeline')} {...errors.item('trigger.pipeline')}>
              <Select
                allowClear
                placeholder={t('rules.anyStage')}
                value={value.pipeline}
                onChange={(p?: string) => set({ pipeline: p, from: undefined, to: undefined })}
                options={(pipelines.data?.items ?? []).map((p) => ({ value: p.key, label: localName(p.name, p.nameEn) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={5}>
            <Form.Item label={t('rules.fromStage')} {...errors.item('trigger.from')}>
              <Select allowClear placeholder={t('rules.anyStage')} value={value.from} onChange={(from?: string) => set({ from })} options={stageOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={5}>
            <Form.Item label={t('rules.toStage')} {...errors.item('trigger.to')}>
              <Select allowClear placeholder={t('rules.anyStage')} value={value.to} onChange={(to?: string) => set({ to })} options={stageOptions} />
            </Form.Item>
          </Col>
        </>
      )}
      {value.type === 'sla.level_reached' && (
        <>
          <Col xs={24} sm={6}>
            <Form.Item label={t('rules.entity')} {...errors.item('trigger.entity')}>
              <Select allowClear placeholder={t('common.all')} value={value.entity} onChange={(entity?: string) => set({ entity })} options={['deal', 'task'].map((e) => ({ value: e, label: t(entityLabel(e)) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={5}>
            <Form.Item label={t('rules.level')} {...errors.item('trigger.level')}>
              <InputNumber min={1} max={10} value={typeof value.level === 'number' ? value.level : null} onChange={(level) => set({ level: level ?? undefined })} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={5}>
            <Form.Item label={t('rules.colour')} {...errors.item('trigger.colour')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                value={value.colour}
                onChange={(colour?: 'yellow' | 'red') => set({ colour })}
                options={(['yellow', 'red'] as const).map((c) => ({ value: c, label: t(`sla.${c}`) }))}
              />
            </Form.Item>
          </Col>
        </>
      )}
      {value.type === 'material.not_opened' && (
        <Col xs={24} sm={8}>
          <Form.Item label={t('fieldlog.hours')} {...errors.item('trigger.hours')} required>
            <InputNumber min={1} max={2160} value={value.hours} onChange={(hours) => onChange({ type: 'material.not_opened', hours: hours ?? undefined })} style={{ width: '100%' }} data-testid="rule-hours" />
          </Form.Item>
        </Col>
      )}
      {value.type === 'schedule' && (
        <Col xs={24} sm={12}>
          <Form.Item label={t('rules.cron')} extra={t('rules.cronHint')} {...errors.item('trigger.cron')} required>
            <Input value={value.cron} onChange={(e) => onChange({ type: 'schedule', cron: e.target.value })} style={{ fontFamily: 'monospace' }} data-testid="rule-cron" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
