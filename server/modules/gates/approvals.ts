/**
 * Gate items that need an approval (`gate.approvals` in the pipeline YAML). Gates is a foundation module and knows
 * no engine: it offers the named hook `gates.approvalCheck`, which the approvals engine fills (approvals/gate.ts).
 * Without an implementation installed every such item stays unmet — a gate never opens because a check is missing.
 */
import { hooksOf } from '../../core/hooks.js';
import type { Queryable } from '../../db/index.js';
import type { ApprovalRequirement, GateStage, UnmetRequirement } from './evaluate.js';

export interface ApprovalCheckInput {
  dealId: string;
  /** The deal's current values the envelope must cover. */
  deal: { amountFen: number; custom: Record<string, unknown> };
  requirements: ApprovalRequirement[];
  /** The instant of the check (expiry of `validUntil`); null when only displaying. */
  now: Date | null;
}

/** Returns the unmet ones among `requirements`. */
export type ApprovalCheck = (db: Queryable, input: ApprovalCheckInput) => Promise<UnmetRequirement[]>;

declare module '../../core/hooks.js' {
  interface HookMap {
    'gates.approvalCheck': ApprovalCheck;
  }
}

export async function unmetApprovals(db: Queryable, stage: GateStage, input: Omit<ApprovalCheckInput, 'requirements'>): Promise<UnmetRequirement[]> {
  const requirements = stage.gate.approvals ?? [];
  if (requirements.length === 0) return [];
  const checks = hooksOf('gates.approvalCheck');
  if (checks.length === 0) {
    return requirements.map((r) => ({
      code: 'APPROVAL_REQUIRED' as const,
      label: r.label,
      labelEn: r.labelEn ?? r.label,
      hint: `需要已批准的「${r.label}」（审批功能未启用）`,
      hintEn: `Needs an approved "${r.labelEn ?? r.label}" (approvals are not installed)`,
      requirement: { kind: 'approval' as const, approvalKind: r.kind, status: null, requestId: null },
    }));
  }
  const out: UnmetRequirement[] = [];
  for (const check of checks) out.push(...(await check(db, { ...input, requirements })));
  return out;
}
