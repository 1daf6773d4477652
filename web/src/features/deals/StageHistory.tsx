import { Table, Tag } from 'antd';
import type { Stage, StageHistoryRow } from '../../api/types';
import { When } from '../../components/When';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { useStageName } from './stageName';
import { dictionaryLabel, useDictionary } from '../dictionaries/api';

export function StageHistory({ rows, stages }: { rows: StageHistoryRow[]; stages: Stage[] }) {
  const { t, lang } = useI18n();
  const lostReasons = useDictionary('lost_reason');
  const stageName = useStageName(stages);
  return (
    <Table<StageHistoryRow>
      size="small"
      rowKey={(r) => r.id ?? `${r.stageKey}-${r.enteredAt}`}
      dataSource={rows}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        { title: t('deals.stage'), dataIndex: 'stageKey', render: (k: string) => <Tag>{stageName(k)}</Tag> },
        { title: t('deals.enteredAt'), dataIndex: 'enteredAt', render: (at: string) => <When at={at} /> },
        { title: t('deals.leftAt'), dataIndex: 'leftAt', render: (at: string | null) => <When at={at} /> },
        { title: t('deals.by'), dataIndex: 'enteredBy', render: (u: StageHistoryRow['enteredBy']) => userName(u) },
        { title: t('deals.direction'), dataIndex: 'direction', render: (d: string) => t(`deals.direction.${d}` as MessageKey) },
        {
          title: t('deals.skipReason'),
          dataIndex: 'skipReason',
          render: (r: string | null, row: StageHistoryRow & { lostReason?: string | null }) =>
            [row.lostReason ? `${t('lost.reason')}：${dictionaryLabel(lostReasons.data?.items, row.lostReason, lang)}` : '', r ?? ''].filter(Boolean).join(' · '),
        },
      ]}
    />
  );
}
