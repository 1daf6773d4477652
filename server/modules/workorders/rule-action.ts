/**
 * The rules engine's `create_work_order` action: the rule acts as a SystemActor and the record's owner is the
 * requester; the subject is the record's deal, else its customer. Runs inside the rule's savepoint.
 */
import type { Clock } from '../../core/clock.js';
import { systemActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { createWorkOrderInTx } from './service.js';

export interface RuleWorkOrderInput {
  db: Queryable;
  clock: Clock;
  timeZone: string;
  ruleKey: string;
  type: string;
  title: string;
  description?: string;
  requesterId: string;
  subject: { type: 'deal' | 'customer'; id: string };
}

export async function createWorkOrderForRule(input: RuleWorkOrderInput) {
  const id = await createWorkOrderInTx(input.db, { clock: input.clock, config: { timeZone: input.timeZone } }, systemActor('rules', `rule:${input.ruleKey}`), {
    type: input.type,
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    subject: input.subject,
    requesterId: input.requesterId,
  });
  return { workOrder: id, type: input.type, requesterId: input.requesterId, subject: input.subject };
}
