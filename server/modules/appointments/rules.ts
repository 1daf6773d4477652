/** Pure rules of store appointments: the no-show boundary, who may take a reassigned call, day ranges, SMS text. */
import { DateTime } from 'luxon';
import { can, inGroup, scopeOf, type Actor } from '../../core/policy.js';

/** Seed 000: "预约时间超过30分钟且无签到记录" — at + 30:00 exactly is a no-show, +29:59 is not. */
export const NO_SHOW_GRACE_MS = 30 * 60_000;
/** The follow-up call after a no-show is due quickly ("2 working hours" in the brief; plain hours here). */
export const FOLLOWUP_DEADLINE_MS = 2 * 3_600_000;

export function noShowDueAt(at: string): string {
  return new Date(new Date(at).getTime() + NO_SHOW_GRACE_MS).toISOString();
}

export function isNoShowDue(appointment: { status: string; at: string }, now: Date): boolean {
  return appointment.status === 'booked' && now.getTime() >= new Date(appointment.at).getTime() + NO_SHOW_GRACE_MS;
}

/**
 * The team subtree whose consultants may receive a reassigned follow-up call. A store manager (lead) reaches the
 * stores of their parent team (the neighbouring stores of the region, as in the seed: "当场指派邻店顾问"); a
 * regional manager their region; directors and admins everyone. Sellers do not reassign.
 */
export function reassignReach(actor: Actor): { kind: 'all' } | { kind: 'subtree'; path: string } | null {
  if (!can(actor, 'appointment.reassign')) return null;
  const scope = scopeOf(actor);
  if (scope.kind !== 'subtree') return { kind: 'all' };
  if (!inGroup(actor, 'storeManagers')) return scope;
  const parts = actor.teamPath.split('/').filter(Boolean);
  // A lead of a top-level team has no parent to widen to: their own team only.
  return { kind: 'subtree', path: parts.length > 1 ? `/${parts.slice(0, -1).join('/')}/` : actor.teamPath };
}

export function inReach(reach: { kind: 'all' } | { kind: 'subtree'; path: string }, teamPath: string): boolean {
  return reach.kind === 'all' || teamPath.startsWith(reach.path);
}

/** Local dates `from`..`to` (inclusive) in `timeZone` as the UTC instants [start, end). */
export function localDayRange(from: string, to: string, timeZone: string): { start: string; end: string } {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).startOf('day').plus({ days: 1 });
  if (!start.isValid || !end.isValid) throw new Error(`bad date range ${from}..${to} in ${timeZone}`);
  return { start: new Date(start.toMillis()).toISOString(), end: new Date(end.toMillis()).toISOString() };
}

export function localDate(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/** "138****8000": the name of a customer created from a phone alone, until someone types the real name. */
export function maskedPhone(normalized: string): string {
  return normalized.length >= 7 ? `${normalized.slice(0, 3)}****${normalized.slice(-4)}` : normalized;
}

/** Provider template APPOINTMENT_CONFIRM: `已为您预留{duration}分钟，{store}恭候光临（{time}）`. */
export const CONFIRM_TEMPLATE = 'APPOINTMENT_CONFIRM';

export function confirmationSms(input: { durationMinutes: number; storeName: string; at: string; timeZone: string }) {
  const time = DateTime.fromISO(input.at, { zone: input.timeZone }).toFormat('M月d日 HH:mm');
  const params = { duration: String(input.durationMinutes), store: input.storeName, time };
  return { template: CONFIRM_TEMPLATE, params, text: `已为您预留${params.duration}分钟，${params.store}恭候光临（${params.time}）` };
}

/** No-shows whose follow-up was completed ÷ no-shows; null when there were none (not 0 %, nothing to touch). */
export function secondTouchRate(noShows: number, touched: number): number | null {
  return noShows === 0 ? null : Math.round((touched / noShows) * 1000) / 1000;
}
