import { useState } from 'react';
import { Alert, AutoComplete, Button, Input, Segmented, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { COMPARISONS, FIELD_LABELS, FIELD_SUGGESTIONS, fromLogic, toLogic, type ConditionModel, type ConditionRow } from './conditions';

interface Props {
  value: unknown;
  onChange(value: unknown): void;
  /** Tells the page whether the raw JSON currently parses (saving is blocked while it does not). */
  onValidity(ok: boolean): void;
  entity: string | null;
  error?: string;
}

/** Conditions as simple field comparisons (producing json-logic) or, for anything richer, raw json-logic. */
export function ConditionEditor({ value, onChange, onValidity, entity, error }: Props) {
  const { t, lang } = useI18n();
  const initial = fromLogic(value);
  const [mode, setMode] = useState<'builder' | 'json'>(initial ? 'builder' : 'json');
  const [model, setModel] = useState<ConditionModel>(initial ?? { join: 'and', rows: [] });
  const [text, setText] = useState(() => (value === null || value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const suggestions = [...(FIELD_SUGGESTIONS[entity ?? ''] ?? []), ...FIELD_SUGGESTIONS.any].map((f) => ({ value: f, label: FIELD_LABELS[f] ? `${FIELD_LABELS[f][lang]} · ${f}` : f }));

  const setRows = (next: ConditionModel) => {
    setModel(next);
    onChange(toLogic(next));
  };
  const setRow = (i: number, patch: Partial<ConditionRow>) => setRows({ ...model, rows: model.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const switchMode = (next: 'builder' | 'json') => {
    if (next === 'json') {
      const logic = toLogic(model);
      setText(logic === null ? '' : JSON.stringify(logic, null, 2));
      setJsonError(null);
      onValidity(true);
      setMode(next);
      return;
    }
    const parsed = fromLogic(value);
    if (!parsed || jsonError) return;
    setModel(parsed);
    setMode(next);
  };
  const builderFits = mode === 'json' && !jsonError && fromLogic(value) !== null;

  return (
    <div data-testid="condition-editor">
      <Segmented
        size="small"
        value={mode}
        onChange={(v) => switchMode(v as 'builder' | 'json')}
        options={[
          { value: 'builder', label: t('rules.condMode.builder'), disabled: mode === 'json' && !builderFits },
          { value: 'json', label: t('rules.condMode.json') },
        ]}
        style={{ marginBottom: 8 }}
      />
      {mode === 'builder' ? (
        <div>
          {model.rows.length === 0 && <Typography.Paragraph type="secondary">{t('rules.noConditions')}</Typography.Paragraph>}
          {model.rows.length > 1 && (
            <Select
              size="small"
              value={model.join}
              onChange={(join: 'and' | 'or') => setRows({ ...model, join })}
              options={[
                { value: 'and', label: t('rules.condAll') },
                { value: 'or', label: t('rules.condAny') },
              ]}
              style={{ width: 120, marginBottom: 6 }}
            />
          )}
          {model.rows.map((row, i) => (
            <Space key={i} wrap style={{ display: 'flex', marginBottom: 6 }} data-testid="condition-row">
              <AutoComplete
                value={row.field}
                options={suggestions}
                onChange={(field: string) => setRow(i, { field })}
                placeholder={t('rules.condField')}
                style={{ width: 240 }}
                filterOption={(input, option) => `${option?.value ?? ''} ${option?.label ?? ''}`.includes(input)}
                data-testid="condition-field"
              />
              {FIELD_LABELS[row.field] && <Typography.Text type="secondary">{FIELD_LABELS[row.field][lang]}</Typography.Text>}
              <Select value={row.op} onChange={(op) => setRow(i, { op })} options={COMPARISONS.map((o) => ({ value: o, label: o }))} style={{ width: 80 }} aria-label={t('rules.condOp')} />
              <Input value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} placeholder={row.op === 'in' ? 'a, b, c' : t('rules.condValue')} style={{ width: 220 }} data-testid="condition-value" />
              <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setRows({ ...model, rows: model.rows.filter((_, j) => j !== i) })} aria-label={t('common.delete')} />
            </Space>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setRows({ ...model, rows: [...model.rows, { field: FIELD_SUGGESTIONS[entity ?? '']?.[0] ?? '', op: '==', value: '' }] })}>
            {t('rules.addCondition')}
          </Button>
          {model.rows.length > 0 && (
            <pre style={{ background: '#fafafa', padding: 6, fontSize: 12, marginTop: 8, whiteSpace: 'pre-wrap' }} data-testid="condition-json-preview">
              {JSON.stringify(toLogic(model))}
            </pre>
          )}
        </div>
      ) : (
        <div>
          <Input.TextArea
            rows={8}
            value={text}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
            placeholder='{"and": [{">=": [{"var": "record.amountFen"}, 100000000]}]}'
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value.trim()) {
                setJsonError(null);
                onValidity(true);
                onChange(null);
                return;
              }
              try {
                onChange(JSON.parse(e.target.value));
                setJsonError(null);
                onValidity(true);
              } catch (err) {
                setJsonError(`${t('rules.jsonInvalid')}: ${(err as Error).message}`);
                onValidity(false);
              }
            }}
            status={jsonError || error ? 'error' : undefined}
            data-testid="condition-json"
          />
          {jsonError && <Typography.Text type="danger">{jsonError}</Typography.Text>}
          {!builderFits && !jsonError && text.trim() && <Typography.Paragraph type="secondary">{t('rules.builderUnsupported')}</Typography.Paragraph>}
        </div>
      )}
      {error && <Alert type="error" showIcon style={{ marginTop: 6 }} message={error} data-testid="condition-error" />}
    </div>
  );
}
