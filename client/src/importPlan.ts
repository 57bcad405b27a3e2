/** The pure part of "Import from an LDIF Export…": the time zone typed, and where each file may go. */

/** `±HH:MM` (or `Z`, `UTC`) to minutes east of UTC; undefined unless a whole quarter hour within ±14:00. */
export function parseTimezone(text: string): number | undefined {
  const t = text.trim();
  if (/^(z|utc)$/i.test(t)) return 0;
  const m = /^(?:UTC)?([+-])(\d\d):(\d\d)$/i.exec(t);
  if (!m || Number(m[3]) > 59) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (minutes > 14 * 60 || minutes % 15 !== 0) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/** The offset of a Date's time zone as `±HH:MM` (getTimezoneOffset counts the other way). */
export function timezoneOf(date: Date): string {
  const east = -date.getTimezoneOffset();
  const a = Math.abs(east);
  return `${east < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * The path segments of a file the server returned, or undefined when the path
 * could leave the target folder: the server sends slugs, but the client writes
 * only what it has checked.
 */
export function safeSegments(path: string): string[] | undefined {
  const parts = path.split('/');
  const ok = parts.every((p) => p !== '' && p !== '.' && p !== '..' && !/[\\:\x00-\x1f]/.test(p));
  return ok ? parts : undefined;
}
