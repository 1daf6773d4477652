import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';
import { useI18n, useLocalName } from '../../i18n';

type Report = components['schemas']['WorkOrderReport'];

/**
 * The month per type: orders resolved, response and resolution hit / missed, and the time they waited for the
 * requester (待销售补充), shown beside the outcomes so a helper is not blamed for the seller's delay.
 */
export function WorkOrderReport() {
  const { t } = useI18n();
  const localName = useLocalName();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const report = useQuery({ queryKey: queryKeys.workOrders('report', month), queryFn: () => api.get<Report>('/api/work-orders/report', { month }) });
  const hours = (minutes: number) => (minutes / 60).toFixed(1);
  return (
    <div data-testid="wo-report">
      <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} style={{ marginBottom: 12 }} />
      {report.error && <Typography.Text type="danger">{errorMessage(report.error)}</Typography.Text>}
      <Table<Report['types'][number]>
        rowKey="key"
        size="small"
        scroll={{ x: 640 }}
        loading={report.isPending}
        dataSource={report.data?.types ?? []}
        pagination={false}
        columns={[
          { key: 'type', title: t('wot.name'), render: (_, r) => localName(r.name, r.nameEn) },
          { key: 'resolved', title: t('wo.report.resolved'), dataIndex: 'resolved' },
          { key: 'response', title: t('wo.report.response'), render: (_, r) => `${r.responseHit} / ${r.responseMissed}` },
          { key: 'resolution', title: t('wo.report.resolution'), render: (_, r) => `${r.resolutionHit} / ${r.resolutionMissed}` },
          { key: 'first', title: t('wo.report.firstResolution'), dataIndex: 'firstResolutionHit' },
          { key: 'waiting', title: t('wo.report.waiting'), render: (_, r) => hours(r.requesterWaitingMinutes) },
        ]}
      />
    </div>
  );
}
