import { useEffect } from 'react';
import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../i18n';
import { APPROVER_OPTIONS, FACTS, MONEY_FACTS, OPERATORS, PERCENT_FACTS, toForm, type Condition, type RouteDefinition, type RouteForm, type StepForm } from './routeForm';

const NEW_STEP: StepForm = { name: '审批', approvers: ['requester.lead'], mode: 'any', hours: 8, remindShare: 0.5, fallback: ['role:admin'] };

/** Approver specs as options: the relative ones and roles with their labels; `user:<username>` may be typed. */
function useApproverOptions() {
  const { t } = useI18n();
  return APPROVER_OPTIONS.map((value) => ({ value, label: t(`approvals.form.approver.${value}` as MessageKey) }));
}

function ConditionRows({ branch }: { branch: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<RouteForm>();
  // Watched so that changing a row's fact switches its value input between yuan, percent and text.
  const rows = (Form.useWatch(['branches', branch, 'conditions'], form) ?? []) as Array<Condition | undefined>;
  return (
    <Form.List name={[branch, 'conditions']}>
      {(fields, { add, remove }) => (
        <div data-testid="route-conditions">
          {fields.length === 0 && <Typography.Text type="warning">{t('approvals.form.needCondition')}</Typography.Text>}
          {fields.map((row, i) => {
            const fact = rows[row.name]?.fact;
            const unit = (MONEY_FACTS as readonly string[]).includes(fact ?? '') ? '¥' : (PERCENT_FACTS as readonly string[]).includes(fact ?? '') ? '%' : null;
            return (
              <Space key={row.key} align="baseline" wrap data-testid="route-condition">
                <Typography.Text type="secondary">{i === 0 ? t('approvals.form.when') : t('approvals.form.and')}</Typography.Text>
                <Form.Item name={[row.name, 'fact']} rules={[{ required: true }]}>
                  <Select style={{ width: 150 }} options={FACTS.map((f) => ({ value: f, label: t(`approvals.fact.${f}` as MessageKey) }))} />
                </Form.Item>
                <Form.Item name={[row.name, 'op']} rules={[{ required: true }]}>
                  <Select style={{ width: 80 }} options={OPERATORS.map((o) => ({ value: o, label: o === '==' ? '=' : o === '!=' ? '≠' : o.replace('>=', '≥').replace('<=', '≤') }))} />
                </Form.Item>
                <Form.Item name={[row.name, 'value']} rules={[{ required: true }]}>
                  {unit ? <InputNumber style={{ width: 160 }} min={0} addonBefore={unit === '¥' ? '¥' : undefined} addonAfter={unit === '%' ? '%' : undefined} /> : <Input style={{ width: 160 }} />}
                </Form.Item>
                <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('approvals.form.removeCondition')} />
              </Space>
            );
          })}
          <div>
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ fact: 'amountFen', op: '>=', value: 50_000 })} data-testid="route-add-condition">
              {t('approvals.form.addCondition')}
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  );
}

function Steps({ branch }: { branch: number }) {
  const { t } = useI18n();
  const approverOptions = useApproverOptions();
  return (
    <Form.List name={[branch, 'steps']}>
      {(steps, { add, remove }) => (
        <div>
          {steps.map((step, i) => (
            <Card key={step.key} size="small" type="inner" style={{ marginBottom: 8 }} data-testid="route-step" title={t('approvals.form.step', { n: i + 1 })} extra={steps.length > 1 && <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(step.name)} aria-label={t('approvals.form.removeStep')} />}>
              <Space wrap align="baseline">
                <Form.Item name={[step.name, 'name']} label={t('approvals.form.stepName')} rules={[{ required: true }]}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[step.name, 'approvers']} label={t('approvals.form.approvers')} tooltip={t('approvals.form.approversHint')} rules={[{ required: true, type: 'array', min: 1 }]}>
                  <Select mode="tags" style={{ minWidth: 220 }} options={approverOptions} data-testid="route-step-approvers" />
                </Form.Item>
                <Form.Item name={[step.name, 'mode']} label={t('approvals.form.mode')}>
                  <Radio.Group optionType="button" options={[{ value: 'any', label: t('approvals.form.modeAny') }, { value: 'all', label: t('approvals.form.modeAll') }]} />
                </Form.Item>
              </Space>
              <Space wrap align="baseline">
                <Form.Item name={[step.name, 'hours']} label={t('approvals.form.slaHours')} rules={[{ required: true }]}>
                  <InputNumber min={0.5} max={720} step={0.5} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[step.name, 'remindShare']} label={t('approvals.form.remindShare')}>
                  <InputNumber min={0.05} max={0.95} step={0.05} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[step.name, 'fallback']} label={t('approvals.form.fallback')} tooltip={t('approvals.form.fallbackHint')} rules={[{ required: true, type: 'array', min: 1 }]}>
                  <Select mode="tags" style={{ minWidth: 200 }} options={approverOptions} />
                </Form.Item>
              </Space>
            </Card>
          ))}
          <Button size="small" icon={<PlusOutlined />} disabled={steps.length >= 10} onClick={() => add({ ...NEW_STEP })} data-testid="route-add-step">
            {t('approvals.form.addStep')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/**
 * The route as a form: branches tried in order, each with its conditions (AND) and its chain of steps (或签 / 会签,
 * approvers relative to the requester, roles or named users, the SLA and the fallback); the last branch catches every
 * other request. Saving writes the draft; the preview below the page shows where the last 50 requests would go.
 */
export function RouteFormEditor({ definition, busy, onSave }: { definition: RouteDefinition; busy: boolean; onSave(form: RouteForm): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RouteForm>();
  useEffect(() => form.setFieldsValue(toForm(definition) as never), [definition, form]);
  // Re-render when the branches change (which ones hold a condition the rows cannot express).
  const branchValues = (Form.useWatch('branches', form) ?? []) as Array<RouteForm['branches'][number] | undefined>;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={toForm(definition) as never}
      // The whole store, not only the inputs on screen: English names and JSON-only conditions travel along.
      onFinish={() => onSave(form.getFieldsValue(true) as RouteForm)}
      data-testid="route-form"
    >
      <Form.Item name="kind" hidden>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="name" label={t('approvals.form.routeName')} rules={[{ required: true }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('approvals.form.routeNameEn')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Form.List name="branches">
        {(branches, { add, remove }) => (
          <div>
            {branches.map((branch, i) => {
              const last = i === branches.length - 1;
              const advanced = branchValues[branch.name]?.conditions === null;
              return (
                <Card
                  key={branch.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  data-testid="route-branch"
                  title={
                    <Space>
                      {t('approvals.form.branch', { n: i + 1 })}
                      <Form.Item name={[branch.name, 'name']} noStyle rules={[{ required: true }]}>
                        <Input style={{ width: 220 }} />
                      </Form.Item>
                    </Space>
                  }
                  extra={!last && <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(branch.name)} aria-label={t('approvals.form.removeBranch')} />}
                >
                  {last ? (
                    <Typography.Paragraph type="secondary">{t('approvals.form.otherwise')}</Typography.Paragraph>
                  ) : advanced ? (
                    <Form.Item name={[branch.name, 'advanced']} label={t('approvals.form.advanced')} tooltip={t('approvals.form.advancedHint')}>
                      <Input.TextArea autoSize style={{ fontFamily: 'monospace' }} />
                    </Form.Item>
                  ) : (
                    <ConditionRows branch={branch.name} />
                  )}
                  <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
                    {t('approvals.form.steps')}
                  </Typography.Text>
                  <Steps branch={branch.name} />
                </Card>
              );
            })}
            <Button
              icon={<PlusOutlined />}
              disabled={branches.length >= 20}
              // A new branch goes before the catch-all, which stays last.
              onClick={() => add({ name: t('approvals.form.newBranch'), conditions: [{ fact: 'amountFen', op: '>=', value: 100_000 }], steps: [{ ...NEW_STEP }] }, Math.max(0, branches.length - 1))}
              data-testid="route-add-branch"
            >
              {t('approvals.form.addBranch')}
            </Button>
          </div>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }} data-testid="route-form-save">
        {t('approvals.routes.saveDraft')}
      </Button>
    </Form>
  );
}
