/**
 * Text from the files (names, host names, notes) inside Markdown that the
 * editor renders, shown as written: never a link, an image, a `command:`
 * link, HTML, code or emphasis. Backslash-escaped (CommonMark allows one
 * before any ASCII punctuation): the characters that open inline syntax, the
 * `:` and `@` of bare URLs and e-mail addresses and the dot of `www.` (which
 * GitHub-flavoured renderers turn into links), and a list or heading marker at
 * the start. Hyphens and dots stay as they are, so `bos-ex01.contoso.com`
 * reads the same in the source. Line breaks become spaces: a name cannot start
 * a block of its own.
 */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&:@]/g, '\\$&')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^(\s*)(-|[0-9]+(?=[.)](\s|$)))/, (_, space: string, marker: string) =>
      marker === '-' ? `${space}\\-` : `${space}${marker}\\`,
    );
}
