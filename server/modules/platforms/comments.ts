/**
 * Free-text comments on WeCom cards. A WeCom template card has no text input (protocol/wecom.ts), so a rejection
 * whose reason is "reply in the chat" and a work order's "respond" do not act at the press: the card waits
 * (`awaiting_comment`, with the press's response code, usable once within 72 h to update the card) and the member is
 * asked by a text message to type the comment. Their next chat message to the app within 30 minutes completes the
 * press through `pressCard` — so it acts once, as them, in their scope — and updates the card. A message with no
 * waiting card is an ordinary chat message and is ignored.
 */
import type { Deps } from '../../core/http.js';
import { AppError } from '../../core/errors.js';
import { parseJson, toJson } from '../../core/json.js';
import { closeSiblings, pressCard, showOutcome, type CardPress } from './cards.js';
import { apiCtx } from './notify.js';
import { sendWecomText } from './protocol/wecom.js';
import * as repo from './repo.js';
import type { LoadedConnection } from './types.js';

export const COMMENT_WINDOW_MS = 30 * 60_000;

const PROMPTS: Record<string, string> = {
  reject: '请直接回复驳回理由（30 分钟内有效），发送后即驳回。Reply with the reason for rejecting (within 30 minutes); sending it rejects.',
  respond: '请直接回复要发给提问人的内容（30 分钟内有效），发送后即接单并回复。Reply with your answer to the requester (within 30 minutes); sending it takes the order and answers.',
};

/** A press that needs a typed comment: the card waits for it and the member is asked for it. */
export async function awaitComment(deps: Deps, conn: LoadedConnection, press: CardPress, fetchImpl?: typeof fetch): Promise<void> {
  const card = await repo.findCard(deps.db, press.cardId);
  if (!card || card.connection_id !== conn.id) throw new AppError('NOT_FOUND', 'platform_card_unknown');
  if (card.external_user_id !== press.externalUserId) throw new AppError('FORBIDDEN', 'platform_card_not_yours');
  // Already handled (or a retried event): nothing to wait for.
  if (card.status === 'done' || (await repo.actionOf(deps.db, card.id))) return;
  await repo.updateCard(deps.db, card.id, { status: 'awaiting_comment', outcome: toJson({ awaiting: press.action, responseCode: press.responseCode ?? null }), updated_at: deps.clock.now().toISOString() });
  try {
    await sendWecomText(apiCtx(deps, conn, fetchImpl), card.external_user_id, PROMPTS[press.action] ?? PROMPTS.reject);
  } catch {
    // The card still waits; the member who does not see the prompt can act in the app behind the card's link.
  }
}

/** A member's chat message: the comment of their waiting card, if one waits; true when it acted. */
export async function commentArrived(deps: Deps, conn: LoadedConnection, externalUserId: string, text: string, fetchImpl?: typeof fetch): Promise<boolean> {
  const comment = text.trim();
  if (!comment) return false;
  const since = new Date(deps.clock.now().getTime() - COMMENT_WINDOW_MS).toISOString();
  const card = await repo.awaitingCard(deps.db, conn.id, externalUserId, since);
  if (!card) return false;
  const waiting = parseJson<{ awaiting?: string; responseCode?: string | null }>(card.outcome ?? '{}', {});
  const press: CardPress = { cardId: card.id, action: waiting.awaiting ?? 'reject', externalUserId, comment: comment.slice(0, 1000), responseCode: waiting.responseCode ?? undefined };
  const result = await pressCard(deps, conn, press);
  if (result.repeated) return false;
  await showOutcome(deps, conn, press, result, fetchImpl);
  await closeSiblings(deps, conn, card.id, result, fetchImpl);
  return true;
}
