/**
 * The names of the files the tools create (the reciprocal quick fix, the New
 * Connector wizard): one slug rule for the server and the extension alike.
 */

/** The longest stem: two of them, `-to-`, `.connector.yaml` and a `-99` stay within 100 characters. */
const MAX_STEM = 38;

/** Names Windows gives to devices, with any extension: `con.routinggroup.yaml` cannot be created there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * A routing group's name as it appears in the names of files the fixes create:
 * a slug that every file system accepts and that stays in its folder. Lower
 * case; letters and digits kept; anything else (spaces, `/`, `\`, `:`, NUL…)
 * a hyphen; dots only inside and never two together; at most 38 characters;
 * a Windows device name (CON, NUL, COM1…) gets `-group`; nothing left is
 * `unnamed`.
 */
export function fileStem(name: string): string {
  let s = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  const chars = Array.from(s); // code points: a cut never splits a surrogate pair
  if (chars.length > MAX_STEM)
    s = chars
      .slice(0, MAX_STEM)
      .join('')
      .replace(/[.-]+$/, '');
  if (s === '') return 'unnamed';
  const dot = s.indexOf('.');
  const first = dot === -1 ? s : s.slice(0, dot);
  return WINDOWS_DEVICE.test(first) ? `${first}-group${s.slice(first.length)}` : s;
}
