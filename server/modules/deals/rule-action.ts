/**
 * The `create_followup_deal` rule action's executor body (rules/actions.ts calls it inside the rule's savepoint).
 * Writes the same rows as `createDeal` — the deal, its first stage-history row, the audit entry and `deal.created`
 * — but as the rule, not a user: no scope check (the rule acts for the organisation), `entered_by`/`actorId` null,
 * the rule named in the audit entry and the event's `source` (the rules engine's loop guard reads it).
 * Required deal custom fields are not demanded here: a rule has no values to give them, and the stage gates still
 * ask for them before the deal can move on.
 */
import type { Clock } from '../../core/clock.js';
import type { Queryable } from '../../db/index.js';
import { findStage } from '../pipelines/definition.js';
import * as pipelinesRepo from '../pipelines/repo.js';
import * as repo from './repo.js';
import { insertNewDeal } from './insert.js';

export interface FollowupDealInput {
  db: Queryable;
  clock: Clock;
  rule: { id: string; key: string };
  /** Carried in the event payload as `source`. */
  source: { ruleId: string; depth: number };
  customerId: string;
  ownerId: string;
  pipeline: string;
  stage?: string;
  title: string;
  amountFen: number;
}

export async function createFollowupDeal(input: FollowupDealInput) {
  const { db, clock } = input;
  const customer = await db.selectFrom('customers').select(['id']).where('id', '=', input.customerId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!customer) throw new Error('create_followup_deal: the customer no longer exists');
  const pipelineRow = await pipelinesRepo.findPipeline(db, input.pipeline);
  if (!pipelineRow || pipelineRow.archived === 1) throw new Error(`create_followup_deal: no active pipeline "${input.pipeline}"`);
  const def = pipelinesRepo.definitionOf(pipelineRow);
  const stage = findStage(def, input.stage ?? def.stages[0].key);
  // Pipelines can be edited after the rule was saved, so the stage is checked again here.
  if (!stage) throw new Error(`create_followup_deal: pipeline ${def.key} has no stage "${input.stage}"`);
  if (stage.terminal) throw new Error(`create_followup_deal: stage "${stage.key}" is a closing stage`);
  const owner = await repo.findActiveUser(db, input.ownerId);
  if (!owner) throw new Error('create_followup_deal: the owner is not an active user');

  const dealId = await insertNewDeal(db, clock, {
    title: input.title,
    customerId: customer.id,
    pipelineId: pipelineRow.id,
    stageKey: stage.key,
    owner,
    amountFen: input.amountFen,
    expectedCloseDate: null,
    custom: {},
    actorId: null,
    auditNote: { source: { rule: input.rule.key } },
    eventSource: input.source,
  });
  return { deal: dealId, pipeline: def.key, stage: stage.key, ownerId: owner.id, amountFen: input.amountFen };
}
