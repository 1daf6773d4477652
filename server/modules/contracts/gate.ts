/**
 * Fills the gates' hook `gates.contractCheck`: "contract registered" is met by a contract of the deal that carries
 * the signed scan (an attachment of the requirement's evidence kind on the contract).
 */
import type { ContractCheck } from '../gates/contracts.js';

export const checkGateContract: ContractCheck = async (db, { dealId, requirement }) => {
  const contracts = await db.selectFrom('contracts').select(['id', 'number']).where('deal_id', '=', dealId).orderBy('created_at').execute();
  const scans = contracts.length
    ? await db.selectFrom('attachments').select('entity_id').where('entity', '=', 'contract').where('kind', '=', requirement.evidenceKind).where('entity_id', 'in', contracts.map((c) => c.id)).execute()
    : [];
  if (scans.length > 0) return null;
  const label = requirement.label;
  const labelEn = requirement.labelEn ?? requirement.label;
  const first = contracts[0];
  return first
    ? { code: 'CONTRACT_REQUIRED', label, labelEn, hint: `合同 ${first.number} 已登记，请上传签字扫描件（类型「${requirement.evidenceKind}」）`, hintEn: `Contract ${first.number} is registered; upload its signed scan (kind "${requirement.evidenceKind}")`, requirement: { kind: 'contract', evidenceKind: requirement.evidenceKind, contractId: first.id } }
    : { code: 'CONTRACT_REQUIRED', label, labelEn, hint: '在商机的「合同与回款」中登记合同，并上传签字扫描件', hintEn: 'Register the contract on the deal (Contracts tab) and upload its signed scan', requirement: { kind: 'contract', evidenceKind: requirement.evidenceKind, contractId: null } };
};
