import { Button, Checkbox, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { SlaLevel, SlaSpec, SlaUnit } from '../../api/types';
import { useI18n, type MessageKey } from '../../i18n';

const UNITS: SlaUnit[] = ['wd', 'bh', 'h', 'd'];
const HIERARCHY = ['owner', 'owner.lead', 'owner.regional_manager', 'owner.director', 'next_up'];
const CHANNELS = ['inapp', 'wecom', 'dingtalk', 'feishu', 'email', 'sms'];
const DURATION = /^(\d{1,4})(wd|bh|h|d)$/;

function parseAfter(after: string): { n: number; unit: SlaUnit } {
  const m = DURATION.exec(after);
  return m ? { n: Number(m[1]), unit: m[2] as SlaUnit } : { n: 1, unit: 'wd' };
}

/**
 * A stage's `sla` block: an optional escalation ladder (after N working days / hours / days, colour, recipients,
 * intervention). Absent = no SLA on the stage. Recipients are hierarchy steps, `role:<role>` or `user:<username>`
 * typed as tags; the server validates them and names the level and field of any mistake.
 */
export function SlaLadderEditor({ value, onChange }: { value: SlaSpec | undefined; onChange(value: SlaSpec | undefined): void }) {
  const { t } = useI18n();
  const ladder = value?.ladder ?? [];
  const setLadder = (next: SlaLevel[]) => onChange(next.length ? { ...(value ?? {}), ladder: next } : undefined);
  const setLevel = (i: number, patch: Partial<SlaLevel>) => setLadder(ladder.map((l, j) => (j === i ? stripEmpty({ ...l, ...patch }) : l)));
  const blank = (): SlaLevel =>
    ladder.length === 0 ? { after: '7wd', colour: 'red', notify: ['owner', 'owner.lead'] } : { after: '48h', since: 'previous_level', notify: ['next_up'] };

  return (
    <div data-testid="sla-editor">
      <Space style={{ marginBottom: 8 }} wrap>
        <Switch checked={!!value} onChange={(on) => onChange(on ? { idle: false, ladder: [blank()] } : undefined)} data-testid="sla-enable" />
        {t('sla.enable')}
        {value && (
          <>
            <Switch size="small" checked={!!value.idle} onChange={(idle) => onChange({ ...value, idle })} />
            <Typography.Text type="secondary">{t('sla.idle')}</Typography.Text>
          </>
        )}
      </Space>
      {ladder.map((level, i) => {
        const { n, unit } = parseAfter(level.after);
        return (
          <div key={i} className="sla-level" data-testid="sla-level">
            <Space wrap align="center">
              <Typography.Text strong>{t('sla.level', { n: i + 1 })}</Typography.Text>
              <Space.Compact>
                <InputNumber min={1} max={9999} value={n} onChange={(v) => setLevel(i, { after: `${v ?? 1}${unit}` })} style={{ width: 80 }} aria-label={t('sla.after')} />
                <Select<SlaUnit>
                  value={unit}
                  style={{ width: 110 }}
                  onChange={(u) => setLevel(i, { after: `${n}${u}` })}
                  options={UNITS.map((u) => ({ value: u, label: t(`sla.unit.${u}`) }))}
                />
              </Space.Compact>
              {i > 0 && (
                <Select
                  value={level.since ?? 'entry'}
                  style={{ width: 130 }}
                  onChange={(since) => setLevel(i, { since })}
                  options={(['entry', 'previous_level'] as const).map((s) => ({ value: s, label: t(`sla.since.${s}`) }))}
                  aria-label={t('sla.since')}
                />
              )}
              <Select
                value={level.colour ?? ''}
                style={{ width: 150 }}
                onChange={(c: string) => setLevel(i, { colour: (c || undefined) as SlaLevel['colour'] })}
                options={[
                  { value: 'yellow', label: t('sla.yellow') },
                  { value: 'red', label: t('sla.red') },
                  { value: '', label: t('sla.colour.none') },
                ]}
                aria-label={t('sla.colour')}
              />
              <Checkbox checked={level.require === 'intervention'} onChange={(e) => setLevel(i, { require: e.target.checked ? 'intervention' : undefined })}>
                {t('sla.requireIntervention')}
              </Checkbox>
              <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setLadder(ladder.filter((_, j) => j !== i))} aria-label={t('common.delete')} />
            </Space>
            <Space wrap style={{ marginTop: 6, width: '100%' }}>
              <Typography.Text type="secondary">{t('sla.notify')}</Typography.Text>
              <Select
                mode="tags"
                style={{ minWidth: 320 }}
                value={level.notify}
                onChange={(notify: string[]) => setLevel(i, { notify })}
                options={HIERARCHY.filter((r) => i > 0 || r !== 'next_up').map((r) => ({ value: r, label: `${t(`sla.recipient.${r}` as MessageKey)} (${r})` }))}
                placeholder="owner, role:director, user:…"
              />
              <Select
                mode="multiple"
                allowClear
                style={{ minWidth: 220 }}
                value={level.channels ?? []}
                onChange={(channels: string[]) => setLevel(i, { channels: channels.length ? (channels as SlaLevel['channels']) : undefined })}
                options={CHANNELS.map((c) => ({ value: c, label: c }))}
                placeholder={t('sla.channels')}
              />
            </Space>
          </div>
        );
      })}
      {value && (
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setLadder([...ladder, blank()])} style={{ marginTop: 6 }}>
          {t('sla.addLevel')}
        </Button>
      )}
    </div>
  );
}

/** Optional keys set to undefined are dropped, so the saved YAML/JSON stays free of nulls the schema refuses. */
function stripEmpty(level: SlaLevel): SlaLevel {
  const out = { ...level } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as SlaLevel;
}
