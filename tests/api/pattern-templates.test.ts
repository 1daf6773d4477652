/**
 * The temporal templates one edge at a time, evaluated in SQL on SQLite and PostgreSQL against hand-placed deals
 * (templates.ts): "≥ k A [in stage S] with no B before the k-th A" (B after the k-th does not save a closed deal, but
 * clears a live one), the stage window, the cutoff (an action at or after the close never counts), and "no effective
 * interaction within N working days after E" across a weekend, where a non-effective touch is no answer and a deal
 * closed inside the window tells nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { systemActor } from '../../server/core/policy.js';
import { loadWorkCalendar } from '../../server/modules/calendar/settings.js';
import type { WorkCalendar } from '../../server/modules/calendar/workdays.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { evaluate, type Template } from '../../server/modules/patterns/templates.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { customerFor, PREDICTIVE_YAML } from '../support/predictive-fixture.js';

type Step = { at: string; action: 'A' | 'B' | 'E' | 'call' | 'touch' };

const A = 'tag:price_confirmation' as const;
const B = 'tag:technical_comparison' as const;

describe('pattern templates in SQL', () => {
  let t: TestContext;
  let calendar: WorkCalendar;
  let pipelineId: string;
  let owner: Awaited<ReturnType<typeof customerFor>>;
  const ids: Record<string, string> = {};

  /** A deal in `lead` from `created`, in `quote` from `quoteAt`, closed (lost) at `closeAt` unless open; its actions. */
  async function place(name: string, plan: { created: string; quoteAt: string; closeAt: string | null; steps: Step[] }) {
    const id = newId();
    ids[name] = id;
    const open = plan.closeAt === null;
    await t.db.insertInto('deals').values({ id, title: name, customer_id: owner.customerId, pipeline_id: pipelineId, stage_key: open ? 'quote' : 'lost', status: open ? 'open' : 'lost', owner_id: owner.id, team_path: owner.teamPath, amount_fen: 1_000_000, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: plan.closeAt ?? plan.quoteAt, created_at: plan.created, updated_at: plan.closeAt ?? plan.quoteAt, lost_reason: open ? null : 'price', lost_at: plan.closeAt }).execute();
    const stay = (stage_key: string, entered_at: string, left_at: string | null) => ({ id: newId(), deal_id: id, stage_key, entered_at, left_at, entered_by: owner.id, direction: 'forward', skip_reason: null });
    await t.db.insertInto('deal_stage_history').values([stay('lead', plan.created, plan.quoteAt), stay('quote', plan.quoteAt, plan.closeAt), ...(open ? [] : [stay('lost', plan.closeAt!, null)])]).execute();
    for (const s of plan.steps) {
      const activityId = newId();
      const type = s.action === 'E' ? 'demo' : 'call';
      const effective = s.action === 'touch' ? 0 : 1;
      await t.db.insertInto('activities').values({ id: activityId, type, occurred_at: s.at, customer_id: owner.customerId, deal_id: id, owner_id: owner.id, team_path: owner.teamPath, contact_ids: '[]', summary: s.action, outcome: effective ? '客户有回应' : null, next_action: null, next_action_at: null, effective, custom: '{}', created_at: s.at }).execute();
      if (s.action === 'A' || s.action === 'B') await t.db.insertInto('activity_tags').values({ activity_id: activityId, tag_key: s.action === 'A' ? 'price_confirmation' : 'technical_comparison' }).execute();
    }
  }

  const day = (d: number, hour = 2) => new Date(Date.UTC(2026, 2, d, hour)).toISOString();
  const closedMatches = async (tpl: Template) => new Map((await evaluate(t.db, tpl, { closed: true, pipelineId }, calendar)).map((m) => [Object.keys(ids).find((k) => ids[k] === m.dealId)!, m.matchedAt]));

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    calendar = await loadWorkCalendar(t.db, t.config.timeZone);
    pipelineId = ((await importPipelineYaml(t.db, t.clock, systemActor('cli'), PREDICTIVE_YAML)) as { id: string }).id;
    owner = await customerFor(t, t.org.users.sellerA.id, '模板医院');
    // March 2026: the 2nd is a Monday; the 6th a Friday, the 7th and 8th the weekend.
    const base = { created: day(1), quoteAt: day(2, 0) };
    await place('noB', { ...base, closeAt: day(9), steps: [{ at: day(2), action: 'A' }, { at: day(3), action: 'A' }, { at: day(4), action: 'A' }] });
    await place('bFirst', { ...base, closeAt: day(9), steps: [{ at: day(2), action: 'B' }, { at: day(3), action: 'A' }, { at: day(4), action: 'A' }, { at: day(5), action: 'A' }] });
    await place('bAfter', { ...base, closeAt: day(9), steps: [{ at: day(2), action: 'A' }, { at: day(3), action: 'A' }, { at: day(4), action: 'A' }, { at: day(5), action: 'B' }] });
    // The third A at the close instant and a fourth after it: neither is seen.
    await place('atClose', { ...base, closeAt: day(9), steps: [{ at: day(2), action: 'A' }, { at: day(3), action: 'A' }, { at: day(9), action: 'A' }, { at: day(10), action: 'A' }] });
    // The first A before the quote stage: three in all, two in the stage.
    await place('leadA', { ...base, quoteAt: day(3, 0), closeAt: day(9), steps: [{ at: day(2), action: 'A' }, { at: day(3), action: 'A' }, { at: day(4), action: 'A' }] });
    // A demo on Friday the 6th at 10:00 local (02:00Z); 2 working days end on Tuesday the 10th at 10:00.
    await place('answeredMonday', { ...base, closeAt: day(20), steps: [{ at: day(6), action: 'E' }, { at: day(9), action: 'call' }] });
    await place('answeredWednesday', { ...base, closeAt: day(20), steps: [{ at: day(6), action: 'E' }, { at: day(11), action: 'call' }] });
    await place('touchOnly', { ...base, closeAt: day(20), steps: [{ at: day(6), action: 'E' }, { at: day(9), action: 'touch' }] });
    await place('closedInWindow', { ...base, closeAt: day(9, 6), steps: [{ at: day(6), action: 'E' }] });
  }, 120_000);
  afterAll(async () => t?.close());

  it('k_without: matches at the k-th A when no B came before it; B before saves the deal, B after does not; the close is the cutoff', async () => {
    const m = await closedMatches({ template: 'k_without', a: A, b: B, k: 3, stage: null });
    expect([...m.keys()].sort()).toEqual(['bAfter', 'leadA', 'noB']);
    expect(m.get('noB')).toBe(day(4));
  });

  it('k_in_stage: counts only the actions inside the stage window', async () => {
    expect([...(await closedMatches({ template: 'k_in_stage', a: A, k: 3, stage: 'quote' })).keys()].sort()).toEqual(['bAfter', 'bFirst', 'noB']);
    expect([...(await closedMatches({ template: 'k_in_stage', a: A, k: 3, stage: null })).keys()].sort()).toEqual(['bAfter', 'bFirst', 'leadA', 'noB']);
    expect([...(await closedMatches({ template: 'k_in_stage', a: A, k: 2, stage: 'quote' })).keys()].sort()).toEqual(['atClose', 'bAfter', 'bFirst', 'leadA', 'noB']);
  });

  it('no_followup: N working days skip the weekend; a touch without reply is no answer; a close inside the window tells nothing', async () => {
    const m = await closedMatches({ template: 'no_followup', e: 'type:demo', days: 2 });
    expect([...m.keys()].sort()).toEqual(['answeredWednesday', 'touchOnly']);
    // Matched when the window ended: Tuesday the 10th, 10:00 in Shanghai.
    expect(m.get('answeredWednesday')).toBe(day(10));
  });

  it('live: B logged at any time clears k_without; only what happened before now counts', async () => {
    await place('liveOpen', { created: day(1), quoteAt: day(2, 0), closeAt: null, steps: [{ at: day(2), action: 'A' }, { at: day(3), action: 'A' }, { at: day(4), action: 'A' }] });
    const live = (now: string) => evaluate(t.db, { template: 'k_without', a: A, b: B, k: 3, stage: 'quote' }, { closed: false, now, dealIds: [ids.liveOpen] }, calendar);
    expect(await live(day(4))).toEqual([]);
    expect((await live(day(5))).map((x) => x.matchedAt)).toEqual([day(4)]);
    await t.db.insertInto('activities').values({ id: 'live-b', type: 'call', occurred_at: day(6), customer_id: owner.customerId, deal_id: ids.liveOpen, owner_id: owner.id, team_path: owner.teamPath, contact_ids: '[]', summary: 'B', outcome: '客户有回应', next_action: null, next_action_at: null, effective: 1, custom: '{}', created_at: day(6) }).execute();
    await t.db.insertInto('activity_tags').values({ activity_id: 'live-b', tag_key: 'technical_comparison' }).execute();
    expect(await live(day(7))).toEqual([]);
  });
});
