/**
 * Activities that happened before they reach actionflow (an import of the follow-up history): written with the
 * organisation's "effective" rule applied to what the row says, audited, and announced as `activity.logged` only when
 * the caller wants rules to see them one by one. No checklist is asked of the past, and no next-action task is made.
 */
import type { Clock } from '../../core/clock.js';
import { commandIn } from '../../core/command.js';
import { toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import type { ActivitiesTable } from '../../db/schema.js';
import { getEffectiveRule } from './checklists.js';
import { classifyEffect, type ActivityType } from './effective.js';
import * as repo from './repo.js';

export interface PastActivity {
  id: string;
  type: ActivityType;
  occurredAt: string;
  customerId: string;
  dealId: string | null;
  owner: { id: string; teamPath: string };
  summary: string;
  outcome: string | null;
  custom: Record<string, unknown>;
}

export async function insertPastActivities(trx: Queryable, clock: Clock, rows: PastActivity[], ctx: { actorId: string | null; emit: boolean; via: string }) {
  if (!rows.length) return;
  const rule = await getEffectiveRule(trx);
  const now = clock.now().toISOString();
  for (const a of rows) {
    const { effective, effect } = classifyEffect({ type: a.type, outcome: a.outcome }, rule);
    const row: ActivitiesTable = {
      id: a.id,
      type: a.type,
      occurred_at: a.occurredAt,
      customer_id: a.customerId,
      deal_id: a.dealId,
      owner_id: a.owner.id,
      team_path: a.owner.teamPath,
      contact_ids: '[]',
      summary: a.summary,
      outcome: a.outcome,
      next_action: null,
      next_action_at: null,
      effective: effective ? 1 : 0,
      custom: toJson(a.custom),
      created_at: now,
    };
    await repo.insertActivity(trx, row);
    await commandIn(trx, clock, { entity: 'activity', actorId: ctx.actorId }).created(
      a.id,
      { ...row, effect, via: ctx.via },
      ctx.emit
        ? { type: 'activity.logged', payload: { type: a.type, customerId: a.customerId, dealId: a.dealId, ownerId: a.owner.id, occurredAt: a.occurredAt, effective, effect, taskId: null } }
        : undefined,
    );
  }
}

/** Removes an imported activity nothing else refers to (attachments, tasks); answers whether it did. */
export async function removePastActivity(trx: Queryable, clock: Clock, activity: ActivitiesTable, ctx: { actorId: string | null }): Promise<boolean> {
  if ((await repo.referencesTo(trx, activity.id)) > 0) return false;
  await repo.deleteActivity(trx, activity.id);
  await commandIn(trx, clock, { entity: 'activity', actorId: ctx.actorId }).deleted(activity.id, activity);
  return true;
}
