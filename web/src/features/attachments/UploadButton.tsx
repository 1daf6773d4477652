import { useState } from 'react';
import { App, Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client';
import type { Attachment } from '../../api/types';
import { useI18n } from '../../i18n';
import { uploadAttachment } from './api';

interface Props {
  entity: string;
  entityId: string;
  kind: string;
  label?: string;
  onUploaded?(attachment: Attachment): void;
  testId?: string;
}

export function UploadButton({ entity, entityId, kind, label, onUploaded, testId }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      showUploadList={false}
      customRequest={async ({ file, onSuccess, onError }) => {
        setBusy(true);
        try {
          const created = await uploadAttachment(entity, entityId, kind, file as File);
          message.success(t('attachments.uploaded'));
          onSuccess?.(created);
          onUploaded?.(created);
        } catch (error) {
          message.error(errorMessage(error));
          onError?.(error as Error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} size="small" data-testid={testId}>
        {label ?? t('common.upload')}
      </Button>
    </Upload>
  );
}
