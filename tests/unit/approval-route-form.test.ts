/**
 * The approvals admin form (web/src/features/approvals/routeForm.ts) against the server's route schema: the shipped
 * default quote route goes into the form and back unchanged, the ¥50,000 threshold reads as 50000 yuan and is sent as
 * 5,000,000 fen, discount rows are percent on screen and basis points on the wire, and a `when` the rows cannot
 * express survives as JSON.
 */
import { describe, expect, it } from 'vitest';
import { routeDefinitionSchema } from '../../server/modules/approvals/definition.js';
import { DEFAULT_ROUTES } from '../../server/modules/approvals/routing.js';
import { conditionsToWhen, fromForm, toForm, whenToConditions, type RouteDefinition } from '../../web/src/features/approvals/routeForm.js';

describe('approval route form', () => {
  const shipped = routeDefinitionSchema.parse(DEFAULT_ROUTES[0]) as RouteDefinition;

  it('round-trips the shipped quote route through the form, and the server accepts what the form sends', () => {
    const form = toForm(shipped);
    expect(form.branches.map((b) => b.conditions)).toEqual([[{ fact: 'amountFen', op: '>=', value: 50_000 }], []]);
    expect(form.branches[0].steps.map((s) => [s.approvers, s.mode, s.hours, s.fallback])).toEqual([
      [['requester.regional_manager'], 'any', 4, ['role:director']],
      [['requester.director'], 'any', 4, ['role:admin']],
    ]);
    const back = fromForm(form);
    expect(routeDefinitionSchema.parse(back)).toEqual(shipped);
  });

  it('sends yuan as fen and percent as basis points, several rows as AND; the last branch never has a condition', () => {
    const when = conditionsToWhen([
      { fact: 'amountFen', op: '>=', value: 80_000.5 },
      { fact: 'discountBp', op: '>', value: 12 },
      { fact: 'customerLevel', op: '==', value: 'A' },
    ]);
    expect(when).toEqual({ and: [{ '>=': [{ var: 'amountFen' }, 8_000_050] }, { '>': [{ var: 'discountBp' }, 1200] }, { '==': [{ var: 'customerLevel' }, 'A'] }] });
    expect(whenToConditions(when)).toEqual([
      { fact: 'amountFen', op: '>=', value: 80_000.5 },
      { fact: 'discountBp', op: '>', value: 12 },
      { fact: 'customerLevel', op: '==', value: 'A' },
    ]);
    const form = toForm(shipped);
    form.branches[1].conditions = [{ fact: 'amountFen', op: '<', value: 1 }];
    expect(fromForm(form).branches[1]).not.toHaveProperty('when');
  });

  it('keeps a condition the rows cannot express as JSON, and refuses malformed JSON naming the branch', () => {
    const or = { or: [{ '>=': [{ var: 'amountFen' }, 100] }, { '==': [{ var: 'pipeline' }, 'x'] }] };
    expect(whenToConditions(or)).toBeNull();
    const form = toForm({ ...shipped, branches: [{ ...shipped.branches[0], when: or }, shipped.branches[1]] });
    expect(form.branches[0]).toMatchObject({ conditions: null, advanced: JSON.stringify(or) });
    expect(fromForm(form).branches[0].when).toEqual(or);
    form.branches[0].advanced = '{ nope';
    expect(() => fromForm(form)).toThrow('branches.0.when');
  });
});
