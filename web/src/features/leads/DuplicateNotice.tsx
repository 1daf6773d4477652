import { useState } from 'react';
import { Alert, App, Button, Input, Space } from 'antd';
import { ApiError, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { useClaim, useRequestTransfer, type DuplicateInfo } from './api';

/** The duplicate's extra fields when `error` is a 409 DUPLICATE_CUSTOMER, else null. */
export function duplicateOf(error: unknown): DuplicateInfo | null {
  if (error instanceof ApiError && error.body.code === 'DUPLICATE_CUSTOMER') return { ...(error.body as unknown as DuplicateInfo), message: error.message };
  return null;
}

/** Shown by the customer form on 409: who owns the customer, and a "request transfer" button. */
export function DuplicateNotice({ info }: { info: DuplicateInfo }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const request = useRequestTransfer();
  const claim = useClaim();
  // There is always a way forward (issue 15 point 5): claim from a pool the caller may claim from, else request.
  const way = info.wayForward ?? (info.yours ? 'none' : info.inPool ? 'claim' : 'transfer');
  const fields = info.matchedOn.map((f) => t(`dup.field.${f}`)).join(', ');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('dup.title')}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{info.message}</span>
          <span>{t('dup.owner', { owner: info.owner.name, team: info.owner.team?.name ?? '-' })}</span>
          <span>{t('dup.matched', { fields })}</span>
          {way === 'claim' && !claim.isSuccess && (
            <Button
              type="primary"
              data-testid="dup-claim"
              loading={claim.isPending}
              onClick={() => claim.mutate(info.customer, { onSuccess: () => message.success(t('dup.claimed')), onError: (e) => message.error(errorMessage(e)) })}
            >
              {t('dup.claim')}
            </Button>
          )}
          {claim.isSuccess && <span>{t('dup.claimed')}</span>}
          {way === 'transfer' && !request.isSuccess && (
            <Space.Compact style={{ width: '100%' }}>
              <Input placeholder={t('dup.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
              <Button
                type="primary"
                disabled={!reason.trim()}
                loading={request.isPending}
                onClick={() => request.mutate({ customerId: info.customer, reason }, { onSuccess: () => message.success(t('dup.requested')), onError: (e) => message.error(errorMessage(e)) })}
              >
                {t('dup.requestTransfer')}
              </Button>
            </Space.Compact>
          )}
          {request.isSuccess && <span>{t('dup.requested')}</span>}
        </Space>
      }
    />
  );
}
