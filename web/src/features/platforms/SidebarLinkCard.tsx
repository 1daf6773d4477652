import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Typography } from 'antd';
import { api } from '../../api/client';
import type { PlatformContactLinkInput, PlatformSidebar } from '../../api/types';
import { useI18n } from '../../i18n';
import { CustomerSelect } from '../customers/CustomerSelect';
import { FormError } from '../forms/FormError';
import { pathResolver, useFormErrors } from '../forms/useFormErrors';

/**
 * An external contact nobody linked yet: the seller picks one of her customers (the search only lists her scope)
 * and links it, so this contact opens that customer from now on.
 */
export function SidebarLinkCard({ connectionId, externalContactId, onLinked }: { connectionId: string; externalContactId: string; onLinked(answer: PlatformSidebar): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ customerId: string }>();
  const link = useMutation({
    mutationFn: (customerId: string) => api.post<PlatformSidebar>('/api/platforms/sidebar/link', { connectionId, externalContactId, customerId } satisfies PlatformContactLinkInput),
    onSuccess: onLinked,
  });
  const formErrors = useFormErrors(link.error, { form, resolve: pathResolver(['customerId']) });
  return (
    <Card size="small" title={t('sidebar.link')} style={{ marginTop: 8 }} data-testid="sidebar-link">
      <Typography.Paragraph type="secondary">{t('sidebar.linkHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => link.mutate(v.customerId)}>
        <Form.Item name="customerId" label={t('sidebar.linkCustomer')} rules={[{ required: true }]}>
          <CustomerSelect testId="sidebar-link-customer" />
        </Form.Item>
        <FormError errors={formErrors} />
        <Button type="primary" htmlType="submit" block loading={link.isPending} data-testid="sidebar-link-save" style={{ marginTop: 8 }}>
          {t('sidebar.linkSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
