/**
 * Stage gate evaluation (通关检查点). Pure: the caller gathers the facts (deal fields, custom values and their
 * definitions, evidence counts, checklist state); this decides what is still missing, with a stable code, a zh label
 * and a hint saying what would satisfy each requirement, so the UI can show the list and let the user fix it in place.
 */
import { isFilled, type CustomFieldDef } from '../customfields/values.js';

/** Deal fields a gate may require, with the labels shown to users. `custom.<key>` refers to a custom field instead. */
export const GATE_DEAL_FIELDS = {
  title: { label: '商机名称', labelEn: 'Deal title' },
  amountFen: { label: '金额', labelEn: 'Amount' },
  expectedCloseDate: { label: '预计成交日期', labelEn: 'Expected close date' },
} as const;
export type GateDealField = keyof typeof GATE_DEAL_FIELDS;
export const CUSTOM_FIELD_PREFIX = 'custom.';

export interface EvidenceRequirement {
  kind: string;
  label: string;
  labelEn?: string;
  min: number;
}

export interface ChecklistItem {
  key: string;
  label: string;
  labelEn?: string;
  hint?: string;
  hintEn?: string;
}

/** An approval of a kind (e.g. an approved quote) whose envelope covers the deal's current values. */
export interface ApprovalRequirement {
  kind: string;
  label: string;
  labelEn?: string;
}

/** A registered contract of the deal with its signed scan (an attachment of `evidenceKind` on the contract). */
export interface ContractRequirement {
  label: string;
  labelEn?: string;
  evidenceKind: string;
}

export interface GateDefinition {
  requiredFields: string[];
  evidence: EvidenceRequirement[];
  checklist: ChecklistItem[];
  /** Checked through the named hook `gates.approvalCheck` (gates/approvals.ts), which the approvals engine fills. */
  approvals?: ApprovalRequirement[];
  /** Checked through the named hook `gates.contractCheck` (gates/contracts.ts), which the contracts engine fills. */
  contract?: ContractRequirement;
}

export interface GateStage {
  key: string;
  name: string;
  gate: GateDefinition;
}

export interface ChecklistState {
  done: boolean;
  note?: string | null;
  by?: string | null;
  at?: string;
}

export interface GateFacts {
  deal: { title?: string | null; amountFen?: number | null; expectedCloseDate?: string | null };
  custom: Record<string, unknown>;
  customFieldDefs: Pick<CustomFieldDef, 'key' | 'label' | 'labelEn' | 'type'>[];
  /** Attachments on the deal, counted by evidence kind. */
  evidenceCounts: Record<string, number>;
  /** Checklist state by item key. */
  checklist: Record<string, ChecklistState | undefined>;
}

export type UnmetCode = 'FIELD_REQUIRED' | 'EVIDENCE_REQUIRED' | 'CHECKLIST_INCOMPLETE' | 'APPROVAL_REQUIRED' | 'CONTRACT_REQUIRED';

export type Requirement =
  | { kind: 'field'; field: string }
  | { kind: 'evidence'; evidenceKind: string; min: number; have: number }
  | { kind: 'checklist'; item: string }
  /** `status`: the best request found (null: none); `reason`: why an approved one does not cover the deal now. */
  | { kind: 'approval'; approvalKind: string; status: string | null; requestId: string | null; reason?: string }
  /** `contractId`: the deal's contract still missing its signed scan (null: no contract registered). */
  | { kind: 'contract'; evidenceKind: string; contractId: string | null };

export interface UnmetRequirement {
  code: UnmetCode;
  label: string;
  labelEn: string;
  hint: string;
  hintEn: string;
  requirement: Requirement;
}

/** Every requirement of the stage's gate that the facts do not satisfy, in declaration order (fields, evidence, checklist). */
export function evaluateGate(stage: GateStage, facts: GateFacts): UnmetRequirement[] {
  const unmet: UnmetRequirement[] = [];
  for (const field of stage.gate.requiredFields) {
    const problem = checkField(field, facts);
    if (problem) unmet.push(problem);
  }
  for (const ev of stage.gate.evidence) {
    const have = facts.evidenceCounts[ev.kind] ?? 0;
    const min = ev.min ?? 1;
    if (have < min) unmet.push(evidenceUnmet(ev.kind, ev.label, ev.labelEn ?? ev.label, min, have));
  }
  for (const item of stage.gate.checklist) {
    if (facts.checklist[item.key]?.done === true) continue;
    unmet.push({
      code: 'CHECKLIST_INCOMPLETE',
      label: item.label,
      labelEn: item.labelEn ?? item.label,
      hint: `在检查清单中勾选「${item.label}」${item.hint ? `：${item.hint}` : ''}`,
      hintEn: `Tick "${item.labelEn ?? item.label}" in the checklist${item.hintEn ? `: ${item.hintEn}` : ''}`,
      requirement: { kind: 'checklist', item: item.key },
    });
  }
  return unmet;
}

function checkField(field: string, facts: GateFacts): UnmetRequirement | null {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    const def = facts.customFieldDefs.find((d) => d.key === key);
    if (!def) {
      // The gate names a field nobody defined: it can never be met until an admin defines it, so say exactly that.
      return {
        code: 'FIELD_REQUIRED',
        label: key,
        labelEn: key,
        hint: `自定义字段「${key}」尚未定义，请管理员先在自定义字段中添加它`,
        hintEn: `Custom field "${key}" is not defined yet; an administrator must add it first`,
        requirement: { kind: 'field', field },
      };
    }
    const value = facts.custom[key];
    const labelEn = def.labelEn ?? def.label;
    if (def.type === 'attachment') {
      // An attachment-kind field names the evidence kind the deal's attachments must carry (its own key by default).
      const kind = typeof value === 'string' && value.trim() !== '' ? value : def.key;
      const have = facts.evidenceCounts[kind] ?? 0;
      if (have >= 1) return null;
      return {
        code: 'FIELD_REQUIRED',
        label: def.label,
        labelEn,
        hint: `上传一份类型为「${kind}」的附件以填写「${def.label}」`,
        hintEn: `Upload an attachment of kind "${kind}" to fill "${labelEn}"`,
        requirement: { kind: 'field', field },
      };
    }
    if (isFilled(value)) return null;
    return fieldUnmet(field, def.label, labelEn, def.type === 'multiselect' || def.type === 'select' ? '选择' : '填写');
  }
  const known = GATE_DEAL_FIELDS[field as GateDealField];
  const label = known?.label ?? field;
  const labelEn = known?.labelEn ?? field;
  if (field === 'amountFen') {
    // Amount defaults to 0 on creation, so 0 counts as "not given yet".
    return typeof facts.deal.amountFen === 'number' && facts.deal.amountFen > 0 ? null : fieldUnmet(field, label, labelEn, '填写');
  }
  const value = (facts.deal as Record<string, unknown>)[field];
  return isFilled(value) ? null : fieldUnmet(field, label, labelEn, '填写');
}

function fieldUnmet(field: string, label: string, labelEn: string, verb: '填写' | '选择'): UnmetRequirement {
  return {
    code: 'FIELD_REQUIRED',
    label,
    labelEn,
    hint: `${verb}「${label}」`,
    hintEn: `${verb === '选择' ? 'Choose' : 'Fill in'} "${labelEn}"`,
    requirement: { kind: 'field', field },
  };
}

function evidenceUnmet(kind: string, label: string, labelEn: string, min: number, have: number): UnmetRequirement {
  return {
    code: 'EVIDENCE_REQUIRED',
    label,
    labelEn,
    // By its label only: the kind is an internal key (`competitor_comparison`) the fix-in-place upload sets itself.
    hint: `上传至少 ${min} 份「${label}」附件（当前 ${have} 份）`,
    hintEn: `Upload at least ${min} "${labelEn}" attachment(s) (${have} so far)`,
    requirement: { kind: 'evidence', evidenceKind: kind, min, have },
  };
}
