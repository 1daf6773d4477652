import { describe, expect, it } from 'vitest';
import { buildDigest, MARKDOWN_BUDGET_BYTES, renderMarkdown, topSellers, type DigestFigures, type SellerFigure } from './content.js';
import { digestSlot, isLate } from './slots.js';

const seller = (userId: string, name: string, dealsWon: number, effectiveActivities: number): SellerFigure => ({
  userId,
  name,
  dealsWon,
  effectiveActivities,
  wonDeals: Array.from({ length: dealsWon }, (_, i) => ({ type: 'deal' as const, id: `${userId}-d${i}`, label: `${name}的单${i}`, path: `/deals/${userId}-d${i}` })),
});

const none = { count: 0, records: [] };
const figures = (over: Partial<DigestFigures> = {}): DigestFigures => ({
  arrivals: { count: 2, records: [{ type: 'customer', id: 'c1', label: '李女士', path: '/customers/c1' }, { type: 'customer', id: 'c2', label: '王女士', path: '/customers/c2' }] },
  dealsWon: { count: 1, records: [{ type: 'deal', id: 'd1', label: '年卡 [VIP]', path: '/deals/d1' }] },
  noShows: none,
  newContacts: none,
  overdueTasks: none,
  sellers: [seller('u1', '张顾问', 1, 2), seller('u2', '李顾问', 0, 5)],
  ...over,
});
const meta = { teamId: 't1', teamName: '静安店', date: '2026-11-25', slot: '18:00', late: false, publicUrl: 'https://crm.example.com/' };

describe('top sellers', () => {
  it('ranks by deals won, then effective activities, then name, and leaves out sellers with neither', () => {
    const ranked = topSellers([seller('a', '乙', 1, 1), seller('b', '甲', 2, 0), seller('c', '丙', 1, 4), seller('d', '丁', 0, 0), seller('e', '戊', 0, 9)]);
    expect(ranked.map((s) => s.userId)).toEqual(['b', 'c', 'a']);
    expect(topSellers([seller('d', '丁', 0, 0)])).toEqual([]);
  });
});

describe('digest content', () => {
  it('links every line to the digest page and every record to itself, absolutely', () => {
    const content = buildDigest(figures(), meta);
    expect(content.url).toBe('https://crm.example.com/digests?team=t1&date=2026-11-25');
    expect(content.lines.map((l) => [l.key, l.count])).toEqual([
      ['arrivals', 2],
      ['dealsWon', 1],
      ['noShows', 0],
      ['newContacts', 0],
      ['overdueTasks', 0],
    ]);
    expect(content.lines[0].url).toBe('https://crm.example.com/digests?team=t1&date=2026-11-25#arrivals');
    expect(content.lines[0].records[1]).toEqual({ type: 'customer', id: 'c2', label: '王女士', url: 'https://crm.example.com/customers/c2' });
    expect(content.topSellers.map((s) => [s.rank, s.name, s.dealsWon, s.effectiveActivities])).toEqual([
      [1, '张顾问', 1, 2],
      [2, '李顾问', 0, 5],
    ]);
    expect(content.topSellers[0].records[0].url).toBe('https://crm.example.com/deals/u1-d0');
  });

  it('renders zh-CN and English markdown; names cannot break a link; late is marked', () => {
    const zh = renderMarkdown(buildDigest(figures(), meta), 'zh-CN');
    expect(zh.title).toBe('【顾问日清】静安店 2026-11-25');
    expect(zh.body).toContain('- 今日到店：[2](https://crm.example.com/digests?team=t1&date=2026-11-25#arrivals) · [李女士](https://crm.example.com/customers/c1)、[王女士](https://crm.example.com/customers/c2)');
    expect(zh.body).toContain('[年卡 ［VIP］](https://crm.example.com/deals/d1)');
    expect(zh.body).toContain('1. 张顾问（成交 1 · 有效跟进 2） [张顾问的单0](https://crm.example.com/deals/u1-d0)');
    const en = renderMarkdown(buildDigest(figures(), { ...meta, late: true }), 'en');
    expect(en.title).toBe('Daily digest · 静安店 · 2026-11-25 (late)');
    expect(en.body.split('\n')[0]).toMatch(/^> Sent late/);
    expect(en.body).toContain('- No-shows: [0](https://crm.example.com/digests?team=t1&date=2026-11-25#noShows)');
    expect(renderMarkdown(buildDigest(figures({ sellers: [] }), meta), 'zh-CN').body).toContain('今日暂无');
    expect(renderMarkdown(buildDigest(figures(), { ...meta, late: true }), 'zh-CN').title).toBe('【顾问日清】静安店 2026-11-25（迟发）');
  });

  it('says how many more records there are and drops record links before the robot limit', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ type: 'task' as const, id: `t${i}`.padEnd(36, 'x'), label: `很长的任务标题${i}`.repeat(4), path: `/deals/${'d'.repeat(36)}${i}` }));
    const big = figures({ overdueTasks: { count: 57, records: many }, arrivals: { count: 20, records: many }, newContacts: { count: 20, records: many }, noShows: { count: 20, records: many } });
    const zh = renderMarkdown(buildDigest(big, meta), 'zh-CN', 20);
    expect(Buffer.byteLength(zh.body)).toBeLessThanOrEqual(MARKDOWN_BUDGET_BYTES);
    expect(zh.body).toContain('- 逾期任务：[57](');
    const small = renderMarkdown(buildDigest(big, meta), 'zh-CN');
    expect(small.body).toMatch(/逾期任务：\[57\]\([^)]*\) · (\[[^\]]+\]\([^)]+\)、){2}\[[^\]]+\]\([^)]+\) 等57条/);
  });
});

describe('digest slot', () => {
  it('names the local date and time of the slot and counts up to the run, or to midnight when late on a later day', () => {
    const at = new Date('2026-11-25T10:00:00.000Z'); // 18:00 Asia/Shanghai
    expect(digestSlot(at, at, 'Asia/Shanghai')).toEqual({
      date: '2026-11-25',
      slot: '18:00',
      scheduledFor: '2026-11-25T10:00:00.000Z',
      start: '2026-11-24T16:00:00.000Z',
      end: '2026-11-25T16:00:00.000Z',
      asOf: '2026-11-25T10:00:00.000Z',
    });
    expect(digestSlot(at, new Date('2026-11-26T01:00:00.000Z'), 'Asia/Shanghai').asOf).toBe('2026-11-25T16:00:00.000Z');
    expect(isLate(at, new Date(at.getTime() + 60_000))).toBe(false);
    expect(isLate(at, new Date(at.getTime() + 60_001))).toBe(true);
  });
});
