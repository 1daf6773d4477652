/**
 * Notifications about an order through the durable outbox (in-app plus the recipient's team channels), each with a
 * link that opens the order. Idempotency keys name the order, the occasion and the history position, so a retried
 * transaction never notifies twice.
 */
import { enqueueNotification } from '../notifications/outbox.js';
import type { Queryable } from '../../db/index.js';
import type { WoDeps } from './service.js';
import type { OrderRow } from './repo.js';

const STATUS_TEXT: Record<string, { zh: string; en: string }> = {
  open: { zh: '待受理', en: 'open' },
  assigned: { zh: '已分派', en: 'assigned' },
  in_progress: { zh: '处理中', en: 'in progress' },
  waiting_requester: { zh: '待销售补充', en: 'waiting for the requester' },
  resolved: { zh: '已解决', en: 'resolved' },
  closed: { zh: '已关闭', en: 'closed' },
  reopened: { zh: '已重新打开', en: 'reopened' },
};

export async function notifyOrder(db: Queryable, deps: Pick<WoDeps, 'clock'>, row: OrderRow, what: 'created' | 'assigned' | 'status' | 'comment', userIds: readonly string[], suffix?: string) {
  const status = STATUS_TEXT[row.status] ?? { zh: row.status, en: row.status };
  const texts = {
    created: { title: `新工单：${row.title}`, titleEn: `New work order: ${row.title}`, body: `${row.requester_name} 发起了「${row.type_name}」工单。`, bodyEn: `${row.requester_name} asks for ${row.type_name_en ?? row.type_key} help.` },
    assigned: { title: `工单已分派给您：${row.title}`, titleEn: `Work order assigned to you: ${row.title}`, body: `发起人：${row.requester_name}`, bodyEn: `Requested by ${row.requester_name}` },
    status: { title: `工单${status.zh}：${row.title}`, titleEn: `Work order ${status.en}: ${row.title}`, body: `当前状态：${status.zh}`, bodyEn: `Status: ${status.en}` },
    comment: { title: `工单有新留言：${row.title}`, titleEn: `New comment on work order: ${row.title}`, body: '', bodyEn: '' },
  }[what];
  const occasion = `${what}:${row.status}:${row.updated_at}${suffix ? `:${suffix}` : ''}`;
  for (const userId of new Set(userIds)) {
    await enqueueNotification(db, deps.clock, {
      idempotencyKey: `wo:${row.id}:${occasion}:${userId}`,
      userId,
      ...texts,
      link: `/work-orders/${row.id}`,
      subject: { type: 'work_order', id: row.id },
    });
  }
}
