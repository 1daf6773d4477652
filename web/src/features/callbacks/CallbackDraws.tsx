import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { App, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { RESULTS, useCallbackDraws, type CallbackItem, type CallbackResult } from './api';

export const RESULT_COLOUR: Record<CallbackResult, string> = { confirmed: 'green', not_confirmed: 'red', unreachable: 'orange' };

/** Each draw: the team, month, share and seed (so anyone can repeat it), and the customers to call. */
export function CallbackDraws({ month }: { month?: string }) {
  const { t } = useI18n();
  const draws = useCallbackDraws(month);
  if (draws.error) return <Typography.Text type="danger">{errorMessage(draws.error)}</Typography.Text>;
  const items = draws.data?.items ?? [];
  if (!draws.isPending && items.length === 0) return <Empty description={t('callback.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {items.map((d) => (
        <Card
          key={d.id}
          size="small"
          data-testid={`callback-draw-${d.id}`}
          title={`${d.team.name} · ${d.month}`}
          extra={
            <Typography.Text type="secondary">
              {t('callback.drawn', { drawn: d.items.length, population: d.population, share: d.shareBp / 100 })}
            </Typography.Text>
          }
        >
          <Typography.Paragraph type="secondary" copyable={{ text: d.seed }} style={{ fontSize: 12 }}>
            {t('callback.seed')}: {d.seed}
          </Typography.Paragraph>
          <List dataSource={d.items} renderItem={(item) => <ItemRow item={item} />} />
        </Card>
      ))}
    </Space>
  );
}

function ItemRow({ item }: { item: CallbackItem }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: (result: CallbackResult) => api.post<CallbackItem>(`/api/callback-items/${item.id}/result`, { result, note: note.trim() || undefined }),
    onSuccess: () => {
      message.success(t('common.saved'));
      client.invalidateQueries({ queryKey: queryKeys.callbacks() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <List.Item data-testid={`callback-item-${item.id}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Link to={`/customers/${item.customer.id}`}>{item.customer.name}</Link>
          <Typography.Text type="secondary">
            {t('callback.seller')}: {item.seller.name}
          </Typography.Text>
          {item.result && (
            <Tag color={RESULT_COLOUR[item.result.result]} data-testid={`callback-result-${item.id}`}>
              {t(`callback.result.${item.result.result}`)}
            </Tag>
          )}
        </Space>
        {item.visits.map((v) => (
          <Typography.Text key={v.id} style={{ display: 'block' }}>
            <When at={v.occurredAt} /> · {v.summary}
          </Typography.Text>
        ))}
        {item.result?.note && <Typography.Text type="secondary">{item.result.note}</Typography.Text>}
        <Space wrap>
          <Input size="small" style={{ width: 220 }} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={t('callback.note')} data-testid={`callback-note-${item.id}`} />
          {RESULTS.map((r) => (
            <Button key={r} size="small" loading={record.isPending && record.variables === r} onClick={() => record.mutate(r)} data-testid={`callback-${r}-${item.id}`}>
              {t(`callback.result.${r}`)}
            </Button>
          ))}
        </Space>
      </Space>
    </List.Item>
  );
}
