/**
 * Closed loop (观察性数据，非因果): for the pattern flags raised on a pipeline's deals, whether the action that answers
 * the flag was done within `loopDays` working days of the flag first appearing, and the deal's later outcome. The
 * answering action is the one whose absence the pattern describes: `k_without` → action B; `no_followup` → any
 * effective interaction. Flags in the holdout share were shown no suggestion and sent no notification; they are the
 * comparison group (and whether their sellers did the action anyway is counted too). Observational: the groups differ
 * in more than the suggestion, so the figures are labelled as such and never as an effect. Per group also the
 * decision time — days from the flag to the answering action — and days from the flag to the close (the seeds'
 * "key decisions 3.8 days shorter", compared between those shown the suggestion and the holdout). Pure.
 */
import type { Template } from './templates.js';

export interface LoopFlag {
  dealId: string;
  patternId: string;
  holdout: boolean;
  firstRaisedAt: string;
  /** Deadline: first raised + loopDays working days. */
  deadline: string;
  status: string;
  /** The close instant of a won or lost deal (null while open). */
  closedAt: string | null;
  template: Template;
}

/** An action on a deal after the flag: a stream row (activity with its tags, or a material open). */
export interface LoopAction {
  dealId: string;
  at: string;
  src: 'activity' | 'open';
  type: string;
  effective: boolean;
  tags: string[];
}

export type LoopGroupKey = 'done' | 'not_done' | 'holdout';

export interface LoopGroup {
  group: LoopGroupKey;
  flagged: number;
  /** Of them, the answering action logged in time (for the holdout: done without being told). */
  done: number;
  won: number;
  lost: number;
  open: number;
  /** won ÷ (won + lost) among those already closed; null while none is closed. */
  winRate: number | null;
  /** Decision time: mean days from the flag to the answering action, among those that did it in time. */
  avgDaysToAction: number | null;
  /** Mean days from the flag to the deal's close, among those already closed. */
  avgDaysToClose: number | null;
}

function matchesAction(action: string, a: LoopAction): boolean {
  const [kind, key] = action.split(/:(.*)/s);
  if (kind === 'open') return a.src === 'open';
  if (kind === 'type') return a.src === 'activity' && a.type === key;
  return a.src === 'activity' && a.tags.includes(key);
}

/** The first answering action between the flag and its deadline, or null. */
export function answeredAt(flag: LoopFlag, actions: LoopAction[]): string | null {
  const t = flag.template;
  let first: string | null = null;
  for (const a of actions) {
    if (a.dealId !== flag.dealId || a.at < flag.firstRaisedAt || a.at > flag.deadline) continue;
    const answers = t.template === 'k_without' ? matchesAction(t.b, a) : a.src === 'activity' && a.effective;
    if (answers && (first === null || a.at < first)) first = a.at;
  }
  return first;
}

/** Whether the answering action happened between the flag and its deadline. */
export function answered(flag: LoopFlag, actions: LoopAction[]): boolean {
  return answeredAt(flag, actions) !== null;
}

const DAY_MS = 86_400_000;
const meanDays = (spans: number[]) => (spans.length > 0 ? Math.round((spans.reduce((a, b) => a + b, 0) / spans.length / DAY_MS) * 10) / 10 : null);

function group(key: LoopGroupKey, flags: LoopFlag[], actions: LoopAction[]): LoopGroup {
  const won = flags.filter((f) => f.status === 'won').length;
  const lost = flags.filter((f) => f.status === 'lost').length;
  const toAction: number[] = [];
  for (const f of flags) {
    const at = answeredAt(f, actions);
    if (at) toAction.push(Date.parse(at) - Date.parse(f.firstRaisedAt));
  }
  const toClose = flags.filter((f) => f.closedAt).map((f) => Date.parse(f.closedAt!) - Date.parse(f.firstRaisedAt));
  return {
    group: key,
    flagged: flags.length,
    done: toAction.length,
    won,
    lost,
    open: flags.length - won - lost,
    winRate: won + lost > 0 ? won / (won + lost) : null,
    avgDaysToAction: meanDays(toAction),
    avgDaysToClose: meanDays(toClose),
  };
}

/** The three groups: suggested and done in time, suggested and not done, holdout. */
export function loopGroups(flags: LoopFlag[], actions: LoopAction[]): LoopGroup[] {
  const isDone = (f: LoopFlag) => answered(f, actions);
  const shown = flags.filter((f) => !f.holdout);
  return [
    group('done', shown.filter(isDone), actions),
    group('not_done', shown.filter((f) => !isDone(f)), actions),
    group('holdout', flags.filter((f) => f.holdout), actions),
  ];
}
