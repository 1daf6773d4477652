/**
 * The gate item "contract registered" (`gate.contract` in the pipeline YAML): the deal has a registered contract
 * carrying the signed scan as evidence (an attachment of the given kind on the contract). Gates is a foundation
 * module and knows no engine: it offers the named hook `gates.contractCheck`, which the contracts engine fills
 * (contracts/gate.ts). Without an implementation installed the item stays unmet.
 */
import { hooksOf } from '../../core/hooks.js';
import type { Queryable } from '../../db/index.js';
import type { ContractRequirement, GateStage, UnmetRequirement } from './evaluate.js';

/** Returns the requirement when it is unmet, else null. */
export type ContractCheck = (db: Queryable, input: { dealId: string; requirement: ContractRequirement }) => Promise<UnmetRequirement | null>;

declare module '../../core/hooks.js' {
  interface HookMap {
    'gates.contractCheck': ContractCheck;
  }
}

export async function unmetContract(db: Queryable, stage: GateStage, dealId: string): Promise<UnmetRequirement[]> {
  const requirement = stage.gate.contract;
  if (!requirement) return [];
  const checks = hooksOf('gates.contractCheck');
  if (checks.length === 0) {
    const labelEn = requirement.labelEn ?? requirement.label;
    return [{ code: 'CONTRACT_REQUIRED', label: requirement.label, labelEn, hint: `需要登记合同并上传签字扫描件（合同功能未启用）`, hintEn: 'Needs a registered contract with its signed scan (contracts are not installed)', requirement: { kind: 'contract', evidenceKind: requirement.evidenceKind, contractId: null } }];
  }
  const out: UnmetRequirement[] = [];
  for (const check of checks) {
    const unmet = await check(db, { dealId, requirement });
    if (unmet) out.push(unmet);
  }
  return out;
}
