/**
 * Health on the customer list: `useHealthOf(ids)` reads the colour and score of a page's customers for the health
 * column; `HealthFilteredList` lists the customers in the caller's scope of one colour, or with a 下滑预警,
 * lowest score first (`GET /api/health/customers`).
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Table } from 'antd';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { HealthTag } from './HealthCard';
import type { GetAnswer } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';

type HealthItem = components['schemas']['CustomerHealthItem'];
export type HealthFilter = 'green' | 'yellow' | 'red' | 'grey' | 'trend';

export function useHealthOf(ids: string[]) {
  const query = useQuery({
    queryKey: queryKeys.customerHealth('page', ids),
    queryFn: () => api.get<GetAnswer<'/api/health/customers'>>('/api/health/customers', { ids: ids.join(','), pageSize: 200 }),
    enabled: ids.length > 0,
  });
  return new Map((query.data?.items ?? []).map((i) => [i.customerId, i]));
}

export function HealthCell({ item }: { item: HealthItem | undefined }) {
  const { t } = useI18n();
  if (!item) return null;
  return (
    <span data-testid="health-cell" data-colour={item.colour}>
      <HealthTag colour={item.colour} /> {item.score}
      {item.trendAlert && <span title={t('health.trend')}> ↘</span>}
    </span>
  );
}

export function HealthFilteredList({ filter }: { filter: HealthFilter }) {
  const { t } = useI18n();
  const params = filter === 'trend' ? { trend: 'true', pageSize: 200 } : { colour: filter, pageSize: 200 };
  const query = useQuery({ queryKey: queryKeys.customerHealth('filter', filter), queryFn: () => api.get<GetAnswer<'/api/health/customers'>>('/api/health/customers', params) });
  return (
    <Table<HealthItem>
      rowKey="customerId"
      size="middle"
      loading={query.isFetching}
      dataSource={query.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      onRow={(c) => ({ 'data-testid': `health-row-${c.customerId}`, 'data-colour': c.colour }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'name', title: t('customers.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/customers/${c.customerId}`}>{name}</Link> },
        { key: 'health', title: t('health.title'), render: (_, c) => <HealthCell item={c} /> },
        { key: 'model', title: t('health.model'), dataIndex: 'modelVersion', width: 100, render: (v: number) => `v${v}` },
      ]}
    />
  );
}
