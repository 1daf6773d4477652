import { describe, expect, it } from 'vitest';
import { chinaStatutorySource } from '../calendar/china.js';
import { DEFAULT_CALENDAR, WorkCalendar } from '../calendar/workdays.js';
import { kaplanMeierMedian, percentile, sortedDurations } from './stats.js';
import { WorkingTime } from './worktime.js';

describe('percentile and Kaplan–Meier median', () => {
  it('interpolates percentiles of sorted values', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1, 10);
    expect(percentile([], 50)).toBeNull();
  });

  it('counts open stays as censored: the median moves later than the completed-only median', () => {
    // events 1, 2, 3; censored 2.5, 10, 10 → S(1)=5/6, S(2)=4/6, S(3)=4/6·2/3=0.444 → median 3 (completed-only: 2).
    expect(kaplanMeierMedian([1, 2, 3], [2.5, 10, 10])).toBe(3);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(kaplanMeierMedian([1, 2], [])).toBe(1);
    expect(kaplanMeierMedian([5, 6], [1, 7, 8])).toBe(6);
    expect(kaplanMeierMedian([5], [6, 7, 8])).toBeNull();
    // A stay censored at the same time as an event was still running then.
    expect(kaplanMeierMedian([2, 4], [2])).toBe(4);
  });

  it('agrees with the textbook product-limit walk on random stays with ties', () => {
    // The estimator as defined: one point per stay, sorted by time, events before censored at equal times.
    const reference = (done: number[], open: number[]) => {
      const points = [...done.map((t) => ({ t, event: true })), ...open.map((t) => ({ t, event: false }))].sort((a, b) => a.t - b.t || Number(b.event) - Number(a.event));
      let atRisk = points.length;
      let survival = 1;
      for (let i = 0; i < points.length; ) {
        const t = points[i].t;
        let events = 0;
        let leaving = 0;
        for (; i < points.length && points[i].t === t; i++, leaving++) if (points[i].event) events++;
        if (events > 0 && (survival *= 1 - events / atRisk) <= 0.5 + 1e-12) return t;
        atRisk -= leaving;
      }
      return null;
    };
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 500; round++) {
      // Quarter-day steps so ties between events and censored stays are common.
      const done = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 40) / 4);
      const open = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 40) / 4);
      expect(kaplanMeierMedian(done, open), JSON.stringify({ done, open })).toBe(reference(done, open));
    }
    expect(percentile(sortedDurations([3, 1, 2, 10]), 50)).toBe(2.5);
  });
});

describe('working time on the org calendar', () => {
  const calendar = new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource);
  const wt = new WorkingTime(calendar, new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z'));

  it('National Day 2026 is off and the Saturday make-up day (10 Oct) counts', () => {
    // Wed 30 Sep 10:00 → Fri 9 Oct 10:00 Beijing: 14/24 + Oct 8 + 10/24 = 2 working days.
    expect(wt.between('2026-09-30T02:00:00.000Z', '2026-10-09T02:00:00.000Z')).toBeCloseTo(2, 10);
    // Fri 9 Oct 00:00 → Mon 12 Oct 00:00: Fri, Sat (make-up) = 2; Sun off.
    expect(wt.between('2026-10-08T16:00:00.000Z', '2026-10-11T16:00:00.000Z')).toBeCloseTo(2, 10);
    expect(wt.between('2026-10-01T00:00:00.000Z', '2026-10-07T12:00:00.000Z')).toBe(0);
  });

  it('a weekend counts nothing; back() is the inverse of between()', () => {
    expect(wt.between('2026-11-06T07:00:00.000Z', '2026-11-09T01:00:00.000Z')).toBeCloseTo(0.375 + 0.375, 10);
    const at = new Date('2026-11-30T02:00:00.000Z');
    for (const days of [1, 2.5, 5, 10]) expect(wt.between(wt.back(at, days), at)).toBeCloseTo(days, 9);
  });
});
