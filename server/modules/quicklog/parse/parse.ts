/**
 * The free-text quick-log parser: one sentence a seller typed or dictated → the proposed fields of an activity.
 * Pure and deterministic (no clock, no database, no network): the caller passes the clock reading, the org
 * calendar, the seller's customers (with aliases) and the matched customer's contacts and open deals.
 *
 * It says what it did not understand (`unparsed`) instead of guessing: no customer or several equally good ones, a
 * contact it could not tell apart, no activity type, a vague time (过几天), a next step without a date, several
 * open deals.
 */
import type { ActivityType } from '../../activities/effective.js';
import { matchContact, type ContactCandidate, type ContactProposal } from './contacts.js';
import { matchCustomer, type CustomerCandidate } from './customers.js';
import { matchKey } from './text.js';
import { scanTimes, type TimeContext, type TimeHit } from './times.js';

export interface DealCandidate {
  id: string;
  title: string;
}

export interface ParseInput extends TimeContext {
  text: string;
  customers: readonly CustomerCandidate[];
  /** Contacts and open deals of the matched customer: `contactsOf` / `dealsOf` are asked only for that one. */
  contactsOf(customerId: string): readonly ContactCandidate[];
  dealsOf(customerId: string): readonly DealCandidate[];
}

export type UnparsedField = 'customer' | 'contact' | 'type' | 'nextAction' | 'dueAt' | 'deal';
export interface Unparsed {
  field: UnparsedField;
  /** not_found | ambiguous | vague | no_date | new_contact */
  reason: 'not_found' | 'ambiguous' | 'vague' | 'no_date' | 'new_contact';
  /** The words concerned, when there are any. */
  text: string | null;
  candidates?: Array<{ id: string; name: string }>;
}

export interface ParsedLog {
  customer: { id: string; name: string } | null;
  contact: ContactProposal | null;
  type: ActivityType | null;
  summary: string;
  nextAction: { text: string; dueAt: string | null } | null;
  dealId: string | null;
  /** When it happened, if the sentence says (昨天, 前天); null: now. */
  occurredAt: string | null;
  unparsed: Unparsed[];
}

/** Activity types by the words that name them, most specific first (a channel beats "chatted"). */
const TYPE_WORDS: Array<[ActivityType, RegExp]> = [
  ['demo', /演示|讲解了?产品|产品展示|demo/i],
  ['call', /电话|致电|打给|通话|来电|电联|语音通话|视频会|回访/],
  ['wechat', /微信|企微|企业微信|wx/i],
  ['email', /邮件|邮箱|e-?mail/i],
  ['materials', /[发送]了?(?:资料|方案|报价|彩页|案例|合同|样本|样品)|寄了?|(?:资料|方案|报价单?)(?:已经?)?发/],
  ['visit', /拜访|上门|面谈|见面|(?<![意看预])见|走访|登门|到访|去了|跑了一趟|陪|参观|面见|约见|会面|现场|跟台|科室会|吃了?个?饭|饭局|(?:^|[，,。\s再先也还就])去/],
  ['visit', /聊了?|谈了?|沟通|交流|碰了?一?下|开会/],
];

/** A clause that starts with one of these is a next step even without a date. */
const NEXT_MARKER = /^(?:下一步|接下来|然后|之后|后续|准备|计划|打算|需要|要|待|再|还要|跟进|安排|约了?|负责|我负责|我来|我去|我会|他会|她会|对方会|客户会|等)/;
const SUBJECT_BEFORE = /(?:他们|她们|我们|他|她|我|客户|对方|厂家)$/;

export function parseLog(input: ParseInput): ParsedLog {
  const text = input.text.trim();
  const unparsed: Unparsed[] = [];
  const times = scanTimes(text, input);

  // Customer.
  const found = matchCustomer(text, input.customers);
  if (!found.customer) unparsed.push({ field: 'customer', reason: found.candidates.length > 1 ? 'ambiguous' : 'not_found', text: null, ...(found.candidates.length > 1 ? { candidates: found.candidates } : {}) });

  // Where the next step starts: the first future time expression (or the subject just before it), else the first
  // clause that opens with a next-step word.
  const future = times.hits.find((h) => h.tense === 'future');
  const split = splitAt(text, future);
  const done = text.slice(0, split).replace(/[，,。；;\s]+$/, '');
  const next = text.slice(split).replace(/^[，,。；;\s]+/, '').replace(/[。；;\s]+$/, '');

  // Contact and deal of the matched customer.
  let contact: ContactProposal | null = null;
  let dealId: string | null = null;
  if (found.customer) {
    const c = matchContact(text, input.contactsOf(found.customer.id));
    contact = c.proposal;
    if (c.ambiguous.length > 1) unparsed.push({ field: 'contact', reason: 'ambiguous', text: c.matched, candidates: c.ambiguous.map((x) => ({ id: x.id, name: x.name })) });
    else if (c.proposal?.isNew) unparsed.push({ field: 'contact', reason: 'new_contact', text: c.matched });
    const deals = input.dealsOf(found.customer.id);
    const pick = deals.length === 1 ? deals[0] : pickDeal(text, deals);
    dealId = pick?.id ?? null;
    if (!pick && deals.length > 1) unparsed.push({ field: 'deal', reason: 'ambiguous', text: null, candidates: deals.map((d) => ({ id: d.id, name: d.title })) });
  } else {
    const c = matchContact(text, []);
    contact = c.proposal;
  }

  // Type from what was done (a demo planned for next week does not make today's visit a demo).
  // Time words are blanked out first, so "1月5号去浙一" reads as ",去浙一".
  let typeText = done || text;
  for (const h of [...times.hits, ...times.vague]) if (h.end <= typeText.length) typeText = typeText.slice(0, h.start) + '，'.repeat(h.end - h.start) + typeText.slice(h.end);
  const type = TYPE_WORDS.find(([, re]) => re.test(typeText))?.[0] ?? null;
  if (!type) unparsed.push({ field: 'type', reason: 'not_found', text: null });

  // Next action and its due instant.
  let nextAction: ParsedLog['nextAction'] = null;
  if (next) {
    const due = future && future.start >= split ? future : null;
    nextAction = { text: next, dueAt: due ? due.at.toUTC().toISO()! : null };
    if (!due) {
      const vague = times.vague.find((v) => v.start >= split);
      unparsed.push({ field: 'dueAt', reason: vague ? 'vague' : 'no_date', text: vague?.text ?? null });
    }
  } else if (times.vague.length > 0) {
    unparsed.push({ field: 'dueAt', reason: 'vague', text: times.vague[0].text });
  }

  const past = times.hits.find((h) => h.tense === 'past');
  return {
    customer: found.customer,
    contact,
    type,
    summary: done || text,
    nextAction,
    dealId,
    occurredAt: past ? past.at.set({ hour: 12 }).toUTC().toISO()! : null,
    unparsed,
  };
}

/** Index where the next step begins (text.length: there is none). */
function splitAt(text: string, future: TimeHit | undefined): number {
  let at = text.length;
  if (future) {
    // The clause holding the plan, or — in the first clause — from its subject or time word on.
    const before = text.slice(0, future.start);
    const clauseStart = Math.max(...[...'，,。；;！!？?\n'].map((p) => before.lastIndexOf(p))) + 1;
    const subject = SUBJECT_BEFORE.exec(before);
    at = clauseStart > 0 ? clauseStart : subject ? subject.index : future.start;
  }
  // A clause opening with a next-step word before that point starts the next step earlier.
  let offset = 0;
  for (const clause of text.split(/(?<=[，,。；;！!？?\n])/)) {
    const trimmed = clause.trim();
    if (offset > 0 && offset < at && NEXT_MARKER.test(trimmed)) return offset;
    offset += clause.length;
  }
  // at 0: nothing done before the plan ("明天给王主任打电话"); the whole sentence is the plan and the summary.
  return at;
}

/** Of several open deals, the one whose title shares the longest run (≥ 3 characters) with the sentence, if unique. */
function pickDeal(text: string, deals: readonly DealCandidate[]): DealCandidate | null {
  const key = matchKey(text);
  const scored = deals.map((d) => ({ d, n: longestCommonRun(key, matchKey(d.title)) })).sort((a, b) => b.n - a.n);
  if (scored.length === 0 || scored[0].n < 3) return null;
  return scored.length === 1 || scored[1].n < scored[0].n ? scored[0].d : null;
}

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < b.length; i++) {
    for (let j = i + best + 1; j <= b.length; j++) {
      if (a.includes(b.slice(i, j))) best = j - i;
      else break;
    }
  }
  return best;
}
