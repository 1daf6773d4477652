import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Card, DatePicker, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { useI18n, type MessageKey } from '../../i18n';
import type { AssistLeaderboard, AssistPoints, AssistRuleSet } from './api';
import type { GetAnswer } from '../../api/types';

type Rule = AssistRuleSet['rules'][number] & { min?: number; workingDays?: number; days?: number };

/** A rule as a helper reads it, its parameter filled in ("评分不低于 4 分"). */
function useRuleText() {
  const { t } = useI18n();
  return (r: Rule) => {
    const n = r.min ?? r.workingDays ?? r.days;
    return n === undefined ? t(`ap.kind.${r.kind}` as MessageKey) : t(`ap.ruleText.${r.kind}` as MessageKey, { n });
  };
}

/** My assist-point ledger for a month (each row named by its rule, reversals marked), how points are earned, and the month's leaderboard per team. */
export function AssistPointsPage() {
  const { t } = useI18n();
  const ruleText = useRuleText();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const mine = useQuery({ queryKey: queryKeys.assistPoints('me', month), queryFn: () => api.get<AssistPoints>('/api/assist-points', { userId: 'me', month }) });
  const board = useQuery({ queryKey: queryKeys.assistPoints('board', month), queryFn: () => api.get<AssistLeaderboard>('/api/assist-points/leaderboard', { month }) });
  const rules = useQuery({ queryKey: queryKeys.assistRules(), queryFn: () => api.get<GetAnswer<'/api/assist-point-rules'>>('/api/assist-point-rules') });
  // A row is named by the rule of the version it was granted under: a later edit never renames past points.
  const ruleOf = new Map<string, Rule>();
  for (const set of [rules.data?.inForce, ...(rules.data?.versions ?? [])]) for (const r of (set?.rules ?? []) as Rule[]) ruleOf.set(`${set!.version}:${r.key}`, r);
  const inForce = rules.data?.inForce;
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
              <List.Item data-testid="points-entry" data-kind={e.kind}>
                <Space wrap>
                  <Tag color={e.points < 0 ? 'red' : 'green'}>{e.points > 0 ? `+${e.points}` : e.points}</Tag>
                  <span>{ruleOf.has(`${e.ruleSetVersion}:${e.ruleKey}`) ? ruleText(ruleOf.get(`${e.ruleSetVersion}:${e.ruleKey}`)!) : e.ruleKey}</span>
                  {e.kind === 'reversal' && <Tag>{t('ap.reversal')}</Tag>}
                  <Link to={`/work-orders/${e.order.id}`}>{e.order.title}</Link>
                  <When at={e.at} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
        {inForce && (
          <Card size="small" title={t('ap.howToEarn')} data-testid="points-rules">
            {(inForce.rules as Rule[]).map((r) => (
              <div key={r.key}>
                <Tag color="green">+{r.points}</Tag>
                {ruleText(r)}
              </div>
            ))}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('ap.capsText', { perOrder: inForce.caps.perOrder ?? t('ap.noCap'), perHelperWeek: inForce.caps.perHelperWeek ?? t('ap.noCap') })} {t('ap.reversalHint')}
            </Typography.Paragraph>
          </Card>
        )}
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
