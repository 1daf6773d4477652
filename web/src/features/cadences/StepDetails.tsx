import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../i18n';
import type { FieldErrors } from '../rules/api';
import { useGateFields } from '../deals/gateFields';
import type { Deliverable } from './api';
import type { StepDraft } from './draft';

type TextField = 'titleEn' | 'instructions' | 'instructionsEn' | 'template' | 'templateEn';

/** The expanded part of a step row: English title, guidance and talk script in both languages, the deliverable. */
export function StepDetails({ index, step, errors, onChange }: { index: number; step: StepDraft; errors: FieldErrors; onChange(patch: Partial<StepDraft>): void }) {
  const { t } = useI18n();
  const fieldOptions = useGateFields().options;
  const base = `steps.${index}`;
  const d = step.deliverable;
  const setDeliverable = (patch: Partial<Deliverable>) => {
    const next: Deliverable = { ...d, ...patch };
    for (const k of Object.keys(next) as (keyof Deliverable)[]) if (next[k] === undefined) delete next[k];
    onChange({ deliverable: next });
  };
  const attachments = d.attachments;
  const setAttachments = (patch: Partial<NonNullable<Deliverable['attachments']>>) => {
    const next = { kind: '', min: 1, ...attachments, ...patch };
    setDeliverable({ attachments: next.kind || next.label || next.labelEn ? next : undefined });
  };
  const text = (field: TextField, label: MessageKey, rows = 0) => (
    <Form.Item label={t(label)} {...errors.item(`${base}.${field}`)}>
      {rows ? (
        <Input.TextArea rows={rows} value={step[field] ?? ''} onChange={(e) => onChange({ [field]: e.target.value || undefined })} data-testid={`step-${index}-${field}`} />
      ) : (
        <Input value={step[field] ?? ''} onChange={(e) => onChange({ [field]: e.target.value || undefined })} data-testid={`step-${index}-${field}`} />
      )}
    </Form.Item>
  );
  const dItem = (field: string) => errors.item(`${base}.deliverable.${field}`, true);

  return (
    <div data-testid={`step-${index}-details`}>
      {errors.at(base) && <Typography.Text type="danger">{errors.at(base)}</Typography.Text>}
      <Row gutter={12}>
        <Col xs={24} sm={12}>{text('titleEn', 'cadences.titleEn')}</Col>
        <Col xs={24} sm={12} />
        <Col xs={24} sm={12}>{text('instructions', 'cadences.instructions', 2)}</Col>
        <Col xs={24} sm={12}>{text('instructionsEn', 'cadences.instructionsEn', 2)}</Col>
        <Col xs={24} sm={12}>{text('template', 'cadences.template', 3)}</Col>
        <Col xs={24} sm={12}>{text('templateEn', 'cadences.templateEn', 3)}</Col>
      </Row>
      <Typography.Text strong>{t('cadences.deliverable')}</Typography.Text>
      {errors.at(`${base}.deliverable`) && <div><Typography.Text type="danger">{errors.at(`${base}.deliverable`)}</Typography.Text></div>}
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item label={t('cadences.attachmentKind')} {...dItem('attachments.kind')} {...(errors.at(`${base}.deliverable.attachments`) ? errors.item(`${base}.deliverable.attachments`) : {})}>
            <Input value={attachments?.kind ?? ''} placeholder="materials" onChange={(e) => setAttachments({ kind: e.target.value })} data-testid={`step-${index}-attachment-kind`} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={4}>
          <Form.Item label={t('cadences.attachmentMin')} {...dItem('attachments.min')}>
            <InputNumber min={1} max={20} precision={0} disabled={!attachments} value={attachments?.min ?? 1} onChange={(min) => setAttachments({ min: min ?? 1 })} data-testid={`step-${index}-attachment-min`} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7}>
          <Form.Item label={t('cadences.attachmentLabel')} {...dItem('attachments.label')}>
            <Input value={attachments?.label ?? ''} disabled={!attachments} onChange={(e) => setAttachments({ label: e.target.value || undefined })} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7}>
          <Form.Item label={t('cadences.attachmentLabelEn')} {...dItem('attachments.labelEn')}>
            <Input value={attachments?.labelEn ?? ''} disabled={!attachments} onChange={(e) => setAttachments({ labelEn: e.target.value || undefined })} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('cadences.deliverable.note')} {...dItem('note_required')}>
            <Checkbox checked={!!d.note_required} onChange={(e) => setDeliverable({ note_required: e.target.checked || undefined })} data-testid={`step-${index}-note-required`}>
              {t('cadences.noteRequired')}
            </Checkbox>
          </Form.Item>
        </Col>
        <Col xs={12} sm={4}>
          <Form.Item label={t('cadences.timeSlots')} {...dItem('time_slots')}>
            <InputNumber min={0} max={10} precision={0} value={d.time_slots ?? 0} onChange={(n) => setDeliverable({ time_slots: n || undefined })} data-testid={`step-${index}-time-slots`} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item label={t('cadences.requiredFields')} {...dItem('fields')} extra={t('cadences.requiredFieldsHint')}>
            <Select mode="tags" value={d.fields ?? []} onChange={(fields: string[]) => setDeliverable({ fields: fields.length ? fields : undefined })} options={fieldOptions} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
