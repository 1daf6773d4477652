/**
 * Whether an activity is an "effective interaction" (有效互动). The seeds' definition: not merely saying hello — it
 * must contain at least one of information delivered (信息传递, e.g. sending a quote), a need probed (需求挖掘, e.g.
 * asking about pain points) or a decision advanced (决策推动, e.g. booking a demo).
 *
 * Rule, in order:
 * 1. An explicit `effect` from the person logging wins: `none` → not effective; any other value → effective.
 * 2. Otherwise it is derived from what was recorded:
 *    - a next action (agreed next step) → `advanced_decision`;
 *    - type `demo` or `materials` → `delivered_info` (the demo or the materials are the information);
 *    - an outcome written down for any other type → `probed_need` (the customer told us something);
 *    - nothing of that (an unanswered call, a greeting on WeChat, a mass e-mail) → `none`.
 * 3. The org's rule (`EffectRule`, admin-configurable) says which effects count: an activity whose effect is not
 *    listed is recorded with its effect but is not effective. By default all three count.
 * Pure: no clock, no database.
 */
export const ACTIVITY_TYPES = ['call', 'visit', 'wechat', 'email', 'demo', 'materials', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_EFFECTS = ['delivered_info', 'probed_need', 'advanced_decision', 'none'] as const;
export type ActivityEffect = (typeof ACTIVITY_EFFECTS)[number];

export interface EffectInput {
  type: ActivityType;
  effect?: ActivityEffect | null;
  outcome?: string | null;
  nextAction?: string | null;
}

const present = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== '';

export interface EffectRule {
  counts: Exclude<ActivityEffect, 'none'>[];
}
export const DEFAULT_EFFECT_RULE: EffectRule = { counts: ['delivered_info', 'probed_need', 'advanced_decision'] };

function deriveEffect(input: EffectInput): ActivityEffect {
  if (input.effect) return input.effect;
  if (present(input.nextAction)) return 'advanced_decision';
  if (input.type === 'demo' || input.type === 'materials') return 'delivered_info';
  if (present(input.outcome)) return 'probed_need';
  return 'none';
}

/**
 * Why an activity counts or not, for the person who logged it: `counts` when effective; otherwise what would have
 * made it count — `needs_next_action` (nothing but a summary: add an agreed next step or what the customer said),
 * `marked_none` (the logger said so), `effect_not_counted` (the org's rule leaves this effect out) or
 * `checklist_incomplete` (the type's checklist was not completed).
 */
export type EffectiveReason = 'counts' | 'needs_next_action' | 'marked_none' | 'effect_not_counted' | 'checklist_incomplete';
export const EFFECTIVE_REASONS = ['counts', 'needs_next_action', 'marked_none', 'effect_not_counted', 'checklist_incomplete'] as const;

export function explainEffect(input: EffectInput, classified: { effective: boolean; effect: ActivityEffect }, checklistCounts: boolean): EffectiveReason {
  if (classified.effective && checklistCounts) return 'counts';
  if (classified.effect === 'none') return input.effect === 'none' ? 'marked_none' : 'needs_next_action';
  if (!classified.effective) return 'effect_not_counted';
  return 'checklist_incomplete';
}

export function classifyEffect(input: EffectInput, rule: EffectRule = DEFAULT_EFFECT_RULE): { effective: boolean; effect: ActivityEffect } {
  const effect = deriveEffect(input);
  return { effective: effect !== 'none' && (rule.counts as ActivityEffect[]).includes(effect), effect };
}
