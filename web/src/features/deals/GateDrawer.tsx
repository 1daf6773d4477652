import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Grid, Space, Typography } from 'antd';
import { ApiError, errorMessage } from '../../api/client';
import type { Stage, UnmetItem } from '../../api/types';
import { useI18n } from '../../i18n';
import { moveDeal, useDeal, useDealFields } from './api';
import { useStageName } from './stageName';
import { unmetKey } from './unmet';
import { UnmetItemFixer } from './UnmetItemFixer';
import { queryKeys } from '../../api/queryKeys';

export interface GateRefusal {
  dealId: string;
  dealTitle: string;
  fromStage: string;
  toStage: string;
  unmet: UnmetItem[];
  /** The reason given for a jump over stages; the retry sends it again. */
  skipReason?: string;
}

interface Props {
  refusal: GateRefusal | null;
  stages: Stage[];
  onClose(): void;
  onMoved(): void;
}

/**
 * Shown when a move answers 422 GATE_UNMET: every missing item with its label and hint, each fixable in place.
 * Items turn green as the deal's live gate status (GET /api/deals/:id) stops listing them; then the move is retried.
 */
export function GateDrawer({ refusal, stages, onClose, onMoved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [unmet, setUnmet] = useState<UnmetItem[]>([]);
  const [locallyFixed, setLocallyFixed] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deal = useDeal(refusal?.dealId);
  const fields = useDealFields();
  const stageName = useStageName(stages);

  useEffect(() => {
    setUnmet(refusal?.unmet ?? []);
    setLocallyFixed(new Set());
    setError(null);
  }, [refusal]);

  if (!refusal) return <Drawer open={false} />;
  const live = deal.data?.gate && deal.data.gate.stageKey === refusal.fromStage ? new Set(deal.data.gate.unmet.map(unmetKey)) : null;
  // The live status wins once it has been refetched; until then a local fix shows as done straight away.
  const isFixed = (item: UnmetItem) => {
    const key = unmetKey(item);
    if (live && !deal.isFetching) return !live.has(key);
    return locallyFixed.has(key) || (live ? !live.has(key) : false);
  };
  const remaining = unmet.filter((i) => !isFixed(i)).length;

  async function attempt() {
    if (!refusal) return;
    setBusy(true);
    setError(null);
    try {
      await moveDeal(refusal.dealId, refusal.toStage, refusal.skipReason);
      message.success(t('deals.moved', { stage: stageName(refusal.toStage) }));
      onMoved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'GATE_UNMET' && e.body.unmet) {
        setUnmet(e.body.unmet);
        setLocallyFixed(new Set());
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function fixed(item: UnmetItem) {
    setLocallyFixed((prev) => new Set(prev).add(unmetKey(item)));
    client.invalidateQueries({ queryKey: queryKeys.deal(refusal!.dealId) });
    client.invalidateQueries({ queryKey: queryKeys.board() });
  }

  return (
    <Drawer
      open
      onClose={onClose}
      width={screens.md ? 480 : '100%'}
      title={t('gate.title', { stage: stageName(refusal.toStage) })}
      data-testid="gate-drawer"
      footer={
        <Space wrap>
          <Button type="primary" onClick={() => attempt()} loading={busy} data-testid="gate-retry">
            {t('gate.retry')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      <Typography.Paragraph strong>{refusal.dealTitle}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('gate.subtitle', { stage: stageName(refusal.fromStage), n: unmet.length })}</Typography.Paragraph>
      {unmet.map((item) => (
        <UnmetItemFixer key={unmetKey(item)} dealId={refusal.dealId} item={item} fixed={isFixed(item)} fieldDefs={fields.data?.items ?? []} onFixed={() => fixed(item)} />
      ))}
      {remaining === 0 && unmet.length > 0 && <Alert type="success" showIcon message={t('gate.allFixed')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {refusal.skipReason && (
        <Typography.Paragraph type="secondary">
          {t('deals.skipReason')}: {refusal.skipReason}
        </Typography.Paragraph>
      )}
    </Drawer>
  );
}
