import { describe, expect, it } from 'vitest';
import { classifyEffect } from './effective.js';

describe('classifyEffect', () => {
  it('lets an explicit effect win over everything recorded', () => {
    expect(classifyEffect({ type: 'call', effect: 'probed_need' })).toEqual({ effective: true, effect: 'probed_need' });
    expect(classifyEffect({ type: 'email', effect: 'delivered_info' })).toEqual({ effective: true, effect: 'delivered_info' });
    expect(classifyEffect({ type: 'visit', effect: 'advanced_decision' })).toEqual({ effective: true, effect: 'advanced_decision' });
    expect(classifyEffect({ type: 'demo', effect: 'none', outcome: '客户很满意', nextAction: '报价' })).toEqual({ effective: false, effect: 'none' });
  });

  it('counts an agreed next action as advancing the decision', () => {
    expect(classifyEffect({ type: 'wechat', nextAction: '约周三演示' })).toEqual({ effective: true, effect: 'advanced_decision' });
  });

  it('counts demos and materials sent as information delivered', () => {
    expect(classifyEffect({ type: 'demo' })).toEqual({ effective: true, effect: 'delivered_info' });
    expect(classifyEffect({ type: 'materials' })).toEqual({ effective: true, effect: 'delivered_info' });
  });

  it('counts a recorded outcome as a need probed', () => {
    expect(classifyEffect({ type: 'call', outcome: '设备科嫌现有设备维护慢' })).toEqual({ effective: true, effect: 'probed_need' });
    expect(classifyEffect({ type: 'visit', outcome: '院长关心预算' })).toEqual({ effective: true, effect: 'probed_need' });
  });

  it('does not count a bare greeting, an unanswered call or blank text', () => {
    for (const type of ['call', 'visit', 'wechat', 'email', 'other'] as const) {
      expect(classifyEffect({ type })).toEqual({ effective: false, effect: 'none' });
    }
    expect(classifyEffect({ type: 'call', outcome: '   ', nextAction: '' })).toEqual({ effective: false, effect: 'none' });
  });

  it('counts only the effects the org rule lists', () => {
    const rule = { counts: ['advanced_decision' as const] };
    expect(classifyEffect({ type: 'materials' }, rule)).toEqual({ effective: false, effect: 'delivered_info' });
    expect(classifyEffect({ type: 'call', outcome: '嫌贵' }, rule)).toEqual({ effective: false, effect: 'probed_need' });
    expect(classifyEffect({ type: 'call', nextAction: '周三演示' }, rule)).toEqual({ effective: true, effect: 'advanced_decision' });
  });
});
