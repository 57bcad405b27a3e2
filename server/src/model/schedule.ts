/**
 * Schedule windows: `DAYS HH:MM-HH:MM`, as written in a connector's `schedule`
 * lists. Used by the schedule rules and by the route simulator.
 *
 * Days are numbered as Date.prototype.getDay numbers them: 0 is Sunday, 1
 * Monday … 6 Saturday, so `isOpen(windows, date.getDay(), minutes)` works as is.
 */

export const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const MINUTES_PER_DAY = 24 * 60;

/** A time as written in a window, with where it stands in the window's text. */
export interface ScheduleTime {
  text: string;
  /** Minutes after midnight, 0..1440 (1440 only as an end). */
  minutes: number;
  /** Offset of the time in the window's text. */
  offset: number;
}

export interface ScheduleWindow {
  /** The days on which the window opens (0 = Sunday … 6 = Saturday). */
  days: ReadonlySet<number>;
  start: ScheduleTime;
  end: ScheduleTime;
  /** The end is at or before the start: the window runs over midnight into the next day. */
  overnight: boolean;
}

export type WindowParse = { ok: true; window: ScheduleWindow } | { ok: false; reason: string };

/** Parses one window. A time off the 15-minute grid parses: judging that is the caller's business. */
export function parseWindow(text: string): WindowParse {
  const fail = (reason: string): WindowParse => ({ ok: false, reason });
  const m = /^(\s*)(\S.*?)(\s+)(\S+)\s*$/.exec(text);
  if (!m) return fail('expected days and a time range, such as Mon-Fri 18:00-07:00');
  const days = parseDays(m[2]);
  if (typeof days === 'string') return fail(days);
  const timesText = m[4];
  const timesOffset = m[1].length + m[2].length + m[3].length;
  const dash = timesText.indexOf('-');
  if (dash === -1 || timesText.indexOf('-', dash + 1) !== -1) return fail(`'${timesText}' is not a time range such as 18:00-07:00`);
  const start = parseTime(timesText.slice(0, dash), timesOffset);
  if (typeof start === 'string') return fail(start);
  const end = parseTime(timesText.slice(dash + 1), timesOffset + dash + 1);
  if (typeof end === 'string') return fail(end);
  if (start.minutes === MINUTES_PER_DAY) return fail('24:00 may only end a window');
  if (start.minutes === end.minutes % MINUTES_PER_DAY && end.minutes !== MINUTES_PER_DAY)
    return fail('it is empty, since it starts and ends at the same time');
  return { ok: true, window: { days, start, end, overnight: end.minutes <= start.minutes } };
}

/** A comma list of days and day ranges; ranges wrap round the week (Fri-Mon). */
function parseDays(text: string): Set<number> | string {
  const days = new Set<number>();
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') return `'${text}' has an empty day in its list`;
    const ends = part.split('-');
    if (ends.length > 2) return `'${part}' is not a day or a day range`;
    const from = dayNumber(ends[0].trim());
    const to = ends.length === 2 ? dayNumber(ends[1].trim()) : from;
    if (from === undefined) return `'${ends[0].trim()}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)`;
    if (to === undefined) return `'${ends[1].trim()}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)`;
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return days;
}

function dayNumber(name: string): number | undefined {
  const i = (DAY_NAMES as readonly string[]).indexOf(name);
  return i === -1 ? undefined : i;
}

function parseTime(text: string, offset: number): ScheduleTime | string {
  const m = /^(\d\d):(\d\d)$/.exec(text);
  if (!m) return `'${text}' is not a time: write HH:MM with two-digit hours and minutes`;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return `'${text}' is not a time of day`;
  return { text, minutes: h * 60 + min, offset };
}

/** Parses a whole schedule, skipping windows that do not parse. */
export function parseSchedule(texts: readonly string[]): ScheduleWindow[] {
  const out: ScheduleWindow[] = [];
  for (const t of texts) {
    const p = parseWindow(t);
    if (p.ok) out.push(p.window);
  }
  return out;
}

/**
 * Is a connection allowed at this minute (0..1439) of this day (0 = Sunday)?
 * A window that runs over midnight opens on its listed days and stays open
 * into the next morning.
 */
export function isOpen(windows: readonly ScheduleWindow[], day: number, minute: number): boolean {
  const yesterday = (day + 6) % 7;
  for (const w of windows) {
    const s = w.start.minutes;
    const e = w.end.minutes;
    if (!w.overnight) {
      if (w.days.has(day) && minute >= s && minute < e) return true;
    } else {
      if (w.days.has(day) && minute >= s) return true;
      if (w.days.has(yesterday) && minute < e) return true;
    }
  }
  return false;
}

/** Is the time on the 15-minute grid Exchange System Manager's schedule uses? */
export function onGrid(t: ScheduleTime): boolean {
  return t.minutes % 15 === 0;
}

/** HH:MM for minutes after midnight (1440 is 24:00). */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * The window's times on the 15-minute grid: each rounded to the nearest quarter
 * hour. A start never becomes 24:00 (it goes down to 23:45 instead). When
 * rounding would empty the window, the start goes down and the end up so that
 * the window still covers what was written; undefined for a window over
 * midnight that rounding would empty.
 */
export function roundWindow(w: ScheduleWindow): { start: number; end: number } | undefined {
  const nearest = (m: number) => Math.round(m / 15) * 15;
  let start = nearest(w.start.minutes);
  if (start === MINUTES_PER_DAY) start = MINUTES_PER_DAY - 15;
  let end = nearest(w.end.minutes);
  if (start === end % MINUTES_PER_DAY && end !== MINUTES_PER_DAY) {
    // A window over midnight that rounds to empty would need all day: no single window says that.
    if (w.overnight) return undefined;
    start = Math.floor(w.start.minutes / 15) * 15;
    end = Math.ceil(w.end.minutes / 15) * 15;
  }
  return { start, end };
}
