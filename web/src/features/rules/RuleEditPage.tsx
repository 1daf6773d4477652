import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, Row, Skeleton, Space, Switch, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import type { Rule, RuleDefinitionInput } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, type MessageKey } from '../../i18n';
import { unknownTemplateNames } from '../../../../shared/rule-templates';
import { conditionProblems, fromLogic } from './conditions';
import { ActionEditor, blankAction } from './ActionEditor';
import { useRule } from './api';
import { useFormErrors } from '../forms/useFormErrors';
import { ConditionEditor } from './ConditionEditor';
import { RuleRunsDrawer } from './RuleRunsDrawer';
import { TriggerEditor, triggerEntity } from './TriggerEditor';
import { queryKeys } from '../../api/queryKeys';
import { useServerDraft } from '../../lib/useServerDraft';

const BLANK: RuleDefinitionInput = {
  key: '',
  name: '',
  enabled: true,
  trigger: { type: 'deal.stage_changed' },
  conditions: null,
  actions: [blankAction('notify')],
};

function toDraft(rule: Rule): RuleDefinitionInput {
  return {
    key: rule.key,
    name: rule.name,
    ...(rule.nameEn && rule.nameEn !== rule.name ? { nameEn: rule.nameEn } : {}),
    ...(rule.description ? { description: rule.description } : {}),
    enabled: rule.enabled,
    trigger: rule.trigger,
    conditions: rule.conditions ?? null,
    actions: rule.actions,
  };
}

/**
 * The rule form: basics, trigger, conditions (builder or json-logic), actions. The server validates the whole
 * definition; each `fields[].field` message is shown under the input of that path.
 */
export function RuleEditPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const rule = useRule(id);
  const { draft, setDraft, saved: accept } = useServerDraft(rule.data, toDraft, { source: id, initial: isNew ? structuredClone(BLANK) : undefined });
  const [jsonOk, setJsonOk] = useState(true);
  const [runsOpen, setRunsOpen] = useState(false);

  const save = useMutation({
    mutationFn: (d: RuleDefinitionInput) => {
      const body = { ...d, conditions: d.conditions ?? null };
      if (isNew) return api.post<Rule>('/api/rules', d.conditions == null ? { ...d, conditions: undefined } : d);
      // PATCH: null clears the optional texts the form left empty.
      return api.patch<Rule>(`/api/rules/${id}`, { ...body, nameEn: d.nameEn || null, description: d.description || null });
    },
    onSuccess: (saved, sent) => {
      message.success(t('common.saved'));
      accept(sent, saved);
      client.invalidateQueries({ queryKey: queryKeys.rules() });
      client.setQueryData(queryKeys.rule(saved.id), saved);
      if (isNew) navigate(`/admin/rules/${saved.id}`, { replace: true });
    },
  });
  const errors = useFormErrors(save.error);
  const problems = draft ? clientProblems(draft) : [];

  if (rule.error) return <Typography.Text type="danger">{errorMessage(rule.error)}</Typography.Text>;
  if (!draft) return <Skeleton active />;

  const set = (patch: Partial<RuleDefinitionInput>) => setDraft({ ...draft, ...patch });
  const entity = triggerEntity(draft.trigger);
  const setActions = (actions: RuleDefinitionInput['actions']) => set({ actions });

  return (
    <div>
      <PageTitle
        title={isNew ? t('rules.new') : `${t('rules.edit')} · ${rule.data?.name ?? ''}`}
        extra={
          <Space>
            {!isNew && (
              <Button icon={<HistoryOutlined />} onClick={() => setRunsOpen(true)}>
                {t('rules.runs')}
              </Button>
            )}
            <Button onClick={() => navigate('/admin/rules')}>{t('common.back')}</Button>
            <Button type="primary" loading={save.isPending} disabled={!jsonOk || problems.length > 0} onClick={() => save.mutate(draft)} data-testid="rule-save">
              {t('common.save')}
            </Button>
          </Space>
        }
      />
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('rules.check.title')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>{t(p.key, p.vars)}</li>
              ))}
            </ul>
          }
          data-testid="rule-client-problems"
        />
      )}
      {save.error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.size ? t('rules.fixErrors') : errorMessage(save.error)} description={errors.size ? errorMessage(save.error) : undefined} data-testid="rule-error" />
      )}
      <Form layout="vertical">
        <Card size="small" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} sm={6}>
              <Form.Item label={t('rules.key')} {...errors.item('key')} required>
                <Input value={draft.key} onChange={(e) => set({ key: e.target.value })} placeholder="big_deal_alert" data-testid="rule-key" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={7}>
              <Form.Item label={t('rules.name')} {...errors.item('name')} required>
                <Input value={draft.name} onChange={(e) => set({ name: e.target.value })} data-testid="rule-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={7}>
              <Form.Item label={t('rules.nameEn')} {...errors.item('nameEn')}>
                <Input value={draft.nameEn ?? ''} onChange={(e) => set({ nameEn: e.target.value || undefined })} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={4}>
              <Form.Item label={t('rules.enabled')} {...errors.item('enabled')}>
                <Switch checked={draft.enabled} onChange={(enabled) => set({ enabled })} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('rules.description')} {...errors.item('description')}>
                <Input.TextArea rows={2} value={draft.description ?? ''} onChange={(e) => set({ description: e.target.value || undefined })} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('rules.trigger')} style={{ marginBottom: 12 }}>
          <TriggerEditor value={draft.trigger} onChange={(trigger) => set({ trigger })} errors={errors} />
          {errors.under('trigger') && !['trigger.type', 'trigger.entity', 'trigger.pipeline', 'trigger.from', 'trigger.to', 'trigger.level', 'trigger.colour', 'trigger.cron'].some((p) => errors.at(p)) && (
            <Typography.Text type="danger">{errors.under('trigger')}</Typography.Text>
          )}
        </Card>
        <Card size="small" title={t('rules.conditions')} style={{ marginBottom: 12 }}>
          <ConditionEditor
            key={rule.data?.version ?? 'new'}
            value={draft.conditions}
            onChange={(conditions) => set({ conditions })}
            onValidity={setJsonOk}
            entity={entity}
            error={errors.under('conditions')}
          />
        </Card>
        <Card size="small" title={t('rules.actions')}>
          {errors.at('actions') && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={errors.at('actions')} />}
          {draft.actions.map((action, i) => (
            <ActionEditor
              key={i}
              index={i}
              count={draft.actions.length}
              action={action}
              entity={entity}
              errors={errors}
              onChange={(a) => setActions(draft.actions.map((x, j) => (j === i ? a : x)))}
              onRemove={() => setActions(draft.actions.filter((_, j) => j !== i))}
              onMove={(delta) => {
                const next = [...draft.actions];
                const [a] = next.splice(i, 1);
                next.splice(i + delta, 0, a);
                setActions(next);
              }}
            />
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => setActions([...draft.actions, blankAction('notify')])} data-testid="rule-add-action">
            {t('rules.addAction')}
          </Button>
        </Card>
      </Form>
      {!isNew && <RuleRunsDrawer ruleId={id} open={runsOpen} onClose={() => setRunsOpen(false)} />}
    </div>
  );
}

const ROOTS = ['event', 'record', 'before', 'actor', 'rule', 'now'];
const TEMPLATE_FIELDS = ['title', 'titleEn', 'body', 'bodyEn'];

/** Checks made before saving (issue 15 point 6): condition rows and the names used in message templates. */
function clientProblems(draft: RuleDefinitionInput): Array<{ key: MessageKey; vars: Record<string, string | number> }> {
  const out: Array<{ key: MessageKey; vars: Record<string, string | number> }> = [...conditionProblems(fromLogic(draft.conditions ?? null))];
  draft.actions.forEach((a, i) => {
    const cfg = a.config as Record<string, unknown>;
    for (const f of TEMPLATE_FIELDS) {
      if (typeof cfg[f] !== 'string') continue;
      for (const name of unknownTemplateNames(cfg[f] as string, ROOTS)) out.push({ key: 'rules.check.template', vars: { n: i + 1, name } });
    }
  });
  return out;
}
