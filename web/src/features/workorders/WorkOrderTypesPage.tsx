import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { YamlImportModal } from '../../components/YamlImportModal';
import { fieldResolver, pathResolver, useFormErrors } from '../forms/useFormErrors';
import { useTeams } from '../channels/api';
import { useI18n, useLocalName } from '../../i18n';
import { useWorkOrderTypes, type WorkOrderType } from './api';
import { DEFAULT_LADDER, LadderEditor, useLadderText } from './LadderEditor';

async function downloadTypeYaml(type: WorkOrderType) {
  const text = await api.getText(`/api/work-order-types/${type.id}/export`);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `work-order-type-${type.key}.yaml`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Admin: work-order types (form and YAML); saving publishes a new version, running orders keep theirs. */
export function WorkOrderTypesPage() {
  const { t } = useI18n();
  const localName = useLocalName();
  const { message } = App.useApp();
  const types = useWorkOrderTypes(false);
  const ladderText = useLadderText();
  const [editing, setEditing] = useState<WorkOrderType | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <div>
      <PageTitle
        title={t('wot.title')}
        extra={
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('wot.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-wo-type">
              {t('wot.new')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('wot.ladder')}</Typography.Paragraph>
      <Table<WorkOrderType>
        rowKey="id"
        loading={types.isPending}
        dataSource={types.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('wot.key'), dataIndex: 'key' },
          { title: t('wot.name'), render: (_, r) => localName(r.name, r.nameEn) },
          { title: t('wot.team'), render: (_, r) => r.team.name },
          { title: t('wot.responseSla'), dataIndex: 'response' },
          { title: t('wot.resolutionSla'), dataIndex: 'resolution' },
          { title: t('wot.warnShare'), render: (_, r) => `${Math.round(r.warnShare * 100)}%` },
          { title: t('wot.ladderTitle'), render: (_, r) => <Typography.Text style={{ fontSize: 12 }}>{ladderText(r.escalation)}</Typography.Text> },
          { title: t('wot.version'), dataIndex: 'version' },
          { title: t('wot.active'), render: (_, r) => <Switch size="small" checked={r.active} disabled /> },
          {
            title: '',
            render: (_, r) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('wot.edit')} />
                <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadTypeYaml(r).catch((e) => message.error(errorMessage(e)))} aria-label={t('wot.export')} title={t('wot.export')} />
              </Space>
            ),
          },
        ]}
      />
      {editing && <TypeForm type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <YamlImportModal open={importing} onClose={() => setImporting(false)} title={t('wot.import')} endpoint="/api/work-order-types/import" queryKey={queryKeys.workOrderTypes()} successMessage={t('wot.saved')} inputTestId="wo-type-yaml" />
    </div>
  );
}

function TypeForm({ type, onClose }: { type: WorkOrderType | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const teams = useTeams();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => {
      return type ? api.put(`/api/work-order-types/${type.id}`, body) : api.post('/api/work-order-types', body);
    },
    onSuccess: () => {
      message.success(t('wot.saved'));
      client.invalidateQueries({ queryKey: queryKeys.workOrderTypes() });
      onClose();
    },
  });
  const known = fieldResolver(['key', 'name', 'nameEn', 'team', 'response', 'resolution', 'warnShare', 'active']);
  const ladderPath = pathResolver(['escalation']);
  const errors = useFormErrors(save.error, { form, resolve: (field) => known(field) ?? ladderPath(field) });
  return (
    <Modal open width={720} title={type ? t('wot.edit') : t('wot.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={type ? { key: type.key, name: type.name, nameEn: type.nameEn ?? undefined, team: type.team.id, response: type.response, resolution: type.resolution, warnShare: type.warnShare, active: type.active, escalation: type.escalation } : { warnShare: 0.8, active: true, response: '4bh', resolution: '16bh', escalation: DEFAULT_LADDER }}
        // An emptied ladder is sent as [] (no escalation), not left out (which would mean the default ladder).
        onFinish={(v) => save.mutate({ ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')), escalation: v.escalation ?? [] })}
      >
        <Form.Item name="key" label={t('wot.key')} rules={[{ required: true }]}>
          <Input disabled={!!type} data-testid="wot-key" />
        </Form.Item>
        <Form.Item name="name" label={t('wot.name')} rules={[{ required: true }]}>
          <Input data-testid="wot-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('wot.nameEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="team" label={t('wot.team')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} data-testid="wot-team" />
        </Form.Item>
        <Space>
          <Form.Item name="response" label={t('wot.responseSla')} tooltip={t('wot.durationHint')} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="resolution" label={t('wot.resolutionSla')} tooltip={t('wot.durationHint')} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="warnShare" label={t('wot.warnShare')}>
            <InputNumber min={0.1} max={1} step={0.05} />
          </Form.Item>
          <Form.Item name="active" label={t('wot.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <LadderEditor />
        {errors.leftover.length > 0 && <Typography.Text type="danger">{errors.leftover.map((e) => e.text).join('；')}</Typography.Text>}
      </Form>
    </Modal>
  );
}
