import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Card, DatePicker, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import type { AssistLeaderboard, AssistPoints } from './api';

/** My assist-point ledger for a month, and the month's leaderboard per team. */
export function AssistPointsPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const mine = useQuery({ queryKey: queryKeys.assistPoints('me', month), queryFn: () => api.get<AssistPoints>('/api/assist-points', { userId: 'me', month }) });
  const board = useQuery({ queryKey: queryKeys.assistPoints('board', month), queryFn: () => api.get<AssistLeaderboard>('/api/assist-points/leaderboard', { month }) });
  return (
    <div>
      <PageTitle title={t('ap.title')} extra={<DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small">
          <Statistic title={t('ap.total')} value={mine.data?.total ?? 0} data-testid="points-total" />
          {mine.error && <Typography.Text type="danger">{errorMessage(mine.error)}</Typography.Text>}
          <List
            dataSource={mine.data?.entries ?? []}
            renderItem={(e) => (
              <List.Item>
                <Space wrap>
                  <Tag color={e.points < 0 ? 'red' : 'green'}>{e.points > 0 ? `+${e.points}` : e.points}</Tag>
                  <span>{e.ruleKey}</span>
                  {e.kind === 'reversal' && <Tag>{t('ap.reversal')}</Tag>}
                  <Link to={`/work-orders/${e.order.id}`}>{e.order.title}</Link>
                  <When at={e.at} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
        {(board.data?.teams ?? []).map((team) => (
          <Card key={team.team.id} size="small" title={`${t('ap.leaderboard')} · ${team.team.name}`}>
            <Table
              rowKey={(r) => r.user.id}
              size="small"
              pagination={false}
              dataSource={team.entries}
              columns={[
                { title: t('ap.rank'), dataIndex: 'rank', width: 80 },
                { title: '', render: (_, r) => r.user.name },
                { title: t('ap.points'), dataIndex: 'total' },
              ]}
            />
          </Card>
        ))}
      </Space>
    </div>
  );
}
