import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, Grid, Input, List, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, type Page } from '../../api/client';
import type { Customer } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import { HealthCell, HealthFilteredList, useHealthOf, type HealthFilter } from '../health/HealthList';
import { CustomerFormModal } from './CustomerFormModal';
import { queryKeys } from '../../api/queryKeys';
import { ExportButton } from '../../components/ExportButton';
import { dictionaryFilter, dictionaryOptions, useDictionary } from '../dictionaries/api';

interface Filters {
  q?: string;
  kind?: string;
  region?: string;
  industry?: string;
  source?: string;
  level?: string;
  page: number;
  pageSize: number;
  sort?: string;
  /** Set only when stepping to the next page: the server walks its index from there, however deep. */
  cursor?: string;
}

/** Customer list: search, filters, sort and pagination all happen on the server. */
export function CustomersPage() {
  const { t, lang } = useI18n();
  const regions = useDictionary('region');
  const industries = useDictionary('industry');
  const sources = useDictionary('source');
  const levels = useDictionary('customer_level');
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20, sort: '-updatedAt' });
  const [creating, setCreating] = useState(false);
  const isPhone = !Grid.useBreakpoint().md;
  const query = useQuery({
    queryKey: queryKeys.customers('list', filters),
    queryFn: () => api.get<Page<Customer>>('/api/customers', { ...filters }),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, cursor: undefined, ...patch }));
  const cursorFor = (from: Filters, to: Filters) =>
    to.page === from.page + 1 && to.pageSize === from.pageSize && to.sort === from.sort ? (query.data?.nextCursor ?? undefined) : undefined;
  const totalText = (n: number) => t(query.data?.totalIsEstimate ? 'common.totalAbout' : 'common.total', { n });
  const [healthFilter, setHealthFilter] = useState<HealthFilter | undefined>();
  const healthOf = useHealthOf((query.data?.items ?? []).map((c) => c.id));
  const sortOrder = (field: string) => (filters.sort === field ? 'ascend' : filters.sort === `-${field}` ? 'descend' : null);

  return (
    <div>
      <PageTitle
        title={t('customers.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('customers.new')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('customers.searchPlaceholder')} onSearch={(q) => set({ q })} style={{ width: 260 }} data-testid="customer-search" />
        <Select
          allowClear
          placeholder={t('customers.kind')}
          style={{ width: 120 }}
          value={filters.kind}
          onChange={(kind) => set({ kind })}
          options={[
            { value: 'company', label: t('customers.kind.company') },
            { value: 'person', label: t('customers.kind.person') },
          ]}
        />
        {/* Filters pick from the same admin-managed lists as the form (issue 15 point 9). */}
        <Select allowClear showSearch filterOption={dictionaryFilter} placeholder={t('customers.region')} style={{ width: 140 }} options={dictionaryOptions(regions.data?.items, lang)} onChange={(region?: string) => set({ region })} data-testid="filter-region" />
        <Select allowClear showSearch filterOption={dictionaryFilter} placeholder={t('customers.industry')} style={{ width: 140 }} options={dictionaryOptions(industries.data?.items, lang)} onChange={(industry?: string) => set({ industry })} data-testid="filter-industry" />
        <Select allowClear showSearch filterOption={dictionaryFilter} placeholder={t('customers.source')} style={{ width: 120 }} options={dictionaryOptions(sources.data?.items, lang)} onChange={(source?: string) => set({ source })} data-testid="filter-source" />
        <Select allowClear showSearch filterOption={dictionaryFilter} placeholder={t('customers.level')} style={{ width: 100 }} options={dictionaryOptions(levels.data?.items, lang)} onChange={(level?: string) => set({ level })} data-testid="filter-level" />
        <Select
          allowClear
          placeholder={t('health.title')}
          style={{ width: 140 }}
          value={healthFilter}
          onChange={(v) => setHealthFilter(v)}
          options={(['green', 'yellow', 'red', 'grey'] as const).map((c) => ({ value: c, label: t(`health.colour.${c}`) })).concat([{ value: 'trend' as never, label: t('health.trend') }])}
          data-testid="health-filter"
        />
        {!healthFilter && <ExportButton list="customers" query={{ q: filters.q, kind: filters.kind, region: filters.region, industry: filters.industry, source: filters.source, level: filters.level }} />}
      </Space>
      {healthFilter && <HealthFilteredList filter={healthFilter} />}
      {query.error && <Typography.Paragraph type="danger">{errorMessage(query.error)}</Typography.Paragraph>}
      {healthFilter ? null : isPhone ? (
        <List<Customer>
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: query.data?.total ?? 0, size: 'small', onChange: (page) => setFilters((f) => ({ ...f, page, cursor: cursorFor(f, { ...f, page }) })) }}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/customers/${c.id}`}>{c.name}</Link>}
                description={[c.region, c.industry, c.phone].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<Customer>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 720 }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: totalText,
          }}
          onChange={(pagination, _filters, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = s?.order ? String(s.columnKey) : undefined;
            setFilters((f) => {
              const next = {
                ...f,
                page: pagination.current ?? 1,
                pageSize: pagination.pageSize ?? 20,
                sort: field ? `${s.order === 'descend' ? '-' : ''}${field}` : '-updatedAt',
              };
              return { ...next, cursor: cursorFor(f, next) };
            });
          }}
          columns={[
            { key: 'name', title: t('customers.name'), dataIndex: 'name', sorter: true, sortOrder: sortOrder('name'), render: (name: string, c) => <Link to={`/customers/${c.id}`}>{name}</Link> },
            { key: 'kind', title: t('customers.kind'), dataIndex: 'kind', width: 80, render: (k: string) => t(k === 'person' ? 'customers.kind.person' : 'customers.kind.company') },
            { key: 'phone', title: t('customers.phone'), dataIndex: 'phone', width: 140 },
            { key: 'region', title: t('customers.region'), dataIndex: 'region', width: 100 },
            { key: 'industry', title: t('customers.industry'), dataIndex: 'industry', width: 110 },
            { key: 'health', title: t('health.title'), width: 130, render: (_, c) => <HealthCell item={healthOf.get(c.id)} /> },
            { key: 'owner', title: t('common.owner'), dataIndex: 'owner', width: 100, render: (o: Customer['owner']) => userName(o) },
            { key: 'updatedAt', title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 180, sorter: true, sortOrder: sortOrder('updatedAt'), render: (at: string) => <When at={at} /> },
          ]}
        />
      )}
      <CustomerFormModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
