/**
 * Which stage moves are allowed, decided once. Pure: the service supplies the pipeline and the deal's stage and
 * checks the gate this returns. The rules:
 *
 * - Stages are ordered as declared. Lost stages (terminal: lost) sit outside the path: any deal may be moved into
 *   a lost stage without a gate (closing a deal as lost must never be blocked); `skipReason` is recorded as the reason.
 * - Backward (to an earlier stage, including reopening a won or lost deal into an open stage) is always allowed,
 *   recorded with direction `backward`. A lost deal can only be reopened into an open stage, never straight to won.
 * - Forward by one stage on the path: the current stage's gate must be met (→ 422 GATE_UNMET).
 * - Forward by more than one is a skip: every stage passed over (strictly between current and target) must have
 *   `allowSkip` (→ 422 SKIP_NOT_ALLOWED naming them), `skipReason` is mandatory (→ 400 naming skipReason), and the
 *   current stage's gate must still be met — the deal really leaves it; only the stages it never enters are waived.
 */
import { AppError, invalid } from '../../core/errors.js';
import type { PipelineDefinition, StageDefinition } from '../pipelines/definition.js';

export type MoveDirection = 'forward' | 'backward' | 'skip';

export interface MovePlan {
  from: StageDefinition;
  to: StageDefinition;
  direction: MoveDirection;
  /** The stage whose gate must be met before the move, or null when none applies. */
  gateStage: StageDefinition | null;
  skipped: string[];
  /** Recorded reason (mandatory for skips, optional when closing as lost). */
  reason: string | null;
  status: 'open' | 'won' | 'lost';
}

export function planMove(def: PipelineDefinition, fromKey: string, toKey: string, skipReason?: string | null): MovePlan {
  const stages = def.stages;
  const fromIndex = stages.findIndex((s) => s.key === fromKey);
  const toIndex = stages.findIndex((s) => s.key === toKey);
  if (toIndex < 0) throw invalid('toStage', 'not_found_stage', { stage: toKey, values: stages.map((s) => s.key).join(', ') });
  const to = stages[toIndex];
  // A deal whose stage was removed from the definition can only be moved somewhere that exists; treat it as before the start.
  const from = fromIndex >= 0 ? stages[fromIndex] : { ...to, key: fromKey, name: fromKey, terminal: undefined, allowSkip: true };
  if (fromKey === toKey) {
    throw new AppError('INVALID_STATE', 'already_in_stage', { params: { stage: toKey }, fields: [{ field: 'toStage', code: 'current_stage' }] });
  }
  const reason = skipReason?.trim() ? skipReason.trim() : null;
  const status = to.terminal ?? 'open';
  const base = { from, to, skipped: [] as string[], status } as const;

  if (to.terminal === 'lost') {
    return { ...base, direction: toIndex > fromIndex ? 'forward' : 'backward', gateStage: null, reason };
  }
  if (from.terminal === 'lost' && to.terminal) {
    throw new AppError('INVALID_STATE', 'reopen_lost_first', {
      fields: [{ field: 'toStage', code: 'reopen_first' }],
    });
  }
  if (fromIndex < 0 || toIndex < fromIndex || from.terminal === 'lost') {
    return { ...base, direction: 'backward', gateStage: null, reason: null };
  }
  // Lost stages are off the path: they are neither "next" nor skipped over.
  const between = stages.slice(fromIndex + 1, toIndex).filter((s) => s.terminal !== 'lost');
  if (between.length === 0) return { ...base, direction: 'forward', gateStage: from, reason: null };

  const refused = between.filter((s) => !s.allowSkip);
  if (refused.length > 0) {
    throw new AppError('SKIP_NOT_ALLOWED', 'skip_refused', {
      params: { stages: refused.map((s) => `"${s.key}" (${s.name})`).join(', ') },
      fields: [{ field: 'toStage', code: 'skip_refused', params: { stages: refused.map((s) => s.key).join(', ') } }],
      extra: { stages: refused.map((s) => s.key) },
    });
  }
  if (!reason) throw invalid('skipReason', 'skip_reason_required', { stages: between.map((s) => s.key).join(', ') });
  return { ...base, direction: 'skip', gateStage: from, skipped: between.map((s) => s.key), reason };
}

export interface CreatePlan {
  /** Open stages before the start stage whose gate the new deal does not meet: skipped, with the recorded reason. */
  skipped: string[];
  reason: string | null;
}

/**
 * Creating a deal in a later stage is a jump from before the first stage: every open stage before the start stage
 * must have its gate met by what the deal is created with (`unmetOf` answers for a stage), or be skippable
 * (`allowSkip` → a mandatory `skipReason`, recorded in the history); a stage that is neither refuses the create
 * with 422 SKIP_NOT_ALLOWED naming it. Pure.
 */
export function planCreate(def: PipelineDefinition, startKey: string, unmetOf: (stage: StageDefinition) => number, skipReason?: string | null): CreatePlan {
  const index = def.stages.findIndex((s) => s.key === startKey);
  const before = def.stages.slice(0, Math.max(index, 0)).filter((s) => !s.terminal);
  const skipped = before.filter((s) => unmetOf(s) > 0);
  if (skipped.length === 0) return { skipped: [], reason: null };
  const refused = skipped.filter((s) => !s.allowSkip);
  if (refused.length > 0) {
    throw new AppError('SKIP_NOT_ALLOWED', 'skip_refused', {
      params: { stages: refused.map((s) => `"${s.key}" (${s.name})`).join(', ') },
      fields: [{ field: 'stageKey', code: 'skip_refused', params: { stages: refused.map((s) => s.key).join(', ') } }],
      extra: { stages: refused.map((s) => s.key) },
    });
  }
  const reason = skipReason?.trim() ? skipReason.trim() : null;
  if (!reason) throw invalid('skipReason', 'skip_reason_required', { stages: skipped.map((s) => s.key).join(', ') });
  return { skipped: skipped.map((s) => s.key), reason };
}
