import { App, Form, Modal, Radio, Select, Switch } from 'antd';
import { errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { useHandover } from './api';

interface Values {
  to: string[];
  strategy: 'by_customer' | 'round_robin';
  deactivate: boolean;
}

/** Hand all of a user's customers, open deals and open tasks to one or several colleagues (users admin page). */
export function HandoverModal({ user, candidates, onClose }: { user: { id: string; displayName: string } | null; candidates: Array<{ id: string; displayName: string }>; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const handover = useHandover();
  return (
    <Modal
      open={!!user}
      title={user ? t('handover.title', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={handover.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ strategy: 'by_customer', deactivate: true, to: [] }}
        onFinish={(v) =>
          user &&
          handover.mutate(
            { userId: user.id, ...v },
            {
              onSuccess: (r) => {
                message.success(t('handover.done', r.moved));
                onClose();
              },
              onError: (e) => message.error(errorMessage(e)),
            },
          )
        }
      >
        <Form.Item name="to" label={t('handover.to')} rules={[{ required: true }]}>
          <Select mode="multiple" optionFilterProp="label" options={candidates.filter((c) => c.id !== user?.id).map((c) => ({ value: c.id, label: c.displayName }))} />
        </Form.Item>
        <Form.Item name="strategy" label={t('handover.strategy')}>
          <Radio.Group options={[{ value: 'by_customer', label: t('handover.byCustomer') }, { value: 'round_robin', label: t('handover.roundRobin') }]} />
        </Form.Item>
        <Form.Item name="deactivate" label={t('handover.deactivate')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
