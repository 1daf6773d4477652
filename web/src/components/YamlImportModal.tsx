import { useState } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Input, List, Modal, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, ApiError, errorMessage } from '../api/client';
import { useI18n } from '../i18n';

/** One problem in an imported document, as the YAML import endpoints report it. */
export interface YamlError {
  line: number;
  column: number;
  path: string;
  message: string;
}

interface Props {
  open: boolean;
  onClose(): void;
  title: string;
  /** POST endpoint taking `{ yaml }`; a 4xx with `errors` lists them by line. */
  endpoint: string;
  /** Lists that show what was imported and must refetch. */
  queryKey: QueryKey;
  successMessage?: string;
  inputTestId: string;
  errorTestId?: string;
}

/** Paste or pick a YAML document; invalid documents come back with every error at its line and column. */
export function YamlImportModal({ open, onClose, title, endpoint, queryKey, successMessage, inputTestId, errorTestId }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<YamlError[]>([]);
  const submit = useMutation({
    mutationFn: () => api.post(endpoint, { yaml: text }),
    onMutate: () => setErrors([]),
    onSuccess: () => {
      if (successMessage) message.success(successMessage);
      client.invalidateQueries({ queryKey });
      setText('');
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && Array.isArray(e.body.errors)) setErrors(e.body.errors as YamlError[]);
    },
  });
  const lines = text.split('\n');
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => submit.mutate()} okButtonProps={{ disabled: !text.trim() }} confirmLoading={submit.isPending} width={720}>
      <Upload
        accept=".yaml,.yml,text/yaml"
        showUploadList={false}
        beforeUpload={async (file) => {
          setText(await file.text());
          setErrors([]);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} style={{ marginBottom: 8 }}>
          {t('attachments.choose')}
        </Button>
      </Upload>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={14}
        placeholder={t('pipelines.importHint')}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        data-testid={inputTestId}
      />
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message={t('pipelines.importErrors')}
          description={
            <List
              size="small"
              dataSource={errors}
              renderItem={(e) => (
                <List.Item data-testid={errorTestId}>
                  <div>
                    <Typography.Text strong>
                      {t('pipelines.line', { line: e.line })}:{e.column}
                    </Typography.Text>{' '}
                    {e.path && <Typography.Text code>{e.path}</Typography.Text>} {e.message}
                    {lines[e.line - 1] !== undefined && (
                      <pre style={{ margin: '4px 0 0', background: '#fff1f0', padding: '2px 6px', whiteSpace: 'pre-wrap' }}>
                        {e.line} | {lines[e.line - 1]}
                      </pre>
                    )}
                  </div>
                </List.Item>
              )}
            />
          }
        />
      )}
      {submit.error && errors.length === 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} message={errorMessage(submit.error)} />}
    </Modal>
  );
}
