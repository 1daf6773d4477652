/**
 * The rows every new deal gets, whoever creates it (a user through `createDeal`, a rule through
 * `createFollowupDeal`): the deal, its first stage-history row, the audit entry and `deal.created` — in the caller's
 * transaction.
 */
import type { Clock } from '../../core/clock.js';
import { commandIn } from '../../core/command.js';
import type { EventSource } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import * as repo from './repo.js';

export interface NewDeal {
  title: string;
  customerId: string;
  pipelineId: string;
  stageKey: string;
  owner: { id: string; team_path: string };
  amountFen: number;
  expectedCloseDate: string | null;
  custom: Record<string, unknown>;
  /** The user creating it; null when a rule acts for the organisation. */
  actorId: string | null;
  /** Extra facts for the audit entry and the event (e.g. the rule that created it). */
  auditNote?: Record<string, unknown>;
  /** Earlier stages whose gates were not met when created in a later stage, and the recorded reason. */
  skipped?: string[];
  skipReason?: string | null;
  eventSource?: EventSource;
  /** The id, when it was decided earlier (an import's dry run, so a resumed commit reuses it). */
  id?: string;
  /** A deal brought in from history (import): already won or lost on `at`, in a terminal stage. */
  closed?: { status: 'won' | 'lost'; at: string; lostReason: string | null };
  /**
   * `deal.imported` for an import without per-row events: the stage clock starts (sla) but no rule reacts, as for a
   * row that rules should not see one by one. Default `deal.created`.
   */
  eventType?: 'deal.created' | 'deal.imported';
}

export async function insertNewDeal(db: Queryable, clock: Clock, deal: NewDeal): Promise<string> {
  const now = clock.now().toISOString();
  const id = deal.id ?? newId();
  const closed = deal.closed;
  const row = {
    id,
    title: deal.title,
    customer_id: deal.customerId,
    pipeline_id: deal.pipelineId,
    stage_key: deal.stageKey,
    status: closed?.status ?? 'open',
    owner_id: deal.owner.id,
    team_path: deal.owner.team_path,
    amount_fen: deal.amountFen,
    expected_close_date: deal.expectedCloseDate,
    checklist: '{}',
    custom: toJson(deal.custom),
    stage_entered_at: closed?.at ?? now,
    created_at: now,
    updated_at: now,
    ...(closed?.status === 'lost' ? { lost_reason: closed.lostReason, lost_at: closed.at } : {}),
  };
  await repo.insertDeal(db, row);
  await repo.insertHistory(db, { id: newId(), deal_id: id, stage_key: deal.stageKey, entered_at: closed?.at ?? now, left_at: null, entered_by: deal.actorId, direction: 'created', skip_reason: deal.skipReason ?? null });
  await commandIn(db, clock, { entity: 'deal', actorId: deal.actorId }).created(id, { ...row, ...deal.auditNote, ...(deal.skipped?.length ? { skipped: deal.skipped, skipReason: deal.skipReason } : {}) }, {
    type: deal.eventType ?? 'deal.created',
    payload: {
      pipelineId: deal.pipelineId,
      stageKey: deal.stageKey,
      ownerId: deal.owner.id,
      customerId: deal.customerId,
      ...(deal.eventSource ? { source: deal.eventSource } : {}),
    },
  });
  return id;
}
