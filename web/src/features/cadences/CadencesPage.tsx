import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, ImportOutlined } from '@ant-design/icons';
import { api, ApiError, errorMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useCadences, type Cadence } from './api';
import { deliverableText } from './CadenceSteps';

interface YamlError {
  line: number;
  column: number;
  path: string;
  message: string;
}

/** Admin: cadences with their steps; edit any cadence (or a new one) as YAML with line-precise errors; export. */
export function CadencesPage() {
  const { t, lang } = useI18n();
  const en = lang === 'en';
  const query = useCadences();
  const [editing, setEditing] = useState<string | null>(null);
  const open = async (key: string | null) => setEditing(key ? await (await fetch(`/api/cadences/${key}/export`, { credentials: 'same-origin' })).text() : '');
  return (
    <div>
      <PageTitle title={t('nav.adminCadences')} />
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ImportOutlined />} onClick={() => open(null)} data-testid="cadence-import">
          {t('cadences.importYaml')}
        </Button>
      </Space>
      {(query.data?.items ?? []).map((c: Cadence) => (
        <Card
          key={c.key}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <span>
              {en ? c.nameEn : c.name} <Typography.Text type="secondary">{c.key} · v{c.version}</Typography.Text>
            </span>
          }
          extra={
            <Space>
              <Button size="small" icon={<EditOutlined />} onClick={() => open(c.key)}>
                {t('cadences.editYaml')}
              </Button>
              <Button size="small" icon={<DownloadOutlined />} href={`/api/cadences/${c.key}/export`}>
                YAML
              </Button>
            </Space>
          }
        >
          <Typography.Text type="secondary">
            {t('cadences.anchor')}: {c.definition.anchor.kind === 'field' ? c.definition.anchor.field : t('cadences.anchor.stage')}
          </Typography.Text>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: true }}
            dataSource={c.steps}
            columns={[
              { title: 'T', render: (_, s) => <Tag>{s.offset}</Tag> },
              { title: t('cadences.unit'), render: (_, s) => t(`cadences.unit.${s.unit}` as 'cadences.unit.working_days') + (s.at ? ` ${s.at}` : '') },
              { title: t('cadences.step'), render: (_, s) => (en ? s.titleEn : s.title) },
              { title: t('cadences.deliverable'), render: (_, s) => deliverableText(s.deliverable, t, en).join('；') },
            ]}
          />
        </Card>
      ))}
      <YamlEditor text={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

function YamlEditor({ text, onClose }: { text: string | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [errors, setErrors] = useState<YamlError[]>([]);
  const value = draft ?? text ?? '';
  const close = () => {
    setDraft(null);
    setErrors([]);
    onClose();
  };
  const save = useMutation({
    mutationFn: () => api.post('/api/cadences/import', { yaml: value }),
    onMutate: () => setErrors([]),
    onSuccess: () => {
      message.success(t('cadences.saved'));
      client.invalidateQueries({ queryKey: ['cadences'] });
      close();
    },
    onError: (e) => {
      if (e instanceof ApiError && Array.isArray(e.body.errors)) setErrors(e.body.errors as YamlError[]);
      else message.error(errorMessage(e));
    },
  });
  return (
    <Modal open={text !== null} title={t('cadences.editYaml')} onOk={() => save.mutate()} confirmLoading={save.isPending} onCancel={close} width={760} okText={t('common.save')}>
      <Input.TextArea data-testid="cadence-yaml" value={value} onChange={(e) => setDraft(e.target.value)} rows={18} style={{ fontFamily: 'monospace' }} />
      {errors.length > 0 && (
        <Alert
          type="error"
          style={{ marginTop: 8 }}
          message={t('cadences.yamlErrors')}
          description={<List size="small" dataSource={errors} renderItem={(e) => <List.Item>{t('cadences.yamlLine', { line: e.line, column: e.column })} {e.path} {e.message}</List.Item>} />}
        />
      )}
    </Modal>
  );
}
