import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, List, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { PlatformSidebar } from '../../api/types';
import { useI18n } from '../../i18n';
import { clientPlatform, currentExternalContact } from './clientSdk';
import { SidebarLinkCard } from './SidebarLinkCard';

/**
 * The phone-sized page for the WeCom sidebar and the DingTalk / Feishu workbench: the customer the conversation is
 * about (by `externalContactId` + `connectionId` where the platform gives them, else `customerId`), and quick-log
 * and appointment registration prefilled with the signed-in user, store and team.
 */
export function SidebarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const given = Object.fromEntries(['connectionId', 'externalContactId', 'customerId'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  // Inside WeCom the client names the contact (JS-SDK); the URL parameter, when given, wins and needs no SDK.
  const askClient = !!given.connectionId && !given.externalContactId && !given.customerId && clientPlatform() === 'wecom';
  const [fromClient, setFromClient] = useState<{ done: boolean; id: string | null }>({ done: !askClient, id: null });
  useEffect(() => {
    if (!askClient) return;
    let live = true;
    void currentExternalContact(given.connectionId).then((id) => live && setFromClient({ done: true, id }));
    return () => {
      live = false;
    };
  }, [askClient, given.connectionId]);
  const query = fromClient.id ? { ...given, externalContactId: fromClient.id } : given;
  const data = useQuery({ queryKey: queryKeys.platformSidebar(query), queryFn: () => api.get<PlatformSidebar>('/api/platforms/sidebar', query), enabled: fromClient.done });
  const [logForm] = Form.useForm<{ type: string; summary: string }>();
  const [bookForm] = Form.useForm<{ phone: string; at: Dayjs; name?: string }>();
  const [busy, setBusy] = useState(false);
  const customer = data.data?.customer ?? null;
  const me = data.data?.me;
  // Prefill the booking with the customer once it is known (the form instance outlives the first render).
  useEffect(() => {
    if (customer) bookForm.setFieldsValue({ phone: customer.phone ?? '', name: customer.name });
  }, [customer, bookForm]);

  async function log(values: { type: string; summary: string }) {
    if (!customer) return;
    setBusy(true);
    try {
      await api.create('/api/activities', { customerId: customer.id, type: values.type, summary: values.summary }, crypto.randomUUID());
      message.success(t('sidebar.saved'));
      logForm.resetFields(['summary']);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function book(values: { phone: string; at: Dayjs; name?: string }) {
    setBusy(true);
    try {
      await api.post('/api/appointments', { phone: values.phone, at: values.at.toISOString(), ...(values.name ? { name: values.name } : {}) });
      message.success(t('sidebar.booked'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sidebar-page" style={{ maxWidth: 480, margin: '0 auto', padding: 8 }} data-testid="sidebar-page">
      <Typography.Title level={5}>{t('sidebar.title')}</Typography.Title>
      {data.error && <Typography.Text type="danger">{errorMessage(data.error)}</Typography.Text>}
      {me && <Typography.Paragraph type="secondary" data-testid="sidebar-me">{t('sidebar.me', { name: me.name, team: [me.storeName, me.teamName].filter(Boolean).join(' / ') })}</Typography.Paragraph>}
      {customer ? (
        <Card size="small" data-testid="sidebar-customer" title={customer.name} extra={customer.level ? <Tag>{customer.level}</Tag> : null}>
          {customer.phone && <Typography.Text copyable>{customer.phone}</Typography.Text>}
          {!!data.data?.openDeals.length && (
            <List size="small" header={t('sidebar.openDeals')} dataSource={data.data.openDeals} renderItem={(d) => <List.Item><a href={`/deals/${d.id}`}>{d.title}</a></List.Item>} />
          )}
        </Card>
      ) : (
        !data.isPending && <Typography.Paragraph data-testid="sidebar-no-customer">{t('sidebar.noCustomer')}</Typography.Paragraph>
      )}
      {data.data && !customer && query.connectionId && query.externalContactId && (
        <SidebarLinkCard
          connectionId={query.connectionId}
          externalContactId={query.externalContactId}
          onLinked={(answer) => {
            // The link's answer is what the sidebar now answers for this contact: show it without asking again.
            client.setQueryData(queryKeys.platformSidebar(query), answer);
            message.success(t('sidebar.linked'));
          }}
        />
      )}
      {customer && (
        <Card size="small" title={t('sidebar.quickLog')} style={{ marginTop: 8 }}>
          <Form form={logForm} layout="vertical" initialValues={{ type: 'wechat' }} onFinish={log}>
            <Form.Item name="type">
              <Select options={['wechat', 'call', 'visit', 'other'].map((v) => ({ value: v, label: v }))} />
            </Form.Item>
            <Form.Item name="summary" label={t('sidebar.summary')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="sidebar-summary" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="sidebar-save">{t('sidebar.save')}</Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={t('sidebar.appointment')} style={{ marginTop: 8 }}>
        <Form
          form={bookForm}
          layout="vertical"
          initialValues={{ at: dayjs().add(1, 'day').hour(10).minute(0).second(0) }}
          onFinish={book}
        >
          <Form.Item name="phone" label={t('sidebar.phone')} rules={[{ required: true }]}>
            <Input inputMode="tel" data-testid="sidebar-phone" />
          </Form.Item>
          <Form.Item name="at" label={t('sidebar.at')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Button htmlType="submit" block loading={busy}>{t('sidebar.book')}</Button>
        </Form>
      </Card>
    </div>
  );
}
