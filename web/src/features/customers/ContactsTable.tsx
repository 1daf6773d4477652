import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, List, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import type { Contact } from '../../api/types';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { FormError } from '../forms/FormError';
import { fieldResolver, useFormErrors } from '../forms/useFormErrors';
import { queryKeys } from '../../api/queryKeys';
import { useIsPhone } from '../../lib/useIsPhone';

const POWERS = ['decision_maker', 'influencer', 'user', 'none'] as const;
const FIELDS = ['name', 'title', 'decisionPower', 'phone', 'email'] as const;

export function ContactsTable({ customerId, contacts }: { customerId: string; contacts: Contact[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  // null: closed; 'new': adding; a contact: editing it.
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [form] = Form.useForm<Omit<Contact, 'id'>>();
  const client = useQueryClient();
  const open = (target: Contact | 'new') => {
    add.reset();
    setEditing(target);
  };
  const add = useMutation({
    mutationFn: (v: Omit<Contact, 'id'>) => {
      const clean = Object.fromEntries(FIELDS.map((k) => [k, v[k] === '' || v[k] === undefined ? null : v[k]]));
      if (editing && editing !== 'new') {
        const patch = Object.fromEntries(Object.entries(clean).filter(([k, val]) => (editing[k as keyof Contact] ?? null) !== val));
        return Object.keys(patch).length ? api.patch<Contact>(`/api/contacts/${editing.id}`, patch) : Promise.resolve(editing);
      }
      return api.post<Contact>(`/api/customers/${customerId}/contacts`, clean);
    },
    onSuccess: () => {
      client.invalidateQueries({ queryKey: queryKeys.customer(customerId) });
      client.invalidateQueries({ queryKey: queryKeys.audit('customer', customerId) });
      setEditing(null);
    },
  });
  const formErrors = useFormErrors(add.error, { form, resolve: fieldResolver([...FIELDS], []) });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/contacts/${id}`),
    onSuccess: () => {
      message.success(t('forms.contactDeleted'));
      client.invalidateQueries({ queryKey: queryKeys.customer(customerId) });
      client.invalidateQueries({ queryKey: queryKeys.audit('customer', customerId) });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const actions = (c: Contact) => (
    <Space size={0}>
      <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('forms.editContact')} onClick={() => open(c)} data-testid="contact-edit" />
      <Popconfirm title={t('forms.deleteContact', { name: c.name })} onConfirm={() => remove.mutate(c.id)}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} loading={remove.isPending && remove.variables === c.id} data-testid="contact-delete" />
      </Popconfirm>
    </Space>
  );
  const power = (p: string | null) => (p ? t(`decision.${p}` as MessageKey) : '—');
  return (
    <div>
      <Button icon={<PlusOutlined />} size="small" onClick={() => open('new')} style={{ marginBottom: 8 }}>
        {t('contacts.new')}
      </Button>
      {isPhone ? (
        // On a phone a five-column table broke its headers one character a line and pushed the actions off-screen.
        <List<Contact>
          size="small"
          dataSource={contacts}
          data-testid="contact-cards"
          renderItem={(c) => (
            <List.Item actions={[actions(c)]}>
              <List.Item.Meta
                title={[c.name, c.title].filter(Boolean).join(' · ')}
                description={
                  <>
                    {power(c.decisionPower)}
                    {c.phone && (
                      <>
                        {' · '}
                        <a href={`tel:${c.phone}`}>{c.phone}</a>
                      </>
                    )}
                    {c.email && <div>{c.email}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<Contact>
          size="small"
          rowKey="id"
          dataSource={contacts}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('contacts.name'), dataIndex: 'name' },
            { title: t('contacts.title'), dataIndex: 'title' },
            { title: t('contacts.decisionPower'), dataIndex: 'decisionPower', render: power },
            { title: t('contacts.phone'), dataIndex: 'phone' },
            { title: t('contacts.email'), dataIndex: 'email' },
            { title: t('common.actions'), key: 'actions', width: 90, render: (_, c) => actions(c) },
          ]}
        />
      )}
      <Modal open={editing !== null} title={editing === 'new' ? t('contacts.new') : t('forms.editContact')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
        <Form
          key={editing === 'new' || editing === null ? 'new' : editing.id}
          form={form}
          layout="vertical"
          initialValues={editing === 'new' || editing === null ? {} : editing}
          onFinish={(v) => add.mutate(v)}
        >
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
          <FormError errors={formErrors} />
        </Form>
      </Modal>
    </div>
  );
}
