import { useState, type ReactNode } from 'react';
import { App, Input, Modal, Select, Typography } from 'antd';
import { dictionaryOptions, useDictionary } from '../dictionaries/api';
import { ApiError, errorMessage } from '../../api/client';
import type { Stage } from '../../api/types';
import { useI18n } from '../../i18n';
import { moveDeal } from './api';
import { GateDrawer, type GateRefusal } from './GateDrawer';
import { useStageName } from './stageName';

interface MovableDeal {
  id: string;
  title: string;
  stageKey: string;
}

interface Options {
  stages: Stage[];
  /** Called after a successful move and whenever the deal may have changed. */
  onChanged(): void;
  /** Applies the move to local state before the request; returns the undo. */
  optimistic?(deal: MovableDeal, toStage: string): () => void;
}

/** Stages a forward move would pass over (lost stages are off the path, as on the server). */
export function skippedStages(stages: Stage[], from: string, to: string): Stage[] {
  const i = stages.findIndex((s) => s.key === from);
  const j = stages.findIndex((s) => s.key === to);
  if (i < 0 || j <= i || stages[j].terminal === 'lost') return [];
  return stages.slice(i + 1, j).filter((s) => s.terminal !== 'lost');
}

/**
 * Moving a deal, shared by the kanban and the deal page: a jump over stages first asks for the mandatory skip
 * reason; a 422 GATE_UNMET opens the drawer that lists and fixes what is missing, then retries with the same reason.
 */
export function useDealMove({ stages, onChanged, optimistic }: Options): { request(deal: MovableDeal, toStage: string): void; ui: ReactNode } {
  const { t, lang } = useI18n();
  const lostReasons = useDictionary('lost_reason');
  const [losing, setLosing] = useState<{ deal: MovableDeal; toStage: string } | null>(null);
  const [lostReason, setLostReason] = useState<string | undefined>();
  const { message } = App.useApp();
  const stageName = useStageName(stages);
  const [refusal, setRefusal] = useState<GateRefusal | null>(null);
  const [asking, setAsking] = useState<{ deal: MovableDeal; toStage: string; skipped: Stage[] } | null>(null);
  const [reason, setReason] = useState('');

  async function move(deal: MovableDeal, toStage: string, skipReason?: string, why?: string) {
    const undo = optimistic?.(deal, toStage);
    try {
      const answer = await moveDeal(deal.id, toStage, skipReason, why);
      if ('pendingApproval' in answer) {
        // Above the confirmation amount the deal stays put until the manager approves.
        undo?.();
        message.info(t('lost.pending'));
      } else message.success(t('deals.moved', { stage: stageName(toStage) }));
    } catch (error) {
      undo?.();
      if (error instanceof ApiError && error.code === 'GATE_UNMET') {
        setRefusal({ dealId: deal.id, dealTitle: deal.title, fromStage: deal.stageKey, toStage, unmet: error.body.unmet ?? [], skipReason });
      } else message.error(errorMessage(error));
    } finally {
      onChanged();
    }
  }

  function request(deal: MovableDeal, toStage: string) {
    if (toStage === deal.stageKey) return;
    // Closing as lost always asks for the reason from the admin-managed list (the server refuses without one).
    if (stages.find((s) => s.key === toStage)?.terminal === 'lost') {
      setLostReason(undefined);
      setLosing({ deal, toStage });
      return;
    }
    const skipped = skippedStages(stages, deal.stageKey, toStage);
    if (skipped.length === 0) return void move(deal, toStage);
    const refused = skipped.filter((s) => !s.allowSkip);
    if (refused.length > 0) {
      message.error(t('gate.skipNotAllowedNamed', { stages: refused.map((s) => stageName(s.key)).join('、') }));
      return;
    }
    setReason('');
    setAsking({ deal, toStage, skipped });
  }

  const ui = (
    <>
      <Modal
        open={!!asking}
        title={asking ? t('gate.skipTitle', { stages: asking.skipped.map((s) => stageName(s.key)).join('、') }) : ''}
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        okText={t('gate.skip')}
        onCancel={() => setAsking(null)}
        onOk={() => {
          const a = asking!;
          setAsking(null);
          void move(a.deal, a.toStage, reason.trim());
        }}
      >
        <Typography.Paragraph type="secondary">{t('gate.skipReason')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="skip-reason" />
      </Modal>
      <Modal
        open={!!losing}
        title={t('lost.title')}
        okButtonProps={{ disabled: !lostReason, danger: true }}
        okText={t('lost.confirm')}
        onCancel={() => setLosing(null)}
        onOk={() => {
          const l = losing!;
          setLosing(null);
          void move(l.deal, l.toStage, undefined, lostReason);
        }}
      >
        <Typography.Paragraph type="secondary">{t('lost.reasonHint')}</Typography.Paragraph>
        <Select
          style={{ width: '100%' }}
          data-testid="lost-reason"
          placeholder={t('lost.reason')}
          value={lostReason}
          onChange={setLostReason}
          options={dictionaryOptions(lostReasons.data?.items, lang)}
        />
      </Modal>
      <GateDrawer
        refusal={refusal}
        stages={stages}
        onClose={() => setRefusal(null)}
        onMoved={() => {
          setRefusal(null);
          onChanged();
        }}
      />
    </>
  );
  return { request, ui };
}
