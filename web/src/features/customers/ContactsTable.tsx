import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import type { Contact } from '../../api/types';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';

const POWERS = ['decision_maker', 'influencer', 'user', 'none'] as const;

export function ContactsTable({ customerId, contacts }: { customerId: string; contacts: Contact[] }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Omit<Contact, 'id'>>();
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (v: Omit<Contact, 'id'>) => api.post<Contact>(`/api/customers/${customerId}/contacts`, v),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['customer', customerId] });
      setAdding(false);
      form.resetFields();
    },
  });
  return (
    <div>
      <Button icon={<PlusOutlined />} size="small" onClick={() => setAdding(true)} style={{ marginBottom: 8 }}>
        {t('contacts.new')}
      </Button>
      <Table<Contact>
        size="small"
        rowKey="id"
        dataSource={contacts}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('contacts.name'), dataIndex: 'name' },
          { title: t('contacts.title'), dataIndex: 'title' },
          { title: t('contacts.decisionPower'), dataIndex: 'decisionPower', render: (p: string | null) => (p ? t(`decision.${p}` as MessageKey) : '—') },
          { title: t('contacts.phone'), dataIndex: 'phone' },
          { title: t('contacts.email'), dataIndex: 'email' },
        ]}
      />
      <Modal open={adding} title={t('contacts.new')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="name" label={t('contacts.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="title" label={t('contacts.title')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="decisionPower" label={t('contacts.decisionPower')}>
            <Select allowClear options={POWERS.map((p) => ({ value: p, label: t(`decision.${p}`) }))} />
          </Form.Item>
          <Form.Item name="phone" label={t('contacts.phone')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="email" label={t('contacts.email')}>
            <Input maxLength={200} />
          </Form.Item>
          {add.error && <Alert type="error" showIcon message={errorMessage(add.error)} />}
        </Form>
      </Modal>
    </div>
  );
}
