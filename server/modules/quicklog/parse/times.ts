/**
 * Chinese time expressions of a quick-log sentence → instants in the org's time zone. Pure and deterministic: the
 * clock reading and the working-day calendar come in as arguments.
 *
 * Day words: 今天 明天 后天 大后天 昨天 前天; 周五 / 下周二 / 下下周一 / 本周三 (a weekday already past this week
 * means next week's); 下周 (its first working day); 本周内 (this week's last working day); 周末; 月底 / 下月底 (last
 * working day), 月初 / 下月初 / 下个月 (first working day of next month), 月中, 年底; 3天后, 两周后, 半个月后,
 * 3个工作日后 / 内 (working days on the org calendar); 12月5日, 2027年1月4日, 5号 (a date already past means next
 * year's / next month's). Time of day: 下午三点, 上午10点半, 晚上8:30, 中午; a day without a time is due at 09:00 (the
 * web app's date picker uses the same hour). Vague words (过几天, 改天, 尽快 …) are reported, never turned into a date.
 */
import { DateTime } from 'luxon';
import { NUM, parseNumber } from './text.js';

export interface TimeContext {
  now: Date;
  timeZone: string;
  isWorkingDay(date: string): boolean;
}

export interface TimeHit {
  start: number;
  end: number;
  text: string;
  at: DateTime;
  /** past: 昨天, 前天 (when the activity happened); today: 今天 alone; future otherwise. */
  tense: 'past' | 'today' | 'future';
}

export interface TimeScan {
  hits: TimeHit[];
  vague: Array<{ start: number; end: number; text: string }>;
}

const DEFAULT_HOUR = 9;
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const VAGUE = /过几天|过两天|过段时间|过一阵|改天|近期|最近几天|这几天|回头|抽空|有空|尽快|择日|找时间|下次|以后再|晚点|之后再/g;

type DayRule = { re: RegExp; day: (m: RegExpExecArray, today: DateTime, ctx: TimeContext) => DateTime | null; tense?: TimeHit['tense'] };

const firstWorking = (from: DateTime, ctx: TimeContext, limit = 31): DateTime => {
  let d = from;
  for (let i = 0; i < limit && !ctx.isWorkingDay(d.toISODate()!); i++) d = d.plus({ days: 1 });
  return d;
};
const lastWorking = (from: DateTime, ctx: TimeContext, limit = 31): DateTime => {
  let d = from;
  for (let i = 0; i < limit && !ctx.isWorkingDay(d.toISODate()!); i++) d = d.minus({ days: 1 });
  return d;
};
const addWorkingDays = (from: DateTime, n: number, ctx: TimeContext): DateTime => {
  let d = from;
  for (let counted = 0, guard = 0; counted < n && guard < 400; guard++) {
    d = d.plus({ days: 1 });
    if (ctx.isWorkingDay(d.toISODate()!)) counted++;
  }
  return d;
};
const num = (s: string | undefined): number | null => (s === undefined ? null : parseNumber(s));

/** Ordered: longer, more specific forms first; a position is used by one rule only. */
const DAY_RULES: DayRule[] = [
  {
    re: new RegExp(`(?:(\\d{4})年)?${NUM}月${NUM}(?:日|号)`, 'g'),
    day: (m, today) => {
      const month = num(m[2]);
      const dayOfMonth = num(m[3]);
      if (!month || !dayOfMonth || month > 12) return null;
      const year = m[1] ? Number(m[1]) : today.year;
      let d = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: today.zone });
      if (!d.isValid) return null;
      if (!m[1] && d < today) d = d.plus({ years: 1 });
      return d;
    },
  },
  { re: new RegExp(`${NUM}个?工作日(?:以?后|之后|内|之内)`, 'g'), day: (m, today, ctx) => (num(m[1]) ? addWorkingDays(today, num(m[1])!, ctx) : null) },
  { re: new RegExp(`(${NUM.slice(1, -1)}|半)个?月(?:以?后|之后)`, 'g'), day: (m, today) => (m[1] === '半' ? today.plus({ days: 15 }) : num(m[1]) ? today.plus({ months: num(m[1])! }) : null) },
  { re: new RegExp(`${NUM}个?(?:星期|周|礼拜)(?:以?后|之后)`, 'g'), day: (m, today) => (num(m[1]) ? today.plus({ weeks: num(m[1])! }) : null) },
  { re: new RegExp(`过${NUM}天`, 'g'), day: (m, today) => (num(m[1]) ? today.plus({ days: num(m[1])! }) : null) },
  { re: new RegExp(`${NUM}(?:天|日)(?:以?后|之后)`, 'g'), day: (m, today) => (num(m[1]) ? today.plus({ days: num(m[1])! }) : null) },
  { re: /大后天/g, day: (_m, today) => today.plus({ days: 3 }) },
  { re: /后天/g, day: (_m, today) => today.plus({ days: 2 }) },
  { re: /明天|明日|明儿|明早|明晚/g, day: (_m, today) => today.plus({ days: 1 }) },
  { re: /昨天|昨日|昨晚/g, day: (_m, today) => today.minus({ days: 1 }), tense: 'past' },
  { re: /前天/g, day: (_m, today) => today.minus({ days: 2 }), tense: 'past' },
  { re: /今天|今日|今儿|今早|今晚/g, day: (_m, today) => today, tense: 'today' },
  {
    re: /上个?(?:周|星期|礼拜)([一二三四五六日天1-7])/g,
    day: (m, today) => today.minus({ days: today.weekday - 1, weeks: 1 }).plus({ days: WEEKDAY[m[1]] - 1 }),
    tense: 'past',
  },
  {
    re: /(下下个?|下个?|本|这个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g,
    day: (m, today) => {
      const wd = WEEKDAY[m[2]];
      const monday = today.minus({ days: today.weekday - 1 });
      const weeks = m[1]?.startsWith('下下') ? 2 : m[1]?.startsWith('下') ? 1 : 0;
      let d = monday.plus({ weeks, days: wd - 1 });
      // A bare weekday already past this week means the coming one.
      if (!m[1] && d < today) d = d.plus({ weeks: 1 });
      return d;
    },
  },
  { re: /下下个?(?:周|星期|礼拜)/g, day: (_m, today, ctx) => firstWorking(today.minus({ days: today.weekday - 1 }).plus({ weeks: 2 }), ctx) },
  { re: /下个?(?:周|星期|礼拜)/g, day: (_m, today, ctx) => firstWorking(today.minus({ days: today.weekday - 1 }).plus({ weeks: 1 }), ctx) },
  { re: /(?:本|这个?)(?:周|星期|礼拜)(?:内|之内)?/g, day: (_m, today, ctx) => lastWorking(today.plus({ days: 7 - today.weekday }), ctx) },
  { re: /周末/g, day: (_m, today) => (today.weekday >= 6 ? today : today.plus({ days: 6 - today.weekday })) },
  { re: /下个?月(?:底|末)/g, day: (_m, today, ctx) => lastWorking(today.plus({ months: 1 }).endOf('month').startOf('day'), ctx) },
  { re: /(?:本|这个?)?月(?:底|末)/g, day: (_m, today, ctx) => lastWorking(today.endOf('month').startOf('day'), ctx) },
  { re: /下个?月(?:初)?/g, day: (_m, today, ctx) => firstWorking(today.plus({ months: 1 }).startOf('month'), ctx) },
  { re: /月初/g, day: (_m, today, ctx) => firstWorking(today.day <= 5 ? today : today.plus({ months: 1 }).startOf('month'), ctx) },
  { re: /(?:本|这个?)?月中/g, day: (_m, today, ctx) => firstWorking(today.day <= 15 ? today.set({ day: 15 }) : today.plus({ months: 1 }).set({ day: 15 }), ctx) },
  { re: /(?:今|本)?年(?:底|末)/g, day: (_m, today, ctx) => lastWorking(today.endOf('year').startOf('day'), ctx) },
  {
    re: new RegExp(`(?<![月\\d零〇一二两三四五六七八九十])${NUM}(?:号|日)(?![后以之])`, 'g'),
    day: (m, today) => {
      const dayOfMonth = num(m[1]);
      if (!dayOfMonth || dayOfMonth > 31) return null;
      let d = today.set({ day: dayOfMonth });
      if (d.day !== dayOfMonth) return null;
      if (d < today) d = today.plus({ months: 1 }).set({ day: dayOfMonth });
      return d.day === dayOfMonth ? d : null;
    },
  },
];

const PERIOD = '(早上|上午|中午|下午|傍晚|晚上|晚|早)';
const CLOCK = new RegExp(`${PERIOD}?${NUM}(?:点|时|:|：)(半|一刻|三刻|(\\d{2})|${NUM}分?)?`, 'g');
const PERIOD_ONLY = new RegExp(PERIOD, 'g');

function toHour(period: string | undefined, hour: number): number {
  if (period && /下午|傍晚|晚上|晚/.test(period) && hour < 12) return hour + 12;
  if (period === '中午' && hour < 11) return hour + 12;
  // Without a period, 1–6 o'clock in a work plan is the afternoon.
  if (!period && hour >= 1 && hour <= 6) return hour + 12;
  return hour;
}

function clockAt(text: string, from: number): { hour: number; minute: number; end: number } | null {
  const rest = text.slice(from);
  const lead = /^(?:的)?/.exec(rest)![0].length;
  CLOCK.lastIndex = 0;
  const m = CLOCK.exec(rest.slice(lead));
  if (m && m.index === 0) {
    const hour = num(m[2]);
    if (hour === null || hour > 24) return null;
    const minute = m[3] === '半' ? 30 : m[3] === '一刻' ? 15 : m[3] === '三刻' ? 45 : m[4] ? Number(m[4]) : m[5] ? (num(m[5]) ?? 0) : 0;
    if (minute > 59) return null;
    return { hour: toHour(m[1], hour), minute, end: from + lead + m[0].length };
  }
  PERIOD_ONLY.lastIndex = 0;
  const p = PERIOD_ONLY.exec(rest.slice(lead));
  if (p && p.index === 0) {
    const hour = /中午/.test(p[1]) ? 12 : /下午/.test(p[1]) ? 14 : /傍晚/.test(p[1]) ? 17 : /晚/.test(p[1]) ? 19 : 9;
    return { hour, minute: 0, end: from + lead + p[0].length };
  }
  return null;
}

/** Every time expression of the text, in text order. */
export function scanTimes(text: string, ctx: TimeContext): TimeScan {
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone }).startOf('day');
  const taken = new Array<boolean>(text.length).fill(false);
  const hits: TimeHit[] = [];
  const vague: TimeScan['vague'] = [];
  for (const m of text.matchAll(VAGUE)) {
    vague.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    for (let i = m.index; i < m.index + m[0].length; i++) taken[i] = true;
  }
  for (const rule of DAY_RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      const day = rule.day(m as RegExpExecArray, today, ctx);
      if (!day) continue;
      let at = day.set({ hour: DEFAULT_HOUR, minute: 0, second: 0, millisecond: 0 });
      let hitEnd = end;
      // 今晚/明晚/明早 carry their period.
      if (/晚$/.test(m[0])) at = at.set({ hour: 19 });
      const clock = clockAt(text, end);
      if (clock) {
        at = at.set({ hour: clock.hour % 24, minute: clock.minute });
        hitEnd = clock.end;
      }
      for (let i = start; i < hitEnd; i++) taken[i] = true;
      // 今天 with a time still ahead (今天下午三点, 今晚) is a plan; 今天 alone or an hour already past is when it happened.
      const timed = clock !== null || /晚$/.test(m[0]);
      const tense = rule.tense === 'today' ? (timed && at.toMillis() > ctx.now.getTime() ? 'future' : 'today') : (rule.tense ?? 'future');
      hits.push({ start, end: hitEnd, text: text.slice(start, hitEnd), at, tense });
    }
  }
  // A time of day alone (下午三点) is today's.
  CLOCK.lastIndex = 0;
  for (const m of text.matchAll(CLOCK)) {
    if (!m[1] && !/[点时]/.test(m[0])) continue;
    if (taken.slice(m.index, m.index + m[0].length).some(Boolean)) continue;
    const clock = clockAt(text, m.index);
    if (!clock) continue;
    for (let i = m.index; i < clock.end; i++) taken[i] = true;
    const at = today.set({ hour: clock.hour % 24, minute: clock.minute });
    hits.push({ start: m.index, end: clock.end, text: text.slice(m.index, clock.end), at, tense: at.toMillis() > ctx.now.getTime() ? 'future' : 'today' });
  }
  // A period alone (中午, 下午) is today's too.
  PERIOD_ONLY.lastIndex = 0;
  for (const m of text.matchAll(/上午|中午|下午|傍晚|晚上/g)) {
    if (taken.slice(m.index, m.index + m[0].length).some(Boolean)) continue;
    const clock = clockAt(text, m.index)!;
    for (let i = m.index; i < clock.end; i++) taken[i] = true;
    const at = today.set({ hour: clock.hour, minute: clock.minute });
    hits.push({ start: m.index, end: clock.end, text: m[0], at, tense: at.toMillis() > ctx.now.getTime() ? 'future' : 'today' });
  }
  hits.sort((a, b) => a.start - b.start);
  return { hits, vague };
}
