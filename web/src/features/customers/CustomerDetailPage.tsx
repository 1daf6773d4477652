import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Skeleton, Space, Tabs, Typography } from 'antd';
import { EditOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import type { Customer } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { AuditTable } from '../audit/AuditTable';
import { AttachmentList } from '../attachments/AttachmentList';
import { DealTable } from '../deals/DealTable';
import { ContactsTable } from './ContactsTable';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomValuesView } from '../forms/customFields';
import { TaskFormModal } from '../tasks/TaskFormModal';
import { RequestHelpButton } from '../workorders/RequestHelpButton';
import { queryKeys } from '../../api/queryKeys';
import { HealthCard } from '../health/HealthCard';
import { MaterialLinks } from '../materials/MaterialLinks';
import { CustomerAliases } from './CustomerAliases';

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [addingTask, setAddingTask] = useState(false);
  const query = useQuery({ queryKey: queryKeys.customer(id), queryFn: () => api.get<Customer>(`/api/customers/${id}`) });
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  const c = query.data;
  if (!c) return <Skeleton active />;
  return (
    <div>
      <PageTitle
        title={c.name}
        extra={
          // Wraps on a phone: in one row the last button sat past the 375-px edge.
          <Space wrap>
            <RequestHelpButton subject={{ type: 'customer', id: c.id, title: c.name }} />
            <Link to={`/quick-log?customerId=${c.id}`}>
              <Button icon={<FormOutlined />}>{t('nav.quickLog')}</Button>
            </Link>
            <Button icon={<PlusOutlined />} onClick={() => setAddingTask(true)} data-testid="customer-new-task">
              {t('forms.newTask')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
              {t('common.edit')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('customers.kind')}>{t(c.kind === 'person' ? 'customers.kind.person' : 'customers.kind.company')}</Descriptions.Item>
          <Descriptions.Item label={t('customers.phone')}>{c.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.region')}>{c.region ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.industry')}>{c.industry ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.source')}>{c.source ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.level')}>{c.level ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.aliases')}>
            <CustomerAliases customerId={c.id} />
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.creditCode')}>{c.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('common.owner')}>{userName(c.owner)}</Descriptions.Item>
          <Descriptions.Item label={t('common.updatedAt')}>
            <When at={c.updatedAt} />
          </Descriptions.Item>
        </Descriptions>
        <CustomValuesView entity="customer" custom={c.custom} />
      </Card>
      <HealthCard customerId={c.id} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'contacts', label: t('customers.contacts'), children: <ContactsTable customerId={c.id} contacts={c.contacts ?? []} /> },
            { key: 'deals', label: t('customers.deals'), children: <DealTable customerId={c.id} /> },
            { key: 'timeline', label: t('customers.timeline'), children: <ActivityTimeline customerId={c.id} /> },
            { key: 'files', label: t('deals.attachments'), children: <AttachmentList entity="customer" entityId={c.id} /> },
            { key: 'materials', label: <span data-testid="tab-materials">{t('material.tab')}</span>, children: <MaterialLinks customerId={c.id} /> },
            { key: 'audit', label: t('customers.audit'), children: <AuditTable entity="customer" id={c.id} /> },
          ]}
        />
      </Card>
      <CustomerFormModal open={editing} onClose={() => setEditing(false)} customer={c} />
      <TaskFormModal open={addingTask} onClose={() => setAddingTask(false)} customer={{ id: c.id, name: c.name }} />
    </div>
  );
}
