/**
 * Assist-point rules (助攻积分): what earns points, how many, and the caps. Pure: the ledger (points.ts) applies them.
 * A rule set is versioned with an effective date (org-local `YYYY-MM-DD`); a fact is scored by the set in force on
 * the local date it happened, so publishing a new set never rewrites an earlier month.
 */
import { formatMessage } from '../../core/validation.js';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { calendarDate } from '../../core/dates.js';

export const RULE_KINDS = ['response_in_sla', 'resolution_in_sla', 'rating_at_least', 'deal_advanced_within', 'deal_won_within'] as const;
export type PointRuleKind = (typeof RULE_KINDS)[number];

const points = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000');
const key = z.string({ error: 'must be text' }).regex(/^[a-z][a-z0-9_-]{0,63}$/, formatMessage('key_dash_format'));

export const pointRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ key, kind: z.literal('response_in_sla'), points }),
    z.strictObject({ key, kind: z.literal('resolution_in_sla'), points }),
    z.strictObject({ key, kind: z.literal('rating_at_least'), points, min: z.number().int().min(1).max(5) }),
    /** The supported deal moves forward a stage within N working days after the order was resolved. */
    z.strictObject({ key, kind: z.literal('deal_advanced_within'), points, workingDays: z.number().int().min(1).max(60) }),
    /** The supported deal is won within N calendar days after the order was resolved. */
    z.strictObject({ key, kind: z.literal('deal_won_within'), points, days: z.number().int().min(1).max(365) }),
  ],
  { error: `must be one of ${RULE_KINDS.join(', ')}` },
);
export type PointRule = z.infer<typeof pointRuleSchema>;

const ruleSetShape = {
  rules: z.array(pointRuleSchema).max(20, 'at most 20 rules'),
  caps: z.strictObject({
    perOrder: z.number().int().min(1).max(10_000).nullable().default(null),
    perHelperWeek: z.number().int().min(1).max(100_000).nullable().default(null),
  }),
};

function uniqueKeys(set: { rules: PointRule[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  set.rules.forEach((r, i) => {
    if (seen.has(r.key)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'key'], message: `key "${r.key}" is used twice` });
    seen.add(r.key);
  });
}

export const ruleSetSchema = z.strictObject(ruleSetShape).superRefine(uniqueKeys);
/** The body that publishes a version: the set and the local date it applies from. */
export const ruleSetInputSchema = z.strictObject({ effectiveFrom: calendarDate, ...ruleSetShape }).superRefine(uniqueKeys);
export type RuleSet = z.output<typeof ruleSetSchema>;

/** In force until an admin publishes a set of their own (version 0). */
export const DEFAULT_RULE_SET: RuleSet & { version: number; effectiveFrom: string } = {
  version: 0,
  effectiveFrom: '1970-01-01',
  rules: [
    { key: 'response_in_sla', kind: 'response_in_sla', points: 2 },
    { key: 'resolution_in_sla', kind: 'resolution_in_sla', points: 3 },
    { key: 'good_rating', kind: 'rating_at_least', min: 4, points: 2 },
    { key: 'deal_advanced', kind: 'deal_advanced_within', workingDays: 5, points: 3 },
    { key: 'deal_won', kind: 'deal_won_within', days: 30, points: 5 },
  ],
  caps: { perOrder: 12, perHelperWeek: 40 },
};

export interface VersionedRuleSet extends RuleSet {
  version: number;
  effectiveFrom: string;
}

/** The set in force on a local date: the latest effective date not after it, the higher version on a tie. */
export function ruleSetOn(sets: readonly VersionedRuleSet[], localDate: string): VersionedRuleSet {
  let best: VersionedRuleSet = DEFAULT_RULE_SET;
  for (const s of sets) {
    if (s.effectiveFrom > localDate) continue;
    if (s.effectiveFrom > best.effectiveFrom || (s.effectiveFrom === best.effectiveFrom && s.version > best.version)) best = s;
  }
  return best;
}

/** Points a grant may still give under the caps (0: capped out). */
export function capped(wanted: number, caps: RuleSet['caps'], orderNet: number, helperWeekNet: number): number {
  let room = wanted;
  if (caps.perOrder !== null) room = Math.min(room, caps.perOrder - orderNet);
  if (caps.perHelperWeek !== null) room = Math.min(room, caps.perHelperWeek - helperWeekNet);
  return Math.max(0, room);
}

/** Local date, month (YYYY-MM) and ISO week (YYYY-Www) of an instant in the org time zone. */
export function periodsOf(at: Date, timeZone: string): { date: string; month: string; week: string } {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return { date: local.toISODate()!, month: local.toFormat('yyyy-MM'), week: `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}` };
}

/** The rules that are earned when the resolution (not the response) stands: reversed when the order reopens. */
export const REVERSED_ON_REOPEN: ReadonlySet<PointRuleKind> = new Set(['resolution_in_sla', 'rating_at_least', 'deal_advanced_within', 'deal_won_within']);
