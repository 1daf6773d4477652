import { describe, expect, it } from 'vitest';
import { addMonths, allocateFifo, bandOf, bucketOf, deriveInstalment, planDifference, splitEqually, yuan } from './ledger.js';

describe('plan arithmetic', () => {
  it('names the difference between the plan and the contract amount', () => {
    expect(planDifference(100_000, [30_000, 70_000])).toBe(0);
    expect(planDifference(100_000, [30_000, 69_999])).toBe(1);
    expect(planDifference(100_000, [30_000, 70_050])).toBe(-50);
  });
  it('splits into equal parts with the remainder fen on the last', () => {
    expect(splitEqually(100_000, 3)).toEqual([33_333, 33_333, 33_334]);
    expect(splitEqually(10, 4)).toEqual([2, 2, 2, 4]);
    expect(splitEqually(99, 1)).toEqual([99]);
    for (const [total, parts] of [[1_234_567, 7], [5, 5], [1, 3]]) expect(splitEqually(total, parts).reduce((s, x) => s + x, 0)).toBe(total);
    expect(() => splitEqually(100, 0)).toThrow();
  });
  it('adds months, clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
});

describe('FIFO allocation', () => {
  const open = [
    { id: 'b', effectiveDueDate: '2026-12-01', seq: 2, outstandingFen: 50_000 },
    { id: 'a', effectiveDueDate: '2026-11-01', seq: 1, outstandingFen: 30_000 },
    { id: 'c', effectiveDueDate: '2026-12-01', seq: 3, outstandingFen: 20_000 },
  ];
  it('fills the oldest effective due date first, plan order on a tie', () => {
    expect(allocateFifo(60_000, open)).toEqual({ allocations: [{ instalmentId: 'a', amountFen: 30_000 }, { instalmentId: 'b', amountFen: 30_000 }], restFen: 0 });
  });
  it('one payment closes two instalments exactly', () => {
    expect(allocateFifo(80_000, open).allocations).toEqual([{ instalmentId: 'a', amountFen: 30_000 }, { instalmentId: 'b', amountFen: 50_000 }]);
  });
  it('what is larger than everything open is left over as credit', () => {
    const out = allocateFifo(130_000, open);
    expect(out.allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(100_000);
    expect(out.restFen).toBe(30_000);
  });
  it('skips instalments with nothing outstanding', () => {
    expect(allocateFifo(10, [{ id: 'x', effectiveDueDate: '2026-01-01', seq: 1, outstandingFen: 0 }, ...open]).allocations).toEqual([{ instalmentId: 'a', amountFen: 10 }]);
  });
});

describe('derived instalment state', () => {
  const due = '2026-11-10';
  it('open, partially paid, overdue, paid — as of a date, counting only money dated up to it', () => {
    const entries = [{ amountFen: 40_000, onDate: '2026-11-05' }, { amountFen: 60_000, onDate: '2026-11-20' }];
    expect(deriveInstalment(100_000, due, [], '2026-11-01', 0)).toMatchObject({ status: 'open', paidFen: 0, outstandingFen: 100_000, daysPastDue: 0 });
    expect(deriveInstalment(100_000, due, entries, '2026-11-06', 0)).toMatchObject({ status: 'partially_paid', paidFen: 40_000, outstandingFen: 60_000 });
    expect(deriveInstalment(100_000, due, entries, '2026-11-10', 0)).toMatchObject({ status: 'partially_paid' });
    expect(deriveInstalment(100_000, due, entries, '2026-11-11', 0)).toMatchObject({ status: 'overdue', daysPastDue: 1, outstandingFen: 60_000 });
    expect(deriveInstalment(100_000, due, entries, '2026-11-20', 0)).toMatchObject({ status: 'paid', outstandingFen: 0, settled: true, daysPastDue: 0 });
  });
  it('a reversal (negative entry) reopens it', () => {
    const entries = [{ amountFen: 100_000, onDate: '2026-11-05' }, { amountFen: -100_000, onDate: '2026-11-12' }];
    expect(deriveInstalment(100_000, due, entries, '2026-11-11', 0).status).toBe('paid');
    expect(deriveInstalment(100_000, due, entries, '2026-11-12', 0)).toMatchObject({ status: 'overdue', paidFen: 0, outstandingFen: 100_000 });
  });
  it('tolerance: a bank fee short closes it with the shortfall, but never without any payment', () => {
    const short = deriveInstalment(100_000, due, [{ amountFen: 95_000, onDate: '2026-11-09' }], '2026-12-01', 10_000);
    expect(short).toMatchObject({ status: 'paid', settled: true, outstandingFen: 5_000, shortfallFen: 5_000 });
    expect(deriveInstalment(100_000, due, [{ amountFen: 89_999, onDate: '2026-11-09' }], '2026-12-01', 10_000)).toMatchObject({ status: 'overdue', shortfallFen: 0 });
    expect(deriveInstalment(5_000, due, [], '2026-12-01', 10_000)).toMatchObject({ status: 'overdue', settled: false });
  });
});

describe('bands and buckets', () => {
  it('red ≤ 3 (overdue too), yellow 4–7, normal ≥ 8 or settled', () => {
    expect([-5, 0, 3, 4, 7, 8, 30].map((d) => bandOf(d, false))).toEqual(['red', 'red', 'red', 'yellow', 'yellow', 'normal', 'normal']);
    expect(bandOf(-5, true)).toBe('normal');
  });
  it('ageing buckets by days past due', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual(['current', 'd1_30', 'd1_30', 'd31_60', 'd31_60', 'd61_90', 'd61_90', 'd90_plus']);
  });
  it('formats yuan for texts', () => {
    expect(yuan(1_234_56)).toBe('¥1,234.56');
    expect(yuan(5_000)).toBe('¥50.00');
  });
});
