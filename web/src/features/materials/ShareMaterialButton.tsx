import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { ShareAltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useI18n } from '../../i18n';
import { listAttachments } from '../attachments/api';
import { FormError } from '../forms/FormError';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import type { CreatedMaterialLink } from './api';

interface Values {
  source: 'attachment' | 'url';
  attachmentId?: string;
  url?: string;
  title?: string;
  days: number;
}

/**
 * "Share a tracked link" instead of the file: the customer opens it without a login and every open is recorded
 * on the customer (and the activity it was sent with). The created address is shown once, ready to copy.
 */
export function ShareMaterialButton({ customerId, activityId, size }: { customerId: string; activityId?: string; size?: 'small' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'attachment';
  const files = useQuery({ queryKey: queryKeys.attachments('customer', customerId), queryFn: () => listAttachments('customer', customerId), enabled: open });
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post<CreatedMaterialLink>('/api/material-links', {
        customerId,
        activityId,
        ...(v.source === 'url' ? { url: v.url?.trim() } : { attachmentId: v.attachmentId }),
        title: v.title?.trim() || undefined,
        expiresAt: dayjs().add(v.days, 'day').toISOString(),
      }),
    onSuccess: () => {
      message.success(t('material.created'));
      client.invalidateQueries({ queryKey: queryKeys.materialLinks() });
    },
  });
  const errors = useFormErrors(create.error, { form, resolve: fieldResolver(['attachmentId', 'url', 'title'], [], { expiresAt: 'days' }) });
  const close = () => {
    setOpen(false);
    create.reset();
    form.resetFields();
  };
  return (
    <>
      <Button size={size} icon={<ShareAltOutlined />} onClick={() => setOpen(true)} data-testid={activityId ? `share-material-${activityId}` : 'share-material'}>
        {t('material.share')}
      </Button>
      <Modal open={open} title={t('material.share')} onCancel={close} destroyOnHidden footer={create.data ? <Button onClick={close} data-testid="share-material-done">{t('material.done')}</Button> : undefined} onOk={() => form.submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'share-material-submit' } as Record<string, string>}>
        {create.data ? (
          <div data-testid="material-created">
            <Alert type="success" showIcon message={t('material.createdHint', { date: dayjs(create.data.expiresAt).format('YYYY-MM-DD') })} style={{ marginBottom: 12 }} />
            <Typography.Paragraph copyable={{ text: create.data.url }} data-testid="material-url">
              {create.data.url}
            </Typography.Paragraph>
          </div>
        ) : (
          <Form form={form} layout="vertical" initialValues={{ source: 'attachment', days: 7 }} onFinish={(v) => create.mutate(v)}>
            <Form.Item name="source" label={t('material.source')}>
              <Radio.Group
                options={[
                  { value: 'attachment', label: t('material.source.attachment') },
                  { value: 'url', label: t('material.source.url') },
                ]}
              />
            </Form.Item>
            {source === 'attachment' ? (
              <Form.Item name="attachmentId" label={t('material.file')} rules={[{ required: true, message: t('material.fileRequired') }]} extra={files.data?.items.length === 0 ? t('material.noFiles') : undefined}>
                <Select data-testid="material-file" loading={files.isPending} options={(files.data?.items ?? []).map((a) => ({ value: a.id, label: a.filename }))} />
              </Form.Item>
            ) : (
              <Form.Item name="url" label={t('material.url')} rules={[{ required: true, type: 'url', message: t('material.urlInvalid') }]}>
                <Input data-testid="material-url-input" placeholder="https://" />
              </Form.Item>
            )}
            <Form.Item name="title" label={t('material.title')}>
              <Input maxLength={200} placeholder={t('material.titleHint')} data-testid="material-title" />
            </Form.Item>
            <Form.Item name="days" label={t('material.expires')}>
              <Select options={[3, 7, 14, 30, 90].map((d) => ({ value: d, label: t('material.days', { n: d }) }))} />
            </Form.Item>
            <FormError errors={errors} />
          </Form>
        )}
      </Modal>
    </>
  );
}
