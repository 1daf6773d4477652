import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Col, Form, InputNumber, Row, Select, Space } from 'antd';
import { api, type Page } from '../../api/client';
import type { Pipeline } from '../../api/types';
import { useI18n, useLocalName } from '../../i18n';
import { fenToYuan, yuanToFen } from '../../lib/format';
import { useCadences } from '../cadences/api';
import { queryKeys } from '../../api/queryKeys';

type ItemProps = (field: string, deep?: boolean) => { validateStatus?: 'error'; help?: string };
interface FieldsProps {
  index: number;
  cfg: Record<string, unknown>;
  set(patch: Record<string, unknown>): void;
  item: ItemProps;
}

/** `start_cadence`: which cadence (by key) the rule starts on the record's deal. */
export function StartCadenceFields({ index, cfg, set, item }: FieldsProps) {
  const { t } = useI18n();
  const local = useLocalName();
  const cadences = useCadences();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item label={t('rules.cadence')} {...item('cadence')} required>
          <Select
            value={(cfg.cadence as string) || undefined}
            onChange={(cadence: string) => set({ cadence })}
            loading={cadences.isLoading}
            showSearch
            optionFilterProp="label"
            options={(cadences.data?.items ?? []).map((c) => ({ value: c.key, label: `${local(c.name, c.nameEn)} (${c.key})` }))}
            data-testid={`action-${index}-cadence`}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

type AmountMode = 'none' | 'copy' | 'fixed';

/** `create_followup_deal`: pipeline, an open stage (default the first), owner, title template and amount (copy / fixed). */
export function FollowupDealFields({ index, cfg, set, item, recipientOptions, title }: FieldsProps & { recipientOptions: { value: string; label: string }[]; title: ReactNode }) {
  const { t } = useI18n();
  const local = useLocalName();
  // Same key and shape as the deals screens' pipeline list, so the cache is shared.
  const pipelines = useQuery({ queryKey: queryKeys.pipelines(), queryFn: () => api.get<Page<Pipeline>>('/api/pipelines') });
  const items = (pipelines.data?.items ?? []).filter((p) => !p.archived);
  const pipeline = items.find((p) => p.key === cfg.pipeline);
  const openStages = (pipeline?.stages ?? []).filter((s) => !s.terminal);
  const amount = cfg.amountFen;
  const mode: AmountMode = amount === 'copy' ? 'copy' : typeof amount === 'number' ? 'fixed' : 'none';
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item label={t('rules.pipeline')} {...item('pipeline')} required>
          <Select
            value={(cfg.pipeline as string) || undefined}
            onChange={(key: string) => set({ pipeline: key, stage: undefined })}
            loading={pipelines.isLoading}
            options={items.map((p) => ({ value: p.key, label: local(p.name, p.nameEn) }))}
            data-testid={`action-${index}-pipeline`}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('rules.stage')} {...item('stage')}>
          <Select
            value={(cfg.stage as string) ?? ''}
            onChange={(stage: string) => set({ stage: stage || undefined })}
            options={[{ value: '', label: t('rules.stageFirst') }, ...openStages.map((s) => ({ value: s.key, label: local(s.name, s.nameEn) }))]}
            data-testid={`action-${index}-stage`}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('rules.dealOwner')} {...item('owner')} extra={t('rules.recipientHint')} required>
          <AutoComplete value={(cfg.owner as string) ?? ''} options={recipientOptions} onChange={(owner: string) => set({ owner })} data-testid={`action-${index}-owner`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>{title}</Col>
      <Col xs={24}>
        <Form.Item label={t('rules.amount')} {...item('amountFen')}>
          <Space.Compact>
            <Select<AmountMode>
              value={mode}
              style={{ width: 180 }}
              onChange={(m) => set({ amountFen: m === 'copy' ? 'copy' : m === 'fixed' ? 0 : undefined })}
              options={(['none', 'copy', 'fixed'] as const).map((m) => ({ value: m, label: t(`rules.amount.${m}`) }))}
              data-testid={`action-${index}-amount-mode`}
            />
            {mode === 'fixed' && (
              <InputNumber<number>
                min={0}
                precision={2}
                style={{ width: 160 }}
                value={fenToYuan(amount as number)}
                onChange={(v) => set({ amountFen: yuanToFen(v ?? 0) })}
                prefix="¥"
                data-testid={`action-${index}-amount`}
              />
            )}
          </Space.Compact>
        </Form.Item>
      </Col>
    </Row>
  );
}
