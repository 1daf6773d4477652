import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Radio, Space, Switch, Table, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import type { components } from '../../api/schema';
import { ROLES, type Role } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useOrgSettings, type OrgSettings } from '../../lib/moneyStyle';
import { useServerDraft } from '../../lib/useServerDraft';

type DealSettings = components['schemas']['DealSettings'];
type TokenRule = OrgSettings['tokenRoles'][Role];

/**
 * Admin → 组织设置 (issue 15 points 2, 10, 11): how amounts are shown to everyone, above which amount marking a deal
 * lost needs a manager, and which roles may hold API tokens for how many days. Each card saves on its own.
 */
export function OrgSettingsPage() {
  const { t } = useI18n();
  return (
    <div>
      <PageTitle title={t('orgSettings.title')} />
      <Space direction="vertical" style={{ width: '100%', maxWidth: 760 }} size="large">
        <DisplayCard />
        <LostCard />
        <TokensCard />
      </Space>
    </div>
  );
}

function useSave<T>(path: string, key: readonly unknown[]) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api.put<unknown>(path, body),
    onSuccess: () => {
      message.success(t('common.saved'));
      client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
}

function DisplayCard() {
  const { t } = useI18n();
  const settings = useOrgSettings();
  const save = useSave<{ amountDisplay: 'full' | 'wan' }>('/api/org-settings', queryKeys.orgSettings());
  return (
    <Card title={t('orgSettings.display')} loading={settings.isPending}>
      <Typography.Paragraph type="secondary">{t('orgSettings.displayHint')}</Typography.Paragraph>
      <Radio.Group
        value={settings.data?.amountDisplay}
        onChange={(e) => save.mutate({ amountDisplay: e.target.value })}
        disabled={save.isPending}
        options={[
          { value: 'full', label: t('orgSettings.displayFull') },
          { value: 'wan', label: t('orgSettings.displayWan') },
        ]}
        data-testid="amount-display"
      />
    </Card>
  );
}

function LostCard() {
  const { t } = useI18n();
  const settings = useQuery({ queryKey: queryKeys.dealSettings(), queryFn: () => api.get<DealSettings>('/api/deal-settings') });
  const save = useSave<{ lostConfirmAboveFen: number | null }>('/api/deal-settings', queryKeys.dealSettings());
  // Wrapped: a null amount means "never ask", not "no draft yet".
  const { draft, setDraft, saved } = useServerDraft(settings.data, (s) => ({ yuan: s.lostConfirmAboveFen == null ? null : s.lostConfirmAboveFen / 100 }));
  const yuan = draft?.yuan ?? null;
  return (
    <Card title={t('orgSettings.lost')} loading={settings.isPending}>
      <Typography.Paragraph type="secondary">{t('orgSettings.lostHint')}</Typography.Paragraph>
      <Space wrap>
        <InputNumber min={0} precision={2} style={{ width: 220 }} addonBefore="¥" value={yuan} onChange={(v) => setDraft({ yuan: v })} placeholder={t('orgSettings.lostNever')} data-testid="lost-threshold" />
        <Button type="primary" loading={save.isPending} onClick={() => draft && save.mutate({ lostConfirmAboveFen: yuan == null ? null : Math.round(yuan * 100) }, { onSuccess: () => saved(draft) })}
          data-testid="lost-save"
        >
          {t('common.save')}
        </Button>
      </Space>
    </Card>
  );
}

function TokensCard() {
  const { t } = useI18n();
  const settings = useOrgSettings();
  const save = useSave<{ tokenRoles: Partial<Record<Role, TokenRule>> }>('/api/org-settings', queryKeys.orgSettings());
  const { draft: rules, setDraft: setRules, saved } = useServerDraft(settings.data, (s) => s.tokenRoles);
  const change = (role: Role, patch: Partial<TokenRule>) => setRules((r) => (r ? { ...r, [role]: { ...r[role], ...patch } } : r));
  return (
    <Card title={t('orgSettings.tokens')} loading={!rules}>
      <Typography.Paragraph type="secondary">{t('orgSettings.tokensHint')}</Typography.Paragraph>
      <Table<{ role: Role }>
        size="small"
        rowKey="role"
        pagination={false}
        dataSource={ROLES.map((role) => ({ role }))}
        columns={[
          { title: t('orgSettings.role'), dataIndex: 'role', render: (role: Role) => t(`role.${role}`) },
          {
            title: t('orgSettings.tokensAllowed'),
            render: (_, { role }) => <Switch checked={rules?.[role].allowed} onChange={(on) => change(role, { allowed: on })} data-testid={`token-allowed-${role}`} />,
          },
          {
            title: t('orgSettings.tokensMaxDays'),
            render: (_, { role }) => (
              <InputNumber min={1} max={365} precision={0} value={rules?.[role].maxDays} onChange={(v) => v && change(role, { maxDays: v })} addonAfter={t('orgSettings.days')} style={{ width: 150 }} data-testid={`token-days-${role}`} />
            ),
          },
        ]}
      />
      <Button type="primary" style={{ marginTop: 12 }} loading={save.isPending} disabled={!rules} onClick={() => rules && save.mutate({ tokenRoles: rules }, { onSuccess: () => saved(rules) })} data-testid="tokens-save">
        {t('common.save')}
      </Button>
    </Card>
  );
}
