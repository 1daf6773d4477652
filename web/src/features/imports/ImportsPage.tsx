import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { IMPORT_KINDS, uploadImport, useImportAction, useImports, type ImportItem, type ImportKind, type ImportOptions, type ImportUpload } from './api';

/** Upload → map columns → dry run (then the import's page shows the report and commits); history below. */
export function ImportsPage() {
  const { t } = useI18n();
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [encoding, setEncoding] = useState<string>('');
  const [kind, setKind] = useState<ImportKind>('customers');
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <div>
      <PageTitle title={t('imports.title')} />
      {!upload ? (
        <Card>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} optionType="button" buttonStyle="solid" options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kind.${k}`) }))} />
            <Upload.Dragger
              accept=".xlsx,.csv"
              showUploadList={false}
              disabled={busy}
              customRequest={async ({ file }) => {
                setBusy(true);
                try {
                  setUpload(await uploadImport(file as File, kind, encoding || undefined));
                } catch (e) {
                  message.error(errorMessage(e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.drop')}</p>
              <p className="ant-upload-hint">{t('imports.dropHint')}</p>
            </Upload.Dragger>
            <Space>
              {t('imports.encoding')}
              <Select
                style={{ width: 160 }}
                value={encoding}
                onChange={setEncoding}
                options={[
                  { value: '', label: t('imports.auto') },
                  { value: 'utf8', label: 'UTF-8' },
                  { value: 'gb18030', label: 'GBK / GB18030' },
                ]}
              />
            </Space>
          </Space>
        </Card>
      ) : (
        <MappingStep upload={upload} onBack={() => setUpload(null)} />
      )}
      <History />
    </div>
  );
}

function MappingStep({ upload, onBack }: { upload: ImportUpload; onBack: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const action = useImportAction();
  const [mapping, setMapping] = useState<Array<string | null>>(upload.suggested);
  const [options, setOptions] = useState<ImportOptions>({ mode: 'upsert', duplicates: 'update' });
  const [presetName, setPresetName] = useState('');
  const fieldOptions = [{ value: '', label: t('imports.ignore') }, ...upload.fields.map((f) => ({ value: f.field, label: lang === 'en' ? f.labelEn : f.label }))];
  const headers = upload.import.headers;
  const columns = [
    { title: t('imports.row'), dataIndex: 'row', key: 'row', width: 70 },
    ...headers.map((h, i) => ({
      key: String(i),
      title: (
        <Space direction="vertical" size={4}>
          <Typography.Text strong>{h}</Typography.Text>
          <Select
            size="small"
            style={{ minWidth: 140 }}
            aria-label={`map-${h}`}
            // Contracts offer 50-odd fields (12 instalments × 4 columns): typing finds one faster than scrolling.
            showSearch
            optionFilterProp="label"
            popupMatchSelectWidth={false}
            value={mapping[i] ?? ''}
            onChange={(v) => setMapping((m) => m.map((x, j) => (j === i ? v || null : x)))}
            options={fieldOptions}
          />
        </Space>
      ),
      render: (_: unknown, r: { cells: string[] }) => r.cells[i] ?? '',
    })),
  ];
  const dryRun = () =>
    action.mutate(
      { id: upload.import.id, action: 'dry-run', body: { mapping, options: { ...options, perRowEvents: false, defaultOwnerId: null }, ...(presetName.trim() ? { presetName: presetName.trim() } : {}) } },
      { onSuccess: () => navigate(`/imports/${upload.import.id}`), onError: (e) => message.error(errorMessage(e)) },
    );
  return (
    <Card
      title={`${t('imports.mapping')} · ${upload.import.fileName} (${upload.import.format}${upload.import.encoding ? ` ${upload.import.encoding}` : ''})`}
      extra={<Button onClick={onBack}>{t('imports.back')}</Button>}
    >
      {upload.preset && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('imports.presetApplied', { name: upload.preset.name })} />}
      <Typography.Paragraph type="secondary">{t('imports.preview', { n: upload.preview.length })}</Typography.Paragraph>
      <Table size="small" rowKey="row" scroll={{ x: true }} pagination={false} dataSource={upload.preview} columns={columns} />
      <Form layout="vertical" style={{ marginTop: 16, maxWidth: 640 }}>
        <Form.Item label={t('imports.mode')}>
          <Radio.Group value={options.mode} onChange={(e) => setOptions({ ...options, mode: e.target.value })}>
            <Radio value="upsert">{t('imports.mode.upsert')}</Radio>
            <Radio value="create">{t('imports.mode.create')}</Radio>
            <Radio value="update">{t('imports.mode.update')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('imports.duplicates')}>
          <Radio.Group value={options.duplicates} onChange={(e) => setOptions({ ...options, duplicates: e.target.value })}>
            <Radio value="update">{t('imports.dup.update')}</Radio>
            <Radio value="skip">{t('imports.dup.skip')}</Radio>
            <Radio value="create">{t('imports.dup.create')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('imports.presetName')}>
          <Input value={presetName} maxLength={100} onChange={(e) => setPresetName(e.target.value)} />
        </Form.Item>
        <Button type="primary" loading={action.isPending} onClick={dryRun}>
          {t('imports.dryRun')}
        </Button>
      </Form>
    </Card>
  );
}

export function StatusTag({ status }: { status: ImportItem['status'] }) {
  const { t } = useI18n();
  const color = status === 'committed' ? 'green' : status === 'failed' ? 'red' : status === 'validated' ? 'blue' : status === 'cancelled' || status === 'undone' ? 'default' : 'processing';
  return <Tag color={color}>{t(`imports.status.${status}` as MessageKey)}</Tag>;
}

export function countsText(t: (k: MessageKey) => string, c: ImportItem['counts']) {
  return (['created', 'updated', 'unchanged', 'errors', 'skipped', 'conflicts', 'denied'] as const)
    .filter((k) => c[k] > 0 || k === 'created' || k === 'errors')
    .map((k) => `${t(`imports.${k}` as MessageKey)} ${c[k]}`)
    .join(' · ');
}

function History() {
  const { t } = useI18n();
  const imports = useImports();
  return (
    <Card title={t('imports.history')} style={{ marginTop: 16 }}>
      <Table
        size="small"
        rowKey="id"
        loading={imports.isPending}
        dataSource={imports.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('imports.file'), key: 'file', render: (_, r: ImportItem) => <Link to={`/imports/${r.id}`}>{r.fileName}</Link> },
          { title: t('imports.kind'), key: 'kind', render: (_, r: ImportItem) => t(`imports.kind.${r.kind}`) },
          { title: t('imports.by'), key: 'by', render: (_, r: ImportItem) => r.byName },
          { title: t('imports.at'), key: 'at', render: (_, r: ImportItem) => new Date(r.createdAt).toLocaleString() },
          { title: t('imports.status'), key: 'status', render: (_, r: ImportItem) => <StatusTag status={r.status} /> },
          { title: t('imports.counts'), key: 'counts', render: (_, r: ImportItem) => countsText(t, r.result ?? r.counts) },
        ]}
      />
    </Card>
  );
}
