import { describe, expect, it } from 'vitest';
import { answered, loopGroups, type LoopAction, type LoopFlag } from './loop.js';

const kWithout = { template: 'k_without' as const, a: 'tag:price_confirmation' as const, b: 'tag:technical_comparison' as const, k: 3, stage: null };
const noFollow = { template: 'no_followup' as const, e: 'type:demo' as const, days: 2 };
const flag = (dealId: string, extra: Partial<LoopFlag> = {}): LoopFlag => ({
  dealId,
  patternId: 'p1',
  holdout: false,
  firstRaisedAt: '2026-03-02T02:00:00.000Z',
  deadline: '2026-03-09T02:00:00.000Z',
  status: 'open',
  closedAt: null,
  template: kWithout,
  ...extra,
});
const act = (dealId: string, at: string, extra: Partial<LoopAction> = {}): LoopAction => ({ dealId, at, src: 'activity', type: 'call', effective: true, tags: [], ...extra });

describe('closed loop', () => {
  it('counts the missing action only inside the window, on the same deal', () => {
    const f = flag('d1');
    expect(answered(f, [act('d1', '2026-03-05T00:00:00.000Z', { tags: ['technical_comparison'] })])).toBe(true);
    // Another tag, another deal, before the flag, after the deadline: none answers it.
    expect(answered(f, [act('d1', '2026-03-05T00:00:00.000Z', { tags: ['price_confirmation'] })])).toBe(false);
    expect(answered(f, [act('d2', '2026-03-05T00:00:00.000Z', { tags: ['technical_comparison'] })])).toBe(false);
    expect(answered(f, [act('d1', '2026-03-01T00:00:00.000Z', { tags: ['technical_comparison'] })])).toBe(false);
    expect(answered(f, [act('d1', '2026-03-09T02:00:00.001Z', { tags: ['technical_comparison'] })])).toBe(false);
  });

  it('answers "no follow-up" with any effective interaction, not with a customer opening a material', () => {
    const f = flag('d1', { template: noFollow });
    expect(answered(f, [act('d1', '2026-03-03T00:00:00.000Z', { effective: false })])).toBe(false);
    expect(answered(f, [act('d1', '2026-03-03T00:00:00.000Z', { src: 'open', type: 'material_opened', effective: false })])).toBe(false);
    expect(answered(f, [act('d1', '2026-03-03T00:00:00.000Z')])).toBe(true);
  });

  it('a material open answers a pattern whose missing action is open:material', () => {
    const f = flag('d1', { template: { ...kWithout, b: 'open:material' } });
    expect(answered(f, [act('d1', '2026-03-03T00:00:00.000Z', { src: 'open', type: 'material_opened', effective: false })])).toBe(true);
  });

  it('groups the shown flags by done / not done and keeps the holdout apart, with outcomes', () => {
    // Flags raised 2026-03-02 02:00; closes 3, 6, 8, 10 and 4 days later.
    const closed = (days: number) => new Date(Date.parse('2026-03-02T02:00:00.000Z') + days * 86_400_000).toISOString();
    const flags = [
      flag('d1', { status: 'won', closedAt: closed(3) }),
      flag('d2', { status: 'lost', closedAt: closed(6) }),
      flag('d3', { status: 'lost', closedAt: closed(8) }),
      flag('d4', { status: 'open' }),
      flag('h1', { holdout: true, status: 'lost', closedAt: closed(10) }),
      flag('h2', { holdout: true, status: 'won', closedAt: closed(4) }),
    ];
    const tc = { tags: ['technical_comparison'] };
    // Answered 1.5, 1 and 4 days after the flag (d1 twice: the first counts).
    const actions = [act('d1', '2026-03-03T14:00:00.000Z', tc), act('d1', '2026-03-05T00:00:00.000Z', tc), act('d4', '2026-03-03T02:00:00.000Z', tc), act('h2', '2026-03-06T02:00:00.000Z', tc)];
    expect(loopGroups(flags, actions)).toEqual([
      { group: 'done', flagged: 2, done: 2, won: 1, lost: 0, open: 1, winRate: 1, avgDaysToAction: 1.3, avgDaysToClose: 3 },
      { group: 'not_done', flagged: 2, done: 0, won: 0, lost: 2, open: 0, winRate: 0, avgDaysToAction: null, avgDaysToClose: 7 },
      { group: 'holdout', flagged: 2, done: 1, won: 1, lost: 1, open: 0, winRate: 0.5, avgDaysToAction: 4, avgDaysToClose: 7 },
    ]);
  });
});
