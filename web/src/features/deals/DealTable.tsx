import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api, errorMessage, type Page } from '../../api/client';
import type { Deal, Stage } from '../../api/types';
import { Money } from '../../components/Money';
import { When } from '../../components/When';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { SlaTag } from '../sla/SlaTag';
import { useSlaStates } from '../sla/api';
import { useStageName } from './stageName';
import { ExportButton } from '../../components/ExportButton';
import { queryKeys } from '../../api/queryKeys';

interface Props {
  pipelineId?: string;
  customerId?: string;
  stages?: Stage[];
}

/** Server-side paged deal list, used as the list view of a pipeline and on a customer's page. */
export function DealTable({ pipelineId, customerId, stages = [] }: Props) {
  const { t, lang } = useI18n();
  const stageName = useStageName(stages);
  // `cursor` is set only when stepping to the next page: the server then walks its index from there, however deep.
  const [state, setState] = useState<{ q?: string; status?: string; stage?: string; page: number; pageSize: number; sort?: string; cursor?: string }>({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: queryKeys.deals({ pipelineId, customerId, ...state }),
    queryFn: () => api.get<Page<Deal>>('/api/deals', { pipelineId, customerId, ...state }),
    placeholderData: keepPreviousData,
  });
  const sla = useSlaStates('deal', query.data?.items.map((d) => d.id) ?? []);
  const order = (f: string) => (state.sort === f ? 'ascend' : state.sort === `-${f}` ? 'descend' : null);
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search allowClear placeholder={t('common.search')} onSearch={(q) => setState((s) => ({ ...s, q: q || undefined, page: 1, cursor: undefined }))} style={{ width: 220 }} />
        <Select
          allowClear
          placeholder={t('deals.status')}
          style={{ width: 120 }}
          onChange={(status) => setState((s) => ({ ...s, status, page: 1, cursor: undefined }))}
          options={(['open', 'won', 'lost'] as const).map((v) => ({ value: v, label: t(`deals.status.${v}`) }))}
        />
        {stages.length > 0 && (
          <Select
            allowClear
            placeholder={t('deals.stage')}
            style={{ width: 160 }}
            onChange={(stage) => setState((s) => ({ ...s, stage, page: 1, cursor: undefined }))}
            options={stages.map((s) => ({ value: s.key, label: stageName(s.key) }))}
          />
        )}
        <ExportButton list="deals" query={{ pipelineId, customerId, q: state.q, status: state.status, stage: state.stage }} />
      </Space>
      {query.error && <Typography.Paragraph type="danger">{errorMessage(query.error)}</Typography.Paragraph>}
      <Table<Deal>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (n) => t(query.data?.totalIsEstimate ? 'common.totalAbout' : 'common.total', { n }),
        }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setState((prev) => {
            const next = {
              ...prev,
              page: p.current ?? 1,
              pageSize: p.pageSize ?? 20,
              sort: s?.order ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined,
            };
            const stepForward = next.page === prev.page + 1 && next.pageSize === prev.pageSize && next.sort === prev.sort;
            return { ...next, cursor: stepForward ? (query.data?.nextCursor ?? undefined) : undefined };
          });
        }}
        columns={[
          { key: 'title', title: t('deals.name'), dataIndex: 'title', sorter: true, sortOrder: order('title'), render: (v: string, d) => <Link to={`/deals/${d.id}`}>{v}</Link> },
          ...(customerId ? [] : [{ key: 'customer', title: t('deals.customer'), render: (_: unknown, d: Deal) => d.customer?.name ?? '' }]),
          { key: 'stage', title: t('deals.stage'), dataIndex: 'stageKey', render: (k: string) => <Tag>{stageName(k)}</Tag> },
          { key: 'sla', title: t('sla.state'), render: (_: unknown, d: Deal) => <SlaTag sla={sla.data?.get(d.id)} showDue={false} /> },
          { key: 'amountFen', title: t('deals.amount'), dataIndex: 'amountFen', sorter: true, sortOrder: order('amountFen'), align: 'right', render: (f?: number) => <Money fen={f} /> },
          { key: 'expectedCloseDate', title: t('deals.expectedClose'), dataIndex: 'expectedCloseDate', sorter: true, sortOrder: order('expectedCloseDate'), render: (d: string | null) => formatDate(d, lang) },
          { key: 'status', title: t('deals.status'), dataIndex: 'status', render: (s: string) => t(`deals.status.${s}` as 'deals.status.open') },
          { key: 'owner', title: t('common.owner'), render: (_: unknown, d: Deal) => userName(d.owner) },
          { key: 'updatedAt', title: t('common.updatedAt'), dataIndex: 'updatedAt', sorter: true, sortOrder: order('updatedAt'), render: (at: string) => <When at={at} /> },
        ]}
      />
    </div>
  );
}
