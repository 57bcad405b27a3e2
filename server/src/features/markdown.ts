/** Anything mdText would change: a character it escapes or drops, `www.`, or a list marker at the start. */
const NEEDS_ESCAPING = /[\\`*_{}[\]()<>#+!|~&:@\r\n\u2028\u2029]|www\.|^\s*(?:-|[0-9]+[.)](?:\s|$))/i;

/**
 * Text from the files (names, host names, notes) inside Markdown that the
 * editor renders, shown as written: never a link, an image, a `command:`
 * link, HTML, code or emphasis. Backslash-escaped (CommonMark allows one
 * before any ASCII punctuation): the characters that open inline syntax, the
 * `:` and `@` of bare URLs and e-mail addresses and the dot of `www.` (which
 * GitHub-flavoured renderers turn into links), and a list or heading marker at
 * the start. Hyphens and dots stay as they are, so `bos-ex01.contoso.com`
 * reads the same in the source. Line breaks become spaces: a name cannot start
 * a block of its own. Most names need nothing: one test returns them as they
 * are (a routing group's hover escapes some sixty names).
 */
export function mdText(s: string): string {
  return NEEDS_ESCAPING.test(s) ? escapeMarkdown(s) : s;
}

/** mdText's escaping, done on any text. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&:@]/g, '\\$&')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^(\s*)(-|[0-9]+(?=[.)](\s|$)))/, (_, space: string, marker: string) =>
      marker === '-' ? `${space}\\-` : `${space}${marker}\\`,
    );
}
