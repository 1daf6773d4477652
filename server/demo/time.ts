/** Instants for the generator: the org time zone is Asia/Shanghai, which has no daylight saving (UTC + 8 h). */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
const SHANGHAI_OFFSET = 8 * HOUR;

export const iso = (ms: number) => new Date(ms).toISOString();
/** The calendar date in the org time zone. */
export const shanghaiDate = (ms: number) => new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 10);
/** Start of the org-time-zone day containing `ms`, as a UTC epoch. */
export const shanghaiMidnight = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
/** Day of the week (0 = Sunday) in the org time zone. */
export const shanghaiWeekday = (ms: number) => new Date(ms + SHANGHAI_OFFSET).getUTCDay();
