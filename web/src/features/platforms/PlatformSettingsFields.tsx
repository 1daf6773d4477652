import { useQuery } from '@tanstack/react-query';
import { Button, Divider, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, type Page } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { ROLES, type PlatformConnectionSettings, type PlatformNotificationKind, type Team } from '../../api/types';
import { useI18n, type MessageKey } from '../../i18n';
import { pathOf, type FieldResolver } from '../forms/useFormErrors';

/** A row of the department → team editor; the API keeps the mapping as a record, antd lists need an array. */
export interface DeptTeamRow {
  dept?: string;
  teamId?: string;
}
export type PlatformSettings = PlatformConnectionSettings;

const KINDS = ['approval', 'work_order', 'sla', 'no_show', 'rule', 'import', 'health', 'risk', 'receivable'] as const satisfies readonly PlatformNotificationKind[];
// A kind the server adds to its closed list fails the typecheck here until the select offers it too.
type MissingKind = Exclude<PlatformNotificationKind, (typeof KINDS)[number]>;
const allKindsListed: [MissingKind] extends [never] ? true : false = true;
void allKindsListed;

export const deptRowsOf = (settings: PlatformSettings | undefined): DeptTeamRow[] => Object.entries(settings?.sync?.deptTeams ?? {}).map(([dept, teamId]) => ({ dept, teamId }));

/** What the form's defaults show: leavers are deactivated unless the admin turned it off (the sync's default). */
export function formSettingsOf(settings: PlatformSettings): PlatformSettings {
  return { ...settings, sync: { ...settings.sync, deactivateLeavers: settings.sync?.deactivateLeavers !== false } };
}

/**
 * The settings to send. The server replaces settings as a whole, and the form only holds the fields it shows, so
 * the stored ones are the base and `notify` / `sync` are merged a level deep (keeping e.g. `apiBaseUrl`).
 * No kinds selected means every kind, as an absent list does on the server; the list is then left out.
 */
export function mergeSettings(stored: PlatformSettings, edited: PlatformSettings, rows: DeptTeamRow[]): PlatformSettings {
  const notify = { ...stored.notify, ...edited.notify };
  const kinds = notify.kinds?.length ? notify.kinds : undefined;
  const deptTeams = Object.fromEntries(rows.filter((r) => r.dept?.trim() && r.teamId).map((r) => [r.dept!.trim(), r.teamId!]));
  const sync = { ...stored.sync, ...edited.sync, deptTeams: Object.keys(deptTeams).length ? deptTeams : undefined };
  return { ...stored, ...edited, notify: notify.mode ? { mode: notify.mode, kinds } : undefined, sync };
}

/** Server field errors onto the inputs: `settings.sync.deptTeams.<dept>` belongs to that department's row. */
export function settingsResolver(rows: () => DeptTeamRow[] | undefined): FieldResolver {
  return (field) => {
    const prefix = 'settings.sync.deptTeams.';
    if (field.startsWith(prefix)) {
      const index = (rows() ?? []).findIndex((r) => r.dept?.trim() === field.slice(prefix.length));
      return index < 0 ? undefined : ['deptTeams', index, 'teamId'];
    }
    return ['name', 'settings', 'secrets', 'enabled'].includes(field.split('.')[0]) ? pathOf(field) : undefined;
  };
}

/** Notification, auto-create and contact-sync settings of a platform connection, inside the connection form. */
export function PlatformSettingsFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const teams = useQuery({ queryKey: queryKeys.teams(), queryFn: () => api.get<Page<Team>>('/api/teams'), staleTime: 60_000 });
  const teamOptions = (teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
  const notifyMode = Form.useWatch(['settings', 'notify', 'mode'], form);
  const autoCreate = Form.useWatch(['settings', 'autoCreate'], form);
  return (
    <>
      <Form.Item name={['settings', 'notify', 'mode']} label={t('platforms.notifyMode')}>
        <Select options={(['off', 'also', 'instead'] as const).map((m) => ({ value: m, label: t(`platforms.notify.${m}` as MessageKey) }))} />
      </Form.Item>
      {notifyMode && notifyMode !== 'off' && (
        <Form.Item name={['settings', 'notify', 'kinds']} label={t('platforms.notifyKinds')} extra={t('platforms.notifyKinds.help')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            placeholder={t('platforms.notifyKinds.all')}
            options={KINDS.map((k) => ({ value: k, label: t(`platforms.kind.${k}` as MessageKey) }))}
            data-testid="platform-notify-kinds"
          />
        </Form.Item>
      )}
      <Form.Item name={['settings', 'ratePerMinute']} label={t('platforms.ratePerMinute')} extra={t('platforms.ratePerMinute.help')}>
        <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={['settings', 'autoCreate']} label={t('platforms.autoCreate')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {autoCreate && (
        <>
          <Form.Item name={['settings', 'autoCreateRole']} label={t('platforms.autoCreateRole')}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={t('role.seller')} options={roleOptions} />
          </Form.Item>
          {/* Sign-in creates nobody without a team to put them in. */}
          <Form.Item name={['settings', 'autoCreateTeamId']} label={t('platforms.autoCreateTeam')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={teamOptions} loading={teams.isPending} />
          </Form.Item>
        </>
      )}
      <Divider orientation="left" plain>{t('platforms.syncSection')}</Divider>
      <Form.Item name={['settings', 'sync', 'nightly']} label={t('platforms.nightly')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name={['settings', 'sync', 'rootDeptId']} label={t('platforms.rootDeptId')}>
        <Input placeholder={t('platforms.rootDeptId.placeholder')} />
      </Form.Item>
      <Form.Item name={['settings', 'sync', 'defaultRole']} label={t('platforms.defaultRole')}>
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('role.seller')} options={roleOptions} data-testid="platform-default-role" />
      </Form.Item>
      <Form.Item name={['settings', 'sync', 'deactivateLeavers']} label={t('platforms.deactivateLeavers')} valuePropName="checked">
        <Switch data-testid="platform-deactivate-leavers" />
      </Form.Item>
      <Form.Item name={['settings', 'sync', 'parentTeamId']} label={t('platforms.parentTeam')} extra={t('platforms.parentTeam.help')}>
        <Select allowClear showSearch optionFilterProp="label" options={teamOptions} loading={teams.isPending} />
      </Form.Item>
      <Form.Item label={t('platforms.deptTeams')} extra={t('platforms.deptTeams.help')}>
        <Form.List name="deptTeams">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid="platform-dept-row">
                  <Form.Item name={[f.name, 'dept']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('platforms.deptId')} aria-label={t('platforms.deptId')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'teamId']} rules={[{ required: true }]}>
                    <Select showSearch optionFilterProp="label" style={{ minWidth: 180 }} placeholder={t('platforms.deptTeam')} aria-label={t('platforms.deptTeam')} options={teamOptions} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="platform-dept-add">
                {t('platforms.deptTeams.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}
