import { AutoComplete, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { RuleAction, RuleActionType } from '../../api/types';
import { SETTABLE_FIELDS } from '../../api/entities.gen';
import { useI18n, type MessageKey } from '../../i18n';
import type { FieldErrors } from './api';
import { FollowupDealFields, StartCadenceFields } from './DealActionFields';

export const ACTION_TYPES: RuleActionType[] = ['notify', 'create_task', 'create_followup', 'set_field', 'webhook', 'start_cadence', 'create_followup_deal', 'require_approval'];
const RECIPIENTS = ['owner', 'owner.lead', 'owner.regional_manager', 'owner.director', 'actor', 'role:lead', 'role:regional_manager', 'role:director', 'role:admin'];
const CHANNELS = ['inapp', 'wecom', 'dingtalk', 'feishu', 'email', 'sms'];
/** Fields a set_field action may write, per trigger entity (generated from the server's record registry). */
const SETTABLE: Record<string, readonly string[]> = SETTABLE_FIELDS;

export function blankAction(type: RuleActionType): RuleAction {
  switch (type) {
    case 'notify':
      return { type, config: { recipients: ['owner'], title: '' } };
    case 'create_task':
      return { type, config: { title: '', assignee: 'owner', due: { workingDays: 1 } } };
    case 'create_followup':
      return { type, config: { title: '', assignee: 'owner.lead', due: { workingDays: 1 } } };
    case 'set_field':
      return { type, config: { field: '', value: '' } };
    case 'webhook':
      return { type, config: { url: '', secret: '' } };
    case 'start_cadence':
      return { type, config: { cadence: '' } };
    case 'create_followup_deal':
      return { type, config: { pipeline: '', owner: 'owner.lead', title: '', amountFen: 'copy' } };
    case 'create_work_order':
      // Rules that open work orders are shown and kept; the editor has no form for them yet (not in ACTION_TYPES).
      return { type, config: { type: '', title: '' } };
    case 'require_approval':
      return { type, config: { kind: 'quote' } };
    case 'require_retention_plan':
      // Shipped with the health playbooks; edited as YAML (not in ACTION_TYPES).
      return { type, config: { workingDays: 3, evidence: [{ key: 'conversation_summary', name: '最新沟通纪要' }] } };
  }
}

interface Props {
  index: number;
  count: number;
  action: RuleAction;
  entity: string | null;
  errors: FieldErrors;
  onChange(a: RuleAction): void;
  onRemove(): void;
  onMove(delta: number): void;
}

/** One action of a rule: its type and the config form of that type; server errors sit under each input. */
export function ActionEditor({ index, count, action, entity, errors, onChange, onRemove, onMove }: Props) {
  const { t } = useI18n();
  const base = `actions.${index}`;
  const cfg = action.config;
  const set = (patch: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...cfg, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '' || (Array.isArray(next[k]) && (next[k] as unknown[]).length === 0 && k === 'channels')) delete next[k];
    onChange({ ...action, config: next });
  };
  const item = (field: string, deep = false) => errors.item(`${base}.config.${field}`, deep);
  const text = (field: string, label: MessageKey, extra?: { area?: boolean; hint?: string; required?: boolean }) => (
    <Form.Item label={t(label)} {...item(field)} extra={extra?.hint} required={extra?.required}>
      {extra?.area ? (
        <Input.TextArea rows={2} value={(cfg[field] as string) ?? ''} onChange={(e) => set({ [field]: e.target.value })} data-testid={`action-${index}-${field}`} />
      ) : (
        <Input value={(cfg[field] as string) ?? ''} onChange={(e) => set({ [field]: e.target.value })} data-testid={`action-${index}-${field}`} />
      )}
    </Form.Item>
  );
  // Recipients by their labels (issue 15 point 6); the stored value stays the spec the server resolves.
  const recipientOptions = RECIPIENTS.map((r) => ({ value: r, label: t(`rules.recipient.${r}` as MessageKey) }));

  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      data-testid="rule-action"
      title={
        <Form.Item style={{ margin: 0 }} {...errors.item(`${base}.type`)} {...errors.item(base)}>
          <Select
            value={action.type}
            style={{ width: 240 }}
            onChange={(type: RuleActionType) => onChange(blankAction(type))}
            options={ACTION_TYPES.map((a) => ({ value: a, label: t(`rules.action.${a}`) }))}
            data-testid={`action-${index}-type`}
          />
        </Form.Item>
      }
      extra={
        <Space>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('pipelines.moveUp')} />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('pipelines.moveDown')} />
          <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />
        </Space>
      }
    >
      {action.type === 'notify' && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('rules.recipients')} extra={t('rules.recipientHint')} {...item('recipients', true)} required>
              <Select mode="tags" value={(cfg.recipients as string[]) ?? []} onChange={(recipients: string[]) => set({ recipients })} options={recipientOptions} data-testid={`action-${index}-recipients`} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('rules.channels')} {...item('channels', true)}>
              <Select mode="multiple" allowClear value={(cfg.channels as string[]) ?? []} onChange={(channels: string[]) => set({ channels })} options={CHANNELS.map((c) => ({ value: c, label: c }))} placeholder={t('sla.channels')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>{text('title', 'rules.msgTitle', { hint: t('rules.templateHint'), required: true })}</Col>
          <Col xs={24} sm={12}>{text('titleEn', 'rules.msgTitleEn')}</Col>
          <Col xs={24} sm={12}>{text('body', 'rules.msgBody', { area: true })}</Col>
          <Col xs={24} sm={12}>{text('bodyEn', 'rules.msgBodyEn', { area: true })}</Col>
          <Col xs={24}>{text('link', 'rules.link')}</Col>
        </Row>
      )}
      {(action.type === 'create_task' || action.type === 'create_followup') && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>{text('title', 'rules.taskTitle', { hint: t('rules.templateHint'), required: true })}</Col>
          <Col xs={24} sm={6}>
            <Form.Item label={t('rules.assignee')} {...item('assignee')} extra={t('rules.recipientHint')}>
              <AutoComplete value={(cfg.assignee as string) ?? ''} options={recipientOptions} onChange={(assignee: string) => set({ assignee })} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <DueInput value={cfg.due as Due | undefined} onChange={(due) => set({ due })} error={item('due', true)} />
          </Col>
        </Row>
      )}
      {action.type === 'set_field' && (
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item label={t('rules.field')} {...item('field')} required>
              <Select value={(cfg.field as string) || undefined} onChange={(field: string) => set({ field })} options={(SETTABLE[entity ?? ''] ?? []).map((f) => ({ value: f, label: f }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item label={t('rules.value')} {...item('value')} extra={t('rules.templateHint')}>
              <Input
                value={cfg.value === null || cfg.value === undefined ? '' : String(cfg.value)}
                onChange={(e) => {
                  const raw = e.target.value;
                  // amountFen takes a number; every other settable field is text (or a template).
                  onChange({ ...action, config: { ...cfg, value: cfg.field === 'amountFen' && /^\d+$/.test(raw) ? Number(raw) : raw } });
                }}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      {action.type === 'webhook' && (
        <Row gutter={12}>
          <Col xs={24}>{text('url', 'rules.url', { required: true })}</Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('rules.secret')} {...item('secret')} required>
              <Input.Password value={(cfg.secret as string) ?? ''} onChange={(e) => set({ secret: e.target.value })} autoComplete="new-password" visibilityToggle={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>{text('event', 'rules.event')}</Col>
        </Row>
      )}
      {action.type === 'require_approval' && text('kind', 'rules.approvalKind', { required: true })}
      {action.type === 'start_cadence' && <StartCadenceFields index={index} cfg={cfg} set={set} item={item} />}
      {action.type === 'create_followup_deal' && (
        <FollowupDealFields index={index} cfg={cfg} set={set} item={item} recipientOptions={recipientOptions} title={text('title', 'rules.dealTitle', { hint: t('rules.templateHint'), required: true })} />
      )}
    </Card>
  );
}

interface Due {
  hours?: number;
  workingDays?: number;
}

function DueInput({ value, onChange, error }: { value: Due | undefined; onChange(d: Due | undefined): void; error: { validateStatus?: 'error'; help?: string } }) {
  const { t } = useI18n();
  const unit = value?.hours !== undefined ? 'hours' : value?.workingDays !== undefined ? 'workingDays' : 'none';
  const n = value?.hours ?? value?.workingDays ?? 1;
  return (
    <Form.Item label={t('rules.due')} {...error}>
      <Space.Compact>
        {unit !== 'none' && <InputNumber min={0} value={n} onChange={(v) => onChange({ [unit]: v ?? 0 })} style={{ width: 70 }} />}
        <Select
          value={unit}
          style={{ width: 110 }}
          onChange={(u: string) => onChange(u === 'none' ? undefined : { [u]: n })}
          options={[
            { value: 'none', label: t('rules.dueNone') },
            { value: 'workingDays', label: t('sla.unit.wd') },
            { value: 'hours', label: t('sla.unit.h') },
          ]}
        />
      </Space.Compact>
    </Form.Item>
  );
}
