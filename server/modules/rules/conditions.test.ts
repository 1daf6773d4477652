import { describe, expect, it } from 'vitest';
import { checkConditions, evaluateConditions } from './conditions.js';
import { checkTemplate, interpolate } from './template.js';

describe('rule conditions (json-logic)', () => {
  const bigDeal = { '>=': [{ var: 'record.amountFen' }, 5_000_000] };

  it('evaluates over the rule context', () => {
    expect(evaluateConditions(bigDeal, { record: { amountFen: 5_000_000 } })).toBe(true);
    expect(evaluateConditions(bigDeal, { record: { amountFen: 4_999_999 } })).toBe(false);
    expect(evaluateConditions(null, {})).toBe(true);
    expect(evaluateConditions({ in: [{ var: 'record.stageKey' }, ['quote', 'contract']] }, { record: { stageKey: 'quote' } })).toBe(true);
  });

  it('accepts known operators and names the path of unknown ones', () => {
    expect(checkConditions({ and: [bigDeal, { '==': [{ var: 'event.payload.to' }, 'won'] }] })).toEqual([]);
    expect(checkConditions({ and: [bigDeal, { log: 'x' }] })).toEqual([{ path: ['and', 1, 'log'], code: 'logic_unknown_operator', params: expect.objectContaining({ op: 'log' }) }]);
    expect(checkConditions({ and: [{ method: ['a', 'b'] }] })[0].path).toEqual(['and', 0, 'method']);
  });

  it('refuses vars outside the context and prototype paths', () => {
    expect(checkConditions({ var: 'amountFen' })[0]).toMatchObject({ code: 'var_root', params: { roots: expect.stringMatching(/^event, record/) } });
    expect(checkConditions({ var: 'record.__proto__' })[0].code).toBe('var_not_readable');
    // Inside iteration `var` reads the element, so any name is fine there.
    expect(checkConditions({ some: [{ var: 'record.tags' }, { '==': [{ var: '' }, 'vip'] }] })).toEqual([]);
    expect(checkConditions({ some: [{ var: 'record.contacts' }, { '==': [{ var: 'role' }, 'vip'] }] })).toEqual([]);
  });

  it('refuses objects with several operator keys', () => {
    expect(checkConditions({ '>': [1, 0], '<': [0, 1] })[0].code).toBe('logic_one_operator');
  });
});

describe('template interpolation', () => {
  const ctx = { record: { title: '瑞金医院 CT', amountFen: 5_000_000, nested: { a: 1 } }, actor: null };

  it('replaces placeholders, applies filters, leaves missing values empty', () => {
    expect(interpolate('大单：{{record.title}} {{ record.amountFen | yuan }}', ctx)).toBe('大单：瑞金医院 CT ¥50,000.00');
    expect(interpolate('[{{record.missing}}][{{actor.name}}]', ctx)).toBe('[][]');
    expect(interpolate('{{record.constructor}}{{record.__proto__}}', ctx)).toBe('');
  });

  it('reports bad placeholders', () => {
    expect(checkTemplate('{{record.title}} ok')).toEqual([]);
    expect(checkTemplate('{{deal.price}}')[0].code).toBe('template_root');
    // Names people write (issue 15 point 6) are aliases of context paths.
    expect(checkTemplate('{{deal.title}} {{金额}} {{负责人}}')).toEqual([]);
    expect(checkTemplate('{{record.title | shout}}')[0]).toMatchObject({ code: 'template_filter', params: { filter: 'shout' } });
    expect(checkTemplate('{{record.title')[0].code).toBe('template_malformed');
    expect(checkTemplate('{{record.a()}}')[0].code).toBe('template_path');
  });
});
