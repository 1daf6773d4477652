import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, List, Modal, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, ApiError, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';

interface YamlError {
  line: number;
  column: number;
  path: string;
  message: string;
}

/** Paste or pick a rule YAML; a rule with the same key is updated, invalid documents list errors by line. */
export function ImportRuleModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<YamlError[]>([]);
  const submit = useMutation({
    mutationFn: () => api.post('/api/rules/import', { yaml: text }),
    onMutate: () => setErrors([]),
    onSuccess: () => {
      message.success(t('rules.imported'));
      client.invalidateQueries({ queryKey: ['rules'] });
      setText('');
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && Array.isArray(e.body.errors)) setErrors(e.body.errors as YamlError[]);
    },
  });
  const lines = text.split('\n');
  return (
    <Modal open={open} title={t('rules.import')} onCancel={onClose} onOk={() => submit.mutate()} okButtonProps={{ disabled: !text.trim() }} confirmLoading={submit.isPending} width={720}>
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
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={14} placeholder={t('pipelines.importHint')} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="rule-yaml-input" />
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
                <List.Item>
                  <div>
                    <Typography.Text strong>
                      {t('pipelines.line', { line: e.line })}:{e.column}
                    </Typography.Text>{' '}
                    {e.path && <Typography.Text code>{e.path}</Typography.Text>} {e.message}
                    {lines[e.line - 1] !== undefined && <pre style={{ margin: '4px 0 0', background: '#fff1f0', padding: '2px 6px', whiteSpace: 'pre-wrap' }}>{e.line} | {lines[e.line - 1]}</pre>}
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
