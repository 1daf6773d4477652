import { Empty, Skeleton } from 'antd';
import { useI18n } from '../../i18n';
import { useApprovals } from './api';
import { ApprovalCard } from './ApprovalCard';

/** The approvals of one deal (deal page tab). */
export function DealApprovals({ dealId }: { dealId: string }) {
  const { t } = useI18n();
  const list = useApprovals('all', 1, dealId);
  if (list.isLoading) return <Skeleton active />;
  if (!list.data?.items.length) return <Empty description={t('approvals.empty')} />;
  return (
    <div>
      {list.data.items.map((a) => (
        <ApprovalCard key={a.id} approval={a} />
      ))}
    </div>
  );
}
