/**
 * A button pressed on an interactive card. The callback routes verify and decrypt the platform's request and hand
 * over (card, action, member); here the member must be the card's addressee, and the action runs as that user
 * through the same use cases as the web app (their scope and rights: an approval they no longer hold is refused
 * like on the page). The first press claims the card (`platform_card_actions`, keyed by card): a second press, or
 * the platform retrying its callback, gets the stored result and acts no more.
 */
import type { Deps } from '../../core/http.js';
import { AppError } from '../../core/errors.js';
import { parseJson, toJson } from '../../core/json.js';
import { toActor } from '../auth/repo.js';
import { decideApproval } from '../approvals/service.js';
import { takeWorkOrder } from '../workorders/service.js';
import { errorText } from './texts.js';
import { APIS } from './protocol/index.js';
import { apiCtx } from './notify.js';
import * as repo from './repo.js';
import type { AppMessage, LoadedConnection } from './types.js';

export interface CardPress {
  cardId: string;
  action: string;
  externalUserId: string;
  comment?: string | null;
  /** WeCom: the event's response code, needed to update the card. */
  responseCode?: string;
}

export interface CardResult {
  ok: boolean;
  /** Short outcome shown on the card and in the toast. */
  label: string;
  message: string;
  messageEn: string;
  repeated: boolean;
  /** Refused before acting (a reply without its text): the card stays open for another try. */
  open?: boolean;
}

const LABELS: Record<string, [string, string]> = {
  approve: ['已同意', 'Approved'],
  reject: ['已驳回', 'Rejected'],
  accept: ['已接单', 'Accepted'],
  respond: ['已回复', 'Responded'],
};

async function act(deps: Deps, card: repo.CardRow, action: string, comment: string | null): Promise<void> {
  const user = await repo.userById(deps.db, card.user_id);
  if (!user || user.active !== 1) throw new AppError('FORBIDDEN', 'platform_user_inactive', { params: { platform: '', name: card.external_user_id } });
  const actor = toActor(user);
  if (card.subject_type === 'approval' && (action === 'approve' || action === 'reject')) {
    await decideApproval(deps, actor, card.subject_id, { decision: action, comment: comment ?? undefined });
    return;
  }
  if (card.subject_type === 'work_order' && action === 'accept') {
    // Every helper of the queue got the card: the first to accept takes the order, the others are told who did.
    await takeWorkOrder(deps, actor, card.subject_id, comment ?? '通过卡片接单 Accepted from the card');
    return;
  }
  if (card.subject_type === 'work_order' && action === 'respond' && comment) {
    // "Respond" answers the requester (a comment) and is the first response: taken under the same first-wins lock.
    await takeWorkOrder(deps, actor, card.subject_id, '通过卡片回复 Responded from the card', comment);
    return;
  }
  throw new AppError('VALIDATION_FAILED', 'platform_card_action_unknown', { params: { action } });
}

export async function pressCard(deps: Deps, conn: LoadedConnection, press: CardPress): Promise<CardResult> {
  const card = await repo.findCard(deps.db, press.cardId);
  if (!card || card.connection_id !== conn.id) throw new AppError('NOT_FOUND', 'platform_card_unknown');
  // A card forwarded to someone else, or a forged member id, acts for nobody.
  if (card.external_user_id !== press.externalUserId) throw new AppError('FORBIDDEN', 'platform_card_not_yours');
  if (press.action === 'respond' && !press.comment?.trim()) {
    const text = errorText(new AppError('VALIDATION_FAILED', 'platform_card_comment_required'));
    return { ok: false, label: '请填写回复', message: text.zh, messageEn: text.en, repeated: false, open: true };
  }
  const now = deps.clock.now().toISOString();
  const claimed = await repo.claimCardAction(deps.db, { card_id: card.id, action: press.action, actor_id: card.user_id, result: toJson({ pending: true }), created_at: now });
  if (!claimed) {
    const stored = parseJson<Partial<CardResult>>((await repo.actionOf(deps.db, card.id))?.result ?? '{}', {});
    return { ok: stored.ok ?? false, label: stored.label ?? '处理中', message: stored.message ?? '该卡片已处理', messageEn: stored.messageEn ?? 'This card was already handled', repeated: true };
  }
  let result: CardResult;
  const [zh, en] = LABELS[press.action] ?? [press.action, press.action];
  try {
    await act(deps, card, press.action, press.comment?.trim() || null);
    result = { ok: true, label: zh, message: zh, messageEn: en, repeated: false };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const text = errorText(error);
    result = { ok: false, label: '未能处理', message: text.zh, messageEn: text.en, repeated: false };
  }
  await repo.setActionResult(deps.db, card.id, toJson(result));
  await repo.updateCard(deps.db, card.id, { status: 'done', outcome: toJson({ action: press.action, ok: result.ok, label: result.label }), updated_at: now });
  return result;
}

/** Shows the outcome on the card (WeCom by response code; Feishu answers the callback with the new card instead). */
export async function showOutcome(deps: Deps, conn: LoadedConnection, press: CardPress, result: CardResult, fetchImpl?: typeof fetch): Promise<void> {
  const api = APIS[conn.platform];
  const card = await repo.findCard(deps.db, press.cardId);
  if (!api.updateCard || !card) return;
  const msg: AppMessage = { title: '', body: '', url: deps.config.publicUrl };
  try {
    await api.updateCard(apiCtx(deps, conn, fetchImpl), { id: card.id, ref: card.ref, externalUserId: card.external_user_id, responseCode: press.responseCode }, result.label, msg);
  } catch {
    // The action stands; an outdated card is cosmetic and the user sees the result in the toast and the app.
  }
}

/**
 * After a helper took a work order through their card, the cards the rest of the queue got show who did (DingTalk by
 * outTrackId, Feishu by message id; a WeCom card can only change through its own button event's response code).
 */
export async function closeSiblings(deps: Deps, conn: LoadedConnection, cardId: string, result: CardResult, fetchImpl?: typeof fetch): Promise<void> {
  const card = await repo.findCard(deps.db, cardId);
  if (!result.ok || card?.subject_type !== 'work_order') return;
  const taker = await repo.userById(deps.db, card.user_id);
  const text = `${taker?.display_name ?? ''} ${result.label}`.trim();
  const now = deps.clock.now().toISOString();
  for (const other of await repo.openSiblingCards(deps.db, card)) {
    await repo.updateCard(deps.db, other.id, { status: 'done', outcome: toJson({ closedBy: card.id, label: text }), updated_at: now });
    const otherConn = other.connection_id === conn.id ? conn : await repo.findConnection(deps.db, other.connection_id);
    const api = otherConn ? APIS[otherConn.platform] : null;
    if (!otherConn || !api?.updateCard) continue;
    try {
      await api.updateCard(apiCtx(deps, otherConn, fetchImpl), { id: other.id, ref: other.ref, externalUserId: other.external_user_id }, text, { title: text, body: '', url: deps.config.publicUrl });
    } catch {
      // Cosmetic as in showOutcome: a press on that card is answered with who took the order anyway.
    }
  }
}
