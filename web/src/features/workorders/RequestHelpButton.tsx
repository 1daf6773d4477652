import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { App, Button, Modal, Space } from 'antd';
import { CustomerServiceOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useI18n, useLocalName } from '../../i18n';
import { useWorkOrderTypes, type WorkOrderDetail, type WorkOrderType } from './api';

/** Two taps from a deal or customer: "request help", then the kind of help; the title says what and about what. */
export function RequestHelpButton({ subject }: { subject: { type: 'deal' | 'customer' | 'contract'; id: string; title: string } }) {
  const { t } = useI18n();
  const localName = useLocalName();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const types = useWorkOrderTypes(true);
  const create = useMutation({
    mutationFn: (type: WorkOrderType) =>
      api.post<WorkOrderDetail>('/api/work-orders', { type: type.key, subject: { type: subject.type, id: subject.id }, title: `${localName(type.name, type.nameEn)}：${subject.title}`.slice(0, 200) }),
    onSuccess: (order) => {
      message.success(t('wo.requested'));
      setOpen(false);
      client.invalidateQueries({ queryKey: queryKeys.workOrders() });
      navigate(`/work-orders/${order.id}`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <>
      <Button icon={<CustomerServiceOutlined />} onClick={() => setOpen(true)} data-testid="request-help">
        {t('wo.requestHelp')}
      </Button>
      <Modal open={open} title={t('wo.pickType')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }}>
          {(types.data?.items ?? []).map((type) => (
            <Button key={type.key} block size="large" loading={create.isPending && create.variables?.key === type.key} onClick={() => create.mutate(type)} data-testid={`help-type-${type.key}`}>
              {localName(type.name, type.nameEn)} · {type.team.name}
            </Button>
          ))}
        </Space>
      </Modal>
    </>
  );
}
