import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_MESSAGES, type FieldCode } from '../../shared/messages.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/**
 * Point 9 of issue 7: every definition check of pipelines, SLA ladders, cadences and rules answers with a catalogue
 * code, so a request in the default language (Chinese) reads Chinese, not the validator's English. Each document goes
 * through the YAML validate endpoint (JSON is YAML), which runs the same schema the JSON API and the import use.
 */
const pipeline = (stages: unknown[]) => ({ key: 'p1', name: '测试流程', stages });
const open = (key: string, extra: Record<string, unknown> = {}) => ({ key, name: key, probability: 10, ...extra });
const won = { key: 'won', name: '成交', probability: 100, terminal: 'won' };
const lost = { key: 'lost', name: '输单', probability: 0, terminal: 'lost' };
const sla = (ladder: unknown[]) => open('lead', { sla: { ladder } });

const cadence = (extra: Record<string, unknown>) => ({ key: 'c1', name: '测试节奏', steps: [{ key: 's1', offset: 'T+1', action: 'call', title: '打电话' }], ...extra });

const onDeal = { type: 'record.created', entity: 'deal' };
const schedule = { type: 'schedule', cron: '0 9 * * *' };
const notify = (title = '提醒', recipients = ['owner']) => ({ type: 'notify', config: { recipients, title } });
const rule = (extra: Record<string, unknown>) => ({ key: 'r1', name: '测试规则', trigger: onDeal, actions: [notify()], ...extra });
const when = (conditions: unknown) => rule({ conditions });
// Deeper than the rule check allows (32), shallower than the YAML reader's own limit (64).
const nested = (depth: number): unknown => (depth === 0 ? true : { '!': nested(depth - 1) });

type Case = [code: FieldCode, endpoint: 'pipelines' | 'cadences' | 'rules', document: unknown];
const CASES: Case[] = [
  ['gate_field_unknown', 'pipelines', pipeline([open('lead', { gate: { requiredFields: ['budget'] } }), won])],
  ['stage_key_duplicate', 'pipelines', pipeline([open('lead'), open('lead'), won])],
  ['stage_after_terminal', 'pipelines', pipeline([open('lead'), won, open('late')])],
  ['listed_twice', 'pipelines', pipeline([open('lead', { gate: { requiredFields: ['amountFen', 'amountFen'] } }), won])],
  ['evidence_kind_twice', 'pipelines', pipeline([open('lead', { gate: { evidence: [{ kind: 'quote', label: '报价' }, { kind: 'quote', label: '报价单' }] } }), won])],
  ['checklist_key_used', 'pipelines', pipeline([open('lead', { gate: { checklist: [{ key: 'call', label: '电话' }] } }), open('demo', { gate: { checklist: [{ key: 'call', label: '电话' }] } }), won])],
  ['pipeline_no_open_stage', 'pipelines', pipeline([won, lost])],
  ['recipient_invalid', 'pipelines', pipeline([sla([{ after: '2wd', notify: ['boss'] }]), won])],
  ['next_up_first_level', 'pipelines', pipeline([sla([{ after: '2wd', notify: ['next_up'] }]), won])],
  ['ladder_not_later', 'pipelines', pipeline([sla([{ after: '3wd', notify: ['owner'] }, { after: '2wd', notify: ['owner.lead'] }]), won])],
  ['anchor_date_field', 'cadences', cadence({ anchor: { kind: 'field', field: 'phone' } })],
  ['step_key_duplicate', 'cadences', cadence({ steps: [{ key: 's1', offset: 'T+1', action: 'call', title: '打电话' }, { key: 's1', offset: 'T+3', action: 'visit', title: '拜访' }] })],
  ['offset_needs_field_anchor', 'cadences', cadence({ steps: [{ key: 's1', offset: 'T-2', action: 'call', title: '打电话' }] })],
  ['hours_or_working_days', 'rules', rule({ actions: [{ type: 'create_task', config: { title: '回访', due: { hours: 4, workingDays: 1 } } }] })],
  ['followup_not_owner', 'rules', rule({ actions: [{ type: 'create_followup', config: { title: '回访', assignee: 'owner' } }] })],
  ['evidence_keys_differ', 'rules', rule({ trigger: { type: 'record.created', entity: 'customer' }, actions: [{ type: 'require_retention_plan', config: { evidence: [{ key: 'plan', name: '计划' }, { key: 'plan', name: '方案' }] } }] })],
  ['trigger_never_updated', 'rules', rule({ trigger: { type: 'record.updated', entity: 'activity' } })],
  ['set_field_needs_record', 'rules', rule({ trigger: schedule, actions: [{ type: 'set_field', config: { field: 'level', value: 'A' } }] })],
  ['set_field_unknown', 'rules', rule({ actions: [{ type: 'set_field', config: { field: 'nope', value: 'A' } }] })],
  ['action_needs_customer_or_deal', 'rules', rule({ trigger: schedule, actions: [{ type: 'create_work_order', config: { type: 'support', title: '工单' } }] })],
  ['action_needs_deal', 'rules', rule({ trigger: schedule, actions: [{ type: 'require_approval', config: { kind: 'quote' } }] })],
  ['action_needs_customer', 'rules', rule({ trigger: schedule, actions: [{ type: 'create_followup_deal', config: { pipeline: 'p1', owner: 'user:admin', title: '续约' } }] })],
  ['retention_needs_customer_trigger', 'rules', rule({ actions: [{ type: 'require_retention_plan', config: { evidence: [{ key: 'plan', name: '计划' }] } }] })],
  ['scheduled_recipient', 'rules', rule({ trigger: schedule, actions: [notify('提醒', ['owner'])] })],
  ['invalid_cron', 'rules', rule({ trigger: { type: 'schedule', cron: 'every day' }, actions: [notify('提醒', ['role:director'])] })],
  ['logic_too_deep', 'rules', when(nested(36))],
  ['logic_one_operator', 'rules', when({ '>': [1, 0], '<': [0, 1] })],
  ['logic_unknown_operator', 'rules', when({ log: 'x' })],
  ['var_path', 'rules', when({ var: true })],
  ['var_not_readable', 'rules', when({ var: 'record.__proto__' })],
  ['var_root', 'rules', when({ var: 'amountFen' })],
  ['template_path', 'rules', rule({ actions: [notify('{{record.a()}}')] })],
  // Format checks (a pattern, not a rule): each names the format it expects instead of a generic "格式不正确".
  ['duration_format', 'pipelines', pipeline([sla([{ after: '2 days', notify: ['owner'] }]), won])],
  ['key_format', 'pipelines', pipeline([open('Lead'), won])],
  ['cadence_key_format', 'pipelines', pipeline([open('lead', { cadences: ['Golden Week'] }), won])],
  ['key_dash_format', 'cadences', { ...cadence({}), key: 'C1' }],
  ['offset_format', 'cadences', cadence({ steps: [{ key: 's1', offset: 'D+1', action: 'call', title: '打电话' }] })],
  ['recipient_format', 'rules', rule({ actions: [notify('提醒', ['boss'])] })],
  ['template_root', 'rules', rule({ actions: [notify('{{deal.price}}')] })],
  ['template_filter', 'rules', rule({ actions: [notify('{{record.title | shout}}')] })],
  ['template_malformed', 'rules', rule({ actions: [notify('{{record.title')] })],
];

const fill = (text: string, params: Record<string, unknown> = {}) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));

describe('definition errors in the reader’s language', () => {
  let t: TestContext;
  let admin: Requester;
  beforeAll(async () => {
    t = await setupTestApp();
    admin = await t.as('admin');
  });
  afterAll(async () => t?.close());

  it.each(CASES)('%s (%s) reads Chinese by default and English when asked', async (code, endpoint, document) => {
    const send = (headers: Record<string, string>) => admin({ method: 'POST', url: `/api/${endpoint}/validate`, headers, payload: { yaml: JSON.stringify(document) } });
    const zh = await send({});
    expect(zh.statusCode, zh.body).toBe(200);
    const found = (zh.json().errors as Array<{ code: string; params?: Record<string, unknown>; message: string }>).find((e) => e.code === code);
    expect(found, `no ${code} among ${zh.body}`).toBeDefined();
    expect(found!.message).toBe(fill(FIELD_MESSAGES[code].zh, found!.params));
    expect(found!.message).not.toBe(fill(FIELD_MESSAGES[code].en, found!.params));
    const en = (await send({ 'accept-language': 'en' })).json().errors.find((e: { code: string }) => e.code === code);
    expect(en.message).not.toMatch(/[\u4e00-\u9fff]/);
    // A cron expression's problem is croner's own English detail, more precise than the catalogue's line.
    if (code !== 'invalid_cron') expect(en.message).toBe(fill(FIELD_MESSAGES[code].en, en.params));
  });
});
