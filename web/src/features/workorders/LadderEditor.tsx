import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../i18n';

export interface LadderLevel {
  clock: 'response' | 'resolution';
  at: number;
  notify: Array<'helper' | 'helper.lead' | 'department_head' | 'requester'>;
}

const RECIPIENTS = ['helper', 'helper.lead', 'department_head', 'requester'] as const;

/** helper → helper's lead → department head, as the server's default ladder (workorders/definition.ts). */
export const DEFAULT_LADDER: LadderLevel[] = [
  { clock: 'response', at: 1, notify: ['helper'] },
  { clock: 'resolution', at: 1, notify: ['helper', 'helper.lead'] },
  { clock: 'resolution', at: 1.5, notify: ['department_head'] },
];

/** One line per level, for the types table: "响应 ×1 → 处理人；解决 ×1.5 → 部门负责人". */
export function useLadderText() {
  const { t } = useI18n();
  return (ladder: LadderLevel[]) =>
    ladder.map((l) => `${t(`wot.clock.${l.clock}` as MessageKey)} ×${l.at} → ${l.notify.map((n) => t(`wot.recipient.${n}` as MessageKey)).join('、')}`).join('；');
}

/**
 * The escalation ladder inside the type form: each level names its clock, when it fires (a multiple of that clock's
 * target: 1 = when due, 1.5 = half the target past due) and whom it tells. The same shape as `escalation:` in YAML.
 */
export function LadderEditor() {
  const { t } = useI18n();
  return (
    <Form.List name="escalation">
      {(fields, { add, remove }) => (
        <div data-testid="wot-ladder">
          <Typography.Text strong>{t('wot.ladderTitle')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('wot.ladderHint')}
          </Typography.Paragraph>
          {fields.map((field, i) => (
            <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }} data-testid="wot-ladder-level">
              <Typography.Text>{t('wot.level', { level: i + 1 })}</Typography.Text>
              <Form.Item name={[field.name, 'clock']} rules={[{ required: true }]}>
                <Select style={{ width: 100 }} options={(['response', 'resolution'] as const).map((c) => ({ value: c, label: t(`wot.clock.${c}`) }))} />
              </Form.Item>
              <Form.Item name={[field.name, 'at']} rules={[{ required: true }]}>
                <InputNumber min={0.1} max={10} step={0.25} addonBefore="×" style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'notify']} rules={[{ required: true, type: 'array', min: 1 }]}>
                <Select mode="multiple" style={{ minWidth: 220 }} placeholder={t('wot.notify')} options={RECIPIENTS.map((r) => ({ value: r, label: t(`wot.recipient.${r}`) }))} />
              </Form.Item>
              <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('wot.removeLevel')} />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} disabled={fields.length >= 10} onClick={() => add({ clock: 'resolution', at: 1, notify: ['helper.lead'] })} data-testid="wot-add-level">
            {t('wot.addLevel')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
