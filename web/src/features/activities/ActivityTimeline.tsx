import { useQuery } from '@tanstack/react-query';
import { Empty, Tag, Timeline, Typography } from 'antd';
import { api, errorMessage, type Page } from '../../api/client';
import type { Activity } from '../../api/types';
import { When } from '../../components/When';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import { activityLabel } from './types';
import { queryKeys } from '../../api/queryKeys';

/** Newest-first activities of a customer or a deal. */
export function ActivityTimeline({ customerId, dealId }: { customerId?: string; dealId?: string }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: queryKeys.activities({ customerId, dealId }),
    queryFn: () => api.get<Page<Activity>>('/api/activities', { customerId, dealId, pageSize: 50 }),
  });
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  const items = query.data?.items ?? [];
  if (!query.isPending && items.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <Timeline
      pending={query.isPending ? t('common.loading') : undefined}
      items={items.map((a) => ({
        key: a.id,
        color: a.effective ? 'green' : 'gray',
        children: (
          <div>
            <div>
              <Tag>{t(activityLabel(a.type))}</Tag>
              <When at={a.occurredAt} /> · {userName(a.owner, '')}
              {a.effective && <Tag color="green" style={{ marginLeft: 8 }}>{t('activities.effective')}</Tag>}
            </div>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{a.summary}</div>
            {a.outcome && <Typography.Text type="secondary">{t('activities.outcome')}: {a.outcome}</Typography.Text>}
            {a.nextAction && (
              <div>
                <Typography.Text type="warning">
                  {t('activities.nextAction')}: {a.nextAction} {a.nextActionAt && <When at={a.nextActionAt} dateOnly />}
                </Typography.Text>
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
