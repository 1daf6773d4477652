import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Select, Space, Tag, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { useCadences, useDealRuns } from './api';
import { queryKeys } from '../../api/queryKeys';

const STATUS_COLOUR: Record<string, string> = { active: 'blue', completed: 'green', stopped: 'default', open: 'blue', done: 'green', cancelled: 'default', skipped: 'default' };

/** Deal detail: start a cadence now, and the deal's runs with their steps. */
export function DealCadences({ dealId, open }: { dealId: string; open: boolean }) {
  const { t, lang } = useI18n();
  const en = lang === 'en';
  const { message } = App.useApp();
  const client = useQueryClient();
  const cadences = useCadences();
  const runs = useDealRuns(dealId);
  const [key, setKey] = useState<string>();
  const start = useMutation({
    mutationFn: () => api.post(`/api/deals/${dealId}/cadences`, { cadence: key }),
    onSuccess: () => {
      message.success(t('cadences.started'));
      client.invalidateQueries({ queryKey: queryKeys.cadenceRuns(dealId) });
      client.invalidateQueries({ queryKey: queryKeys.tasks() });
      client.invalidateQueries({ queryKey: queryKeys.cadenceSteps() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <div>
      {open && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 220 }}
            placeholder={t('cadences.pick')}
            value={key}
            onChange={setKey}
            options={(cadences.data?.items ?? []).map((c) => ({ value: c.key, label: en ? c.nameEn : c.name }))}
            data-testid="cadence-pick"
          />
          <Button type="primary" icon={<PlayCircleOutlined />} disabled={!key} loading={start.isPending} onClick={() => start.mutate()} data-testid="cadence-start">
            {t('cadences.start')}
          </Button>
        </Space>
      )}
      <List
        loading={runs.isPending}
        dataSource={runs.data?.items ?? []}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(run) => (
          <List.Item style={{ display: 'block' }}>
            <Space wrap>
              <Typography.Text strong>{en ? run.cadence.nameEn : run.cadence.name}</Typography.Text>
              <Tag color={STATUS_COLOUR[run.status]}>{t(`cadences.run.${run.status}` as 'cadences.run.active')}</Tag>
              {run.stopReason && <Typography.Text type="secondary">{run.stopReason}</Typography.Text>}
            </Space>
            {run.steps.map((s) => (
              <div key={s.key} style={{ paddingLeft: 12 }}>
                <Tag>{s.offset}</Tag>
                {en ? s.titleEn : s.title} · <When at={s.dueAt} /> <Tag color={STATUS_COLOUR[s.status]}>{t(`cadences.step.${s.status}` as 'cadences.step.open')}</Tag>
              </div>
            ))}
          </List.Item>
        )}
      />
    </div>
  );
}
