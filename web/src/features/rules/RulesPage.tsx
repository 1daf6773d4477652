import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { App, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, HistoryOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import type { Rule } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { YamlImportModal } from '../../components/YamlImportModal';
import { useAbilities } from '../../auth/abilities';
import { useI18n, useLocalName, type MessageKey } from '../../i18n';
import { downloadRuleYaml, useRules } from './api';
import { RuleRunsDrawer } from './RuleRunsDrawer';
import { queryKeys } from '../../api/queryKeys';

/** Admin: automation rules with enable switch, run log, YAML export/import. */
export function RulesPage() {
  const { t } = useI18n();
  const localName = useLocalName();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const rules = useRules();
  const [importing, setImporting] = useState(false);
  const [runsOf, setRunsOf] = useState<Rule | null>(null);
  const canEdit = useAbilities().can('rule.manage');
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.rules() });
  const toggle = useMutation({
    mutationFn: (r: Rule) => api.patch<Rule>(`/api/rules/${r.id}`, { enabled: !r.enabled }),
    onSuccess: refresh,
    onError: (e) => message.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (r: Rule) => api.delete(`/api/rules/${r.id}`),
    onSuccess: refresh,
    onError: (e) => message.error(errorMessage(e)),
  });

  return (
    <div>
      <PageTitle
        title={t('rules.title')}
        extra={
          canEdit && (
            <Space wrap>
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('rules.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/admin/rules/new')} data-testid="rule-new">
                {t('rules.new')}
              </Button>
            </Space>
          )
        }
      />
      {rules.error && <Typography.Paragraph type="danger">{errorMessage(rules.error)}</Typography.Paragraph>}
      <Table<Rule>
        rowKey="id"
        size="small"
        loading={rules.isPending}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        onRow={(r) => ({ 'data-testid': 'rule-row', 'data-rule-key': r.key }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('rules.name'), render: (_, r) => <Link to={`/admin/rules/${r.id}`}>{localName(r.name, r.nameEn)}</Link> },
          { key: 'key', title: t('rules.key'), dataIndex: 'key', render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
          { key: 'trigger', title: t('rules.trigger'), render: (_, r) => <Tag color="geekblue">{t(`rules.trigger.${r.trigger.type}` as MessageKey)}</Tag> },
          { key: 'actions', title: t('rules.actions'), render: (_, r) => r.actions.map((a, i) => <Tag key={i}>{t(`rules.action.${a.type}`)}</Tag>) },
          { key: 'enabled', title: t('rules.enabled'), render: (_, r) => <Switch size="small" checked={r.enabled} disabled={!canEdit} loading={toggle.isPending && toggle.variables?.id === r.id} onChange={() => toggle.mutate(r)} /> },
          { key: 'version', title: t('rules.version'), dataIndex: 'version' },
          { key: 'updatedAt', title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (at: string) => <When at={at} /> },
          {
            key: 'ops',
            title: t('common.actions'),
            render: (_, r) => (
              <Space size={4} wrap>
                {canEdit && <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/admin/rules/${r.id}`)} aria-label={t('common.edit')} />}
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setRunsOf(r)}>
                  {t('rules.runs')}
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadRuleYaml(r).catch((e) => message.error(errorMessage(e)))} aria-label={t('rules.export')} title={t('rules.export')} />
                {canEdit && (
                  <Popconfirm title={t('rules.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutate(r)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <YamlImportModal
        open={importing}
        onClose={() => setImporting(false)}
        title={t('rules.import')}
        endpoint="/api/rules/import"
        queryKey={['rules']}
        successMessage={t('rules.imported')}
        inputTestId="rule-yaml-input"
      />
      <RuleRunsDrawer ruleId={runsOf?.id} open={!!runsOf} onClose={() => setRunsOf(null)} title={runsOf?.name} />
    </div>
  );
}
