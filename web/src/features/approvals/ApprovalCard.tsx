import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { App, Button, Card, Descriptions, Input, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { Money } from '../../components/Money';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { bpText, decide, resubmit, withdraw, type Approval } from './api';

const STATUS_COLOUR: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default', draft: 'warning' };

/**
 * One request: values, the envelope being approved, the steps with their approvers (and "E 代 D 审批"), the history
 * when the answer carries it (one request, or my pending list), and the decision buttons. Stacks vertically so it
 * works on a 375-px phone.
 */
export function ApprovalCard({ approval: a }: { approval: Approval }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, done: MessageKey) {
    setBusy(true);
    try {
      await action();
      message.success(t(done));
      setComment('');
      client.invalidateQueries({ queryKey: queryKeys.approvals() });
      client.invalidateQueries({ queryKey: queryKeys.approval(a.id) });
      client.invalidateQueries({ queryKey: queryKeys.deal(a.subject.id) });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const current = a.steps.findIndex((s) => s.status === 'pending');
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="approval-card"
      data-status={a.status}
      title={
        <Space wrap size={4}>
          <Link to={`/approvals/${a.id}`}>{a.subject.title ?? a.subject.id}</Link>
          <Tag color={STATUS_COLOUR[a.status]}>{t(`approvals.status.${a.status}` as MessageKey)}</Tag>
        </Space>
      }
      extra={<Typography.Text type="secondary">v{a.routeVersion}</Typography.Text>}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="approval-values">
        <Descriptions.Item label={t('approvals.requester')}>{a.requester.name}</Descriptions.Item>
        <Descriptions.Item label={t('approvals.branch')}>{a.branch}</Descriptions.Item>
        <Descriptions.Item label={t('approvals.listPrice')}>
          <Money fen={a.facts.listPriceFen} />
        </Descriptions.Item>
        <Descriptions.Item label={t('approvals.netPrice')}>
          <Money fen={a.facts.netPriceFen} />
        </Descriptions.Item>
        <Descriptions.Item label={t('approvals.discount')}>{bpText(a.facts.requestedDiscountBp)}</Descriptions.Item>
        {a.facts.paymentTerms && <Descriptions.Item label={t('approvals.paymentTerms')}>{a.facts.paymentTerms}</Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph style={{ margin: '6px 0' }} data-testid="approval-envelope">
        <Typography.Text strong>{t('approvals.envelope')}：</Typography.Text>
        {t('approvals.envelopeText', { discount: bpText(a.envelope.maxDiscountBp) })} <Money fen={a.envelope.maxAmountFen} />
        {a.envelope.validUntil ? ` · ${t('approvals.validUntil')} ${a.envelope.validUntil}` : ''}
      </Typography.Paragraph>
      {a.invalidReason && <Typography.Paragraph type="danger">{lang === 'en' ? a.invalidReason.messageEn : a.invalidReason.message}</Typography.Paragraph>}
      <Steps
        direction="vertical"
        size="small"
        current={current < 0 ? a.steps.length : current}
        items={a.steps.map((s) => ({
          title: `${s.name}${s.mode === 'all' ? `（${t('approvals.modeAll')}）` : ''}`,
          status: s.status === 'approved' ? 'finish' : s.status === 'rejected' ? 'error' : s.status === 'pending' ? 'process' : 'wait',
          description: (
            <div>
              {s.approvers.map((p) => (
                <div key={p.user.id + p.status}>
                  {p.label ?? p.user.name} · {t(`approvals.approver.${p.status}` as MessageKey)}
                  {p.decidedAt ? ` · ${formatDateTime(p.decidedAt, lang)}` : ''}
                  {p.comment ? `：${p.comment}` : ''}
                </div>
              ))}
              {s.status === 'pending' && s.dueAt && (
                <Typography.Text type={s.slaLevel >= 2 ? 'danger' : 'secondary'}>
                  {t('approvals.dueAt', { at: formatDateTime(s.dueAt, lang) })}
                </Typography.Text>
              )}
            </div>
          ),
        }))}
      />
      {a.can.decide && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('approvals.comment')} maxLength={2000} data-testid="approval-comment" />
          <Space.Compact block>
            <Button type="primary" block icon={<CheckOutlined />} loading={busy} onClick={() => run(() => decide(a.id, 'approve', comment), 'approvals.approved')} data-testid="approval-approve">
              {t('approvals.approve')}
            </Button>
            <Button danger block icon={<CloseOutlined />} loading={busy} onClick={() => run(() => decide(a.id, 'reject', comment), 'approvals.rejected')} data-testid="approval-reject">
              {t('approvals.reject')}
            </Button>
          </Space.Compact>
        </Space>
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {a.can.withdraw && (
          <Button size="small" onClick={() => run(() => withdraw(a.id), 'approvals.withdrawn')} data-testid="approval-withdraw">
            {t('approvals.withdraw')}
          </Button>
        )}
        {a.can.resubmit && (
          <Button size="small" onClick={() => run(() => resubmit(a.id), 'approvals.resubmitted')} data-testid="approval-resubmit">
            {t('approvals.resubmit')}
          </Button>
        )}
      </Space>
      {a.trail && a.trail.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="approval-history">
          <Typography.Text strong>{t('approvals.history')}</Typography.Text>
          <Timeline
            style={{ marginTop: 8 }}
            items={a.trail.map((x) => ({
              color: x.action === 'rejected' || x.action === 'invalidated' ? 'red' : x.action === 'approved' || x.action === 'completed' ? 'green' : 'blue',
              children: (
                <span data-testid="approval-history-item">
                  {formatDateTime(x.at, lang)} · {t(`approvals.action.${x.action}` as MessageKey)} · {x.actor?.name ?? t('approvals.system')}
                  {x.onBehalfOf ? (x.actor ? `（${x.actor.name} 代 ${x.onBehalfOf.name}）` : `（${x.onBehalfOf.name}）`) : ''}
                  {x.comment ? `：${x.comment}` : ''}
                  {noteOf(x.detail, lang) ? ` · ${noteOf(x.detail, lang)}` : ''}
                </span>
              ),
            }))}
          />
        </div>
      )}
    </Card>
  );
}

/** The audit note a system step leaves in its detail (e.g. a consecutive duplicate approved automatically). */
function noteOf(detail: unknown, lang: string): string | null {
  if (!detail || typeof detail !== 'object') return null;
  const d = detail as { note?: unknown; noteEn?: unknown };
  const note = lang === 'en' ? (d.noteEn ?? d.note) : d.note;
  return typeof note === 'string' ? note : null;
}
