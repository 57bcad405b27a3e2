/**
 * Connection schedules as Active Directory stores them (`activationSchedule`
 * and the other *Schedule attributes): 84 bytes, 672 bits, one per quarter
 * hour of the week from Sunday 00:00 UTC, the high bit of each byte first.
 * Converted here to and from the format's `DAYS HH:MM-HH:MM` windows at a
 * fixed offset from UTC (the files have no time zone of their own).
 */
import { DAY_NAMES, formatTime, parseSchedule, isOpen } from '../model/schedule';

export const QUARTERS_PER_WEEK = 672;
const QUARTERS_PER_DAY = 96;

/** Reads the bitmap into local quarters (index 0 = Sunday 00:00 local). */
export function bitmapToLocal(bytes: Uint8Array, offsetMinutes: number): boolean[] {
  const shift = offsetMinutes / 15;
  const out: boolean[] = [];
  for (let local = 0; local < QUARTERS_PER_WEEK; local++) {
    const utc = (((local - shift) % QUARTERS_PER_WEEK) + QUARTERS_PER_WEEK) % QUARTERS_PER_WEEK;
    out.push((bytes[utc >> 3] & (0x80 >> (utc & 7))) !== 0);
  }
  return out;
}

/** Writes local quarters back into the 84-byte UTC bitmap. */
export function localToBitmap(quarters: readonly boolean[], offsetMinutes: number): Uint8Array {
  const shift = offsetMinutes / 15;
  const out = new Uint8Array(84);
  for (let local = 0; local < QUARTERS_PER_WEEK; local++) {
    if (!quarters[local]) continue;
    const utc = (((local - shift) % QUARTERS_PER_WEEK) + QUARTERS_PER_WEEK) % QUARTERS_PER_WEEK;
    out[utc >> 3] |= 0x80 >> (utc & 7);
  }
  return out;
}

/** The local quarters that a list of windows opens (windows that do not parse are left out). */
export function windowsToLocal(windows: readonly string[]): boolean[] {
  const parsed = parseSchedule(windows);
  const out: boolean[] = [];
  for (let q = 0; q < QUARTERS_PER_WEEK; q++) {
    out.push(isOpen(parsed, Math.floor(q / QUARTERS_PER_DAY), (q % QUARTERS_PER_DAY) * 15));
  }
  return out;
}

interface Run {
  day: number;
  /** Minutes after midnight. */
  start: number;
  /** Minutes after midnight of the start day; may pass 1440 for a window over midnight. */
  end: number;
}

/** Runs of open quarters, each within one day. */
function dayRuns(q: readonly boolean[]): Run[] {
  const runs: Run[] = [];
  for (let day = 0; day < 7; day++) {
    let start = -1;
    for (let i = 0; i <= QUARTERS_PER_DAY; i++) {
      const open = i < QUARTERS_PER_DAY && q[day * QUARTERS_PER_DAY + i];
      if (open && start === -1) start = i;
      if (!open && start !== -1) {
        runs.push({ day, start: start * 15, end: i * 15 });
        start = -1;
      }
    }
  }
  return runs;
}

/**
 * The windows that open exactly these quarters: a run up to midnight that
 * goes on into the next morning becomes one window over midnight (as
 * `Mon-Fri 22:00-06:00`), and days with the same times share a window.
 */
export function localToWindows(q: readonly boolean[]): string[] {
  const runs = dayRuns(q);
  const used = new Set<Run>();
  const windows: Run[] = [];
  for (const r of runs) {
    if (used.has(r)) continue;
    used.add(r);
    if (r.end === 1440 && r.start > 0) {
      const next = runs.find((n) => n.day === (r.day + 1) % 7 && n.start === 0 && n.end < r.start && !used.has(n));
      if (next) {
        used.add(next);
        windows.push({ day: r.day, start: r.start, end: 1440 + next.end });
        continue;
      }
    }
    windows.push(r);
  }
  const byTimes = new Map<string, { start: number; end: number; days: number[] }>();
  for (const w of windows) {
    const key = `${w.start}-${w.end}`;
    const entry = byTimes.get(key) ?? { start: w.start, end: w.end, days: [] };
    entry.days.push(w.day);
    byTimes.set(key, entry);
  }
  const out = [...byTimes.values()]
    .sort((a, b) => mondayFirst(a.days[0]) - mondayFirst(b.days[0]) || a.start - b.start)
    .map((e) => `${formatDays(e.days)} ${formatTime(e.start)}-${formatTime(e.end > 1440 ? e.end - 1440 : e.end)}`);
  return out;
}

/** Monday first, as administrators write weeks. */
const mondayFirst = (day: number) => (day + 6) % 7;

/** `Mon-Fri`, `Sat,Sun`, `Mon,Wed-Fri`: ranges of three days or more, Monday first. */
export function formatDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => mondayFirst(a) - mondayFirst(b));
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && mondayFirst(sorted[j + 1]) === mondayFirst(sorted[j]) + 1) j++;
    if (j - i >= 2) parts.push(`${DAY_NAMES[sorted[i]]}-${DAY_NAMES[sorted[j]]}`);
    else for (let k = i; k <= j; k++) parts.push(DAY_NAMES[sorted[k]]);
    i = j + 1;
  }
  return parts.join(',');
}

export type ConnectionTime = 'always' | 'never' | 'every1Hour' | 'every2Hours' | 'every4Hours' | 'dailyAt11PM' | 'custom';

/** The presets of System Manager's connection-time list, as the quarters they open (local time). */
export function presetQuarters(preset: 'every1Hour' | 'every2Hours' | 'every4Hours' | 'dailyAt11PM'): boolean[] {
  const out: boolean[] = [];
  for (let q = 0; q < QUARTERS_PER_WEEK; q++) {
    const quarterOfDay = q % QUARTERS_PER_DAY;
    const hour = Math.floor(quarterOfDay / 4);
    const firstQuarter = quarterOfDay % 4 === 0;
    const open =
      preset === 'every1Hour'
        ? firstQuarter
        : preset === 'every2Hours'
          ? firstQuarter && hour % 2 === 0
          : preset === 'every4Hours'
            ? firstQuarter && hour % 4 === 0
            : firstQuarter && hour === 23;
    out.push(open);
  }
  return out;
}

const PRESETS = ['every1Hour', 'every2Hours', 'every4Hours', 'dailyAt11PM'] as const;

export interface ScheduleReading {
  connectionTime: ConnectionTime;
  /** With `custom` only. */
  schedule?: string[];
}

/**
 * What an `activationStyle` and `activationSchedule` pair says, in the
 * format's words: 0 never, 2 always, 1 at the selected times (a preset when
 * the bitmap is one, else custom windows). Undefined when the style is not one
 * of those or the bitmap is not 84 bytes.
 */
export function readSchedule(
  style: number | undefined,
  bitmap: Uint8Array | undefined,
  offsetMinutes: number,
): ScheduleReading | undefined {
  if (style === 0) return { connectionTime: 'never' };
  if (style === 2) return { connectionTime: 'always' };
  if (style !== 1 || !bitmap || bitmap.length !== 84) return undefined;
  const q = bitmapToLocal(bitmap, offsetMinutes);
  if (q.every((x) => !x)) return { connectionTime: 'never' };
  for (const p of PRESETS) if (sameQuarters(q, presetQuarters(p))) return { connectionTime: p };
  return { connectionTime: 'custom', schedule: localToWindows(q) };
}

export function sameQuarters(a: readonly boolean[], b: readonly boolean[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Parses `±HH:MM` (or `Z`/`UTC`) to minutes east of UTC; undefined when it is not a whole quarter hour within ±14:00. */
export function parseOffset(text: string): number | undefined {
  if (/^(z|utc)$/i.test(text)) return 0;
  const m = /^([+-])(\d\d):(\d\d)$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > 14 * 60 || minutes % 15 !== 0) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${formatTime(a)}`;
}
