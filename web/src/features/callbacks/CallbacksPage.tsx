import { useState } from 'react';
import { Card, DatePicker, Space, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { PageTitle } from '../../components/PageTitle';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { CallbackDraws } from './CallbackDraws';
import { CallbackReport } from './CallbackReport';
import { CallbackSettings } from './CallbackSettings';

/**
 * 随机抽检: the checker's call-back list (drawn customers with the visits to verify, one tap per result), the
 * per-seller report with the unconfirmed visits flagged, and for admins the monthly share and checker.
 */
export function CallbacksPage() {
  const { t } = useI18n();
  const { can } = useAbilities();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const m = month?.format('YYYY-MM');
  return (
    <div>
      <PageTitle
        title={t('callback.title')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('callback.month')}</Typography.Text>
            <DatePicker picker="month" value={month} onChange={setMonth} allowClear placeholder={t('common.all')} data-testid="callback-month" />
          </Space>
        }
      />
      <Card size="small">
        <Tabs
          items={[
            { key: 'draws', label: t('callback.tab.draws'), children: <CallbackDraws month={m} /> },
            { key: 'report', label: <span data-testid="tab-callback-report">{t('callback.tab.report')}</span>, children: <CallbackReport month={m} /> },
            ...(can('callback.configure') ? [{ key: 'settings', label: <span data-testid="tab-callback-settings">{t('callback.tab.settings')}</span>, children: <CallbackSettings /> }] : []),
          ]}
        />
      </Card>
    </div>
  );
}
