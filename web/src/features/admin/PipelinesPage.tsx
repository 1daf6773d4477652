import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Form, Input, List, Modal, Space, Table, Tag } from 'antd';
import { CopyOutlined, DownloadOutlined, EditOutlined, ImportOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { api, errorMessage, type Page } from '../../api/client';
import type { Pipeline, PipelineTemplate } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { YamlImportModal } from '../../components/YamlImportModal';
import { useI18n, useLocalName } from '../../i18n';
import { queryKeys } from '../../api/queryKeys';

export function PipelinesPage() {
  const { t } = useI18n();
  const localName = useLocalName();
  const { message } = App.useApp();
  const client = useQueryClient();
  // Archived pipelines stay listed here (greyed) so an admin can bring them back; deal forms never offer them.
  const pipelines = useQuery({ queryKey: queryKeys.pipelines('admin'), queryFn: () => api.get<Page<Pipeline>>('/api/pipelines', { includeArchived: 'true' }) });
  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => api.post<Pipeline>(`/api/pipelines/${id}/${archived ? 'unarchive' : 'archive'}`),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: queryKeys.pipelines() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const templates = useQuery({ queryKey: queryKeys.pipelineTemplates(), queryFn: () => api.get<Page<PipelineTemplate>>('/api/pipeline-templates') });
  const [copying, setCopying] = useState<Pipeline | null>(null);
  const [importing, setImporting] = useState(false);
  const install = useMutation({
    mutationFn: (template: string) => api.post<Pipeline>('/api/pipelines/install', { template }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.pipelines() }),
    onError: (e) => message.error(errorMessage(e)),
  });
  const installed = new Set((pipelines.data?.items ?? []).map((p) => p.templateKey).filter(Boolean));

  return (
    <div>
      <PageTitle
        title={t('pipelines.title')}
        extra={
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('pipelines.import')}
          </Button>
        }
      />
      <Table<Pipeline>
        size="small"
        rowKey="id"
        loading={pipelines.isPending}
        dataSource={pipelines.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        style={{ marginBottom: 16 }}
        columns={[
          {
            title: t('common.name'),
            render: (_, p) => (
              <span data-testid="pipeline-row" data-archived={p.archived ? 'true' : 'false'}>
                <Link to={`/admin/pipelines/${p.id}`}>{localName(p.name, p.nameEn)}</Link> {p.archived && <Tag>{t('pipelines.archived')}</Tag>}
              </span>
            ),
          },
          { title: t('pipelines.stageKey'), dataIndex: 'key', render: (k: string) => <code>{k}</code> },
          { title: t('pipelines.stages'), render: (_, p) => p.stages?.length ?? 0 },
          { title: t('pipelines.version'), dataIndex: 'version' },
          {
            title: t('common.actions'),
            render: (_, p) => (
              <Space wrap>
                <Link to={`/admin/pipelines/${p.id}`}>
                  <Button size="small" icon={<EditOutlined />}>
                    {t('common.edit')}
                  </Button>
                </Link>
                <Button size="small" icon={<CopyOutlined />} onClick={() => setCopying(p)}>
                  {t('pipelines.copy')}
                </Button>
                <Button size="small" icon={<DownloadOutlined />} href={`/api/pipelines/${p.id}/export`} download={`${p.key}.yaml`}>
                  {t('pipelines.export')}
                </Button>
                <Button
                  size="small"
                  icon={p.archived ? <RollbackOutlined /> : <InboxOutlined />}
                  loading={archive.isPending && archive.variables?.id === p.id}
                  onClick={() => archive.mutate({ id: p.id, archived: p.archived })}
                  data-testid={p.archived ? 'pipeline-unarchive' : 'pipeline-archive'}
                >
                  {p.archived ? t('pipelines.unarchive') : t('pipelines.archive')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title={t('pipelines.templates')}>
        <List
          loading={templates.isPending}
          dataSource={templates.data?.items ?? []}
          renderItem={(tpl) => (
            <List.Item
              actions={[
                installed.has(tpl.key) ? (
                  <Tag key="i" color="green">
                    {t('pipelines.installed')}
                  </Tag>
                ) : (
                  <Button key="i" size="small" type="primary" loading={install.isPending && install.variables === tpl.key} onClick={() => install.mutate(tpl.key)}>
                    {t('pipelines.install')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta title={localName(tpl.name, tpl.nameEn)} description={`${tpl.key} · ${tpl.stages} ${t('pipelines.stages')}`} />
            </List.Item>
          )}
        />
      </Card>
      <CopyModal pipeline={copying} onClose={() => setCopying(null)} />
      <YamlImportModal
        open={importing}
        onClose={() => setImporting(false)}
        title={t('pipelines.import')}
        endpoint="/api/pipelines/import"
        queryKey={['pipelines']}
        inputTestId="yaml-input"
        errorTestId="yaml-error"
      />
    </div>
  );
}

function CopyModal({ pipeline, onClose }: { pipeline: Pipeline | null; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const copy = useMutation({
    mutationFn: (v: { key: string; name: string }) => api.post<Pipeline>(`/api/pipelines/${pipeline!.id}/copy`, v),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: queryKeys.pipelines() });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal open={!!pipeline} title={t('pipelines.copy')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={copy.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => copy.mutate(v)} initialValues={pipeline ? { key: `${pipeline.key}_copy`, name: `${pipeline.name}${t('pipelines.copySuffix')}` } : undefined}>
        <Form.Item name="key" label={t('pipelines.stageKey')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/ }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('pipelines.copyName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        {copy.error && <Alert type="error" showIcon message={errorMessage(copy.error)} />}
      </Form>
    </Modal>
  );
}
