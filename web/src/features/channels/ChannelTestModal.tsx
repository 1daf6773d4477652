import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import type { Channel, ChannelTestResult } from '../../api/types';
import { useI18n } from '../../i18n';

/** Sends a real test message and shows the channel's own answer (a robot's errcode/msg, the SMTP reply). */
export function ChannelTestModal({ channel, onClose }: { channel: Channel | null; onClose(): void }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const send = useMutation({
    mutationFn: () => api.post<ChannelTestResult>(`/api/channels/${channel!.id}/test`, to.trim() ? { to: to.trim() } : {}),
  });
  const needsTo = channel?.kind === 'email' || channel?.kind === 'sms';
  const result = send.data;
  return (
    <Modal
      open={!!channel}
      title={`${t('channels.test')} · ${channel?.name ?? ''}`}
      onCancel={() => {
        send.reset();
        setTo('');
        onClose();
      }}
      footer={null}
      destroyOnHidden
      width={620}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {needsTo && <Input placeholder={t('channels.testTo')} value={to} onChange={(e) => setTo(e.target.value)} />}
        <Button type="primary" icon={<SendOutlined />} loading={send.isPending} onClick={() => send.mutate()} data-testid="channel-test-send">
          {t('channels.test')}
        </Button>
        {send.error && <Alert type="error" showIcon message={errorMessage(send.error)} />}
        {result && (
          <Alert
            data-testid="channel-test-result"
            type={result.ok ? 'success' : 'error'}
            showIcon
            message={result.ok ? t('channels.testOk') : `${t('channels.testFailed')}${result.error ? `: ${result.error}` : ''}`}
            description={
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="HTTP">{result.status ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('channels.answer')}>
                  <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                    {typeof result.response === 'string' ? result.response : JSON.stringify(result.response)}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            }
          />
        )}
      </Space>
    </Modal>
  );
}
