import { useQuery } from '@tanstack/react-query';
import { Empty, Tag, Timeline, Typography } from 'antd';
import { api, errorMessage, type Page } from '../../api/client';
import type { Activity } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { When } from '../../components/When';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import { useAbilities } from '../../auth/abilities';
import { activityLabel } from './types';
import { queryKeys } from '../../api/queryKeys';
import { useActivityTags } from '../patterns/api';
import { useMaterialLinks } from '../materials/api';
import { OpenSummary } from '../materials/MaterialLinks';
import { ShareMaterialButton } from '../materials/ShareMaterialButton';
import { useVerifications } from '../callbacks/api';
import { RESULT_COLOUR } from '../callbacks/CallbackDraws';

/** Newest-first activities of a customer or a deal, each with the opens of the materials sent with it. */
export function ActivityTimeline({ customerId, dealId }: { customerId?: string; dealId?: string }) {
  const { t, lang } = useI18n();
  const tags = useActivityTags(true);
  const tagLabel = (key: string) => {
    const def = tags.data?.items.find((x) => x.key === key);
    return def ? (lang === 'en' ? (def.labelEn ?? def.label) : def.label) : key;
  };
  const { can } = useAbilities();
  const query = useQuery({
    queryKey: queryKeys.activities({ customerId, dealId }),
    queryFn: () => api.get<Page<Activity>>('/api/activities', { customerId, dealId, pageSize: 50 }),
  });
  // A deal's activities all belong to its customer, so one list of links serves either timeline.
  const linkCustomerId = customerId ?? query.data?.items[0]?.customerId;
  const links = useMaterialLinks(linkCustomerId);
  const verifications = useVerifications(linkCustomerId);
  const verified = new Map((verifications.data?.items ?? []).map((v) => [v.activityId, v]));
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  const items = query.data?.items ?? [];
  if (!query.isPending && items.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        {/* The whole history in scope, not only the newest page the timeline loads. */}
        <ExportButton list="activities" query={{ customerId, dealId }} />
      </div>
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
                {a.tags.map((k) => (
                  <Tag key={k} color="purple" data-testid="activity-tag">
                    {tagLabel(k)}
                  </Tag>
                ))}
                {verified.has(a.id) && (
                  <Tag color={RESULT_COLOUR[verified.get(a.id)!.result]} style={{ marginLeft: 8 }} data-testid={`verified-${a.id}`}>
                    {t('callback.onTimeline', { result: t(`callback.result.${verified.get(a.id)!.result}`) })}
                  </Tag>
                )}
                {can('material.share') && (
                  <span style={{ marginLeft: 8 }}>
                    <ShareMaterialButton size="small" customerId={a.customerId} activityId={a.id} />
                  </span>
                )}
              </div>
              <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{a.summary}</div>
              {a.outcome && <Typography.Text type="secondary">{t('activities.outcome')}: {a.outcome}</Typography.Text>}
              {(links.data?.items ?? [])
                .filter((l) => l.activityId === a.id)
                .map((l) => (
                  <div key={l.id}>
                    <Tag color="blue">{l.title}</Tag>
                    <OpenSummary link={l} />
                  </div>
                ))}
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
    </>
  );
}
