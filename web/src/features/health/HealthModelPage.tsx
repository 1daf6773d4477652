/**
 * Admin → 健康度模型: edit the next version of the health model as a form or as YAML (validated with line numbers),
 * preview it — how many customers would change colour, which ones — and only then publish it, choosing whether
 * colour changes caused by the switch alone run playbooks. Earlier versions stay listed (history keeps their rows).
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Input, List, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, ApiError, errorMessage } from '../../api/client';
import type { components } from '../../api/schema';
import { PageTitle } from '../../components/PageTitle';
import type { YamlError } from '../../components/YamlImportModal';
import { useI18n, type MessageKey } from '../../i18n';
import { FieldErrors as AllFieldErrors } from '../forms/useFormErrors';
import { HealthTag } from './HealthCard';
import { ModelForm, type FieldErrors, type ModelDef } from './ModelForm';
import type { PostAnswer } from '../../api/types';

type Models = { current: components['schemas']['HealthModelVersion'] | null; versions: Array<components['schemas']['HealthModelVersion']> };
type Preview = {
  version: number;
  customers: number;
  changes: number;
  quiet: number;
  transitions: Array<{ from: string; to: string; count: number }>;
  sample: Array<{ customerId: string; name: string; from: string | null; to: string; score: number; reason: string }>;
};

/** The seed's model (杭州康捷医疗): base 60 / process 40, the starting point when nothing is published yet. */
const STARTER: ModelDef = {
  name: '客户健康度',
  segmentBy: 'industry',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 3 },
  severeBelow: 15,
  coverageFloor: 0.6,
  missingDays: 7,
  trend: { drop: 15, days: 14 },
  groups: [
    { key: 'base', name: '基础维度', weight: 60, dimensions: [{ key: 'purchase', name: '年采购额', weight: 100, source: { type: 'deals', measure: 'won_amount', days: 365 }, normalize: { percentile: false, points: [[0, 0], [100_000_000, 100]] }, notApplicableFor: [] }] },
    { key: 'process', name: '过程维度', weight: 40, dimensions: [{ key: 'visits', name: '近3月拜访', weight: 100, source: { type: 'activities', types: ['visit'], effectiveOnly: false, days: 90 }, normalize: { percentile: false, points: [[0, 0], [6, 100]] }, notApplicableFor: [] }] },
  ],
};

const KEY = ['health-models'];

export function HealthModelPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const models = useQuery({ queryKey: KEY, queryFn: () => api.get<Models>('/api/health-models') });
  const [def, setDef] = useState<ModelDef | null>(null);
  const [firePlaybooks, setFirePlaybooks] = useState(false);
  const [previewed, setPreviewed] = useState<{ json: string; result: Preview } | null>(null);
  useEffect(() => {
    if (models.data && !def) setDef(structuredClone(models.data.current?.definition ?? STARTER));
  }, [models.data, def]);

  const preview = useMutation({
    mutationFn: (d: ModelDef) => api.post<Preview>('/api/health-models/preview', { definition: d }),
    onSuccess: (result, d) => setPreviewed({ json: JSON.stringify(d), result }),
  });
  const publish = useMutation({
    mutationFn: (d: ModelDef) => api.post<PostAnswer<'/api/health-models'>>('/api/health-models', { definition: d, firePlaybooks }),
    onSuccess: (v) => {
      message.success(t('healthModel.published', { version: v.version }));
      setPreviewed(null);
      client.invalidateQueries({ queryKey: KEY });
    },
  });
  const failed = publish.error ?? preview.error;
  const errors: FieldErrors = useMemo(() => {
    const all = new AllFieldErrors(failed, lang);
    return { item: (path: string, deep?: boolean) => all.item(`definition.${path}`, deep), at: (path: string) => all.at(`definition.${path}`) };
  }, [failed, lang]);

  if (models.error) return <Typography.Text type="danger">{errorMessage(models.error)}</Typography.Text>;
  if (!def) return <Skeleton active />;
  const fresh = previewed?.json === JSON.stringify(def);

  return (
    <div>
      <PageTitle title={t('healthModel.title')} extra={<Typography.Text type="secondary">{models.data?.current ? t('healthModel.inForce', { version: models.data.current.version }) : t('healthModel.noneYet')}</Typography.Text>} />
      <Tabs
        items={[
          { key: 'form', label: t('healthModel.form'), children: <ModelForm def={def} onChange={setDef} errors={errors} /> },
          { key: 'yaml', label: 'YAML', children: <YamlTab onLoaded={(d) => setDef(d)} /> },
          { key: 'versions', label: t('healthModel.versions'), children: <Versions models={models.data!} /> },
        ]}
      />
      <Card size="small" style={{ marginTop: 12 }} title={t('healthModel.previewTitle')}>
        <Space wrap>
          <Button onClick={() => preview.mutate(def)} loading={preview.isPending} data-testid="model-preview">
            {t('healthModel.preview')}
          </Button>
          <Checkbox checked={firePlaybooks} onChange={(e) => setFirePlaybooks(e.target.checked)}>
            {t('healthModel.firePlaybooks')}
          </Checkbox>
          <Button type="primary" disabled={!fresh} loading={publish.isPending} onClick={() => publish.mutate(def)} data-testid="model-publish">
            {t('healthModel.publish')}
          </Button>
          {!fresh && <Typography.Text type="secondary">{t('healthModel.previewFirst')}</Typography.Text>}
        </Space>
        {failed && <Alert style={{ marginTop: 8 }} type="error" showIcon message={errorMessage(failed)} />}
        {previewed && (
          <div style={{ marginTop: 12 }} data-testid="preview-result">
            <Typography.Paragraph>{t('healthModel.previewSummary', { customers: previewed.result.customers, changes: previewed.result.changes, version: previewed.result.version, quiet: previewed.result.quiet })}</Typography.Paragraph>
            <Space wrap style={{ marginBottom: 8 }}>
              {previewed.result.transitions.map((x) => (
                <Tag key={`${x.from}-${x.to}`}>
                  {x.from === 'none' ? t('healthModel.new') : t(`health.colour.${x.from}` as MessageKey)} → {t(`health.colour.${x.to}` as MessageKey)}: {x.count}
                </Tag>
              ))}
            </Space>
            <Table
              size="small"
              rowKey="customerId"
              pagination={{ pageSize: 10 }}
              dataSource={previewed.result.sample}
              columns={[
                { title: t('healthModel.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.name}</Link> },
                { title: t('healthModel.from'), render: (_, r) => (r.from ? <HealthTag colour={r.from} /> : '—') },
                { title: t('healthModel.to'), render: (_, r) => <HealthTag colour={r.to} /> },
                { title: t('health.score'), dataIndex: 'score' },
                // Whether the switch alone causes the change (quiet) or the current version would confirm it now too.
                { title: t('healthModel.cause'), render: (_, r) => (r.reason === 'model_switch' ? t('healthModel.causeSwitch') : r.reason === 'initial' ? t('healthModel.new') : t('healthModel.causeAnyway')) },
              ]}
            />
          </div>
        )}
      </Card>
    </div>
  );
}

/** The model as YAML: the version in force exported, edited, validated with line numbers, loaded into the form. */
function YamlTab({ onLoaded }: { onLoaded(def: ModelDef): void }) {
  const { t } = useI18n();
  const exported = useQuery({ queryKey: [...KEY, 'yaml'], queryFn: () => api.getText('/api/health-models/export'), retry: false });
  const [text, setText] = useState<string | null>(null);
  const [errors, setErrors] = useState<YamlError[] | null>(null);
  const value = text ?? (exported.data as string | undefined) ?? '';
  const validate = useMutation({
    mutationFn: () => api.post<PostAnswer<'/api/health-models/validate'>>('/api/health-models/validate', { yaml: value }),
    onSuccess: (r) => setErrors(r.errors),
    onError: (e) => setErrors(e instanceof ApiError && Array.isArray(e.body.errors) ? (e.body.errors as YamlError[]) : null),
  });
  const load = useMutation({
    // Validation answers no definition, so the form takes the YAML through the same parser the server uses.
    mutationFn: async () => {
      const { parse } = await import('yaml');
      const d = parse(value) as ModelDef;
      // The server fills these defaults; a hand-written document may leave them out.
      return {
        ...d,
        hysteresis: d.hysteresis ?? { points: 5, computations: 3 },
        coverageFloor: d.coverageFloor ?? 0.6,
        missingDays: d.missingDays ?? 7,
        groups: d.groups.map((g) => ({ ...g, dimensions: g.dimensions.map((x) => ({ ...x, notApplicableFor: x.notApplicableFor ?? [], normalize: { ...x.normalize, percentile: x.normalize.percentile ?? false } })) })),
      };
    },
    onSuccess: (d) => onLoaded(d),
  });
  return (
    <div>
      <Input.TextArea rows={18} value={value} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="model-yaml" />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => validate.mutate()} loading={validate.isPending} data-testid="model-yaml-validate">
          {t('healthModel.validate')}
        </Button>
        <Button disabled={!errors || errors.length > 0} onClick={() => load.mutate()}>
          {t('healthModel.loadYaml')}
        </Button>
        <Button href="/api/health-models/export" download="health-model.yaml">
          {t('healthModel.download')}
        </Button>
      </Space>
      {errors && errors.length === 0 && <Alert style={{ marginTop: 8 }} type="success" showIcon message={t('healthModel.yamlOk')} />}
      {errors && errors.length > 0 && (
        <List size="small" style={{ marginTop: 8 }} data-testid="model-yaml-errors" dataSource={errors} renderItem={(e) => <List.Item>{t('healthModel.yamlError', { line: e.line, column: e.column, path: e.path, message: e.message })}</List.Item>} />
      )}
    </div>
  );
}

function Versions({ models }: { models: Models }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={models.versions}
      columns={[
        { title: t('health.model'), render: (_, v) => `v${v.version}` },
        { title: t('healthModel.modelName'), dataIndex: 'name' },
        { title: t('healthModel.firePlaybooks'), render: (_, v) => (v.firePlaybooks ? t('common.yes') : t('common.no')) },
        { title: t('healthModel.publishedAt'), render: (_, v) => v.createdAt.slice(0, 16).replace('T', ' ') },
        { title: 'YAML', render: (_, v) => <a href={`/api/health-models/export?version=${v.version}`}>{t('healthModel.download')}</a> },
      ]}
    />
  );
}
