import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client';
import { knownRequirement, type CustomFieldDef, type UnmetItem } from '../../api/types';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { yuanToFen } from '../../lib/format';
import { UploadButton } from '../attachments/UploadButton';
import { patchDeal, setChecklist } from './api';

const CODE_LABELS: Record<string, MessageKey> = {
  FIELD_REQUIRED: 'gate.code.FIELD_REQUIRED',
  EVIDENCE_REQUIRED: 'gate.code.EVIDENCE_REQUIRED',
  CHECKLIST_INCOMPLETE: 'gate.code.CHECKLIST_INCOMPLETE',
  APPROVAL_REQUIRED: 'gate.code.APPROVAL_REQUIRED',
};

interface Props {
  dealId: string;
  item: UnmetItem;
  fixed: boolean;
  fieldDefs: CustomFieldDef[];
  onFixed(): void;
}

/** One unmet requirement with the control that satisfies it in place: tick, fill or upload. */
export function UnmetItemFixer({ dealId, item, fixed, fieldDefs, onFixed }: Props) {
  const { t, lang } = useI18n();
  const label = lang === 'en' && item.labelEn ? item.labelEn : item.label;
  const hint = lang === 'en' && item.hintEn ? item.hintEn : item.hint;
  const codeLabel = (code: string) => (code in CODE_LABELS ? t(CODE_LABELS[code]) : code);
  return (
    <div className={fixed ? 'unmet-item fixed' : 'unmet-item'} data-testid="unmet-item" data-code={item.code} data-fixed={fixed ? '1' : '0'}>
      <Space align="start">
        {fixed ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <Tag color="orange">{codeLabel(item.code)}</Tag>}
        <Typography.Text strong>{label}</Typography.Text>
      </Space>
      <div className="hint">{hint}</div>
      {!fixed && <Fixer dealId={dealId} item={item} fieldDefs={fieldDefs} onFixed={onFixed} />}
      {fixed && <Typography.Text type="success">{t('gate.done')}</Typography.Text>}
    </div>
  );
}

function Fixer({ dealId, item, fieldDefs, onFixed }: Omit<Props, 'fixed'>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [value, setValue] = useState<unknown>(undefined);
  const r = knownRequirement(item);
  if (!r) return null;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
      onFixed();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  if (r.kind === 'checklist') {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input size="small" placeholder={t('gate.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        <Checkbox disabled={busy} onChange={(e) => e.target.checked && run(() => setChecklist(dealId, r.item, true, note.trim() || undefined))} data-testid={`fix-checklist-${r.item}`}>
          {t('gate.done')}
        </Checkbox>
      </Space>
    );
  }
  if (r.kind === 'evidence') {
    return <UploadButton entity="deal" entityId={dealId} kind={r.evidenceKind} label={t('gate.uploadEvidence')} onUploaded={onFixed} testId={`fix-evidence-${r.evidenceKind}`} />;
  }
  const customKey = r.field.startsWith('custom.') ? r.field.slice('custom.'.length) : null;
  const def = customKey ? fieldDefs.find((d) => d.key === customKey) : undefined;
  if (def?.type === 'attachment') {
    return <UploadButton entity="deal" entityId={dealId} kind={def.key} label={t('gate.uploadEvidence')} onUploaded={onFixed} testId={`fix-evidence-${def.key}`} />;
  }
  const toPatch = (): Record<string, unknown> => {
    if (r.field === 'amountFen') return { amountFen: yuanToFen(Number(value)) };
    if (r.field === 'expectedCloseDate') return { expectedCloseDate: (value as Dayjs).format('YYYY-MM-DD') };
    if (customKey) {
      let v = value;
      if (def?.type === 'money') v = yuanToFen(Number(value));
      if (def?.type === 'date') v = (value as Dayjs).format('YYYY-MM-DD');
      return { custom: { [customKey]: v } };
    }
    return { [r.field]: value };
  };
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <FieldInput field={r.field} def={def} value={value} onChange={setValue} />
      <Button type="primary" disabled={empty} loading={busy} onClick={() => run(() => patchDeal(dealId, toPatch()))} data-testid={`fix-field-${r.field}`}>
        {t('common.save')}
      </Button>
    </Space.Compact>
  );
}

function FieldInput({ field, def, value, onChange }: { field: string; def?: CustomFieldDef; value: unknown; onChange(v: unknown): void }) {
  const { lang } = useI18n();
  const type = field === 'amountFen' ? 'money' : field === 'expectedCloseDate' ? 'date' : (def?.type ?? 'text');
  const testId = `input-${field}`;
  switch (type) {
    case 'money':
    case 'number':
      return (
        <InputNumber
          style={{ width: '100%' }}
          min={0}
          precision={type === 'money' ? 2 : undefined}
          prefix={type === 'money' ? '¥' : undefined}
          value={value as number | undefined}
          onChange={(v) => onChange(v ?? undefined)}
          data-testid={testId}
        />
      );
    case 'date':
      return <DatePicker style={{ width: '100%' }} value={value as Dayjs | undefined} onChange={(v) => onChange(v ?? undefined)} data-testid={testId} />;
    case 'select':
    case 'multiselect':
      return (
        <Select
          style={{ width: '100%' }}
          mode={type === 'multiselect' ? 'multiple' : undefined}
          value={value as string | string[] | undefined}
          onChange={onChange}
          options={(def?.options ?? []).map((o) => ({ value: o.value, label: lang === 'en' && o.labelEn ? o.labelEn : o.label }))}
          data-testid={testId}
        />
      );
    default:
      return <Input value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
  }
}
