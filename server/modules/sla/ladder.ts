/**
 * SLA escalation ladders: the spec pipeline stages carry under `sla` (its schema: pipelines/sla-spec.ts) and the pure
 * arithmetic that turns a ladder into deadlines. No SQL, no HTTP.
 *
 * Semantics:
 * - `after` is `<n>wd` (working days in the org calendar: same local time on the n-th working day), `<n>bh`
 *   (business hours of the owner's team: its intervals on its working days), `<n>h` (plain elapsed hours) or `<n>d`
 *   (calendar days, n × 24 h). Each level is an SLA clock target (clock.ts) counted from its base.
 * - `since: entry` (default) counts from the clock's anchor (stage entry, or the last effective activity when
 *   `idle: true`, or a task's due time); `since: previous_level` counts from the previous level's deadline, so the
 *   schedule is a pure function of the anchor and never drifts with the scheduler's latency.
 * - A level without `colour` turns the subject red: a reached level means a deadline was missed.
 * - `next_up` in `notify` means one step above the previous level's highest hierarchy recipient
 *   (owner → owner.lead → owner.regional_manager → owner.director); it is expanded when the spec is stored.
 */
import type { BusinessCalendar, DurationUnit } from '../calendar/hours.js';
import { HIERARCHY, parseDuration, type Channel, type HierarchyRecipient, type LadderLevel } from '../pipelines/sla-spec.js';
import { instantAfter, targetMs, type Pause } from './clock.js';

export {
  CHANNELS,
  HIERARCHY,
  SLA_COLOURS,
  durationSchema,
  ladderLevelSchema,
  recipientSchema,
  slaSpecSchema,
  type Channel,
  type HierarchyRecipient,
  type LadderLevel,
  type SlaSpec,
  type SlaSpecInput,
} from '../pipelines/sla-spec.js';

/** A level as stored on a timer: `next_up` already expanded. */
export interface StoredLevel {
  after: string;
  since: 'entry' | 'previous_level';
  colour?: 'yellow' | 'red';
  notify: string[];
  require?: 'intervention';
  channels?: Channel[];
}

/** Replaces `next_up` by the next hierarchy step above the previous level's highest hierarchy recipient. */
export function expandLadder(ladder: readonly LadderLevel[]): StoredLevel[] {
  const out: StoredLevel[] = [];
  let highest = -1;
  for (const level of ladder) {
    const notify: string[] = [];
    let levelHighest = -1;
    for (const r of level.notify) {
      const resolved = r === 'next_up' ? HIERARCHY[Math.min(highest + 1, HIERARCHY.length - 1)] : r;
      if (!notify.includes(resolved)) notify.push(resolved);
      levelHighest = Math.max(levelHighest, HIERARCHY.indexOf(resolved as HierarchyRecipient));
    }
    if (levelHighest >= 0) highest = levelHighest;
    out.push({
      after: level.after,
      since: level.since,
      ...(level.colour ? { colour: level.colour } : {}),
      notify,
      ...(level.require ? { require: level.require } : {}),
      ...(level.channels ? { channels: level.channels } : {}),
    });
  }
  return out;
}

/** A ladder duration as an SLA clock target. */
export function clockTarget(after: string): { unit: DurationUnit; amount: number } {
  const { n, unit } = parseDuration(after);
  if (unit === 'wd') return { unit: 'working_days', amount: n };
  if (unit === 'bh') return { unit: 'business_hours', amount: n };
  return { unit: 'calendar_hours', amount: unit === 'd' ? n * 24 : n };
}

export function addDuration(calendar: BusinessCalendar, from: Date, after: string, pauses: readonly Pause[] = []): Date | null {
  const target = clockTarget(after);
  return instantAfter(calendar, target.unit, from, targetMs(target), pauses);
}

/**
 * Deadline of `level` (1-based): from the anchor, or from the previous level's deadline; null while the clock is
 * paused before reaching it.
 */
export function levelDueAt(calendar: BusinessCalendar, ladder: readonly StoredLevel[], level: number, anchor: Date, previousDue: Date | null, pauses: readonly Pause[] = []): Date | null {
  const spec = ladder[level - 1];
  const base = spec.since === 'previous_level' && level > 1 && previousDue ? previousDue : anchor;
  return addDuration(calendar, base, spec.after, pauses);
}

/** Every deadline of the ladder in order (for display and tests). */
export function ladderSchedule(calendar: BusinessCalendar, ladder: readonly StoredLevel[], anchor: Date): Date[] {
  const out: Date[] = [];
  for (let level = 1; level <= ladder.length; level++) out.push(levelDueAt(calendar, ladder, level, anchor, out[level - 2] ?? null)!);
  return out;
}

export function colourAfter(level: StoredLevel): 'yellow' | 'red' {
  return level.colour ?? 'red';
}

/** Task ladder: at the due time the assignee hears about it; one working day later their lead does. */
export const DEFAULT_TASK_LADDER: StoredLevel[] = [
  { after: '0h', since: 'entry', colour: 'red', notify: ['owner'] },
  { after: '1wd', since: 'previous_level', colour: 'red', notify: ['owner.lead'] },
];
