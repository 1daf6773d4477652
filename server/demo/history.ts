/**
 * A planted closed-deal history for predictive patterns: groups of deals with a given action sequence in one working
 * stage and a given number of losses, interleaved in time by a seeded shuffle so a time split sees every group on
 * both sides. Used by the demo (demo/predictive.ts) and by the tests' synthetic fixture, which states its own groups
 * and expects exact counts. A bulk writer like the rest of the demo: rows only, no audit entries or events.
 */
import type { Queryable } from '../db/index.js';
import type { ActivitiesTable, DealStageHistoryTable, DealsTable } from '../db/schema.js';
import type { MaterialLinksTable, MaterialOpensTable } from '../db/schema-logging.js';
import { newId } from '../core/ids.js';
import { Random } from './random.js';

export interface HistoryGroup {
  name: string;
  count: number;
  /** How many of the group's deals were lost (the rest won). */
  lost: number;
  /**
   * Actions one day apart in the working stage: `tag:<key>` (a call with that tag), `type:<type>`, `touch` (an
   * unanswered call), `open:material` (the customer opens a tracked link sent with the deal's previous activity),
   * `wait:<days>` (the next action comes that many days later instead of one).
   */
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
  /** The activity summary of an action (default: the action itself). */
  summaryOf?: (action: string) => string;
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
  const links: MaterialLinksTable[] = [];
  const opens: MaterialOpensTable[] = [];
  const byGroup: Record<string, string[]> = Object.fromEntries(plan.groups.map((g) => [g.name, []]));
  const iso = (ms: number) => new Date(ms).toISOString();
  specs.forEach(({ group, lost }, j) => {
    const owner = plan.owners[j % plan.owners.length];
    const id = newId();
    byGroup[group.name].push(id);
    const created = plan.start.getTime() + Math.round(j * plan.spacingDays * DAY);
    const work = created + DAY;
    // One day between actions; `wait:<days>` adds a pause before the next one and is no action itself.
    let cursor = work;
    const times = group.actions.map((a) => (cursor += a.startsWith('wait:') ? Number(a.slice(5)) * DAY - DAY : DAY));
    const close = (times.at(-1) ?? work) + (group.tailDays === undefined ? HOUR : Math.round(group.tailDays * DAY));
    const status = lost ? 'lost' : 'won';
    deals.push({
      id, title: `${plan.titlePrefix ?? '历史商机'} ${j + 1}`, customer_id: owner.customerId, pipeline_id: plan.pipelineId, stage_key: lost ? plan.stages.lost : plan.stages.won, status,
      owner_id: owner.id, team_path: owner.teamPath, amount_fen: 5_000_000 + (j % 7) * 1_000_000, expected_close_date: iso(close).slice(0, 10), checklist: '{}', custom: '{}',
      stage_entered_at: iso(close), created_at: iso(created), updated_at: iso(close), lost_reason: lost ? 'price' : null, lost_at: lost ? iso(close) : null,
    });
    const stay = (stage: string, from: number, to: number | null, direction: string): DealStageHistoryTable => ({ id: newId(), deal_id: id, stage_key: stage, entered_at: iso(from), left_at: to === null ? null : iso(to), entered_by: owner.id, direction, skip_reason: null });
    history.push(stay(plan.stages.open, created, work, 'created'), stay(plan.stages.work, work, close, 'forward'), stay(lost ? plan.stages.lost : plan.stages.won, close, null, 'forward'));
    let last: { id: string; at: number } | null = null;
    let link: string | null = null;
    const open = (at: number) => {
      if (!last) throw new Error('open:material needs an earlier activity that sent the material');
      if (!link) {
        link = newId();
        links.push({ id: link, token_hash: newId(), customer_id: owner.customerId, activity_id: last.id, attachment_id: null, url: 'https://example.com/material', title: '产品资料', owner_id: owner.id, team_path: owner.teamPath, expires_at: iso(close + 365 * DAY), revoked_at: null, created_at: iso(last.at) });
      }
      opens.push({ id: newId(), link_id: link, customer_id: owner.customerId, opened_at: iso(at), device: 'mobile', duration_ms: null, beacon_hash: newId() });
    };
    const act = (action: string, at: number) => {
      if (action === 'open:material') return open(at);
      const activityId = newId();
      last = { id: activityId, at };
      const [kind, key] = action.split(':');
      activities.push({
        id: activityId, type: kind === 'type' ? key : 'call', occurred_at: iso(at), customer_id: owner.customerId, deal_id: id, owner_id: owner.id, team_path: owner.teamPath, contact_ids: '[]',
        summary: plan.summaryOf?.(action) ?? action, outcome: action === 'touch' ? null : '客户有回应', next_action: null, next_action_at: null, effective: action === 'touch' ? 0 : 1, custom: '{}', created_at: iso(at),
      });
      if (kind === 'tag') tags.push({ activity_id: activityId, tag_key: key });
    };
    group.actions.forEach((a, i) => !a.startsWith('wait:') && act(a, times[i]));
    if (lost && plan.trapTag) act(`tag:${plan.trapTag}`, j % 2 === 0 ? close : close + 2 * HOUR);
  });
  for (let i = 0; i < deals.length; i += 200) await db.insertInto('deals').values(deals.slice(i, i + 200)).execute();
  for (let i = 0; i < history.length; i += 300) await db.insertInto('deal_stage_history').values(history.slice(i, i + 300)).execute();
  for (let i = 0; i < activities.length; i += 300) await db.insertInto('activities').values(activities.slice(i, i + 300)).execute();
  for (let i = 0; i < tags.length; i += 500) await db.insertInto('activity_tags').values(tags.slice(i, i + 500)).execute();
  for (let i = 0; i < links.length; i += 200) await db.insertInto('material_links').values(links.slice(i, i + 200)).execute();
  for (let i = 0; i < opens.length; i += 300) await db.insertInto('material_opens').values(opens.slice(i, i + 300)).execute();
  return byGroup;
}
