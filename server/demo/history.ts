/**
 * A planted closed-deal history for predictive patterns: groups of deals with a given action sequence in one working
 * stage and a given number of losses, interleaved in time by a seeded shuffle so a time split sees every group on
 * both sides. Used by the demo (demo/predictive.ts) and by the tests' synthetic fixture, which states its own groups
 * and expects exact counts. A bulk writer like the rest of the demo: rows only, no audit entries or events.
 */
import type { Queryable } from '../db/index.js';
import type { ActivitiesTable, DealStageHistoryTable, DealsTable } from '../db/schema.js';
import { newId } from '../core/ids.js';
import { Random } from './random.js';

export interface HistoryGroup {
  name: string;
  count: number;
  /** How many of the group's deals were lost (the rest won). */
  lost: number;
  /** Actions logged one day apart in the working stage: `tag:<key>` (a call with that tag), `type:<type>`, `touch` (an unanswered call). */
  actions: string[];
  /** Days from the last action to the close (default 1 hour). */
  tailDays?: number;
}

export interface HistoryPlan {
  pipelineId: string;
  stages: { open: string; work: string; won: string; lost: string };
  owners: { id: string; teamPath: string; customerId: string }[];
  start: Date;
  /** Days between consecutive deals' creation. */
  spacingDays: number;
  groups: HistoryGroup[];
  /** A tag logged on every lost deal at (every other one) or after its close: a leakage trap no pattern may use. */
  trapTag?: string;
  seed: number;
  titlePrefix?: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Writes the history; returns the deal ids per group (in time order). */
export async function writeHistory(db: Queryable, plan: HistoryPlan): Promise<Record<string, string[]>> {
  const rng = new Random(plan.seed);
  const specs: { group: HistoryGroup; lost: boolean }[] = [];
  for (const group of plan.groups) {
    const outcomes = Array.from({ length: group.count }, (_, i) => i < group.lost);
    rng.shuffle(outcomes);
    for (const lost of outcomes) specs.push({ group, lost });
  }
  rng.shuffle(specs);
  const deals: DealsTable[] = [];
  const history: DealStageHistoryTable[] = [];
  const activities: ActivitiesTable[] = [];
  const tags: { activity_id: string; tag_key: string }[] = [];
  const byGroup: Record<string, string[]> = Object.fromEntries(plan.groups.map((g) => [g.name, []]));
  const iso = (ms: number) => new Date(ms).toISOString();
  specs.forEach(({ group, lost }, j) => {
    const owner = plan.owners[j % plan.owners.length];
    const id = newId();
    byGroup[group.name].push(id);
    const created = plan.start.getTime() + Math.round(j * plan.spacingDays * DAY);
    const work = created + DAY;
    const times = group.actions.map((_, i) => work + (i + 1) * DAY);
    const close = (times.at(-1) ?? work) + (group.tailDays === undefined ? HOUR : Math.round(group.tailDays * DAY));
    const status = lost ? 'lost' : 'won';
    deals.push({
      id, title: `${plan.titlePrefix ?? '历史商机'} ${j + 1}`, customer_id: owner.customerId, pipeline_id: plan.pipelineId, stage_key: lost ? plan.stages.lost : plan.stages.won, status,
      owner_id: owner.id, team_path: owner.teamPath, amount_fen: 5_000_000 + (j % 7) * 1_000_000, expected_close_date: iso(close).slice(0, 10), checklist: '{}', custom: '{}',
      stage_entered_at: iso(close), created_at: iso(created), updated_at: iso(close), lost_reason: lost ? 'price' : null, lost_at: lost ? iso(close) : null,
    });
    const stay = (stage: string, from: number, to: number | null, direction: string): DealStageHistoryTable => ({ id: newId(), deal_id: id, stage_key: stage, entered_at: iso(from), left_at: to === null ? null : iso(to), entered_by: owner.id, direction, skip_reason: null });
    history.push(stay(plan.stages.open, created, work, 'created'), stay(plan.stages.work, work, close, 'forward'), stay(lost ? plan.stages.lost : plan.stages.won, close, null, 'forward'));
    const act = (action: string, at: number) => {
      const activityId = newId();
      const [kind, key] = action.split(':');
      activities.push({
        id: activityId, type: kind === 'type' ? key : 'call', occurred_at: iso(at), customer_id: owner.customerId, deal_id: id, owner_id: owner.id, team_path: owner.teamPath, contact_ids: '[]',
        summary: action, outcome: action === 'touch' ? null : '客户有回应', next_action: null, next_action_at: null, effective: action === 'touch' ? 0 : 1, custom: '{}', created_at: iso(at),
      });
      if (kind === 'tag') tags.push({ activity_id: activityId, tag_key: key });
    };
    group.actions.forEach((a, i) => act(a, times[i]));
    if (lost && plan.trapTag) act(`tag:${plan.trapTag}`, j % 2 === 0 ? close : close + 2 * HOUR);
  });
  for (let i = 0; i < deals.length; i += 200) await db.insertInto('deals').values(deals.slice(i, i + 200)).execute();
  for (let i = 0; i < history.length; i += 300) await db.insertInto('deal_stage_history').values(history.slice(i, i + 300)).execute();
  for (let i = 0; i < activities.length; i += 300) await db.insertInto('activities').values(activities.slice(i, i + 300)).execute();
  for (let i = 0; i < tags.length; i += 500) await db.insertInto('activity_tags').values(tags.slice(i, i + 500)).execute();
  return byGroup;
}
