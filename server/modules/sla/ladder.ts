/**
 * SLA specifications and escalation ladders: the zod schema pipeline stages carry under `sla`, and the pure
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
import { z } from 'zod';
import type { BusinessCalendar, DurationUnit } from '../calendar/hours.js';
import { instantAfter, targetMs, type Pause } from './clock.js';

export const HIERARCHY = ['owner', 'owner.lead', 'owner.regional_manager', 'owner.director'] as const;
export type HierarchyRecipient = (typeof HIERARCHY)[number];
export const CHANNELS = ['inapp', 'wecom', 'dingtalk', 'feishu', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const SLA_COLOURS = ['yellow', 'red'] as const;

const DURATION = /^(\d{1,4})(wd|bh|h|d)$/;
const ROLE_RECIPIENT = /^role:(seller|lead|regional_manager|director|finance|support|admin)$/;
const USER_RECIPIENT = /^user:[A-Za-z0-9_.@-]{1,64}$/;

export const durationSchema = z
  .string({ error: "must be text such as '7wd', '8bh', '48h' or '3d'" })
  .regex(DURATION, "must be a whole number followed by wd (working days), bh (business hours), h (hours) or d (calendar days), e.g. '7wd', '8bh', '48h', '3d'");

export const recipientSchema = z
  .string({ error: 'must be text' })
  .refine((v) => (HIERARCHY as readonly string[]).includes(v) || v === 'next_up' || ROLE_RECIPIENT.test(v) || USER_RECIPIENT.test(v), {
    message: `must be one of ${HIERARCHY.join(', ')}, next_up, role:<role> or user:<username>`,
  });

export const ladderLevelSchema = z.strictObject({
  after: durationSchema,
  since: z.enum(['entry', 'previous_level'], { error: 'must be entry or previous_level' }).default('entry'),
  colour: z.enum(SLA_COLOURS, { error: 'must be yellow or red' }).optional(),
  notify: z.array(recipientSchema).min(1, 'name at least one recipient').max(10, 'at most 10 recipients'),
  require: z.literal('intervention', { error: "must be 'intervention'" }).optional(),
  channels: z.array(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` })).max(6).optional(),
});

export const slaSpecSchema = z
  .strictObject({
    /** The clock restarts on every effective activity on the record (a dwell limit when false). */
    idle: z.boolean({ error: 'must be true or false' }).default(false),
    ladder: z.array(ladderLevelSchema).min(1, 'a ladder needs at least one level').max(10, 'a ladder has at most 10 levels'),
  })
  .superRefine((spec, ctx) => {
    spec.ladder.forEach((level, i) => {
      if (i === 0 && level.notify.includes('next_up')) {
        ctx.addIssue({ code: 'custom', path: ['ladder', 0, 'notify'], message: 'next_up needs a previous level' });
      }
      // Levels fire in order, so a level counted from entry must not come before the one it follows.
      const prev = spec.ladder[i - 1];
      if (prev && level.since === 'entry' && prev.since === 'entry' && comparable(prev.after, level.after) && durationOrder(level.after) <= durationOrder(prev.after)) {
        ctx.addIssue({ code: 'custom', path: ['ladder', i, 'after'], message: `must be later than the previous level (${prev.after})` });
      }
    });
  });

export type SlaSpec = z.output<typeof slaSpecSchema>;
export type SlaSpecInput = z.input<typeof slaSpecSchema>;
export type LadderLevel = SlaSpec['ladder'][number];

/** A level as stored on a timer: `next_up` already expanded. */
export interface StoredLevel {
  after: string;
  since: 'entry' | 'previous_level';
  colour?: 'yellow' | 'red';
  notify: string[];
  require?: 'intervention';
  channels?: Channel[];
}

type Unit = 'wd' | 'bh' | 'h' | 'd';

function parseDuration(after: string): { n: number; unit: Unit } {
  const m = DURATION.exec(after);
  if (!m) throw new RangeError(`bad duration ${after}`);
  return { n: Number(m[1]), unit: m[2] as Unit };
}

function comparable(a: string, b: string): boolean {
  const ua = parseDuration(a).unit;
  const ub = parseDuration(b).unit;
  const plain = (u: Unit) => u === 'h' || u === 'd';
  return ua === ub || (plain(ua) && plain(ub));
}

function durationOrder(after: string): number {
  const { n, unit } = parseDuration(after);
  return unit === 'd' ? n * 24 : n;
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
