import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Empty, Pagination, Segmented, Skeleton, Space, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useApproval, useApprovals, type ApprovalView } from './api';
import { ApprovalCard } from './ApprovalCard';

/** Approver: what waits for me (values, envelope, history, approve/reject); seller: my requests. */
export function ApprovalsPage() {
  const { t } = useI18n();
  const [view, setView] = useState<ApprovalView>('mine');
  const [page, setPage] = useState(1);
  const list = useApprovals(view, page);
  return (
    <div>
      <PageTitle
        title={t('approvals.title')}
        extra={
          <Space wrap>
            <Segmented<ApprovalView>
              value={view}
              onChange={(v) => {
                setView(v);
                setPage(1);
              }}
              options={[
                { value: 'mine', label: t('approvals.view.mine') },
                { value: 'requested', label: t('approvals.view.requested') },
                { value: 'all', label: t('approvals.view.all') },
              ]}
              data-testid="approvals-view"
            />
            <Link to="/approvals/delegations" data-testid="delegations-link">
              {t('approvals.delegations.title')}
            </Link>
            <a href={`/api/approvals/export?format=xlsx${view === 'requested' ? '&requester=me' : ''}`}>{t('approvals.export')}</a>
          </Space>
        }
      />
      {list.error && <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>}
      {list.isLoading && <Skeleton active />}
      {list.data && list.data.items.length === 0 && <Empty description={t('approvals.empty')} />}
      {list.data?.items.map((a) => <ApprovalCard key={a.id} approval={a} />)}
      {list.data && list.data.total > 20 && <Pagination current={page} pageSize={20} total={list.data.total} onChange={setPage} />}
    </div>
  );
}

/** One request with its full trail (the link in notifications opens this). */
export function ApprovalDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const one = useApproval(id);
  if (one.error) return <Typography.Text type="danger">{errorMessage(one.error)}</Typography.Text>;
  if (!one.data) return <Skeleton active />;
  return (
    <div>
      <PageTitle title={t('approvals.detail')} />
      <ApprovalCard approval={one.data} />
    </div>
  );
}
