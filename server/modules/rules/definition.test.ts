import { describe, expect, it } from 'vitest';
import { ruleDefinitionSchema } from './definition.js';

const schema = ruleDefinitionSchema('Asia/Shanghai');
const paths = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};
const base = { key: 'r1', name: '规则', trigger: { type: 'record.created', entity: 'deal' }, actions: [{ type: 'notify', config: { recipients: ['owner'], title: 'x' } }] };

describe('rule definition validation', () => {
  it('accepts a minimal rule and fills defaults', () => {
    const parsed = schema.parse({ ...base, actions: [{ type: 'create_task', config: { title: '跟进' } }] });
    expect(parsed.enabled).toBe(true);
    expect(parsed.actions[0]).toEqual({ type: 'create_task', config: { title: '跟进', assignee: 'owner' } });
  });

  it('names the offending path of each problem', () => {
    expect(paths({ ...base, trigger: { type: 'record.updated', entity: 'activity' } })).toEqual(['trigger.entity']);
    expect(paths({ ...base, trigger: { type: 'record.moved' } })).toEqual(['trigger.type']);
    expect(paths({ ...base, actions: [{ type: 'notify', config: { recipients: ['boss'], title: 'x' } }] })).toEqual(['actions.0.config.recipients.0']);
    expect(paths({ ...base, actions: [{ type: 'create_task', config: { title: 'x', due: { hours: 1, workingDays: 1 } } }] })).toEqual(['actions.0.config.due']);
    expect(paths({ ...base, actions: [{ type: 'create_followup', config: { title: 'x', assignee: 'owner' } }] })).toEqual(['actions.0.config.assignee']);
    expect(paths({ ...base, actions: [{ type: 'webhook', config: { url: 'ftp://x.example/h', secret: 'short' } }] })).toEqual(['actions.0.config.url', 'actions.0.config.secret']);
    expect(paths({ ...base, actions: [{ type: 'set_field', config: { field: 'amountFen', value: -5 } }] })).toEqual(['actions.0.config.value']);
    expect(paths({ ...base, actions: [{ type: 'set_field', config: { field: 'amountFen', value: '{{record.amountFen}}' } }] })).toEqual([]);
    expect(paths({ ...base, actions: [] })).toEqual(['actions']);
    expect(paths({ ...base, extra: 1 })).toEqual(['']);
  });

  it('scheduled rules have no record: no set_field, no owner recipients', () => {
    const scheduled = { ...base, trigger: { type: 'schedule', cron: '0 18 * * 1-5' } };
    expect(paths({ ...scheduled, actions: [{ type: 'notify', config: { recipients: ['role:director', 'owner.lead'], title: 'x' } }] })).toEqual(['actions.0.config.recipients.1']);
    expect(paths({ ...scheduled, actions: [{ type: 'set_field', config: { field: 'title', value: 'x' } }] })).toEqual(['actions.0.type']);
  });
});
